package org.pcop.io.internal;

import org.pcop.model.validation.ModelValidator;

/** The model validator the readers share; created on first use, thread-safe. */
public final class Validators {
  private Validators() {}

  private static final class Holder {
    static final ModelValidator VALIDATOR = ModelValidator.create();
  }

  /**
   * The shared validator.
   *
   * @return the validator
   */
  public static ModelValidator shared() {
    return Holder.VALIDATOR;
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
      public T decode(com.fasterxml.jackson.databind.JsonNode node, String at, Decoding d) {
        T value = codec.decode(node, at, d);
        if (value == null) {
          return null;
        }
        var violations = shared().validate(value);
        if (!violations.isEmpty()) {
          d.violations(at, violations);
          return null;
        }
        return value;
      }

      @Override
      public void encode(T value, com.fasterxml.jackson.core.JsonGenerator g)
          throws java.io.IOException {
        codec.encode(value, g);
      }

      @Override
      public String expected() {
        return codec.expected();
      }
    };
  }
}
