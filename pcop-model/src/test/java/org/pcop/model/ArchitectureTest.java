package org.pcop.model;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.pcop.model.taxonomy.PspTaxonomy;

/**
 * The model's place in the module graph: it depends on no other pcop module, on nothing of
 * Jackson, and does no I/O (files, network, JDBC). The one exception is {@link PspTaxonomy},
 * which reads the taxonomy bundled in the model's own jar.
 */
class ArchitectureTest {
  // Imported from the compiled classes directly: on the module path, ArchUnit's package
  // scanning through the class loader cannot see inside named modules.
  private static final JavaClasses MODEL = new ClassFileImporter()
      .importPath(Path.of("target", "classes"));

  @Test
  void importsTheModelClasses() {
    assertTrue(MODEL.contain(Member.class), "target/classes holds the model");
    assertTrue(MODEL.size() > 50, "imported " + MODEL.size() + " classes");
  }

  @Test
  void dependsOnNoOtherPcopModule() {
    noClasses().should().dependOnClassesThat().resideInAnyPackage(
            "org.pcop.rules..", "org.pcop.io..", "org.pcop.spi..", "org.pcop.tck..")
        .check(MODEL);
  }

  @Test
  void dependsOnNothingOfJacksonJdbcOrNetworking() {
    noClasses().should().dependOnClassesThat().resideInAnyPackage(
            "com.fasterxml.jackson..", "tools.jackson..", "java.sql..", "javax.sql..",
            "java.net..", "java.nio.file..", "java.nio.channels..")
        .check(MODEL);
  }

  @Test
  void doesNoIoBeyondReadingItsBundledTaxonomy() {
    noClasses().that(not(equivalentTo(PspTaxonomy.class)))
        .should().dependOnClassesThat(resideInAnyPackage("java.io..")
            .and(not(equivalentTo(Serializable.class)))
            .and(not(equivalentTo(UncheckedIOException.class)))
            .and(not(equivalentTo(IOException.class))))
        .check(MODEL);
  }
}
