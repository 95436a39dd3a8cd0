package org.pcop.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The engine works over the host's providers only: it never reaches into the in-memory reference
 * implementations, and it does not depend on the conformance kit or on JUnit.
 */
class ArchitectureTest {
  // Imported from the compiled classes directly: on the module path, ArchUnit's package
  // scanning through the class loader cannot see inside named modules.
  private static final JavaClasses ENGINE = new ClassFileImporter()
      .importPath(Path.of("target", "classes"));

  @Test
  void theEngineIsImported() {
    assertTrue(ENGINE.contain(Pcop.class));
  }

  @Test
  void theEngineDoesNotReachIntoTheInMemoryImplementations() {
    noClasses().should().dependOnClassesThat().resideInAPackage("org.pcop.spi.memory")
        .check(ENGINE);
  }

  @Test
  void nothingDependsOnTheKitOrOnJunit() {
    noClasses().should().dependOnClassesThat()
        .resideInAnyPackage("org.pcop.tck..", "org.junit..")
        .check(ENGINE);
  }
}
