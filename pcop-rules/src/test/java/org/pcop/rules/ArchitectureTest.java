package org.pcop.rules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.pcop.rules.internal.RecordAccess;
import org.junit.jupiter.api.Test;

/**
 * The rules' place in the module graph: they read the model only, nothing of Jackson, do no I/O,
 * and log nothing (no logging facade whose missing provider would print a warning on a host's
 * error stream). The public classes stay small, and no evaluation keeps state in a static field.
 */
class ArchitectureTest {
  private static final JavaClasses RULES = new ClassFileImporter()
      .importPath(Path.of("target", "classes"));

  @Test
  void importsTheRulesClasses() {
    assertTrue(RULES.contain(RuleEngine.class));
  }

  @Test
  void dependsOnNoLaterPcopModule() {
    noClasses().should().dependOnClassesThat().resideInAnyPackage("org.pcop.io..",
        "org.pcop.spi..", "org.pcop.tck..").check(RULES);
  }

  @Test
  void dependsOnNothingOfJacksonAndDoesNoIo() {
    noClasses().should().dependOnClassesThat().resideInAnyPackage("com.fasterxml.jackson..",
        "tools.jackson..", "java.io..", "java.nio.file..", "java.net..", "java.sql..")
        .check(RULES);
  }

  @Test
  void usesNoLoggingFacadeNorHolidayLibrary() {
    noClasses().should().dependOnClassesThat().resideInAnyPackage("org.slf4j..",
        "org.jboss.logging..", "org.apache.logging..", "de.focus_shift..").check(RULES);
  }

  @Test
  void theExportedApiDoesNotReachIntoInternalsExceptToBuildIn() {
    noClasses().that().resideInAnyPackage("org.pcop.rules.definition..",
        "org.pcop.rules.calendar..").should().dependOnClassesThat()
        .resideInAnyPackage("org.pcop.rules.internal..").check(RULES);
  }

  @Test
  void noStaticFieldChangesAfterClassInitialisationButTheRecordsOneWayIn() {
    // The one exception is written once, when the record's class is initialised.
    fields().that().areStatic().and().areDeclaredInClassesThat()
        .doNotHaveFullyQualifiedName(RecordAccess.class.getName())
        .should().beFinal().because("an evaluation is a pure function: no static mutable state")
        .check(RULES);
  }

  @Test
  void noPublicClassOfTheExportedPackagesIsOverAbout500Lines() throws IOException {
    Path exported = Path.of("src", "main", "java", "org", "pcop", "rules");
    List<String> tooLong;
    try (Stream<Path> files = Files.walk(exported)) {
      tooLong = files.filter(f -> f.toString().endsWith(".java"))
          .filter(f -> !f.startsWith(exported.resolve("internal")))
          .filter(f -> lines(f) > 550)
          .map(f -> exported.relativize(f) + " has " + lines(f) + " lines")
          .sorted().collect(Collectors.toList());
    }
    assertEquals(List.of(), tooLong);
  }

  private static long lines(Path file) {
    try (Stream<String> lines = Files.lines(file)) {
      return lines.count();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
