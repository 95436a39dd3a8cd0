package org.pcop.io.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.pcop.model.validation.ModelValidator;
import org.pcop.model.validation.Violation;

/**
 * The model validator the readers share; created on first use, thread-safe. A value whose type
 * carries no constraint at all (none on the type, its properties or their elements, and nothing
 * cascaded; Jakarta Validation's own metadata says so) cannot have a violation, so it is not
 * walked: the answer is the same, without the cost. Nor is a value that {@link SurelyValid}
 * vouches for (every constraint it can reach surely holds); any other value is validated.
 */
public final class Validators {
  private Validators() {}

  private static final class Holder {
    static final ModelValidator VALIDATOR = ModelValidator.create();
  }

  /** Reads constraint metadata only; its messages are never shown. */
  private static final class Metadata {
    static final Validator VALIDATOR = metadataValidator();

    private static Validator metadataValidator() {
      ValidatorFactory factory = Validation.byDefaultProvider().configure()
          .messageInterpolator(new MessageInterpolator() {
            @Override
            public String interpolate(String template, Context context) {
              return template;
            }

            @Override
            public String interpolate(String template, Context context, Locale locale) {
              return template;
            }
          })
          .buildValidatorFactory();
      return factory.getValidator();
    }
  }

  /** The validator that reads constraint metadata; its messages are never shown. */
  static Validator metadata() {
    return Metadata.VALIDATOR;
  }

  private static final ClassValue<Boolean> CONSTRAINED = new ClassValue<>() {
    @Override
    protected Boolean computeValue(Class<?> type) {
      try {
        return Metadata.VALIDATOR.getConstraintsForClass(type).isBeanConstrained();
      } catch (RuntimeException e) {
        return true;
      }
    }
  };

  /**
   * The shared validator.
   *
   * @return the validator
   */
  public static ModelValidator shared() {
    return Holder.VALIDATOR;
  }

  /**
   * Validates a model value.
   *
   * @param value the value
   * @return every violation, with model property paths; empty when valid
   */
  public static List<Violation> validate(Object value) {
    if (!CONSTRAINED.get(value.getClass()) || SurelyValid.test(value)) {
      return List.of();
    }
    return shared().validate(value);
  }

  /**
   * Whether values of {@code type} carry any constraint the validator checks.
   *
   * @param type a model type
   * @return false when validating a value of the type can find nothing
   */
  public static boolean isConstrained(Class<?> type) {
    return CONSTRAINED.get(type);
  }

  /**
   * A codec that also validates what it decoded, recording every violation at its pointer.
   *
   * @param codec the codec
   * @param <T> the value
   * @return the validating codec
   */
  public static <T> Codec<T> validated(Codec<T> codec) {
    return new Codec<>() {
      @Override
      public T decode(JsonNode node, String at, Decoding d) {
        T value = codec.decode(node, at, d);
        if (value == null) {
          return null;
        }
        List<Violation> violations = validate(value);
        if (!violations.isEmpty()) {
          d.violations(at, violations);
          return null;
        }
        return value;
      }

      @Override
      public void encode(T value, JsonGenerator g) throws IOException {
        codec.encode(value, g);
      }

      @Override
      public String expected() {
        return codec.expected();
      }
    };
  }
}
