package org.pcop.rules;

import java.util.Locale;

/**
 * One factor of a suggestion's score ({@link AnswererSuggestion}, {@link HostSuggestion}): what
 * the record holds and the points it added.
 *
 * @param name the factor, as named by its weight ({@code topicExpertise}, {@code practice}, ...)
 * @param fact what the record holds, in words
 * @param points what it added (negative when it took points)
 */
public record SuggestionFactor(String name, String fact, double points) {
  /**
   * The factor in words, for example {@code lists gun-violence.nibin as expertise (+2.00)}.
   *
   * @return the text
   */
  public String render() {
    return String.format(Locale.ROOT, "%s (%+.2f)", fact, points);
  }
}
