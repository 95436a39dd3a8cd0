package org.pcop.io.internal;

import jakarta.validation.Validator;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.validation.metadata.BeanDescriptor;
import jakarta.validation.metadata.ConstraintDescriptor;
import jakarta.validation.metadata.ContainerElementTypeDescriptor;
import jakarta.validation.metadata.PropertyDescriptor;
import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pcop.model.validation.HasText;
import org.pcop.model.validation.PlainText;

/**
 * A sufficient condition for "the validator finds no violation", read from Jakarta Validation's
 * own metadata and checked without the validator's machinery. Every constraint that can reach a
 * value (on its properties, on their container elements, and through every cascade) is checked
 * with a cheap test that only passes values the constraint surely accepts; a constraint or a
 * shape this class does not know makes the answer "not sure", and so does any value a cheap test
 * cannot vouch for. "Not sure" means: ask the validator, whose answer (and messages) are the only
 * ones ever reported. So this never changes a result, it only skips the validator for values it
 * would pass.
 */
final class SurelyValid {
  private SurelyValid() {}

  private static final int MAX_DEPTH = 32;

  /** Checks one value; true only when the validator surely finds nothing in it. */
  @FunctionalInterface
  private interface Check {
    boolean passes(Object value, int depth) throws Throwable;
  }

  private static final Check UNSURE = (value, depth) -> false;
  private static final Check NOTHING = (value, depth) -> true;

  private static final ClassValue<Check> CHECKS = new ClassValue<>() {
    @Override
    protected Check computeValue(Class<?> type) {
      try {
        Check check = beanCheck(type);
        return check == null ? UNSURE : check;
      } catch (RuntimeException | IllegalAccessException e) {
        return UNSURE;
      }
    }
  };

  /**
   * Whether validating {@code value} surely finds no violation.
   *
   * @param value a model value
   * @return true when the validator need not be asked; false when it must be
   */
  static boolean test(Object value) {
    return passesBean(value, 0);
  }

  private static boolean passesBean(Object value, int depth) {
    if (value == null) {
      return true;
    }
    if (depth > MAX_DEPTH) {
      return false;
    }
    try {
      return CHECKS.get(value.getClass()).passes(value, depth);
    } catch (Throwable e) {
      return false;
    }
  }

  private static Validator metadata() {
    return Validators.metadata();
  }

  private static Check beanCheck(Class<?> type) throws IllegalAccessException {
    BeanDescriptor bean = metadata().getConstraintsForClass(type);
    if (!bean.isBeanConstrained()) {
      return NOTHING;
    }
    if (!bean.getConstraintDescriptors().isEmpty()) {
      return null; // class-level constraints
    }
    List<Check> checks = new ArrayList<>();
    for (PropertyDescriptor property : bean.getConstrainedProperties()) {
      Method getter = getter(type, property.getPropertyName());
      if (getter == null) {
        return null;
      }
      Class<?> returned = getter.getReturnType();
      boolean container = isContainer(returned);
      Set<ConstraintDescriptor<?>> own = property.getConstraintDescriptors();
      if (container && (!own.isEmpty() || property.isCascaded())) {
        return null; // unwrapping rules: leave them to the validator
      }
      Check element = elementCheck(own, property.isCascaded());
      if (element == null) {
        return null;
      }
      List<Check> containerChecks = new ArrayList<>();
      for (ContainerElementTypeDescriptor e : property.getConstrainedContainerElementTypes()) {
        Check c = containerCheck(returned, e);
        if (c == null) {
          return null;
        }
        containerChecks.add(c);
      }
      MethodHandle read = MethodHandles.publicLookup().unreflect(getter);
      containerChecks.add(0, element);
      Check propertyCheck = allOf(containerChecks);
      checks.add((value, depth) -> propertyCheck.passes(read.invoke(value), depth));
    }
    return allOf(checks);
  }

  /** A check that passes what every one of {@code checks} passes, tried in order. */
  private static Check allOf(List<Check> checks) {
    if (checks.isEmpty()) {
      return NOTHING;
    }
    Check[] all = checks.toArray(new Check[0]);
    return (value, depth) -> {
      for (Check c : all) {
        if (!c.passes(value, depth)) {
          return false;
        }
      }
      return true;
    };
  }

