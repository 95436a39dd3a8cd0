package org.pcop.tck;

import java.util.Optional;
import org.junit.jupiter.api.DisplayName;

/**
 * The adapter's name as its test class gives it: the {@link DisplayName} of the vendor's test
 * class, or that class's simple name. The rules are methods of the kit, inherited by the vendor's
 * test class, so build tools file every rule's result under that class and its name: a build that
 * runs a kit against several adapters keeps each adapter's results apart.
 */
final class KitNames {
  private KitNames() {}

  /**
   * The adapter's name as its test class gives it.
   *
   * @param testClass the vendor's test class (a subclass of a kit)
   * @return its {@link DisplayName}, or its simple name
   */
  static String adapterOf(Class<?> testClass) {
    return declaredName(testClass).orElse(testClass.getSimpleName());
  }

  /**
   * The {@link DisplayName} the vendor's test class declares, if any.
   *
   * @param testClass the vendor's test class
   * @return the name
   */
  static Optional<String> declaredName(Class<?> testClass) {
    DisplayName name = testClass.getAnnotation(DisplayName.class);
    return name == null || name.value().isBlank() ? Optional.empty()
        : Optional.of(name.value().strip());
  }

  /**
   * Whether a class is a vendor's test class: one that extends a kit.
   *
   * @param type a class
   * @return true for a kit's subclass
   */
  static boolean isAdapterTest(Class<?> type) {
    return type.isAnnotationPresent(Kit.class) && type.getDeclaredAnnotation(Kit.class) == null;
  }
}
