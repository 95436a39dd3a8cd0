package org.pcop.rules.definition;

import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;
import org.pcop.model.InvalidValueException;
import org.pcop.model.activity.ActivityKind;
import org.pcop.model.activity.ParticipationKind;
import org.pcop.model.taxonomy.CoreAreaId;
import org.pcop.model.taxonomy.TopicId;

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
   * The kind of activity a ratio is taken over (for example meetings); on a count of
   * participations, distinct activities, host sites, agencies or days, only activities of this
   * kind count; on a measure of presentations given, only presentations in activities of this
   * kind; on a measure of exchanges hosted or visited, only exchanges carried out by an activity
   * of this kind (recorded with the exchange's id). Empty counts every kind.
   *
   * @return the activity kind
   */
  Optional<ActivityKind> getActivityKind();

  /**
   * The named series the activities counted belong to (for example {@code community call}): an
   * attendance ratio is taken over the series' activities held in the window, and a count of
   * participations, distinct activities, host sites, agencies or days counts only activities of
   * the series, as do presentations given and (through the activities carrying them out)
   * exchanges. With an activity kind too, one activity must pass both. Names compare exactly;
   * empty counts every activity.
   *
   * @return the series
   */
  Optional<String> getSeries();

  /**
   * Whether the measure reads participations in activities, which the activity-kind and series
   * filters narrow.
   *
   * @return true for participations, distinct activities, sites, agencies and days, and
   *     attendance ratios
   */
  default boolean readsActivities() {
    switch (getKind()) {
      case PARTICIPATIONS:
      case DISTINCT_ACTIVITIES:
      case DISTINCT_SITES:
      case DISTINCT_AGENCIES:
      case DISTINCT_DAYS:
      case ATTENDANCE_RATIO:
        return true;
      default:
        return false;
    }
  }

  /**
   * Whether activity-kind and series filters can narrow the measure: the measures of
   * participations in activities, and the contribution measures of presentations and exchanges
   * (an exchange through the activities recorded as carrying it out). A request for information
   * has no activity.
   *
   * @return true if the measure takes an activity kind and a series
   */
  default boolean narrowsByActivity() {
    return readsActivities() || (isContribution()
        && getContribution().map(ContributionKind::hasActivity).orElse(false));
  }

  /**
   * Whether an activity-kind or series filter narrows a count (a ratio always names one).
   *
   * @return true if a count of participations is filtered by activity
   */
  default boolean filtersActivities() {
    return getKind() != MeasureKind.ATTENDANCE_RATIO
        && (getActivityKind().isPresent() || getSeries().isPresent());
  }

  /**
   * The kind of contribution a {@link MeasureKind#CONTRIBUTIONS},
   * {@link MeasureKind#CONTRIBUTION_DAYS} or {@link MeasureKind#CONTRIBUTION_COUNTERPARTIES}
   * measure counts.
   *
   * @return the contribution kind
   */
  Optional<ContributionKind> getContribution();

  /**
   * For contributions: only those about one of these topics count (a request's topic, one of
   * the topics of the activity presented in); empty counts every topic.
   *
   * @return the topics
   */
  Set<TopicId> getTopics();

  /**
   * For contributions: only those about a topic of one of these core areas (in the community's
   * taxonomy at evaluation) count, or for an exchange or a presentation, those whose exchange or
   * activity serves one of them; empty counts every core area.
   *
   * @return the core areas
   */
  Set<CoreAreaId> getCoreAreas();

  /**
   * Whether the measure counts contributions.
   *
   * @return true for the contribution kinds
   */
  default boolean isContribution() {
    return getKind() == MeasureKind.CONTRIBUTIONS || getKind() == MeasureKind.CONTRIBUTION_DAYS
        || getKind() == MeasureKind.CONTRIBUTION_COUNTERPARTIES
        || getKind() == MeasureKind.CONTRIBUTION_SHARE;
  }

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
   * For an attendance ratio: at most how many of the most recent activities are counted; for a
   * contribution share: at most how many contributions are required.
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
        && getKind() != MeasureKind.NO_UPHELD_CONDUCT_FLAG
        && getKind() != MeasureKind.NOT_SUSPENDED && !isAtMost();
  }

  /**
   * Whether the measure holds at or below its threshold rather than at or above it.
   *
   * @return true for {@link MeasureKind#UPHELD_CONDUCT_FLAGS}
   */
  default boolean isAtMost() {
    return getKind() == MeasureKind.UPHELD_CONDUCT_FLAGS;
  }

  /**
   * Says the measure in words, for example {@code attended at least 50% of meetings (at most the
   * 20 most recent)} or {@code at least 3 presentations given in webinars}.
   *
   * @return the description
   */
  default String describe() {
    return MeasureWords.describe(this);
  }

  /**
   * The activity-kind and series filters of a count in words, empty without any:
   * {@code  in meetings of the series "community call"}.
   *
   * @return the words
   */
  default String in() {
    return MeasureWords.in(this);
  }

  /**
   * The topic and core-area filters in words, empty without any: {@code  about topic t-1 or core
   * area ca-2}.
   *
   * @return the words
   */
  default String about() {
    return MeasureWords.about(this);
  }

  /**
   * Refuses negative thresholds, ratios above 1, a ratio without activity kind or series, a blank
   * series, activity-kind and series filters on measures that read no activities (among them
   * the contributions of requests for information, which have none), a cap below 1, a
   * contribution measure without its contribution kind (or counting the counterparties of requests
   * posted, which have none), and contribution filters on other measures.
   */
  @Value.Check
  default void check() {
    InvalidValueException.check(!isContribution() || getContribution().isPresent(), "Measure",
        "contribution", "a %s measure needs a contribution kind", getKind());
    InvalidValueException.check(isContribution() || getContribution().isEmpty(), "Measure",
        "contribution", "only a contribution measure names a contribution kind, not %s",
        getKind());
    InvalidValueException.check(isContribution()
            || (getTopics().isEmpty() && getCoreAreas().isEmpty()), "Measure", "topics",
        "topic and core-area filters apply to contribution measures only, not %s", getKind());
    InvalidValueException.check(getKind() != MeasureKind.CONTRIBUTION_COUNTERPARTIES
            || getContribution().orElse(null) != ContributionKind.REQUEST_POSTED, "Measure",
        "contribution", "a request posted has no counterparty to count");
    InvalidValueException.check(getTopics().isEmpty()
            || !getContribution().map(ContributionKind::isExchange).orElse(false), "Measure",
        "topics", "an exchange has no topic, only core areas: filter %s by core area",
        getContribution().map(ContributionKind::plural).orElse(""));
    InvalidValueException.check(getThreshold() >= 0, "Measure", "threshold",
        "must not be negative, got %s", getThreshold());
    InvalidValueException.check(getKind() != MeasureKind.CONTRIBUTION_SHARE
            || getThreshold() <= 1, "Measure", "threshold",
        "a contribution share is a ratio between 0 and 1, got %s", getThreshold());
    InvalidValueException.check(getKind() != MeasureKind.ATTENDANCE_RATIO
            || (getThreshold() <= 1
                && (getActivityKind().isPresent() || getSeries().isPresent())), "Measure",
        "threshold", "an attendance ratio needs an activity kind or a series and a threshold"
            + " between 0 and 1, got %s", getThreshold());
    boolean request = isContribution() && !getContribution().get().hasActivity();
    InvalidValueException.check(narrowsByActivity() || getActivityKind().isEmpty(), "Measure",
        "activityKind", request ? "a request for information has no activity, so %s cannot be"
            + " filtered by activity kind; filter them by topic or core area"
            : "an activity-kind filter applies to measures of participations in activities,"
                + " presentations and exchanges only, not %s",
        request ? getContribution().get().plural() : getKind());
    InvalidValueException.check(narrowsByActivity() || getSeries().isEmpty(), "Measure",
        "series", request ? "a request for information belongs to no series of activities, so"
            + " %s cannot be filtered by series; filter them by topic or core area"
            : "a series filter applies to measures of participations in activities,"
                + " presentations and exchanges only, not %s",
        request ? getContribution().get().plural() : getKind());
    getSeries().ifPresent(series -> InvalidValueException.check(!series.isBlank()
            && series.length() <= org.pcop.model.validation.Limits.NAME_MAX, "Measure", "series",
        "a series name is 1 to %d characters with something visible, got \"%s\"",
        org.pcop.model.validation.Limits.NAME_MAX, series));
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
   * Attended at least {@code ratio} of the community's activities of the named series held in
   * the window, counting at most the {@code cap} most recent: for example the community calls.
   *
   * @param series the series
   * @param window the days counted
   * @param ratio the threshold, between 0 and 1
   * @param cap at most how many activities count
   * @return the measure
   */
  static Measure attendanceRatio(String series, Window window, double ratio, int cap) {
    return builder().kind(MeasureKind.ATTENDANCE_RATIO).series(series).window(window)
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
   * No suspension in force on the evaluation day.
   *
   * @return the measure
   */
  static Measure notSuspended() {
    return builder().kind(MeasureKind.NOT_SUSPENDED).build();
  }

  /**
   * At most {@code count} upheld conduct flags in the window.
   *
   * @param window the days counted
   * @param count the most allowed
   * @return the measure
   */
  static Measure upheldConductFlags(Window window, int count) {
    return builder().kind(MeasureKind.UPHELD_CONDUCT_FLAGS).window(window).threshold(count)
        .build();
  }

  /**
   * At least {@code count} contributions of {@code kind} in the window.
   *
   * @param kind the contribution kind
   * @param window the days counted
   * @param count the threshold
   * @return the measure
   */
  static Measure contributions(ContributionKind kind, Window window, int count) {
    return builder().kind(MeasureKind.CONTRIBUTIONS).contribution(kind).window(window)
        .threshold(count).build();
  }

  /**
   * Contributions of {@code kind} on at least {@code count} distinct days of the window.
   *
   * @param kind the contribution kind
   * @param window the days counted
   * @param count the threshold
   * @return the measure
   */
  static Measure contributionDays(ContributionKind kind, Window window, int count) {
    return builder().kind(MeasureKind.CONTRIBUTION_DAYS).contribution(kind).window(window)
        .threshold(count).build();
  }

  /**
   * Contributions of {@code kind} with at least {@code count} distinct other members in the
   * window (for example accepted answers from 5 distinct askers).
   *
   * @param kind the contribution kind
   * @param window the days counted
   * @param count the threshold
   * @return the measure
   */
  static Measure contributionCounterparties(ContributionKind kind, Window window, int count) {
    return builder().kind(MeasureKind.CONTRIBUTION_COUNTERPARTIES).contribution(kind)
        .window(window).threshold(count).build();
  }

  /**
   * Contributions of {@code kind} reaching {@code ratio} of the community's requests posted (or
   * exchanges held, for exchanges hosted and visited) in the window, with at most {@code cap}
   * contributions required: {@code min(ceil(ratio * N), cap)}.
   *
   * @param kind the contribution kind
   * @param window the days counted
   * @param ratio the share, between 0 and 1
   * @param cap the most contributions required
   * @return the measure
   */
  static Measure contributionShare(ContributionKind kind, Window window, double ratio, int cap) {
    return builder().kind(MeasureKind.CONTRIBUTION_SHARE).contribution(kind).window(window)
        .threshold(ratio).cap(cap).build();
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
