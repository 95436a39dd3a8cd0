package org.pcop.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * Finds the {@link HostAdapter}: an explicit choice first, {@link ServiceLoader} as the fallback
 * (providers in named modules on the module path, {@code META-INF/services} on the class path).
 *
 * <p>Exactly one registered adapter is used; with none or several it throws a
 * {@link DiscoveryException} whose message has a stable code, names what was found and says how
 * to fix it. Several adapters can live side by side if one is selected by name.
 */
public final class HostAdapters {
  private static final String SERVICE = HostAdapter.class.getName();

  private HostAdapters() {}

  /**
   * The explicit adapter if given, otherwise the one registered adapter.
   *
   * @param explicit the adapter the host wired itself, or empty to discover one
   * @return the adapter
   * @throws DiscoveryException if none is given and not exactly one is registered
   */
  public static HostAdapter explicitOrDiscovered(Optional<HostAdapter> explicit) {
    return explicit.isPresent() ? explicit.get() : discover();
  }

  /**
   * The one adapter registered with the context class loader's modules and class path.
   *
   * @return the adapter
   * @throws DiscoveryException if none or several are registered, or one fails to load
   */
  public static HostAdapter discover() {
    return discover(Thread.currentThread().getContextClassLoader(), Optional.empty());
  }

  /**
   * The registered adapter with the given name, among any number of registered adapters.
   *
   * @param name the adapter's {@link HostAdapter#getName() name}
   * @return the adapter
   * @throws DiscoveryException if no adapter or several have that name, or one fails to load
   */
  public static HostAdapter discover(String name) {
    return discover(Thread.currentThread().getContextClassLoader(), Optional.of(name));
  }

  /**
   * The adapter registered with a class loader (its modules and its class path): the one with the
   * given name, or the only one when no name is given.
   *
   * @param loader the class loader to search, for example one per plug-in directory
   * @param name the adapter's name, or empty to take the only one
   * @return the adapter
   * @throws DiscoveryException if none or several match, or one fails to load
   */
  public static HostAdapter discover(ClassLoader loader, Optional<String> name) {
    Objects.requireNonNull(loader, "loader");
    Objects.requireNonNull(name, "name");
    List<HostAdapter> found = new ArrayList<>();
    try {
      for (HostAdapter adapter : ServiceLoader.load(HostAdapter.class, loader)) {
        found.add(adapter);
      }
    } catch (ServiceConfigurationError e) {
      throw new DiscoveryException(DiscoveryException.FAILED_TO_LOAD,
          "a registered host adapter failed to load: " + e.getMessage() + ". Fix the adapter's"
              + " registration (a public class implementing " + SERVICE + " with a public"
              + " no-argument constructor or a public static provider() method) or remove its"
              + " jar.", e);
    }
    if (name.isPresent()) {
      List<HostAdapter> named = found.stream().filter(a -> name.get().equals(a.getName()))
          .collect(Collectors.toList());
      if (named.size() == 1) {
        return named.get(0);
      }
      if (named.isEmpty()) {
        throw new DiscoveryException(DiscoveryException.NAME_NOT_FOUND,
            "no host adapter is named \"" + name.get() + "\"; found " + describe(found)
                + ". Select one of the names found, or add the jar of the adapter named \""
                + name.get() + "\".", null);
      }
      throw new DiscoveryException(DiscoveryException.SEVERAL_FOUND,
          "several host adapters are named \"" + name.get() + "\": " + describe(named)
              + ". Remove all but one of them.", null);
    }
    if (found.size() == 1) {
      return found.get(0);
    }
    if (found.isEmpty()) {
      throw new DiscoveryException(DiscoveryException.NONE_FOUND,
          "no host adapter found: nothing provides " + SERVICE + ". Add the jar of your"
              + " case-management system's pcop adapter (on the module path it declares"
              + " 'provides " + SERVICE + " with ...'; on the class path it lists its class in"
              + " META-INF/services/" + SERVICE + "), or pass an adapter to the engine"
              + " explicitly, such as org.pcop.spi.memory.InMemoryHostAdapter to try pcop out.",
          null);
    }
    throw new DiscoveryException(DiscoveryException.SEVERAL_FOUND,
        "several host adapters found: " + describe(found) + ". Remove all but one, or select"
            + " one by name, for example HostAdapters.discover(\"" + found.get(0).getName()
            + "\").", null);
  }

  private static String describe(List<HostAdapter> adapters) {
    if (adapters.isEmpty()) {
      return "none";
    }
    return adapters.stream().map(a -> "\"" + a.getName() + "\" (" + a.getClass().getName() + ")")
        .collect(Collectors.joining(", "));
  }
}
