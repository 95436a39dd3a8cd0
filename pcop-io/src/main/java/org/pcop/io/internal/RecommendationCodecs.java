package org.pcop.io.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.pcop.rules.AnswererWeights;
import org.pcop.rules.HostWeights;

/**
 * The wire form of a recommendation rule's weights: an object of named numbers, for example
 * {@code {"topicExpertise": 3, "loadPerRequest": 0.5}}. A weight left out keeps its default; a
 * name that is not a weight, a negative weight and a fractional count are refused, naming the
 * property. Written with every weight, whole numbers without a fraction.
 */
public final class RecommendationCodecs {
  private RecommendationCodecs() {}

  /** A finite JSON number. */
  private static final Codec<Double> NUMBER = new Codec<>() {
    @Override
    public Double decode(JsonNode node, String at, Decoding d) {
      if (!node.isNumber() || !Double.isFinite(node.doubleValue())) {
        d.error(at, "expected a number of points, found " + Fields.kind(node));
        return null;
      }
      return node.doubleValue();
    }

    @Override
    public void encode(Double value, JsonGenerator g) throws IOException {
      if (value == Math.rint(value) && Math.abs(value) < 1e15) {
        g.writeNumber(value.longValue());
      } else {
        g.writeNumber(value);
      }
    }

    @Override
    public String expected() {
      return "a number";
    }
  };

  /** Answerer weights. */
  public static final Codec<AnswererWeights> ANSWERER_WEIGHTS = weights("answerer weights",
      AnswererWeights.NAMES, AnswererWeights::byName, AnswererWeights.DEFAULTS::with);

  /** Host weights. */
  public static final Codec<HostWeights> HOST_WEIGHTS = weights("host weights",
      HostWeights.NAMES, HostWeights::byName, HostWeights.DEFAULTS::with);

  private static <W> Codec<W> weights(String what, List<String> names,
      Function<W, Map<String, Double>> byName, Function<Map<String, Double>, W> fromDefaults) {
    String[] properties = names.toArray(new String[0]);
    return new Codec<>() {
      @Override
      public W decode(JsonNode node, String at, Decoding d) {
        Fields f = Fields.of(node, at, d, what, properties);
        Map<String, Double> values = new LinkedHashMap<>();
        for (String name : names) {
          f.opt(name, NUMBER).ifPresent(v -> values.put(name, v));
        }
        return f.build(() -> fromDefaults.apply(values));
      }

      @Override
      public void encode(W value, JsonGenerator g) throws IOException {
        g.writeStartObject();
        for (Map.Entry<String, Double> weight : byName.apply(value).entrySet()) {
          g.writeFieldName(weight.getKey());
          NUMBER.encode(weight.getValue(), g);
        }
        g.writeEndObject();
      }

      @Override
      public String expected() {
        return what + " (an object of " + String.join(", ", names) + ")";
      }
    };
  }
}
