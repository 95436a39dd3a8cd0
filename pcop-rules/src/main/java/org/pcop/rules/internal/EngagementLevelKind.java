package org.pcop.rules.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.Optional;
import java.util.SortedSet;
import org.pcop.model.MemberId;
import org.pcop.model.Membership;
import org.pcop.model.MembershipStatus;
import org.pcop.rules.EngagementRecord;
import org.pcop.rules.EvaluationContext;
import org.pcop.rules.LevelChange;
import org.pcop.rules.RecordChange;
import org.pcop.rules.RecordedLevel;
import org.pcop.rules.RuleResult;
import org.pcop.rules.Subject;
import org.pcop.rules.definition.EngagementLevelRule;
import org.pcop.rules.definition.Level;
import org.pcop.rules.definition.Measure;
import org.pcop.rules.definition.MeasureKind;
import org.pcop.rules.definition.Rule;
import org.pcop.rules.spi.RuleKind;

/** Promotion, demotion with hysteresis and grace, and manual locks of engagement levels. */
final class EngagementLevelKind implements RuleKind, InstantCaches {
  @Override
  public String kind() {
    return EngagementLevelRule.KIND;
  }

  private static boolean applies(Membership m, RecordedLevel level) {
    return m.getStatus() == MembershipStatus.ACTIVE || m.getStatus() == MembershipStatus.DORMANT
        || level.level().isPresent() || level.lock().isPresent();
  }

  @Override
  public SortedSet<Subject> subjects(Rule rule, EvaluationContext context) {
    return Results.membershipSubjects(context.record(), rule.getCommunity(),
        m -> applies(m, context.record().level(m.getMember(), rule.getCommunity())));
  }

  @Override
  public Optional<RuleResult> evaluate(Rule generic, Subject subject,
      EvaluationContext context) {
    EngagementLevelRule rule = (EngagementLevelRule) generic;
    Optional<MemberId> found = Results.member(subject, rule.getCommunity(), context.record());
    if (found.isEmpty()) {
      return Optional.empty();
    }
    MemberId member = found.get();
    RecordedLevel recorded = context.record().level(member, rule.getCommunity());
    Optional<Membership> membership = context.record().membership(member, rule.getCommunity());
    if (membership.isEmpty() || !applies(membership.get(), recorded)) {
      return Optional.empty();
    }
    LevelAggregates aggregates = aggregates(rule, context);
    Measures.Value[][] values;
    synchronized (aggregates) {
      values = aggregates.values(member, context);
    }
    Texts texts = aggregates.texts;
    Instant asOf = context.asOf();
    // Decide now; write the explanation, which few read, only when it is read.
    Results decided = explain(Results.quiet(rule, subject), rule, member, recorded, values,
        texts, asOf);
    return Optional.of(decided.build(() -> explain(new Results(rule, subject), rule, member,
        recorded, values, texts, asOf)));
  }

  /**
   * The texts of one rule's requirements, shared by every member's explanation, and which
   * requirements count over a window.
   */
  record Texts(String[][] factNames, String[][] described, String thresholds,
      String window, boolean[][] windowed) {}

