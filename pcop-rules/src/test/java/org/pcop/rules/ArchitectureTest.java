package org.pcop.rules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The rules' place in the module graph: they read the model only, nothing of Jackson, do no I/O,
 * and log nothing (no logging facade whose missing provider would print a warning on a host's
 * error stream).
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
}
