package org.pcop.rules.spi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.pcop.model.InvalidValueException;
import org.pcop.rules.internal.BuiltInKinds;

/**
 * The rule kinds an evaluation knows, by name: the built-in families and any plugins.
 * Immutable; {@link #with(RuleKind...)} returns a new registry.
 */
public final class RuleKindRegistry {
  private final Map<String, RuleKind> kinds;
  private final List<String> problems;

  private RuleKindRegistry(Map<String, RuleKind> kinds, List<String> problems) {
    this.kinds = Collections.unmodifiableMap(new TreeMap<>(kinds));
    this.problems = List.copyOf(problems);
  }

  /**
   * The built-in kinds only: eligibility, engagement-level, points, service-level,
   * exchange-policy, coverage, dormancy, recommendation and answerer-invitation.
   *
   * @return the registry
   */
  public static RuleKindRegistry builtIn() {
    Map<String, RuleKind> kinds = new TreeMap<>();
    for (RuleKind kind : BuiltInKinds.all()) {
      kinds.put(kind.kind(), kind);
    }
    return new RuleKindRegistry(kinds, List.of());
  }

  /**
   * The built-in kinds plus every plugin {@link ServiceLoader} finds for this module's layer and
   * the given class loader's class path. A plugin that fails to load, or that reuses a taken
   * name, is left out and reported by {@link #problems()}; it never stops the others.
   *
   * @param loader the class loader to search, for example the application's
   * @return the registry
   */
  public static RuleKindRegistry installed(ClassLoader loader) {
    return discover(ServiceLoader.load(RuleKind.class, loader));
  }

  /**
   * The built-in kinds plus every plugin {@link ServiceLoader} finds in the given module layer
   * (and its parents).
   *
   * @param layer the layer, for example {@code ModuleLayer.boot()}
   * @return the registry
   */
  public static RuleKindRegistry installed(ModuleLayer layer) {
    return discover(ServiceLoader.load(layer, RuleKind.class));
  }

  private static RuleKindRegistry discover(ServiceLoader<RuleKind> loader) {
    RuleKindRegistry registry = builtIn();
    Map<String, RuleKind> kinds = new TreeMap<>(registry.kinds);
    List<String> problems = new ArrayList<>();
    var iterator = loader.iterator();
    while (true) {
      RuleKind kind;
      try {
        if (!iterator.hasNext()) {
          break;
        }
        kind = iterator.next();
      } catch (ServiceConfigurationError e) {
        problems.add("a rule kind plugin failed to load: " + e.getMessage());
        continue;
      }
      String name = kind.kind();
      if (kinds.containsKey(name)) {
        problems.add("rule kind plugin " + kind.getClass().getName() + " is left out: the kind '"
            + name + "' is taken by " + kinds.get(name).getClass().getName());
      } else {
        kinds.put(name, kind);
      }
    }
    return new RuleKindRegistry(kinds, problems);
  }

  /**
   * This registry plus the given kinds.
   *
   * @param added the kinds to add
   * @return the new registry
   * @throws InvalidValueException if a kind's name is blank or already taken
   */
  public RuleKindRegistry with(RuleKind... added) {
    Map<String, RuleKind> next = new TreeMap<>(kinds);
    for (RuleKind kind : added) {
      String name = kind.kind();
      InvalidValueException.check(name != null && !name.isBlank(), "RuleKindRegistry", "kind",
          "%s has a blank kind name", kind.getClass().getName());
      InvalidValueException.check(!next.containsKey(name), "RuleKindRegistry", "kind",
          "the kind '%s' of %s is already taken by %s", name, kind.getClass().getName(),
          next.containsKey(name) ? next.get(name).getClass().getName() : "");
      next.put(name, kind);
    }
    return new RuleKindRegistry(next, problems);
  }

  /**
   * The kind named {@code name}, if known.
   *
   * @param name the name
   * @return the kind
   */
  public Optional<RuleKind> kind(String name) {
    return Optional.ofNullable(kinds.get(name));
  }

  /**
   * The names of the known kinds, sorted.
   *
   * @return the names
   */
  public List<String> names() {
    return List.copyOf(kinds.keySet());
  }

  /**
   * What went wrong while discovering plugins, one sentence each; empty when nothing did.
   *
   * @return the problems
   */
  public List<String> problems() {
    return problems;
  }
}
