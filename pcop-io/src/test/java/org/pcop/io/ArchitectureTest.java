package org.pcop.io;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter().importPath(Path.of("target", "classes"));

  @Test
  void dependsOnlyOnTheModelRulesJacksonAndTheJdk() {
    classes().that().resideInAPackage("org.pcop.io..").should().onlyDependOnClassesThat()
        .resideInAnyPackage("java..", "org.pcop.io..", "org.pcop.model..", "org.pcop.rules..",
            "com.fasterxml.jackson..", "org.immutables..", "com.google.common..",
            "com.google.errorprone..", "jakarta.validation..")
        .check(CLASSES);
  }

  @Test
  void theInternalPackageDependsOnNoFormatPackage() {
    noClasses().that().resideInAPackage("org.pcop.io.internal..").should()
        .dependOnClassesThat().resideInAnyPackage("org.pcop.io.document..",
            "org.pcop.io.eventlog..", "org.pcop.io.roster..", "org.pcop.io.json..")
        .check(CLASSES);
  }

  @Test
  void noFormatUsesJacksonsPolymorphicTyping() {
    noClasses().should().dependOnClassesThat().haveFullyQualifiedName(
        "com.fasterxml.jackson.annotation.JsonTypeInfo")
        .orShould().dependOnClassesThat().haveFullyQualifiedName(
            "com.fasterxml.jackson.databind.jsontype.PolymorphicTypeValidator")
        .check(CLASSES);
  }
}