  private static boolean isContainer(Class<?> type) {
    return Optional.class.isAssignableFrom(type) || Iterable.class.isAssignableFrom(type)
        || Map.class.isAssignableFrom(type) || type.isArray()
        || type.getName().startsWith("java.util.Optional");
  }

  /** The check of the elements of a container (the contents of an Optional, of a list or set). */
  private static Check containerCheck(Class<?> returned, ContainerElementTypeDescriptor e) {
    if (!e.getConstrainedContainerElementTypes().isEmpty() || e.getTypeArgumentIndex() == null
        || e.getTypeArgumentIndex() != 0) {
      return null;
    }
    Check element = elementCheck(e.getConstraintDescriptors(), e.isCascaded());
    if (element == null) {
      return null;
    }
    Class<?> kind = e.getContainerClass();
    if (kind == Optional.class && Optional.class.isAssignableFrom(returned)) {
      return (value, depth) -> value == null || ((Optional<?>) value).isEmpty()
          || element.passes(((Optional<?>) value).get(), depth);
    }
    if ((kind == List.class || kind == Set.class || kind == Collection.class
        || kind == Iterable.class) && Collection.class.isAssignableFrom(returned)) {
      return (value, depth) -> {
        if (value == null) {
          return true;
        }
        if (!(value instanceof Collection<?> items)) {
          return false;
        }
        for (Object item : items) {
          if (!element.passes(item, depth)) {
            return false;
          }
        }
        return true;
      };
    }
    return null;
  }

  /** The check of one value against its constraints and, if cascaded, its own. */
  private static Check elementCheck(Set<ConstraintDescriptor<?>> constraints, boolean cascaded) {
    List<Check> checks = new ArrayList<>();
    for (ConstraintDescriptor<?> c : constraints) {
      if (!c.getComposingConstraints().isEmpty()) {
        return null;
      }
      Check check = constraintCheck(c.getAnnotation());
      if (check == null) {
        return null;
      }
      checks.add(check);
    }
    if (cascaded) {
      checks.add((value, depth) -> passesBean(value, depth + 1));
    }
    return allOf(checks);
  }

  /** A test that passes only values the constraint surely accepts; null for an unknown one. */
  private static Check constraintCheck(Annotation a) {
    if (a instanceof NotNull) {
      return (value, depth) -> value != null;
    }
    if (a instanceof HasText) {
      // a printable ASCII character other than the space is visible; anything else may not be
      return (value, depth) -> value == null
          || (value instanceof CharSequence s && hasVisibleAscii(s));
    }
    if (a instanceof NotEmpty) {
      return (value, depth) -> (value instanceof CharSequence s && s.length() > 0)
          || (value instanceof Collection<?> c && !c.isEmpty());
    }
    if (a instanceof Size size) {
      int min = size.min();
      int max = size.max();
      return (value, depth) -> {
        if (value == null) {
          return true;
        }
        int n;
        if (value instanceof CharSequence s) {
          n = s.length();
        } else if (value instanceof Collection<?> c) {
          n = c.size();
        } else {
          return false;
        }
        return n >= min && n <= max;
      };
    }
    if (a instanceof PlainText) {
      return (value, depth) -> value == null
          || (value instanceof CharSequence s && isSurelyPlain(s));
    }
    return null;
  }

  private static boolean hasVisibleAscii(CharSequence s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c > ' ' && c < 0x7F) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether every character is printable ASCII or from U+00A0 to U+1FFF: none of them is a
   * control character, a format override, a byte order mark or a surrogate, so the text is plain
   * under either setting of {@link PlainText#multiline()}.
   */
  private static boolean isSurelyPlain(CharSequence s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || (c >= 0x7F && c < 0xA0) || c >= 0x2000) {
        return false;
      }
    }
    return true;
  }

  private static Method getter(Class<?> type, String property) {
    if (property == null || property.isEmpty()) {
      return null;
    }
    String suffix = Character.toUpperCase(property.charAt(0)) + property.substring(1);
    for (String name : new String[] {"get" + suffix, "is" + suffix}) {
      try {
        Method m = type.getMethod(name);
        if (!Modifier.isStatic(m.getModifiers()) && Modifier.isPublic(type.getModifiers())) {
          return m;
        }
      } catch (NoSuchMethodException e) {
        // try the next form
      }
    }
    return null;
  }
}
