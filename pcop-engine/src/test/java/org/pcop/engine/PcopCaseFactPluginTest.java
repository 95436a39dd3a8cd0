package org.pcop.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pcop.engine.World.*;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcop.engine.CommandRefusedException.Reason;
import org.pcop.guard.CaseFactGuard;
import org.pcop.guard.CaseFactPolicy;
import org.pcop.model.activity.Exchange;
import org.pcop.spi.AuditRecord;

/**
 * A host's case-fact detector, compiled as a named module that {@code provides} the detector
 * service, loaded in a layer of its own, and applied by the engine to every command's free
 * text: its findings refuse a command like the built-in ones, naming its kind and offsets only.
 */
class PcopCaseFactPluginTest {
  private static final String DESCRIPTOR = """
      module sample.acme.detector {
        requires org.pcop.guard;
        provides org.pcop.guard.spi.CaseFactDetector with sample.acme.detector.AcmePersonIds;
      }
      """;
  private static final String DETECTOR = """
      package sample.acme.detector;

      import java.util.regex.Matcher;
      import java.util.regex.Pattern;
      import org.pcop.guard.spi.CaseFactDetector;

      /** Acme's person ids: P# and seven digits. */
      public final class AcmePersonIds implements CaseFactDetector {
        private static final Pattern ID = Pattern.compile("\\\\bP#\\\\d{7}\\\\b");

        @Override
        public String kind() {
          return "acme-person-id";
        }

        @Override
        public String description() {
          return "an Acme person id";
        }

        @Override
        public void detect(String text, Matches matches) {
          Matcher m = ID.matcher(text);
          while (m.find()) {
            matches.add(m.start(), m.end());
          }
        }
      }
      """;

  private static ModuleLayer pluginLayer(Path dir) throws IOException {
    Path source = dir.resolve("src");
    Files.createDirectories(source.resolve("sample/acme/detector"));
    Files.writeString(source.resolve("module-info.java"), DESCRIPTOR);
    Files.writeString(source.resolve("sample/acme/detector/AcmePersonIds.java"), DETECTOR);
    Path classes = dir.resolve("classes");
    StringWriter errors = new StringWriter();
    int status = ToolProvider.findFirst("javac").orElseThrow().run(new PrintWriter(errors),
        new PrintWriter(errors), "-d", classes.toString(), "--module-path",
        System.getProperty("jdk.module.path"),
        source.resolve("module-info.java").toString(),
        source.resolve("sample/acme/detector/AcmePersonIds.java").toString());
    assertEquals(0, status, errors.toString());
    ModuleLayer boot = ModuleLayer.boot();
    Configuration configuration = boot.configuration().resolveAndBind(ModuleFinder.of(classes),
        ModuleFinder.of(), Set.of("sample.acme.detector"));
    return boot.defineModulesWithOneLoader(configuration, ClassLoader.getSystemClassLoader());
  }

  @Test
  void aDetectorModuleOfTheHostRefusesCommandsThroughTheEngine(@TempDir Path dir)
      throws IOException {
    assertTrue(Pcop.class.getModule().isNamed(), "the engine runs as a named module");
    CaseFactGuard guard = CaseFactGuard.withInstalledDetectors(pluginLayer(dir));
    assertEquals(List.of(), guard.problems());
    World world = new World();
    Pcop pcop = Pcop.builder().store(world.store).community(COMMUNITY).clock(CLOCK)
        .identities(world.identities).access(world.access).audit(world.audit)
        .notifications(world.sink).caseFacts(CaseFactPolicy.REFUSE).caseFactGuard(guard)
        .build();
    world.populate(pcop);
    String purpose = "Walk through the file of P#0042117 with the host.";
    int before = world.memoryStore.readAll(0, 1000).size();
    CommandRefusedException e = assertThrows(CommandRefusedException.class,
        () -> pcop.requestExchange(world.as(PAT),
            Exchange.builder().from(exchange("x-1")).purpose(purpose).build()));
    assertEquals(Reason.INVALID, e.getReason());
    int at = purpose.indexOf("P#");
    assertEquals("field \"exchange.purpose\" holds an Acme person id (acme-person-id) at"
        + " characters " + at + " to " + (at + 9), e.getProblems().get(0));
    assertEquals(before, world.memoryStore.readAll(0, 1000).size());
    for (AuditRecord record : world.audit.getRecords()) {
      assertFalse(record.toString().contains("0042117"), record.toString());
    }
    assertFalse(e.getMessage().contains("0042117"), e.getMessage());

    // The engine's default guard, from the engine's own layer, does not see the host's layer.
    World other = new World();
    Pcop plain = Pcop.builder().store(other.store).community(COMMUNITY).clock(CLOCK)
        .identities(other.identities).access(other.access).audit(other.audit)
        .notifications(other.sink).build();
    other.populate(plain);
    plain.requestExchange(other.as(PAT),
        Exchange.builder().from(exchange("x-1")).purpose(purpose).build());
  }
}
