package org.pcop.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every builder of the model refuses a null value or a null element of a collection with a
 * {@link MissingValueException} that names the attribute, never a bare
 * {@link NullPointerException}: checked by a sweep of every generated builder, so that an
 * attribute added later is covered too.
 */
class NullInputTest {
  private static final Pattern NAMED =
      Pattern.compile("[a-z][A-Za-z]*( element| key| value)?: must not be null");

  @Test
  void everyBuilderMethodNamesTheAttributeOfANull() throws Exception {
    List<String> bare = new ArrayList<>();
    int checked = 0;
    for (JavaClass type : new ClassFileImporter().importPath(Path.of("target", "classes"))) {
      if (!type.getSimpleName().equals("Builder")
          || !type.getEnclosingClass().map(c -> c.getSimpleName().startsWith("Immutable"))
              .orElse(false)) {
        continue;
      }
      Class<?> builderType = Class.forName(type.getName());
      Method builder = builderType.getEnclosingClass().getMethod("builder");
      for (Method method : builderType.getMethods()) {
        if (method.getDeclaringClass() != builderType || Modifier.isStatic(method.getModifiers())
            || method.getParameterCount() == 0 || method.getName().equals("from")) {
          continue;
        }
        for (Object[] arguments : nullArguments(method)) {
          checked++;
          String where = builderType.getEnclosingClass().getSimpleName() + ".Builder."
              + method.getName() + Arrays.toString(method.getParameterTypes());
          try {
            method.invoke(builder.invoke(null), arguments);
            bare.add(where + " accepted " + Arrays.deepToString(arguments));
          } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (!(cause instanceof MissingValueException)
                || !NAMED.matcher(cause.getMessage()).matches()) {
              bare.add(where + ": " + cause);
            }
          }
        }
      }
    }
    assertTrue(checked > 100, "checked " + checked + " builder calls");
    assertEquals(List.of(), bare);
  }

  @Test
  void aNullCollectionElementNamesItsAttribute() {
    MissingValueException e = assertThrows(MissingValueException.class,
        () -> Member.builder().addAllExpertise(Arrays.asList(null, null)));
    assertEquals("expertise element: must not be null", e.getMessage());
  }

  /**
   * The calls to try for one method: a null value, or for a method of one collection, array, map
   * or entry argument, that argument holding a null. A null collection or {@code Optional} itself
   * is a programming error that Java's own message names ("because \"elements\" is null").
   */
  private static List<Object[]> nullArguments(Method method) {
    Class<?>[] types = method.getParameterTypes();
    List<Object[]> calls = new ArrayList<>();
    if (Arrays.stream(types).anyMatch(Class::isPrimitive)) {
      return calls;
    }
    if (types.length == 1 && nullInside(types[0]) != null) {
      calls.add(new Object[] {nullInside(types[0])});
    } else if (types.length > 1 || types[0] != Optional.class) {
      calls.add(new Object[types.length]);
    }
    return calls;
  }

  private static Object nullInside(Class<?> type) {
    if (type.isArray()) {
      return Array.newInstance(type.getComponentType(), 1);
    }
    if (Iterable.class.isAssignableFrom(type)) {
      return Arrays.asList((Object) null);
    }
    if (Map.class.isAssignableFrom(type)) {
      Map<Object, Object> map = new HashMap<>();
      map.put(null, null);
      return map;
    }
    if (Map.Entry.class.isAssignableFrom(type)) {
      return new AbstractMap.SimpleEntry<>(null, null);
    }
    return null;
  }
}
