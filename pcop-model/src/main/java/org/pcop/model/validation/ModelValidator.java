package org.pcop.model.validation;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * The one entry point that validates any pcop model value against what people may type: lengths,
 * email addresses, phone numbers, ORIs, bar numbers, plain text. It reports every violation at
 * once, with its property path, ordered by path.
 *
 * <p>Builders already refuse values that can never be valid (a missing field, an end before its
 * start); this validator checks the rest. It is thread-safe; create one and share it.
 *
 * <pre>{@code
 * ModelValidator validator = ModelValidator.create();
 * List<Violation> violations = validator.validate(member);
 * validator.requireValid(member); // throws ModelValidationException listing all of them
 * }</pre>
 */
public final class ModelValidator implements AutoCloseable {
  /**
   * Hibernate Validator's version line ({@code HV000001}), which it logs at INFO through JBoss
   * Logging when first used. Without a logging framework JBoss Logging falls back to
   * java.util.logging, whose default console handler prints INFO on the host's error stream; a
   * library says nothing there unless asked, so this logger is set to WARNING unless the host
   * has configured its level. Held here so the level stays set.
   */
  private static final java.util.logging.Logger VALIDATOR_VERSION =
      java.util.logging.Logger.getLogger("org.hibernate.validator.internal.util.Version");

  static {
    if (VALIDATOR_VERSION.getLevel() == null) {
      VALIDATOR_VERSION.setLevel(java.util.logging.Level.WARNING);
    }
  }

  private final ValidatorFactory factory;
  private final Validator validator;

  private ModelValidator() {
    // Parameter-only interpolation needs no Expression Language implementation, which keeps the
    // model's run-time graph free of automatic modules.
    factory = Validation.byProvider(HibernateValidator.class)
        .configure()
        .messageInterpolator(new ParameterMessageInterpolator())
        .buildValidatorFactory();
    validator = factory.getValidator();
  }

  /**
   * Creates a validator.
   *
   * @return a new validator
   */
  public static ModelValidator create() {
    return new ModelValidator();
  }

  /**
   * Validates {@code value} and everything it holds.
   *
   * @param value a model value, not null
   * @return every violation, ordered by property path; empty when the value is valid
   */
  public List<Violation> validate(Object value) {
    Objects.requireNonNull(value, "value");
    Set<ConstraintViolation<Object>> found = validator.validate(value);
    return found.stream()
        .map(v -> new Violation(path(v.getPropertyPath()), v.getMessage(),
            v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName()))
        .sorted(Comparator.comparing(Violation::path).thenComparing(Violation::constraint)
            .thenComparing(Violation::message))
        .collect(Collectors.toUnmodifiableList());
  }

  /**
   * Returns {@code value} if it is valid, otherwise throws with every violation.
   *
   * @param value a model value, not null
   * @param <T> its type
   * @return {@code value}
   * @throws ModelValidationException listing every violation
   */
  public <T> T requireValid(T value) {
    List<Violation> violations = validate(value);
    if (!violations.isEmpty()) {
      throw new ModelValidationException(typeName(value), violations);
    }
    return value;
  }

  private static String typeName(Object value) {
    String name = value.getClass().getSimpleName();
    return name.startsWith("Immutable") ? name.substring("Immutable".length()) : name;
  }

  /**
   * Renders a path as {@code a.b[0].c}: an element of a list or map gets its index or key, an
   * element of a set {@code []}, and container element nodes such as {@code <list element>} are
   * left out.
   */
  private static String path(Path path) {
    StringBuilder out = new StringBuilder();
    for (Path.Node node : path) {
      if (node.isInIterable()) {
        Object at = node.getIndex() != null ? node.getIndex() : node.getKey();
        out.append('[').append(at == null ? "" : at).append(']');
      }
      String name = node.getName();
      if (name != null && !name.startsWith("<")) {
        if (out.length() > 0) {
          out.append('.');
        }
        out.append(name);
      }
    }
    return out.toString();
  }

  @Override
  public void close() {
    factory.close();
  }
}
