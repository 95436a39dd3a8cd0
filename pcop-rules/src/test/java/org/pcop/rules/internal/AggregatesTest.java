package org.pcop.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pcop.model.ActivityId;
import org.pcop.model.Agency;
import org.pcop.model.AgencyId;
import org.pcop.model.AgencyKind;
import org.pcop.model.Community;
import org.pcop.model.CommunityId;
import org.pcop.model.ExchangeId;
import org.pcop.model.JurisdictionLevel;
import org.pcop.model.Member;
import org.pcop.model.MemberId;
import org.pcop.model.MembershipRole;
import org.pcop.model.MembershipStatus;
import org.pcop.model.ProgramId;
import org.pcop.model.SiteId;
import org.pcop.model.activity.Activity;
import org.pcop.model.activity.ActivityKind;
import org.pcop.model.activity.Exchange;
import org.pcop.model.activity.ExchangeMode;
import org.pcop.model.activity.Participation;
import org.pcop.model.activity.ParticipationKind;
import org.pcop.model.event.ActivityRecorded;
import org.pcop.model.event.AgencyRegistered;
import org.pcop.model.event.EventId;
import org.pcop.model.event.ExchangeRequested;
import org.pcop.model.event.MemberEnrolled;
import org.pcop.model.event.MembershipChanged;
import org.pcop.model.event.ParticipationRecorded;
import org.pcop.model.event.PcopEvent;
import org.pcop.model.taxonomy.CoreAreaId;
import org.pcop.model.taxonomy.TaxonomyId;
import org.pcop.rules.EngagementRecord;
import org.pcop.rules.EvaluationContext;
import org.pcop.rules.definition.CalendarPeriod;
import org.pcop.rules.definition.EngagementLevelRule;
import org.pcop.rules.definition.Level;
import org.pcop.rules.definition.Measure;
import org.pcop.rules.definition.PointsRule;
import org.pcop.rules.definition.RuleId;
import org.pcop.rules.definition.Window;

/**
 * The running aggregates equal the measures' definitions (read by scanning the member's days),
 * whether built at once from the log or kept up by adding one participation at a time, at window
 * and day boundaries in the community's time zone.
 */
class AggregatesTest {
  private static final ZoneId ZONE = ZoneId.of("America/Chicago");
  private static final CommunityId PCOP = CommunityId.of("pcop");
  private static final Community COMMUNITY = Community.builder().id(PCOP)
      .program(ProgramId.of("psp")).name("PCOP").taxonomy(TaxonomyId.of("psp")).timeZone(ZONE)
      .build();
  private static final MemberId SYSTEM = MemberId.of("m-system");
  private static final Instant AS_OF = at("2026-06-30T12:00");
  private static final EngagementLevelRule LEVELS = EngagementLevelRule.builder()
      .id(RuleId.of("levels")).community(PCOP)
      .addLevel(Level.of("active",
          Measure.attendanceRatio(ActivityKind.MEETING, Window.lastDays(100), 0.5, 3),
          Measure.distinctDays(Window.lastDays(30), 3),
          Measure.participations(Window.lastDays(1), 1)))
      .addLevel(Level.of("contributor",
          Measure.participations(Window.lastDays(60), 2, ParticipationKind.PRESENTED,
              ParticipationKind.HOSTED),
          Measure.distinctActivities(Window.lastDays(60), 4, ParticipationKind.ATTENDED),
          Measure.distinctActivities(Window.allTime(), 6),
          Measure.tenureDays(30),
          Measure.noUpheldConductFlag()))
      .addLevel(Level.of("mentor",
          Measure.distinctSites(Window.lastDays(90), 2),
          Measure.distinctAgencies(Window.lastDays(90), 2),
          Measure.distinctDays(Window.allTime(), 10)))
      .build();
  private static final PointsRule POINTS = PointsRule.builder().id(RuleId.of("points"))
      .community(PCOP).putPointsPerKind(ParticipationKind.ATTENDED, 1)
      .putPointsPerKind(ParticipationKind.PRESENTED, 5).capPerPeriod(7)
      .capPeriod(CalendarPeriod.MONTH).halfLifeDays(60).build();

  private final EngagementRecord record = EngagementRecord.of(COMMUNITY);
  private final List<String> activities = new ArrayList<>();
  private int sequence;

  private static Instant at(String local) {
    return LocalDateTime.parse(local).atZone(ZONE).toInstant();
  }

  private EventId id() {
    return EventId.of("e-" + ++sequence);
  }

  private void apply(PcopEvent event) {
    record.apply(event);
  }