  /**
   * Decides a member's level from the measured values, keeping text only when {@code results}
   * do: a pure function of its arguments, run once quietly and again when the explanation is
   * read.
   */
  private static Results explain(Results results, EngagementLevelRule rule, MemberId member,
      RecordedLevel recorded, Measures.Value[][] values, Texts texts, Instant asOf) {
    boolean text = results.text();
    results.fact("recorded level", recorded.level().orElse("none"));
    List<Level> levels = rule.getLevels();
    int current = recorded.level().map(rule::indexOf).orElse(-1);
    if (text && recorded.level().isPresent() && current < 0) {
      results.fact("note", "recorded level " + recorded.level().get()
          + " is not a level of this rule; treated as none");
    }
    int target = -1;
    int keep = -1;
    boolean cumulative = rule.isCumulative();
    boolean allBelow = true;
    boolean allBelowWithHysteresis = true;
    List<String> missing = new ArrayList<>();
    List<String> unmetAbove = text ? new ArrayList<>() : null;
    for (int i = 0; i < levels.size(); i++) {
      Level level = levels.get(i);
      boolean all = true;
      boolean allWithHysteresis = true;
      List<Measure> requirements = level.getRequirements();
      for (int j = 0; j < requirements.size(); j++) {
        Measure measure = requirements.get(j);
        Measures.Value value = values[i][j];
        if (text) {
          results.fact(texts.factNames()[i][j], value.reading());
        }
        if (value.missing().isPresent()) {
          missing.add(level.getName() + ": " + value.missing().get());
          all = false;
          allWithHysteresis = false;
          continue;
        }
        boolean meets = Measures.meets(measure, value);
        all &= meets;
        allWithHysteresis &= Measures.holdsWithHysteresis(measure, texts.windowed()[i][j],
            value, rule.demotionFraction(i));
        if (text && !meets && i > current) {
          unmetAbove.add(level.getName() + " needs " + texts.described()[i][j] + ", has "
              + value.reading());
        }
      }
      if (cumulative) {
        // A level is held only with every level below it.
        all &= allBelow;
        allWithHysteresis &= allBelowWithHysteresis;
        allBelow = all;
        allBelowWithHysteresis = allWithHysteresis;
      }
      if (all) {
        target = i;
      }
      if (allWithHysteresis && i <= current) {
        keep = i;
      }
    }
    results.threshold(texts.thresholds());
    results.window(texts.window());
    Optional<String> from = recorded.level();
    Optional<String> to;
    String reason;
    if (recorded.lock().isPresent()) {
      String locked = recorded.lock().get();
      if (rule.indexOf(locked) < 0) {
        results.undecided("locked at " + locked + ", which is not a level of this rule");
        return results;
      }
      to = Optional.of(locked);
      reason = "locked at " + locked + " by a coordinator";
    } else if (!missing.isEmpty()) {
      missing.forEach(results::undecided);
      return results;
    } else {
      int next = Math.max(target, keep);
      int floor = -1;
      for (int i = Math.min(current, levels.size() - 1); i >= 0 && next < current; i--) {
        if (levels.get(i).isNeverDemoted()) {
          floor = i;
          break;
        }
      }
      if (next < current) {
        int days = rule.graceDays(current);
        Instant graceEnd = recorded.since().map(s -> s.plus(Duration.ofDays(days)))
            .orElse(Instant.MIN);
        if (floor == current) {
          next = current;
          reason = "kept at " + levels.get(current).getName() + ": the level is never demoted"
              + (text ? "; " + belowTheLine(rule, levels.get(current), values[current], texts,
                  current) : "");
        } else if (asOf.isBefore(graceEnd)) {
          results.fact("grace period until", graceEnd);
          next = current;
          reason = "kept at " + levels.get(current).getName() + ": within the grace period"
              + " until " + graceEnd;
        } else {
          boolean held = floor > next;
          next = Math.max(next, floor);
          reason = (next < 0 ? "demoted from " + levels.get(current).getName()
              + " (no lower level is met)"
              : "demoted to " + levels.get(next).getName() + " from "
                  + levels.get(current).getName()
                  + (held ? " (" + levels.get(next).getName() + " is never demoted)" : ""))
              + ": " + belowTheLine(rule, levels.get(current), values[current], texts, current);
        }
      } else if (next > current) {
        reason = "promoted to " + levels.get(next).getName() + ": all "
            + levels.get(next).getRequirements().size() + " requirements hold, the last met "
            + lastMet(levels.get(next), values[next], texts, next);
      } else {
        reason = next < 0 ? "meets no level" : "stays at " + levels.get(next).getName();
      }
      to = next < 0 ? Optional.empty() : Optional.of(levels.get(next).getName());
    }
    if (!to.equals(from)) {
      results.finding(LevelChange.builder().member(member).community(rule.getCommunity())
          .from(from).to(to).reason(reason).build());
    }
    if (to.isPresent()) {
      results.pass(reason);
    } else {
      results.fail(!text || unmetAbove.isEmpty() ? reason
          : reason + ": " + String.join(", ", unmetAbove));
    }
    return results;
  }

  /**
   * The requirements of the level a member held that fell below the line, each with its value
   * and the line: the threshold times the demotion fraction for a windowed requirement (the
   * hysteresis), the threshold itself otherwise.
   */
  private static String belowTheLine(EngagementLevelRule rule, Level level,
      Measures.Value[] values, Texts texts, int index) {
    List<String> below = new ArrayList<>();
    List<Measure> requirements = level.getRequirements();
    for (int j = 0; j < requirements.size(); j++) {
      Measure measure = requirements.get(j);
      boolean windowed = texts.windowed()[index][j];
      double fraction = rule.demotionFraction(index);
      if (Measures.holdsWithHysteresis(measure, windowed, values[j], fraction)) {
        continue;
      }
      String line = windowed && measure.getKind() == MeasureKind.CONTRIBUTION_SHARE
          ? Math.round(fraction * 100) + "% of what is required"
          : windowed && measure.getKind() != MeasureKind.NO_UPHELD_CONDUCT_FLAG
          && measure.getKind() != MeasureKind.NOT_SUSPENDED
          ? number(measure, measure.getThreshold() * fraction) + " ("
              + Math.round(fraction * 100) + "% of "
              + number(measure, measure.getThreshold()) + ")"
          : texts.described()[index][j];
      below.add(texts.factNames()[index][j] + " is " + values[j].reading()
          + (measure.isAtMost() ? ", beyond " : ", below ") + line);
    }
    return String.join("; ", below);
  }

