package org.pcop.tck;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DisplayNameGenerator;

/**
 * Names a kit's rule groups after the adapter under test: "JdbcEventStore on H2: Batches are
 * atomic". Build tools file results by these names, so a build that runs a kit against several
 * adapters keeps each adapter's results apart. The adapter's name is the {@link DisplayName} of
 * the vendor's test class, or that class's simple name.
 */
final class KitNames extends DisplayNameGenerator.Standard {
  KitNames() {}

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

  @Override
  public String generateDisplayNameForClass(Class<?> testClass) {
    return adapterOf(testClass);
  }

  @Override
  public String generateDisplayNameForNestedClass(List<Class<?>> enclosingInstanceTypes,
      Class<?> nestedClass) {
    RuleGroup group = nestedClass.getAnnotation(RuleGroup.class);
    if (group == null) {
      return isAdapterTest(nestedClass) ? adapterOf(nestedClass)
          : super.generateDisplayNameForNestedClass(enclosingInstanceTypes, nestedClass);
    }
    for (int i = enclosingInstanceTypes.size() - 1; i >= 0; i--) {
      if (isAdapterTest(enclosingInstanceTypes.get(i))) {
        return adapterOf(enclosingInstanceTypes.get(i)) + ": " + group.value();
      }
    }
    return group.value();
  }
}
