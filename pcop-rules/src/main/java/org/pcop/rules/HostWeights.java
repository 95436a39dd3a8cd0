package org.pcop.rules;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pcop.model.InvalidValueException;

/**
 * How much each fact counts when {@link HostSuggestions} ranks host sites for a requested
 * exchange. Every weight is a number of points, 0 or more; 0 turns its factor off. The defaults
 * ({@link #DEFAULTS}) were chosen by the offline evaluation in the benchmarks module (a search
 * over a small grid of values on one generated history, reported on another; see
 * BENCHMARKS.md), every factor kept on:
 *
 * <table>
 *   <caption>Default weights</caption>
 *   <tr><th>factor</th><th>points</th></tr>
 *   <tr><td>each participation at the site in the exchange's core areas in the last 365 days,
 *       up to 8</td><td>+0.05</td></tr>
 *   <tr><td>each exchange the site hosted and held in those core areas, up to 30</td>
 *       <td>+0.5</td></tr>
 *   <tr><td>each of those with a follow-up report, up to 30</td><td>+1.0</td></tr>
 *   <tr><td>each exchange in those core areas asked of the site and not yet held (neither
 *       declined nor cancelled), up to the same cap</td><td>+0.5</td></tr>
 *   <tr><td>share of the host capacity left in the policy's period</td><td>x 0.1</td></tr>
 *   <tr><td>at the policy's host capacity already</td><td>-0.5</td></tr>
 *   <tr><td>share of the travel funding cap left in the fiscal year</td><td>x 0.1</td></tr>
 *   <tr><td>the exchange's travel funding would pass the cap</td><td>-3.0</td></tr>
 *   <tr><td>no earlier exchange between the site and a visiting agency</td><td>+0.5</td></tr>
 *   <tr><td>each earlier exchange between them, up to 30</td><td>-0.1</td></tr>
 * </table>
 *
 * @param practice points per participation in the core areas at the site
 * @param practiceCap the most participations that count
 * @param hosted points per exchange hosted and held in the core areas
 * @param reported points per such exchange with a follow-up report
 * @param hostedCap the most hosted (and reported) exchanges that count
 * @param capacityLeft points for all of the host capacity left, in proportion
 * @param atCapacity points taken when the site is at its host capacity
 * @param fundingLeft points for all of the funding cap left, in proportion
 * @param overFunding points taken when the exchange's funding would pass the cap
 * @param newPairing points for a site that never hosted a visiting agency before
 * @param pastPairing points taken per earlier exchange with a visiting agency
 * @param asked points per exchange in the core areas asked of the site and not yet held
 */
public record HostWeights(double practice, int practiceCap, double hosted, double reported,
    int hostedCap, double capacityLeft, double atCapacity, double fundingLeft,
    double overFunding, double newPairing, double pastPairing, double asked) {

  /** The default weights, as in the table above. */
  public static final HostWeights DEFAULTS =
      new HostWeights(0.05, 8, 0.5, 1.0, 30, 0.1, 0.5, 0.1, 3.0, 0.5, 0.1, 0.5);

  /**
   * Checks the weights.
   *
   * @throws InvalidValueException naming the first weight that is negative or not a number, or a
   *     cap below 0
   */
  public HostWeights {
    points("practice", practice);
    InvalidValueException.check(practiceCap >= 0, "HostWeights", "practiceCap",
        "must be 0 or more, got %d", practiceCap);
    points("hosted", hosted);
    points("reported", reported);
    InvalidValueException.check(hostedCap >= 0, "HostWeights", "hostedCap",
        "must be 0 or more, got %d", hostedCap);
    points("capacityLeft", capacityLeft);
    points("atCapacity", atCapacity);
    points("fundingLeft", fundingLeft);
    points("overFunding", overFunding);
    points("newPairing", newPairing);
    points("pastPairing", pastPairing);
    points("asked", asked);
  }

  /**
   * The weights' names in rule-set JSON (a recommendation rule), in the order of this record.
   */
  public static final List<String> NAMES = List.of(
      "practice", "practiceCap", "hosted", "reported", "hostedCap", "capacityLeft",
      "atCapacity", "fundingLeft", "overFunding", "newPairing", "pastPairing", "asked");

  /**
   * The weights by name, in the order of {@link #NAMES}.
   *
   * @return the weights
   */
  public Map<String, Double> byName() {
    Map<String, Double> values = new LinkedHashMap<>();
    values.put("practice", practice);
    values.put("practiceCap", (double) practiceCap);
    values.put("hosted", hosted);
    values.put("reported", reported);
    values.put("hostedCap", (double) hostedCap);
    values.put("capacityLeft", capacityLeft);
    values.put("atCapacity", atCapacity);
    values.put("fundingLeft", fundingLeft);
    values.put("overFunding", overFunding);
    values.put("newPairing", newPairing);
    values.put("pastPairing", pastPairing);
    values.put("asked", asked);
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
  public HostWeights with(Map<String, ? extends Number> changes) {
    Map<String, Number> values = new LinkedHashMap<>(byName());
    for (Map.Entry<String, ? extends Number> change : changes.entrySet()) {
      InvalidValueException.check(NAMES.contains(change.getKey()), "HostWeights", change.getKey(),
          "is not a weight; expected one of %s", String.join(", ", NAMES));
      InvalidValueException.check(change.getValue() != null, "HostWeights", change.getKey(),
          "must be a number");
      values.put(change.getKey(), change.getValue());
    }
    return new HostWeights(values.get("practice").doubleValue(),
        whole(values, "practiceCap"),
        values.get("hosted").doubleValue(),
        values.get("reported").doubleValue(),
        whole(values, "hostedCap"),
        values.get("capacityLeft").doubleValue(),
        values.get("atCapacity").doubleValue(),
        values.get("fundingLeft").doubleValue(),
        values.get("overFunding").doubleValue(),
        values.get("newPairing").doubleValue(),
        values.get("pastPairing").doubleValue(),
        values.get("asked").doubleValue());
  }

  private static int whole(Map<String, Number> values, String name) {
    double value = values.get(name).doubleValue();
    InvalidValueException.check(value == Math.rint(value) && Math.abs(value) <= Integer.MAX_VALUE,
        "HostWeights", name, "must be a whole number, got %s", values.get(name));
    return (int) value;
  }

  private static void points(String field, double value) {
    InvalidValueException.check(Double.isFinite(value) && value >= 0, "HostWeights", field,
        "must be a finite number of points, 0 or more, got %s", value);
  }
}
