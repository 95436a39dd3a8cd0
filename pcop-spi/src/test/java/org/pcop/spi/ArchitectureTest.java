package org.pcop.spi;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.pcop.spi.memory.InMemoryEventStore;

/**
 * The provider interfaces stand alone: an adapter reads a small module that depends on pcop-model
 * at most, with no Jackson, no rules, no formats and no engine; the interfaces do not depend on the
 * in-memory implementations, and nothing depends on the conformance kit.
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
  void nothingDependsOnJacksonRulesFormatsOrTheEngine() {
    noClasses().should().dependOnClassesThat()
        .resideInAnyPackage("com.fasterxml..", "org.pcop.rules..", "org.pcop.io..",
            "org.pcop.engine..")
        .check(SPI);
  }

  @Test
  void theModuleRequiresTheModelAtMost() {
    ModuleDescriptor descriptor = EventStore.class.getModule().getDescriptor();
    Set<String> requires = new TreeSet<>();
    descriptor.requires().stream()
        .filter(r -> !r.modifiers().contains(ModuleDescriptor.Requires.Modifier.STATIC))
        .forEach(r -> requires.add(r.name()));
    assertEquals(Set.of("java.base", "org.pcop.model"), requires,
        "org.pcop.spi must read the model at most, so an adapter reads a small module");
  }

  @Test
  void nothingDependsOnTheKitOrOnJunit() {
    noClasses().should().dependOnClassesThat()
        .resideInAnyPackage("org.pcop.tck..", "org.junit..")
        .check(SPI);
  }
}