  /**
   * The requirement of a level reached that a member met last: the one with the least headroom
   * over its threshold (value over threshold), which with counts that grow is the one whose
   * threshold was crossed last; with its value and threshold.
   */
  private static String lastMet(Level level, Measures.Value[] values, Texts texts, int index) {
    List<Measure> requirements = level.getRequirements();
    int last = -1;
    double least = Double.POSITIVE_INFINITY;
    for (int j = 0; j < requirements.size(); j++) {
      Measure measure = requirements.get(j);
      double headroom = measure.getKind() == MeasureKind.CONTRIBUTION_SHARE
          ? values[j].number()
          : measure.getKind() == MeasureKind.NO_UPHELD_CONDUCT_FLAG
          || measure.getKind() == MeasureKind.NOT_SUSPENDED || measure.isAtMost() || measure.getThreshold() <= 0 ? Double.MAX_VALUE
          : values[j].number() / measure.getThreshold();
      if (last < 0 || headroom < least) {
        last = j;
        least = headroom;
      }
    }
    if (last < 0) {
      return "(it has no requirements)";
    }
    return texts.factNames()[index][last] + " = " + values[last].reading() + ", needs "
        + texts.described()[index][last];
  }

  /** A threshold as written: a whole number without decimals, a fraction as a percentage. */
  private static String number(Measure measure, double n) {
    if (measure.getKind() == MeasureKind.ATTENDANCE_RATIO) {
      return Math.round(n * 100) + "%";
    }
    return n == Math.rint(n) ? String.valueOf((long) n)
        : String.valueOf(Math.round(n * 100) / 100.0);
  }

  /**
   * Aggregates per record, the two most recently used instants of each rule and at most
   * {@link #KEPT} in all, least recently used first. A cache only: aggregates check themselves
   * against the record, so results never depend on it; but a rule set with several level rules
   * must not push out one rule's aggregates with another's, or every event rebuilds them all.
   */
  private static final int KEPT = 16;

  private final Map<EngagementRecord, List<LevelAggregates>> aggregates =
      Collections.synchronizedMap(new WeakHashMap<>());

  @Override
  public void release(EngagementRecord record, Instant asOf) {
    List<LevelAggregates> known = aggregates.get(record);
    if (known != null) {
      synchronized (known) {
        known.removeIf(candidate -> candidate.asOf().equals(asOf));
      }
    }
  }

  @Override
  public java.util.Set<Instant> instants(EngagementRecord record) {
    java.util.Set<Instant> found = new java.util.TreeSet<>();
    List<LevelAggregates> known = aggregates.get(record);
    if (known != null) {
      synchronized (known) {
        known.forEach(candidate -> found.add(candidate.asOf()));
      }
    }
    return found;
  }

  private LevelAggregates aggregates(EngagementLevelRule rule, EvaluationContext context) {
    List<LevelAggregates> known = aggregates.computeIfAbsent(context.record(),
        r -> new ArrayList<>());
    synchronized (known) {
      int sameRule = -1;
      int ofRule = 0;
      for (int i = known.size() - 1; i >= 0; i--) {
        LevelAggregates candidate = known.get(i);
        if (candidate.serves(rule, context.asOf())) {
          if (i != known.size() - 1) {
            known.remove(i);
            known.add(candidate);
          }
          return candidate;
        }
        if (candidate.serves(rule)) {
          sameRule = i;
          ofRule++;
        }
      }
      if (ofRule >= 2) {
        known.remove(sameRule);
      } else if (known.size() >= KEPT) {
        known.remove(0);
      }
      LevelAggregates created = new LevelAggregates(rule, context);
      known.add(created);
      return created;
    }
  }

  @Override
  public Optional<SortedSet<Subject>> affected(Rule rule, RecordChange change,
      EvaluationContext context) {
    if ((change.event() instanceof org.pcop.model.event.RfiPosted
        || change.event() instanceof org.pcop.model.event.ExchangeHeld)
        && sharesOpportunities(rule)) {
      // A request posted or an exchange held changes what a contribution share requires of
      // every member; answers, acceptances and an exchange's other steps change only the
      // members they touch (an activity recorded affects everyone anyway).
      return Optional.empty();
    }
    return Results.touchedMembers(rule, change);
  }

  /** Whether a level of the rule holds contributions to a share of the community's. */
  private static boolean sharesOpportunities(Rule rule) {
    for (Level level : ((EngagementLevelRule) rule).getLevels()) {
      for (Measure measure : level.getRequirements()) {
        if (measure.getKind() == MeasureKind.CONTRIBUTION_SHARE) {
          return true;
        }
      }
    }
    return false;
  }
}
