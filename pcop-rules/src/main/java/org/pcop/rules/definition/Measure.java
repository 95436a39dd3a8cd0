package org.pcop.rules.definition;

import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;
import org.pcop.model.InvalidValueException;
import org.pcop.model.activity.ActivityKind;
import org.pcop.model.activity.ParticipationKind;

/**
 * One requirement of an engagement level: a measure of a member's record held to a threshold.
 * Build one with the static factories, for example
 * {@code Measure.attendanceRatio(ActivityKind.MEETING, Window.lastDays(100), 0.5, 20)}.
 */
@Value.Immutable
public interface Measure {
  /**
   * What is measured.
   *
   * @return the kind
   */
  MeasureKind getKind();

  /**
   * The kinds of participation counted; empty counts every kind.
   *
   * @return the participation kinds
   */
  Set<ParticipationKind> getParticipationKinds();

  /**
   * The kind of activity a ratio is taken over (for example community calls are meetings).
   *
   * @return the activity kind
   */
  Optional<ActivityKind> getActivityKind();

  /**
   * The days counted.
   *
   * @return the window
   */
  @Value.Default
  default Window getWindow() {
    return Window.allTime();
  }

  /**
   * The value the measure must reach: a count, a ratio between 0 and 1, or days of tenure; unused
   * by {@link MeasureKind#NO_UPHELD_CONDUCT_FLAG}.
   *
   * @return the threshold
   */
  @Value.Default
  default double getThreshold() {
    return 0;
  }

  /**
   * For a ratio: at most how many of the most recent activities are counted.
   *
   * @return the cap
   */
  Optional<Integer> getCap();

  /**
   * Whether hysteresis applies: a windowed count or ratio may fall to a fraction of its threshold
   * before a member is demoted. Tenure and the conduct flag apply in full.
   *
   * @return true for windowed counts and ratios
   */
  default boolean isWindowed() {
    return !getWindow().isAllTime() && getKind() != MeasureKind.TENURE_DAYS
        && getKind() != MeasureKind.NO_UPHELD_CONDUCT_FLAG;
  }

  /**
   * Says the measure in words, for example {@code attended at least 50% of meetings (at most the
   * 20 most recent)}.
   *
   * @return the description
   */
  default String describe() {
    String kinds = getParticipationKinds().isEmpty() ? "participations"
        : getParticipationKinds().stream()
            .map(k -> k.name().toLowerCase(java.util.Locale.ROOT))
            .collect(java.util.stream.Collectors.joining(" or ")) + " participations";
    String n = getThreshold() == Math.rint(getThreshold()) ? String.valueOf((long) getThreshold())
        : String.valueOf(getThreshold());
    switch (getKind()) {
      case PARTICIPATIONS:
        return "at least " + n + " " + kinds;
      case DISTINCT_ACTIVITIES:
        return "at least " + n + " distinct activities (" + kinds + ")";
      case DISTINCT_SITES:
        return "at least " + n + " distinct host sites reached";
      case DISTINCT_AGENCIES:
        return "at least " + n + " distinct other agencies reached through exchanges";
      case DISTINCT_DAYS:
        return "at least " + n + " distinct days of participation";
      case ATTENDANCE_RATIO:
        return "attended at least " + Math.round(getThreshold() * 100) + "% of "
            + getActivityKind().map(k -> k.name().toLowerCase(java.util.Locale.ROOT))
                .orElse("activities") + getCap().map(c -> " (at most the " + c
                + " most recent)").orElse("");
      case TENURE_DAYS:
        return "active member for at least " + n + " days";
      default:
        return "no upheld conduct flag";
    }
  }

  /** Refuses negative thresholds, ratios above 1, a ratio without activity kind, a cap below 1. */
  @Value.Check
  default void check() {
    InvalidValueException.check(getThreshold() >= 0, "Measure", "threshold",
        "must not be negative, got %s", getThreshold());
    InvalidValueException.check(getKind() != MeasureKind.ATTENDANCE_RATIO
            || (getThreshold() <= 1 && getActivityKind().isPresent()), "Measure", "threshold",
        "an attendance ratio needs an activity kind and a threshold between 0 and 1, got %s",
        getThreshold());
    getCap().ifPresent(c -> InvalidValueException.check(c >= 1, "Measure", "cap",
        "must be 1 or more, got %d", c));
  }

  /**
   * At least {@code count} participations of the given kinds in the window.
   *
   * @param window the days counted
   * @param count the threshold
   * @param kinds the kinds counted; none for every kind
   * @return the measure
   */
  static Measure participations(Window window, int count, ParticipationKind... kinds) {
    return builder().kind(MeasureKind.PARTICIPATIONS).window(window).threshold(count)
        .addAllParticipationKinds(java.util.List.of(kinds)).build();
  }

  /**
   * At least {@code count} distinct activities taken part in (in the given kinds) in the window.
   *
   * @param window the days counted
   * @param count the threshold
   * @param kinds the kinds counted; none for every kind
   * @return the measure
   */
  static Measure distinctActivities(Window window, int count, ParticipationKind... kinds) {
    return builder().kind(MeasureKind.DISTINCT_ACTIVITIES).window(window).threshold(count)
        .addAllParticipationKinds(java.util.List.of(kinds)).build();
  }

  /**
   * At least {@code count} distinct host sites of activities taken part in, in the window.
   *
   * @param window the days counted
   * @param count the threshold
   * @return the measure
   */
  static Measure distinctSites(Window window, int count) {
    return builder().kind(MeasureKind.DISTINCT_SITES).window(window).threshold(count).build();
  }

  /**
   * At least {@code count} distinct agencies other than the member's own met in exchanges taken
   * part in, in the window.
   *
   * @param window the days counted
   * @param count the threshold
   * @return the measure
   */
  static Measure distinctAgencies(Window window, int count) {
    return builder().kind(MeasureKind.DISTINCT_AGENCIES).window(window).threshold(count).build();
  }

  /**
   * At least {@code count} distinct days with a participation, in the window.
   *
   * @param window the days counted
   * @param count the threshold
   * @return the measure
   */
  static Measure distinctDays(Window window, int count) {
    return builder().kind(MeasureKind.DISTINCT_DAYS).window(window).threshold(count).build();
  }

  /**
   * Attended at least {@code ratio} of the community's activities of {@code kind} held in the
   * window, counting at most the {@code cap} most recent.
   *
   * @param kind the kind of activity, for example meetings for community calls
   * @param window the days counted
   * @param ratio the threshold, between 0 and 1
   * @param cap at most how many activities count
   * @return the measure
   */
  static Measure attendanceRatio(ActivityKind kind, Window window, double ratio, int cap) {
    return builder().kind(MeasureKind.ATTENDANCE_RATIO).activityKind(kind).window(window)
        .threshold(ratio).cap(cap).build();
  }

  /**
   * An active membership for at least {@code days} days.
   *
   * @param days the minimum tenure
   * @return the measure
   */
  static Measure tenureDays(int days) {
    return builder().kind(MeasureKind.TENURE_DAYS).threshold(days).build();
  }

  /**
   * No upheld conduct flag in force (one upheld and not later dismissed).
   *
   * @return the measure
   */
  static Measure noUpheldConductFlag() {
    return builder().kind(MeasureKind.NO_UPHELD_CONDUCT_FLAG).build();
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static ImmutableMeasure.Builder builder() {
    return ImmutableMeasure.builder();
  }
}
