package org.pcop.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.module.ModuleDescriptor;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The module graph of the design, read from the descriptors the JVM resolved: each pcop module
 * the engine reads requires exactly the pcop modules of the design, the provider interfaces
 * read the model alone, and the case-fact guard reads no pcop module.
 */
class ModuleGraphTest {
  private static final Map<String, Set<String>> DESIGN = Map.of(
      "org.pcop.model", Set.of(),
      "org.pcop.rules", Set.of("org.pcop.model"),
      "org.pcop.io", Set.of("org.pcop.model", "org.pcop.rules"),
      "org.pcop.spi", Set.of("org.pcop.model"),
      "org.pcop.guard", Set.of(),
      "org.pcop.engine", Set.of("org.pcop.spi", "org.pcop.model", "org.pcop.rules",
          "org.pcop.io", "org.pcop.guard"));

  @Test
  void everyPcopModuleRequiresExactlyTheModulesOfTheDesign() {
    Map<String, Set<String>> actual = DESIGN.keySet().stream().collect(Collectors.toMap(
        name -> name, ModuleGraphTest::pcopRequires));
    assertEquals(DESIGN, actual);
  }

  private static Set<String> pcopRequires(String module) {
    ModuleDescriptor descriptor = ModuleLayer.boot().findModule(module)
        .orElseThrow(() -> new AssertionError(module + " is not in the boot layer"))
        .getDescriptor();
    return descriptor.requires().stream().map(ModuleDescriptor.Requires::name)
        .filter(name -> name.startsWith("org.pcop."))
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
