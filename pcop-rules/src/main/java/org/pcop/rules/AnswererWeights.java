package org.pcop.rules;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pcop.model.InvalidValueException;

/**
 * How much each fact counts when {@link AnswererSuggestions} ranks members for a request for
 * information. Every weight is a number of points, 0 or more; a weight of 0 turns its factor off.
 * The defaults ({@link #DEFAULTS}) were chosen by the offline evaluation in the benchmarks
 * module (a search over a small grid of values on one generated history, reported on another;
 * see BENCHMARKS.md), every factor kept on:
 *
 * <table>
 *   <caption>Default weights</caption>
 *   <tr><th>factor</th><th>points</th></tr>
 *   <tr><td>expertise on the request's topic</td><td>+2.0</td></tr>
 *   <tr><td>expertise on another topic of the same core area (only without the first)</td>
 *       <td>+1.0</td></tr>
 *   <tr><td>each accepted answer on the same topic, up to 5</td><td>+3.0</td></tr>
 *   <tr><td>each accepted answer on another topic of the core area, up to 5</td><td>+0.25</td></tr>
 *   <tr><td>response speed: 24 / (24 + median hours to first answer)</td><td>x 2.0</td></tr>
 *   <tr><td>each open request the member asked or answered in the last 7 days</td>
 *       <td>-0.1</td></tr>
 *   <tr><td>a recorded engagement level</td><td>+1.0</td></tr>
 *   <tr><td>no participation and no answer in the last 90 days</td><td>-1.5</td></tr>
 *   <tr><td>another site than the asker's (half for another agency at the same site)</td>
 *       <td>+0.5</td></tr>
 * </table>
 *
 * @param topicExpertise points for listing the request's topic as expertise
 * @param areaExpertise points for listing another topic of the request's core area
 * @param acceptedOnTopic points per accepted answer on the request's topic
 * @param acceptedInArea points per accepted answer on another topic of the core area
 * @param acceptedCap the most accepted answers of each kind that count
 * @param responseSpeed points for answering at once, falling with the median hours to answer
 * @param loadPerRequest points taken per open request asked or answered in the last 7 days
 * @param engagementLevel points for having a recorded engagement level
 * @param dormancy points taken when nothing was recorded for {@code dormantAfterDays}
 * @param dormantAfterDays days without participation or answer after which dormancy counts
 * @param diversity points for a member of another site than the asker's
 */
public record AnswererWeights(double topicExpertise, double areaExpertise,
    double acceptedOnTopic, double acceptedInArea, int acceptedCap, double responseSpeed,
    double loadPerRequest, double engagementLevel, double dormancy, int dormantAfterDays,
    double diversity) {

  /** The default weights, as in the table above. */
  public static final AnswererWeights DEFAULTS =
      new AnswererWeights(2.0, 1.0, 3.0, 0.25, 5, 2.0, 0.1, 1.0, 1.5, 90, 0.5);

  /**
   * Checks the weights.
   *
   * @throws InvalidValueException naming the first weight that is negative or not a number, or a
   *     count below its minimum
   */
  public AnswererWeights {
    points("topicExpertise", topicExpertise);
    points("areaExpertise", areaExpertise);
    points("acceptedOnTopic", acceptedOnTopic);
    points("acceptedInArea", acceptedInArea);
    InvalidValueException.check(acceptedCap >= 0, "AnswererWeights", "acceptedCap",
        "must be 0 or more, got %d", acceptedCap);
    points("responseSpeed", responseSpeed);
    points("loadPerRequest", loadPerRequest);
    points("engagementLevel", engagementLevel);
    points("dormancy", dormancy);
    InvalidValueException.check(dormantAfterDays >= 1, "AnswererWeights", "dormantAfterDays",
        "must be 1 or more, got %d", dormantAfterDays);
    points("diversity", diversity);
  }

  /**
   * The weights' names in rule-set JSON (a recommendation rule), in the order of this record.
   */
  public static final List<String> NAMES = List.of(
      "topicExpertise", "areaExpertise", "acceptedOnTopic", "acceptedInArea", "acceptedCap",
      "responseSpeed", "loadPerRequest", "engagementLevel", "dormancy", "dormantAfterDays",
      "diversity");

  /**
   * The weights by name, in the order of {@link #NAMES}.
   *
   * @return the weights
   */
  public Map<String, Double> byName() {
    Map<String, Double> values = new LinkedHashMap<>();
    values.put("topicExpertise", topicExpertise);
    values.put("areaExpertise", areaExpertise);
    values.put("acceptedOnTopic", acceptedOnTopic);
    values.put("acceptedInArea", acceptedInArea);
    values.put("acceptedCap", (double) acceptedCap);
    values.put("responseSpeed", responseSpeed);
    values.put("loadPerRequest", loadPerRequest);
    values.put("engagementLevel", engagementLevel);
    values.put("dormancy", dormancy);
    values.put("dormantAfterDays", (double) dormantAfterDays);
    values.put("diversity", diversity);
    return Collections.unmodifiableMap(values);
  }

  /**
   * These weights with some changed by name, the others kept.
   *
   * @param changes the new values by name, each a name of {@link #NAMES}
   * @return the weights
   * @throws InvalidValueException naming the first name that is not a weight, or a weight that
   *     is negative, not a number, or not a whole number where a count is expected
   */
  public AnswererWeights with(Map<String, ? extends Number> changes) {
    Map<String, Number> values = new LinkedHashMap<>(byName());
    for (Map.Entry<String, ? extends Number> change : changes.entrySet()) {
      InvalidValueException.check(NAMES.contains(change.getKey()), "AnswererWeights", change.getKey(),
          "is not a weight; expected one of %s", String.join(", ", NAMES));
      InvalidValueException.check(change.getValue() != null, "AnswererWeights", change.getKey(),
          "must be a number");
      values.put(change.getKey(), change.getValue());
    }
    return new AnswererWeights(values.get("topicExpertise").doubleValue(),
        values.get("areaExpertise").doubleValue(),
        values.get("acceptedOnTopic").doubleValue(),
        values.get("acceptedInArea").doubleValue(),
        whole(values, "acceptedCap"),
        values.get("responseSpeed").doubleValue(),
        values.get("loadPerRequest").doubleValue(),
        values.get("engagementLevel").doubleValue(),
        values.get("dormancy").doubleValue(),
        whole(values, "dormantAfterDays"),
        values.get("diversity").doubleValue());
  }

  private static int whole(Map<String, Number> values, String name) {
    double value = values.get(name).doubleValue();
    InvalidValueException.check(value == Math.rint(value) && Math.abs(value) <= Integer.MAX_VALUE,
        "AnswererWeights", name, "must be a whole number, got %s", values.get(name));
    return (int) value;
  }

  private static void points(String field, double value) {
    InvalidValueException.check(Double.isFinite(value) && value >= 0, "AnswererWeights", field,
        "must be a finite number of points, 0 or more, got %s", value);
  }
}
