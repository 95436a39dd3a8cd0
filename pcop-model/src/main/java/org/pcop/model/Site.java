package org.pcop.model;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import org.pcop.model.validation.HasText;
import org.pcop.model.validation.Limits;
import org.pcop.model.validation.PlainText;
import org.pcop.model.validation.UsJurisdiction;

/**
 * A jurisdiction in the program (a city or county, in a state) with its engagement history in
 * chronological order. Engagements do not overlap.
 */
@Value.Immutable
public interface Site {
  /**
   * The site's identifier.
   *
   * @return the id
   */
  SiteId getId();

  /**
   * The city or county, for example {@code Kansas City} or {@code Harris County}.
   *
   * @return the name
   */
  @HasText
  @Size(max = Limits.NAME_MAX)
  @PlainText
  String getName();

  /**
   * The two-letter code of the state, DC or territory.
   *
   * @return the state code
   */
  @UsJurisdiction
  String getState();

  /**
   * The engagements, oldest first.
   *
   * @return the engagement history
   */
  List<SiteEngagement> getEngagements();

  /**
   * The engagement in force on {@code day}, if any.
   *
   * @param day the day
   * @return the engagement covering the day
   */
  default Optional<SiteEngagement> engagementOn(LocalDate day) {
    return getEngagements().stream().filter(e -> e.covers(day)).findFirst();
  }

  /**
   * Whether the site has a diagnostic or operations engagement in force on {@code day}.
   *
   * @param day the day
   * @return true when the site is actively engaged
   */
  default boolean isActiveOn(LocalDate day) {
    return engagementOn(day).map(e -> e.getKind() != EngagementKind.ALUMNI).orElse(false);
  }

  /** Refuses engagements out of order or overlapping. */
  @Value.Check
  default void check() {
    List<SiteEngagement> engagements = getEngagements();
    for (int i = 1; i < engagements.size(); i++) {
      SiteEngagement before = engagements.get(i - 1);
      SiteEngagement after = engagements.get(i);
      InvalidValueException.check(
          before.getEnd().isPresent() && !after.getStart().isBefore(before.getEnd().get()),
          "Site", "engagements[" + i + "]",
          "starts %s, before the previous engagement ends (%s); engagements must be in order and"
              + " must not overlap", after.getStart(),
          before.getEnd().map(Object::toString).orElse("open-ended"));
    }
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static ImmutableSite.Builder builder() {
    return ImmutableSite.builder();
  }
}