  private void roster(int members) {
    for (int a = 0; a < 3; a++) {
      apply(AgencyRegistered.builder().eventId(id()).actor(SYSTEM).occurredAt(AS_OF)
          .agency(Agency.builder().id(AgencyId.of("a-" + a)).name("Office " + a)
              .kind(AgencyKind.DISTRICT_OR_COUNTY_ATTORNEY)
              .jurisdictionLevel(JurisdictionLevel.LOCAL).state("MO").build()).build());
    }
    for (int m = 0; m < members; m++) {
      apply(MemberEnrolled.builder().eventId(id()).actor(SYSTEM).occurredAt(at("2026-01-01T00:00"))
          .member(Member.builder().id(MemberId.of("m-" + m)).name("Member " + m)
              .agency(AgencyId.of("a-" + m % 3)).email("m" + m + "@example.org").build())
          .build());
      apply(MembershipChanged.builder().eventId(id()).actor(SYSTEM)
          .occurredAt(at("2026-01-01T00:00").plusSeconds(86_400L * 40 * m)).member(
              MemberId.of("m-" + m)).community(PCOP).role(MembershipRole.MEMBER)
          .status(MembershipStatus.ACTIVE).build());
    }
  }

  private void activity(String id, ActivityKind kind, Instant start, String site,
      String exchange) {
    var builder = Activity.builder().id(ActivityId.of(id)).community(PCOP)
        .kind(kind).title(id).startsAt(start).endsAt(start.plusSeconds(3600))
        .addCoreArea(CoreAreaId.of(activities.size() % 2 == 0 ? "gun-violence" : "victims"))
        .hostSite(Optional.ofNullable(site).map(SiteId::of))
        .exchange(Optional.ofNullable(exchange).map(ExchangeId::of));
    apply(ActivityRecorded.builder().eventId(id()).actor(SYSTEM).occurredAt(start)
        .activity(builder.build()).build());
    activities.add(id);
  }

  private void exchange(String id, int host, int visitor) {
    apply(ExchangeRequested.builder().eventId(id()).actor(SYSTEM).occurredAt(AS_OF)
        .exchange(Exchange.builder().id(ExchangeId.of(id)).community(PCOP)
            .hostAgency(AgencyId.of("a-" + host)).hostSite(SiteId.of("s-" + host))
            .addVisitingAgency(AgencyId.of("a-" + visitor)).purpose("Learn.")
            .mode(ExchangeMode.IN_PERSON).requestedBy(SYSTEM).requestedAt(AS_OF).build())
        .build());
  }

  private void took(int member, String activity, ParticipationKind kind, Instant at) {
    MemberId id = MemberId.of("m-" + member);
    apply(ParticipationRecorded.builder().eventId(id()).actor(id).occurredAt(at)
        .participation(Participation.of(ActivityId.of(activity), id, kind, at)).build());
  }

  private EvaluationContext context(Instant asOf) {
    return new EvaluationContext(record, asOf, day -> true);
  }

  private void assertLevelsAgree(LevelAggregates kept, EvaluationContext context, int members) {
    LevelAggregates fresh = new LevelAggregates(LEVELS, context);
    for (int m = 0; m < members; m++) {
      MemberId member = MemberId.of("m-" + m);
      for (int i = 0; i < LEVELS.getLevels().size(); i++) {
        List<Measure> requirements = LEVELS.getLevels().get(i).getRequirements();
        for (int j = 0; j < requirements.size(); j++) {
          Measures.Value expected = Measures.measure(requirements.get(j), member, PCOP, context);
          String where = member + " " + requirements.get(j).describe();
          assertEquals(expected, kept.values(member, context)[i][j], where);
          assertEquals(expected, fresh.values(member, context)[i][j], where);
        }
      }
    }
  }

  @Test
  void keptAggregatesEqualTheDefinitionsAfterEveryParticipation() {
    int members = 4;
    roster(members);
    exchange("x-1", 1, 2);
    SplittableRandom random = new SplittableRandom(11);
    LocalDate first = LocalDate.of(2026, 1, 1);
    for (int a = 0; a < 40; a++) {
      Instant start = first.plusDays(random.nextInt(200)).atTime(random.nextInt(24), 30)
          .atZone(ZONE).toInstant();
      ActivityKind kind = a % 5 == 4 ? ActivityKind.PEER_EXCHANGE
          : a % 2 == 0 ? ActivityKind.MEETING : ActivityKind.WEBINAR;
      activity("act-" + a, kind, start, a % 3 == 0 ? null : "s-" + a % 4,
          kind == ActivityKind.PEER_EXCHANGE ? "x-" + (a % 10 == 4 ? 1 : 2) : null);
    }
    EvaluationContext context = context(AS_OF);
    LevelAggregates kept = new LevelAggregates(LEVELS, context);
    PointsAggregates points = new PointsAggregates(POINTS, context);
    assertLevelsAgree(kept, context, members);
    for (int p = 0; p < 150; p++) {
      // Days spread over the window edges, the evaluation day, later days and late arrivals.
      Instant when = first.plusDays(random.nextInt(190)).atStartOfDay(ZONE)
          .plusSeconds(random.nextInt(86_400)).toInstant();
      if (p % 10 == 0) {
        when = AS_OF.plusSeconds(86_400L * random.nextInt(3));
      }
      int member = random.nextInt(members);
      took(member, activities.get(random.nextInt(activities.size())),
          ParticipationKind.values()[random.nextInt(4)], when);
      assertLevelsAgree(kept, context, members);
      MemberId id = MemberId.of("m-" + member);
      assertEquals(new PointsAggregates(POINTS, context).tally(id, record),
          points.tally(id, record));
    }
    // The second exchange becomes known late: the links change and everything is rebuilt.
    exchange("x-2", 0, 2);
    assertLevelsAgree(kept, context, members);
  }

