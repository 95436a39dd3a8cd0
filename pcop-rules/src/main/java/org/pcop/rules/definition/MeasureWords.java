package org.pcop.rules.definition;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.pcop.model.activity.ActivityKind;

/** A {@link Measure} in words, for explanations and the rule-set builder. */
final class MeasureWords {
  private MeasureWords() {}

  static String describe(Measure m) {
    String kinds = m.getParticipationKinds().isEmpty() ? "participations"
        : m.getParticipationKinds().stream().map(k -> k.name().toLowerCase(Locale.ROOT))
            .collect(Collectors.joining(" or ")) + " participations";
    String n = m.getThreshold() == Math.rint(m.getThreshold())
        ? String.valueOf((long) m.getThreshold()) : String.valueOf(m.getThreshold());
    switch (m.getKind()) {
      case PARTICIPATIONS:
        return "at least " + n + " " + kinds + in(m);
      case DISTINCT_ACTIVITIES:
        return "at least " + n + " distinct activities (" + kinds + ")" + in(m);
      case DISTINCT_SITES:
        return "at least " + n + " distinct host sites reached" + in(m);
      case DISTINCT_AGENCIES:
        return "at least " + n + " distinct other agencies reached through exchanges" + in(m);
      case DISTINCT_DAYS:
        return "at least " + n + " distinct days of participation" + in(m);
      case ATTENDANCE_RATIO:
        return "attended at least " + Math.round(m.getThreshold() * 100) + "% of "
            + m.getSeries().map(series -> "the series \"" + series + "\" ("
                + m.getActivityKind().map(MeasureWords::name).orElse("any activity") + ")")
                .orElse(m.getActivityKind().map(MeasureWords::name).orElse("activities"))
            + m.getCap().map(c -> " (at most the " + c + " most recent)").orElse("");
      case TENURE_DAYS:
        return "active member for at least " + n + " days";
      case UPHELD_CONDUCT_FLAGS:
        return "at most " + n + " upheld conduct flags";
      case NOT_SUSPENDED:
        return "not suspended";
      case CONTRIBUTIONS:
        return "at least " + n + " " + contributions(m);
      case CONTRIBUTION_DAYS:
        return contributions(m) + " on at least " + n + " distinct days";
      case CONTRIBUTION_SHARE:
        return contributions(m) + ": at least " + Math.round(m.getThreshold() * 100)
            + "% of the " + m.getContribution().get().opportunities() + " in the community"
            + m.getCap().map(c -> ", at most " + c + " required").orElse("");
      case CONTRIBUTION_COUNTERPARTIES: {
        ContributionKind kind = m.getContribution().get();
        return contributions(m) + (kind.isExchange() ? " with" : kind.isPresentation() ? " across"
            : " from") + " at least " + n + " distinct " + kind.counterparties();
      }
      default:
        return "no upheld conduct flag";
    }
  }

  /** The contributions counted with their filters: {@code presentations given in webinars}. */
  private static String contributions(Measure m) {
    return m.getContribution().get().plural() + in(m) + about(m);
  }

  /**
   * The activity-kind and series filters of a count in words, empty without any:
   * {@code  in meetings of the series "community call"}; for exchanges {@code  carried out in
   * site visits}.
   */
  static String in(Measure m) {
    if (!m.filtersActivities()) {
      return "";
    }
    boolean exchange = m.getContribution().map(ContributionKind::isExchange).orElse(false);
    return (exchange ? " carried out in " : " in ")
        + m.getActivityKind().map(k -> name(k) + "s").orElse("activities")
        + m.getSeries().map(series -> " of the series \"" + series + "\"").orElse("");
  }

  /**
   * The topic and core-area filters in words, empty without any: {@code  about topic t-1 or core
   * area ca-2}.
   */
  static String about(Measure m) {
    List<String> filters = new ArrayList<>();
    m.getTopics().stream().sorted().forEach(t -> filters.add("topic " + t));
    m.getCoreAreas().stream().sorted().forEach(a -> filters.add("core area " + a));
    return filters.isEmpty() ? "" : " about " + String.join(" or ", filters);
  }

  private static String name(ActivityKind kind) {
    return kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
