package org.pcop.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.module.ModuleDescriptor;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The module graph of the design, read from the descriptors the JVM resolved: the kit reads the
 * provider interfaces, and they read the model alone (no rules, no formats, no engine). The
 * engine's side of the graph is checked in pcop-engine.
 */
class ModuleGraphTest {
  private static final Map<String, Set<String>> DESIGN = Map.of(
      "org.pcop.model", Set.of(),
      "org.pcop.spi", Set.of("org.pcop.model"),
      "org.pcop.tck", Set.of("org.pcop.spi"));

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
