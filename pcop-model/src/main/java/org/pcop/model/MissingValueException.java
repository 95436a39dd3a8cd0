package org.pcop.model;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Thrown by a builder when a value is null or a required one was never set; the message names the
 * field, and for a required field never set also the type ({@code Member.agency, Member.email:
 * must be set}).
 */
public final class MissingValueException extends InvalidValueException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception for a null field.
   *
   * @param field the field that was null
   */
  public MissingValueException(String field) {
    super(field + ": must not be null");
  }

  /**
   * Creates the exception for required fields a builder was never given. The generated builders
   * of the model call this with the names of the fields; the type is the one whose builder
   * called.
   *
   * @param fields the fields never set
   */
  public MissingValueException(String[] fields) {
    super(missing(builtType(), fields));
  }

  /**
   * Creates the exception for required fields of a named type that were never set.
   *
   * @param type the type, for example {@code "Member"}
   * @param fields the fields never set
   */
  public MissingValueException(String type, String... fields) {
    super(missing(Optional.of(type), fields));
  }

  private static String missing(Optional<String> type, String[] fields) {
    String prefix = type.map(t -> t + ".").orElse("");
    return Arrays.stream(fields).map(f -> prefix + f).collect(Collectors.joining(", "))
        + ": must be set";
  }

  /**
   * The type whose generated builder is building, from the caller's class: the simple name of
   * {@code ImmutableMember.Builder} (or of a builder nested deeper) without its
   * {@code Immutable} prefix.
   */
  private static Optional<String> builtType() {
    return StackWalker.getInstance().walk(frames -> frames
        .map(StackWalker.StackFrame::getClassName)
        .filter(name -> !name.equals(MissingValueException.class.getName()))
        .findFirst())
        .flatMap(MissingValueException::typeOfBuilder);
  }

  private static Optional<String> typeOfBuilder(String className) {
    String simple = className.substring(className.lastIndexOf('.') + 1);
    String[] parts = simple.split("\\$");
    for (int i = parts.length - 1; i >= 0; i--) {
      if (parts[i].startsWith("Immutable") && parts[i].length() > "Immutable".length()) {
        return Optional.of(parts[i].substring("Immutable".length()));
      }
    }
    return Optional.empty();
  }
}
