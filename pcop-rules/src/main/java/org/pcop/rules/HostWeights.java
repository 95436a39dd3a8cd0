package org.pcop.rules;

import org.pcop.model.InvalidValueException;

/**
 * How much each fact counts when {@link HostSuggestions} ranks host sites for a requested
 * exchange. Every weight is a number of points, 0 or more; 0 turns its factor off. The defaults
 * ({@link #DEFAULTS}):
 *
 * <table>
 *   <caption>Default weights</caption>
 *   <tr><th>factor</th><th>points</th></tr>
 *   <tr><td>each participation at the site in the exchange's core areas in the last 365 days,
 *       up to 8</td><td>+0.25</td></tr>
 *   <tr><td>each exchange the site hosted and held in those core areas, up to 3</td>
 *       <td>+1.0</td></tr>
 *   <tr><td>each of those with a follow-up report, up to 3</td><td>+0.5</td></tr>
 *   <tr><td>share of the host capacity left in the policy's period</td><td>x 0.5</td></tr>
 *   <tr><td>at the policy's host capacity already</td><td>-3.0</td></tr>
 *   <tr><td>share of the travel funding cap left in the fiscal year</td><td>x 0.5</td></tr>
 *   <tr><td>the exchange's travel funding would pass the cap</td><td>-3.0</td></tr>
 *   <tr><td>no earlier exchange between the site and a visiting agency</td><td>+0.5</td></tr>
 *   <tr><td>each earlier exchange between them, up to 3</td><td>-0.5</td></tr>
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
 */
public record HostWeights(double practice, int practiceCap, double hosted, double reported,
    int hostedCap, double capacityLeft, double atCapacity, double fundingLeft,
    double overFunding, double newPairing, double pastPairing) {

  /** The default weights, as in the table above. */
  public static final HostWeights DEFAULTS =
      new HostWeights(0.25, 8, 1.0, 0.5, 3, 0.5, 3.0, 0.5, 3.0, 0.5, 0.5);

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
  }

  private static void points(String field, double value) {
    InvalidValueException.check(Double.isFinite(value) && value >= 0, "HostWeights", field,
        "must be a finite number of points, 0 or more, got %s", value);
  }
}
