package org.pcop.spi;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.pcop.spi.memory.InMemoryEventStore;

/**
 * The provider interfaces and the engine stand alone: they do not depend on the in-memory
 * implementations, and nothing in pcop-spi depends on the conformance kit.
 */
class ArchitectureTest {
  // Imported from the compiled classes directly: on the module path, ArchUnit's package
  // scanning through the class loader cannot see inside named modules.
  private static final JavaClasses SPI = new ClassFileImporter()
      .importPath(Path.of("target", "classes"));

  @Test
  void importsTheSpiClasses() {
    assertTrue(SPI.contain(EventStore.class) && SPI.contain(InMemoryEventStore.class));
  }

  @Test
  void providerInterfacesDoNotDependOnTheInMemoryImplementations() {
    noClasses().that().resideInAPackage("org.pcop.spi")
        .should().dependOnClassesThat().resideInAPackage("org.pcop.spi.memory")
        .check(SPI);
  }

  @Test
  void theEngineDoesNotReachIntoTheInMemoryImplementations() {
    noClasses().that().resideInAPackage("org.pcop.spi.engine")
        .should().dependOnClassesThat().resideInAPackage("org.pcop.spi.memory")
        .check(SPI);
  }

  @Test
  void theEngineIsImported() {
    assertTrue(SPI.contain(org.pcop.spi.engine.Pcop.class));
  }

  @Test
  void nothingDependsOnTheKitOrOnJunit() {
    noClasses().should().dependOnClassesThat()
        .resideInAnyPackage("org.pcop.tck..", "org.junit..")
        .check(SPI);
  }
}
