package org.pcop.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.pcop.io.ruleset.RuleSetFormat;
import org.pcop.model.ActivityId;
import org.pcop.model.Community;
import org.pcop.model.MemberId;
import org.pcop.model.MembershipRole;
import org.pcop.model.MembershipStatus;
import org.pcop.model.ResponseId;
import org.pcop.model.RfiId;
import org.pcop.model.activity.Activity;
import org.pcop.model.activity.ActivityKind;
import org.pcop.model.activity.Participation;
import org.pcop.model.activity.ParticipationKind;
import org.pcop.model.activity.RequestForInformation;
import org.pcop.model.activity.RfiResponse;
import org.pcop.model.event.ActivityRecorded;
import org.pcop.model.event.EngagementLevelChanged;
import org.pcop.model.event.EngagementLevelLocked;
import org.pcop.model.event.EventId;
import org.pcop.model.event.MembershipChanged;
import org.pcop.model.event.ParticipationRecorded;
import org.pcop.model.event.PcopEvent;
import org.pcop.model.event.RfiAccepted;
import org.pcop.model.event.RfiAnswered;
import org.pcop.model.event.RfiPosted;
import org.pcop.model.taxonomy.TopicId;
import org.pcop.rules.EngagementRecord;
import org.pcop.rules.IncrementalEvaluator;
import org.pcop.rules.LevelChange;
import org.pcop.rules.RuleEngine;
import org.pcop.rules.RuleResult;
import org.pcop.rules.Subject;
import org.pcop.rules.calendar.UsFederalCalendar;
import org.pcop.rules.definition.RuleId;
import org.pcop.rules.definition.RuleSet;

/**
 * A three-level ladder written as rule-set JSON, followed day by day: windowed answers, accepted
 * answers from distinct askers on distinct days, community-call attendance (a series of meetings,
 * among other meetings), an upheld-flag limit
 * and "not suspended"; demotion below 90% after a 14-day grace, the lower levels never demoted,
 * levels cumulative, and a coordinator's lock. Each evening the ladder is evaluated in full and
 * incrementally (the two must agree) and each level change is recorded as the engine records it;
 * the test checks every promotion, demotion, kept level and reason on its day.
 */
class LadderTimelineTest {
  static final String LADDER = """
      {"schemaVersion": 1, "id": "trust-ladder", "version": 1, "rules": [
        {"kind": "engagement-level", "id": "trust", "community": "c-pcop",
         "demotionFraction": 0.9, "graceDays": 14, "cumulative": true, "levels": [
          {"name": "basic", "neverDemoted": true, "requirements": [
            {"kind": "CONTRIBUTIONS", "contribution": "ANSWER_GIVEN", "window": {"days": 30},
             "threshold": 1},
            {"kind": "NOT_SUSPENDED"}]},
          {"name": "member", "neverDemoted": true, "requirements": [
            {"kind": "CONTRIBUTIONS", "contribution": "ANSWER_GIVEN", "window": {"days": 30},
             "threshold": 3},
            {"kind": "ATTENDANCE_RATIO", "activityKind": "MEETING", "series": "community call",
             "window": {"days": 30}, "threshold": 0.5, "cap": 4},
            {"kind": "UPHELD_CONDUCT_FLAGS", "window": {"days": 180}, "threshold": 1},
            {"kind": "NOT_SUSPENDED"}]},
          {"name": "leader", "requirements": [
            {"kind": "CONTRIBUTION_COUNTERPARTIES", "contribution": "ACCEPTED_ANSWER_RECEIVED",
             "window": {"days": 30}, "threshold": 2},
            {"kind": "CONTRIBUTION_DAYS", "contribution": "ACCEPTED_ANSWER_RECEIVED",
             "window": {"days": 30}, "threshold": 2},
            {"kind": "CONTRIBUTIONS", "contribution": "ANSWER_GIVEN", "window": {"days": 30},
             "threshold": 3},
            {"kind": "NOT_SUSPENDED"}]}]}]}
      """;
  private static final Community PCOP = Samples.pcop();
  private static final ZoneId ZONE = PCOP.getTimeZone();
  private static final MemberId DANA = MemberId.of("m-dana");
  private static final MemberId SYSTEM = MemberId.of("m-system");
  private static final RuleId TRUST = RuleId.of("trust");

  private final Map<LocalDate, List<PcopEvent>> byDay = new TreeMap<>();
  private int ids;

  private Instant at(LocalDate day, int hour) {
    return day.atTime(LocalTime.of(hour, 0)).atZone(ZONE).toInstant();
  }