  @Test
  void windowsStartAndEndOnCommunityDays() {
    roster(1);
    activity("w", ActivityKind.WEBINAR, at("2026-01-01T09:00"), "s-1", null);
    // 30 days up to and including 30 June start on 1 June (Chicago time).
    took(0, "w", ParticipationKind.ATTENDED, at("2026-05-31T23:59"));
    took(0, "w", ParticipationKind.ATTENDED, at("2026-06-01T00:00"));
    took(0, "w", ParticipationKind.ATTENDED, at("2026-06-30T23:59"));
    took(0, "w", ParticipationKind.ATTENDED, at("2026-07-01T00:00"));
    // 04:30 UTC on 16 June is still 15 June in Chicago: one day, not two.
    took(0, "w", ParticipationKind.ATTENDED, Instant.parse("2026-06-16T04:30:00Z"));
    took(0, "w", ParticipationKind.ATTENDED, Instant.parse("2026-06-15T17:00:00Z"));
    LevelAggregates aggregates = new LevelAggregates(LEVELS, context(AS_OF));
    MemberId member = MemberId.of("m-0");
    assertEquals(3.0, aggregates.values(member, context(AS_OF))[0][1].number());
    assertEquals(1.0, aggregates.values(member, context(AS_OF))[0][2].number());
    // All time up to the evaluation day: 31 May, 1, 15 and 30 June, not 1 July.
    assertEquals(4.0, aggregates.values(member, context(AS_OF))[2][2].number());
  }

  @Test
  void aLaterEvaluationDayLetsParticipationsExpire() {
    roster(1);
    activity("w", ActivityKind.WEBINAR, at("2026-01-01T09:00"), "s-1", null);
    took(0, "w", ParticipationKind.ATTENDED, at("2026-06-01T10:00"));
    took(0, "w", ParticipationKind.ATTENDED, at("2026-06-20T10:00"));
    took(0, "w", ParticipationKind.ATTENDED, at("2026-06-30T10:00"));
    MemberId member = MemberId.of("m-0");
    double[] expected = {3, 2, 2, 1, 0};
    String[] days = {"2026-06-30", "2026-07-01", "2026-07-19", "2026-07-20", "2026-07-30"};
    for (int i = 0; i < days.length; i++) {
      EvaluationContext later = context(at(days[i] + "T12:00"));
      LevelAggregates aggregates = new LevelAggregates(LEVELS, later);
      assertEquals(expected[i], aggregates.values(member, later)[0][1].number(), days[i]);
      assertEquals(Measures.measure(LEVELS.getLevels().get(0).getRequirements().get(1), member,
          PCOP, later), aggregates.values(member, later)[0][1]);
    }
  }

  @Test
  void pointsAreCappedPerMonthOfTheCommunitysCalendar() {
    roster(1);
    activity("w", ActivityKind.WEBINAR, at("2026-01-01T09:00"), "s-1", null);
    PointsRule plain = PointsRule.builder().from(POINTS).halfLifeDays(Optional.empty()).build();
    EvaluationContext context = context(AS_OF);
    PointsAggregates kept = new PointsAggregates(plain, context);
    MemberId member = MemberId.of("m-0");
    for (int day = 1; day <= 9; day++) {
      took(0, "w", ParticipationKind.ATTENDED, at(String.format("2026-05-%02dT10:00", day)));
      kept.tally(member, record);
    }
    // 23:30 on 31 May in Chicago is 04:30 UTC on 1 June: still May, so capped away.
    took(0, "w", ParticipationKind.ATTENDED, Instant.parse("2026-06-01T04:30:00Z"));
    took(0, "w", ParticipationKind.PRESENTED, at("2026-06-01T00:30"));
    // A late participation early in May: it takes May's cap first, one more point capped away.
    took(0, "w", ParticipationKind.ATTENDED, at("2026-04-30T22:00"));
    took(0, "w", ParticipationKind.ATTENDED, at("2026-05-01T08:00"));
    PointsKind.Tally tally = kept.tally(member, record);
    assertEquals(new PointsAggregates(plain, context).tally(member, record), tally);
    assertEquals(1 + 7 + 5, tally.total());
    assertEquals(13, tally.participations());
    assertEquals(4, tally.capped());
  }
}
