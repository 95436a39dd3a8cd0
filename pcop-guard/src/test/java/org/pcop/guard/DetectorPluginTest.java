package org.pcop.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcop.guard.spi.CaseFactDetector;

/**
 * A host's detector, found by {@link java.util.ServiceLoader}: as a named module in a child
 * layer (through {@code provides} in its descriptor) and as a jar on the class path (through
 * {@code META-INF/services}); and the detectors that are left out, with the reason.
 */
class DetectorPluginTest {
  private static final String DESCRIPTOR = """
      module sample.detector {
        requires org.pcop.guard;
        provides org.pcop.guard.spi.CaseFactDetector with sample.detector.AcmeCaseNumbers;
      }
      """;

  private static String detector(String name, String kind, String body) {
    return """
        package sample.detector;

        import java.util.regex.Matcher;
        import java.util.regex.Pattern;
        import org.pcop.guard.spi.CaseFactDetector;

        /** Acme's case numbers: ACME- and six digits. */
        public final class %s implements CaseFactDetector {
          private static final Pattern NUMBER = Pattern.compile("\\\\bACME-\\\\d{6}\\\\b");

          public %s() {
            %s
          }

          @Override
          public String kind() {
            return "%s";
          }

          @Override
          public String description() {
            return "an Acme case number";
          }

          @Override
          public void detect(String text, Matches matches) {
            Matcher m = NUMBER.matcher(text);
            while (m.find()) {
              matches.add(m.start(), m.end());
            }
          }
        }
        """.formatted(name, name, body, kind);
  }

  private static Path compile(Path dir, boolean asModule, String... sources) throws IOException {
    Path source = dir.resolve("src");
    Files.createDirectories(source.resolve("sample/detector"));
    List<String> args = new ArrayList<>(List.of("-d", dir.resolve("classes").toString()));
    args.addAll(List.of(asModule ? "--module-path" : "--class-path",
        System.getProperty("jdk.module.path")));
    if (asModule) {
      Files.writeString(source.resolve("module-info.java"), DESCRIPTOR);
      args.add(source.resolve("module-info.java").toString());
    }
    for (int i = 0; i < sources.length; i += 2) {
      Path file = source.resolve("sample/detector/" + sources[i] + ".java");
      Files.writeString(file, sources[i + 1]);
      args.add(file.toString());
    }
    StringWriter errors = new StringWriter();
    int status = ToolProvider.findFirst("javac").orElseThrow().run(new PrintWriter(errors),
        new PrintWriter(errors), args.toArray(String[]::new));
    assertEquals(0, status, errors.toString());
    return dir.resolve("classes");
  }

  @Test
  void aDetectorModuleInAChildLayerIsFoundAndUsed(@TempDir Path dir) throws IOException {
    Path classes = compile(dir, true, "AcmeCaseNumbers",
        detector("AcmeCaseNumbers", "acme-case-number", ""));
    ModuleLayer boot = ModuleLayer.boot();
    assertTrue(boot.findModule("org.pcop.guard").isPresent(), "the guard runs as a named module");
    Configuration configuration = boot.configuration().resolveAndBind(ModuleFinder.of(classes),
        ModuleFinder.of(), Set.of("sample.detector"));
    ModuleLayer layer = boot.defineModulesWithOneLoader(configuration,
        ClassLoader.getSystemClassLoader());

    CaseFactGuard guard = CaseFactGuard.withInstalledDetectors(layer);
    assertEquals(List.of(), guard.problems());
    assertTrue(guard.kinds().contains("acme-case-number"), guard.kinds().toString());
    assertEquals(CaseFactKind.values().length + 1, guard.kinds().size());

    String text = "Please pull the file for ACME-204417 and SSN 123-45-6789.";
    List<Finding> findings = guard.scan("question", text);
    assertEquals(List.of("acme-case-number", "ssn"),
        findings.stream().map(Finding::kind).toList());
    Finding acme = findings.get(0);
    assertEquals(text.indexOf("ACME-"), acme.start());
    assertEquals(text.indexOf("ACME-") + 11, acme.end());
    assertEquals("field \"question\" holds an Acme case number (acme-case-number) at characters"
        + " 25 to 36", acme.describe());
    // The boot layer alone does not hold the plugin.
    assertTrue(!CaseFactGuard.withInstalledDetectors(boot).kinds().contains("acme-case-number"));
  }

  @Test
  void aDetectorOnTheClassPathIsFoundAndBadOnesAreLeftOutWithTheReason(@TempDir Path dir)
      throws IOException {
    Path classes = compile(dir, false,
        "AcmeCaseNumbers", detector("AcmeCaseNumbers", "acme-case-number", ""),
        "TakenKind", detector("TakenKind", "ssn", ""),
        "BadKind", detector("BadKind", "Acme Numbers", ""),
        "Broken", detector("Broken", "broken", "throw new IllegalStateException(\"no config\");"));
    Path services = classes.resolve("META-INF/services");
    Files.createDirectories(services);
    Files.writeString(services.resolve(CaseFactDetector.class.getName()), """
        # Acme's detectors
        sample.detector.AcmeCaseNumbers
        sample.detector.TakenKind
        sample.detector.BadKind
        sample.detector.Broken
        """);
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
        DetectorPluginTest.class.getClassLoader())) {
      CaseFactGuard guard = CaseFactGuard.withInstalledDetectors(loader);
      assertTrue(guard.kinds().contains("acme-case-number"), guard.kinds().toString());
      assertEquals(CaseFactKind.values().length + 1, guard.kinds().size());
      assertEquals(1, guard.scan("label", "ACME-000001").size());
      List<String> problems = guard.problems();
      assertEquals(3, problems.size(), problems.toString());
      assertEquals("case-fact detector sample.detector.TakenKind is left out: the kind 'ssn' is"
          + " taken by org.pcop.guard.internal.StandardDetectors$Ssn", problems.get(0));
      assertEquals("case-fact detector sample.detector.BadKind is left out: its kind must be 1"
          + " to 40 lowercase letters, digits and hyphens, starting with a letter",
          problems.get(1));
      assertTrue(problems.get(2).startsWith("a case-fact detector failed to load: "
          + "org.pcop.guard.spi.CaseFactDetector: Provider sample.detector.Broken could not be"
          + " instantiated"), problems.get(2));
    }
  }

  @Test
  void anAddedDetectorMustHaveAFreeWellFormedKind() {
    CaseFactDetector taken = new CaseFactDetector() {
      @Override
      public String kind() {
        return "date-of-birth";
      }

      @Override
      public String description() {
        return "a birthday";
      }

      @Override
      public void detect(String text, Matches matches) {}
    };
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CaseFactGuard.standard().with(taken));
    assertTrue(e.getMessage().endsWith("cannot be added: the kind 'date-of-birth' is taken by"
        + " org.pcop.guard.internal.StandardDetectors$DateOfBirth"), e.getMessage());
  }
}
