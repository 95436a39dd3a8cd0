package org.pcop.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.lang.module.ResolvedModule;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * jlink refuses automatic modules, so no runtime graph of a pcop module may hold one: each pcop
 * module of the command's module path (and the command itself) is resolved on its own, as an
 * application that requires just it would be, and every module resolved has a descriptor.
 * Guava's empty {@code listenablefuture} placeholder is excluded, and H2 and libphonenumber get
 * a descriptor at build time.
 */
class RuntimeGraphTest {
  private static final List<String> ROOTS = List.of("org.pcop.model", "org.pcop.rules",
      "org.pcop.io", "org.pcop.spi", "org.pcop.engine", "org.pcop.samples.jdbcstore",
      "org.pcop.samples.cli");

  @Test
  void noRuntimeGraphOfAPcopModuleHoldsAnAutomaticModule() {
    ModuleFinder finder = ModuleFinder.compose(ModuleFinder.ofSystem(),
        ModuleFinder.of(Path.of("target", "classes"), Path.of("target", "modules")));
    for (String root : ROOTS) {
      Configuration graph = Configuration.empty().resolve(finder, ModuleFinder.of(),
          Set.of(root));
      Set<String> automatic = graph.modules().stream()
          .filter(m -> m.reference().descriptor().isAutomatic())
          .map(ResolvedModule::name).collect(Collectors.toCollection(java.util.TreeSet::new));
      assertEquals(Set.of(), automatic, "automatic modules in the graph of " + root);
      assertTrue(graph.findModule(root).isPresent(), root);
    }
  }

  @Test
  void theDatabaseAndThePhoneNumberLibraryHaveDescriptorsThatReadWhatTheyUse() {
    ModuleFinder finder = ModuleFinder.of(Path.of("target", "modules"));
    var h2 = finder.find("com.h2database").orElseThrow().descriptor();
    assertTrue(!h2.isAutomatic() && h2.exports().stream()
        .anyMatch(e -> e.source().equals("org.h2.jdbcx")), h2.toString());
    assertTrue(h2.provides().stream().anyMatch(p -> p.service().equals("java.sql.Driver")),
        h2.toString());
    var phone = finder.find("com.google.i18n.phonenumbers.libphonenumber").orElseThrow()
        .descriptor();
    assertTrue(!phone.isAutomatic() && phone.exports().stream()
        .anyMatch(e -> e.source().equals("com.google.i18n.phonenumbers")), phone.toString());
  }
}