  private EventId next() {
    return EventId.of("e-" + ++ids);
  }

  private void on(LocalDate day, PcopEvent event) {
    byDay.computeIfAbsent(day, d -> new ArrayList<>()).add(event);
  }

  /** A request by {@code asker} on {@code day}, answered by Dana an hour later. */
  private void answered(String rfi, String asker, LocalDate day) {
    RequestForInformation request = RequestForInformation.builder().id(RfiId.of(rfi))
        .community(PCOP.getId()).askedBy(MemberId.of(asker)).topic(TopicId.of("t-nibin"))
        .question("How do you handle this?").postedAt(at(day, 9)).build();
    on(day, RfiPosted.builder().eventId(next()).actor(MemberId.of(asker))
        .occurredAt(at(day, 9)).request(request).build());
    on(day, RfiAnswered.builder().eventId(next()).actor(DANA).occurredAt(at(day, 10))
        .request(RfiId.of(rfi)).response(RfiResponse.builder().id(ResponseId.of("r-" + rfi))
            .respondent(DANA).at(at(day, 10)).text("Here is how.").build()).build());
  }

  private void accepted(String rfi, String asker, LocalDate day) {
    on(day, RfiAccepted.builder().eventId(next()).actor(MemberId.of(asker))
        .occurredAt(at(day, 11)).request(RfiId.of(rfi)).response(ResponseId.of("r-" + rfi))
        .build());
  }

  private static LocalDate day(String text) {
    return LocalDate.parse(text);
  }

  /** What the evening evaluation of one day found for Dana. */
  private record Evening(LocalDate day, Optional<LevelChange> change, String text,
      String facts) {}

