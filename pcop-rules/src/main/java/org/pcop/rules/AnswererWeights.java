package org.pcop.rules;

import org.pcop.model.InvalidValueException;

/**
 * How much each fact counts when {@link AnswererSuggestions} ranks members for a request for
 * information. Every weight is a number of points, 0 or more; a weight of 0 turns its factor off.
 * The defaults ({@link #DEFAULTS}) are:
 *
 * <table>
 *   <caption>Default weights</caption>
 *   <tr><th>factor</th><th>points</th></tr>
 *   <tr><td>expertise on the request's topic</td><td>+3.0</td></tr>
 *   <tr><td>expertise on another topic of the same core area (only without the first)</td>
 *       <td>+1.0</td></tr>
 *   <tr><td>each accepted answer on the same topic, up to 3</td><td>+1.0</td></tr>
 *   <tr><td>each accepted answer on another topic of the core area, up to 3</td><td>+0.5</td></tr>
 *   <tr><td>response speed: 24 / (24 + median hours to first answer)</td><td>x 1.0</td></tr>
 *   <tr><td>each open request the member asked or answered in the last 7 days</td>
 *       <td>-0.75</td></tr>
 *   <tr><td>a recorded engagement level</td><td>+0.5</td></tr>
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
      new AnswererWeights(3.0, 1.0, 1.0, 0.5, 3, 1.0, 0.75, 0.5, 1.5, 90, 0.5);

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

  private static void points(String field, double value) {
    InvalidValueException.check(Double.isFinite(value) && value >= 0, "AnswererWeights", field,
        "must be a finite number of points, 0 or more, got %s", value);
  }
}
