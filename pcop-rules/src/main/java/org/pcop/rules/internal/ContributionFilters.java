package org.pcop.rules.internal;

import java.util.Optional;
import org.pcop.model.activity.Activity;
import org.pcop.model.activity.Exchange;
import org.pcop.model.taxonomy.CoreAreaId;
import org.pcop.model.taxonomy.Taxonomy;
import org.pcop.model.taxonomy.TopicId;
import org.pcop.rules.definition.Measure;

/**
 * Whether one contribution passes a contribution measure's filters, the same for full evaluation
 * ({@link ContributionMeasures}) and the running aggregates ({@link ContributionAggregates},
 * {@link OpportunityCounts}): a request by its topic, an exchange by its core areas and the
 * activities carrying it out, a presentation by the activity presented in.
 */
final class ContributionFilters {
  private ContributionFilters() {}

  /** Whether the measure filters its contributions at all. */
  static boolean filters(Measure measure) {
    return !measure.getTopics().isEmpty() || !measure.getCoreAreas().isEmpty()
        || measure.getActivityKind().isPresent() || measure.getSeries().isPresent();
  }

  /**
   * Whether a request's contribution passes: its topic is one of the measure's topics, or a
   * topic of one of its core areas in the taxonomy (a request has no activity, which the measure
   * cannot name).
   */
  static boolean request(Measure measure, TopicId topic, Optional<Taxonomy> taxonomy) {
    if (measure.getTopics().isEmpty() && measure.getCoreAreas().isEmpty()) {
      return true;
    }
    return measure.getTopics().contains(topic) || inCoreAreas(measure, topic, taxonomy);
  }

  /**
   * Whether an exchange passes: it serves one of the measure's core areas (when it names any),
   * and an activity recorded as carrying it out passes the activity-kind and series filters
   * (when it names either); an exchange no activity carried out passes neither.
   */
  static boolean exchange(Measure measure, Exchange exchange, ActivityTable activities) {
    if (!measure.getCoreAreas().isEmpty()
        && measure.getCoreAreas().stream().noneMatch(exchange.getCoreAreas()::contains)) {
      return false;
    }
    return (measure.getActivityKind().isEmpty() && measure.getSeries().isEmpty())
        || activities.carriedOutIn(exchange.getId(), measure.getActivityKind().orElse(null),
            measure.getSeries().orElse(null));
  }

  /**
   * Whether a presentation in an activity (or an activity held, for a share of presentations)
   * passes: the activity is of the measure's activity kind and series, and when the measure
   * names topics or core areas, one of the activity's topics is named or belongs to a named core
   * area, or the activity serves a named core area.
   */
  static boolean activity(Measure measure, Activity activity, Optional<Taxonomy> taxonomy) {
    if (!ActivityTable.in(activity, measure.getActivityKind().orElse(null),
        measure.getSeries().orElse(null))) {
      return false;
    }
    if (measure.getTopics().isEmpty() && measure.getCoreAreas().isEmpty()) {
      return true;
    }
    for (CoreAreaId area : activity.getCoreAreas()) {
      if (measure.getCoreAreas().contains(area)) {
        return true;
      }
    }
    for (TopicId topic : activity.getTopics()) {
      if (measure.getTopics().contains(topic) || inCoreAreas(measure, topic, taxonomy)) {
        return true;
      }
    }
    return false;
  }

  private static boolean inCoreAreas(Measure measure, TopicId topic,
      Optional<Taxonomy> taxonomy) {
    if (measure.getCoreAreas().isEmpty() || taxonomy.isEmpty()) {
      return false;
    }
    return taxonomy.get().topic(topic)
        .map(t -> measure.getCoreAreas().contains(t.getCoreArea())).orElse(false);
  }
}