  private List<Evening> run(LocalDate first, LocalDate last) throws Exception {
    RuleSet rules = RuleSetFormat.create().read(LADDER).orElseThrow();
    EngagementRecord full = EngagementRecord.of(PCOP);
    EngagementRecord followed = EngagementRecord.of(PCOP);
    IncrementalEvaluator incremental = IncrementalEvaluator.start(rules, followed,
        at(first, 0), UsFederalCalendar.instance());
    List<Evening> evenings = new ArrayList<>();
    Subject dana = Subject.membership(DANA, PCOP.getId());
    for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
      for (PcopEvent event : byDay.getOrDefault(day, List.of())) {
        full.apply(event);
        incremental.apply(event);
      }
      Instant evening = at(day, 18);
      incremental.advanceTo(evening);
      RuleResult result = RuleEngine.evaluate(rules, full, evening,
          UsFederalCalendar.instance()).results(dana).get(0);
      assertEquals(Optional.of(result), incremental.result(TRUST, dana), day.toString());
      assertEquals(result.getExplanation().getText(),
          incremental.result(TRUST, dana).get().getExplanation().getText(), day.toString());
      Optional<LevelChange> change = result.findings(LevelChange.class).stream().findFirst();
      change.ifPresent(c -> {
        PcopEvent recorded = EngagementLevelChanged.builder().eventId(next()).actor(SYSTEM)
            .occurredAt(evening).member(DANA).community(PCOP.getId()).from(c.getFrom())
            .to(c.getTo()).reason(c.getReason()).build();
        full.apply(recorded);
        incremental.apply(recorded);
      });
      evenings.add(new Evening(day, change, result.getExplanation().getText(),
          result.getExplanation().getFacts().toString()));
    }
    return evenings;
  }

  @Test
  void eachPromotionDemotionKeptLevelAndReasonFallsOnItsDay() throws Exception {
    LocalDate start = day("2026-01-05");
    on(start, MembershipChanged.builder().eventId(next()).actor(SYSTEM).occurredAt(at(start, 8))
        .member(DANA).community(PCOP.getId()).role(MembershipRole.MEMBER)
        .status(MembershipStatus.ACTIVE).build());
    // Weekly community calls on Wednesdays, a series Dana attends, between other meetings on
    // Tuesdays and Thursdays she does not: over every meeting she would reach a third at most.
    for (LocalDate call = day("2026-01-07"); call.isBefore(day("2026-03-31"));
        call = call.plusDays(7)) {
      String id = "call-" + call;
      for (LocalDate other : List.of(call.minusDays(1), call.plusDays(1))) {
        on(other, ActivityRecorded.builder().eventId(next()).actor(SYSTEM)
            .occurredAt(at(other, 12)).activity(Activity.builder()
                .id(ActivityId.of("meeting-" + other)).community(PCOP.getId())
                .kind(ActivityKind.MEETING).title("Case review").startsAt(at(other, 13))
                .endsAt(at(other, 14)).build()).build());
      }
      on(call, ActivityRecorded.builder().eventId(next()).actor(SYSTEM).occurredAt(at(call, 12))
          .activity(Activity.builder().id(ActivityId.of(id)).community(PCOP.getId())
              .kind(ActivityKind.MEETING).title("Community call").startsAt(at(call, 13))
              .endsAt(at(call, 14)).series("community call").build()).build());
      on(call, ParticipationRecorded.builder().eventId(next()).actor(DANA)
          .occurredAt(at(call, 14)).participation(Participation.of(ActivityId.of(id), DANA,
              ParticipationKind.ATTENDED, at(call, 13))).build());
    }
    answered("q-1", "m-a1", day("2026-01-06"));
    answered("q-2", "m-a2", day("2026-01-08"));
    answered("q-3", "m-a1", day("2026-01-12"));
    accepted("q-1", "m-a1", day("2026-01-13"));
    accepted("q-2", "m-a2", day("2026-01-15"));
    on(day("2026-02-20"), EngagementLevelLocked.builder().eventId(next()).actor(SYSTEM)
        .occurredAt(at(day("2026-02-20"), 10)).member(DANA).community(PCOP.getId())
        .level(Optional.of("leader")).build());
    on(day("2026-03-02"), EngagementLevelLocked.builder().eventId(next()).actor(SYSTEM)
        .occurredAt(at(day("2026-03-02"), 10)).member(DANA).community(PCOP.getId())
        .level(Optional.empty()).build());

    List<Evening> evenings = run(start, day("2026-03-10"));
    Map<LocalDate, String> changes = new TreeMap<>();
    for (Evening e : evenings) {
      e.change().ifPresent(c -> changes.put(e.day(), c.getFrom().orElse("none") + " -> "
          + c.getTo().orElse("none") + ": " + c.getReason()));
    }
    List<LocalDate> days = new ArrayList<>(changes.keySet());
    assertEquals(List.of(day("2026-01-06"), day("2026-01-12"), day("2026-01-15"),
        day("2026-02-05"), day("2026-02-20"), day("2026-03-06")), days, changes.toString());
    assertTrue(changes.get(day("2026-01-06")).startsWith("none -> basic: promoted to basic"),
        changes.toString());
    assertTrue(changes.get(day("2026-01-12")).startsWith("basic -> member: promoted to member"),
        changes.toString());
    assertTrue(changes.get(day("2026-01-15")).startsWith("member -> leader: promoted to leader:"
        + " all 4 requirements hold"), changes.toString());
    // The first answer, of 2026-01-06, leaves the 30-day window on 2026-02-05: 2 of 3, below
    // 2.7; the grace after the promotion ended on 2026-01-29; member is never demoted.
    assertTrue(changes.get(day("2026-02-05")).startsWith("leader -> member: demoted to member"
        + " from leader (member is never demoted): leader: at least 3 answers given over 30"
        + " days is 2, below 2.7 (90% of 3)"), changes.toString());
    assertTrue(changes.get(day("2026-02-20")).equals("member -> leader: locked at leader by a"
        + " coordinator"), changes.toString());
    // Unlocked on 2026-03-02; the grace after the locked change runs to 2026-03-06 evening.
    assertTrue(changes.get(day("2026-03-06")).startsWith("leader -> member: demoted to member"
        + " from leader (member is never demoted)"), changes.toString());
    Map<LocalDate, String> texts = new TreeMap<>();
    evenings.forEach(e -> texts.put(e.day(), e.text()));
    assertTrue(texts.get(day("2026-03-05")).contains("kept at leader: within the grace period"
        + " until"), texts.get(day("2026-03-05")));
    // A month without answers: member's requirements fail, the level is kept.
    assertTrue(texts.get(day("2026-02-16")).contains("kept at member: the level is never"
        + " demoted"), texts.get(day("2026-02-16")));
    assertTrue(texts.get(day("2026-01-14")).contains("stays at member"),
        texts.get(day("2026-01-14")));
    // The member level's attendance counts the calls only: on 2026-01-12 one call of one.
    String facts = evenings.stream().filter(e -> e.day().equals(day("2026-01-12"))).findFirst()
        .orElseThrow().facts();
    assertTrue(facts.contains("attended at least 50% of the series \"community call\" (meeting)"
        + " (at most the 4 most recent) over 30 days") && facts.contains("1 of 1"), facts);
  }
}
