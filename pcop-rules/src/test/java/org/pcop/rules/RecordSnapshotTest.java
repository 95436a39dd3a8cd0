package org.pcop.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.pcop.model.CommunityId;
import org.pcop.model.InvalidValueException;
import org.pcop.model.MemberId;
import org.pcop.model.MembershipRole;
import org.pcop.model.SiteId;
import org.pcop.model.activity.Activity;
import org.pcop.model.activity.ActivityKind;
import org.pcop.model.event.ActivityRecorded;
import org.pcop.model.event.ExchangeRequested;
import org.pcop.model.event.PcopEvent;
import org.pcop.model.event.RfiPosted;
import org.pcop.rules.calendar.UsFederalCalendar;

/**
 * A record read back from a snapshot answers every question as the record written, and the same
 * later events change both alike, over seeded random histories cut at random points; bytes that
 * are damaged anywhere, cut short or of another format are refused.
 */
class RecordSnapshotTest {
  private static final long SEED = 16_003L;

  /**
   * Keeps the values in memory and writes a number for them: the rules' own tests have no JSON,
   * and what this test checks is the binary form around the values.
   */
  static final class KeptValues implements RecordSnapshot.ValueCodec {
    private final Map<Integer, List<?>> kept = new HashMap<>();

    @Override
    public <T> byte[] encode(Class<T> type, List<T> values) {
      int key = kept.size();
      kept.put(key, List.copyOf(values));
      return ByteBuffer.allocate(4).putInt(key).array();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> List<T> decode(Class<T> type, byte[] bytes) {
      List<?> values = kept.get(ByteBuffer.wrap(bytes).getInt());
      for (Object value : values) {
        type.cast(value);
      }
      return (List<T>) values;
    }
  }

  @Test
  void aRecordReadBackAnswersAndEvolvesAsTheOneWritten() {
    for (int attempt = 0; attempt < 80; attempt++) {
      SplittableRandom random = new SplittableRandom(SEED + attempt);
      List<Integer> choices = new ArrayList<>();
      int size = attempt == 0 ? 0 : 20 + random.nextInt(200);
      for (int i = 0; i < size; i++) {
        choices.add(random.nextInt(100_001));
      }
      List<PcopEvent> log = RandomHistory.of(choices);
      int cut = random.nextInt(log.size() + 1);
      String when = "seed " + (SEED + attempt) + ", snapshot after " + cut + " of " + log.size();
      EngagementRecord replayed = EngagementRecord.of(Scenario.COMMUNITY);
      EngagementRecord before = EngagementRecord.of(Scenario.COMMUNITY);
      applyAll(replayed, log);
      applyAll(before, log.subList(0, cut));
      // Rule kinds intern agencies as they read, so the snapshot is taken after an evaluation.
      RuleEngine.evaluate(IncrementalEvaluationPropertyTest.RULES, before, at(log),
          UsFederalCalendar.instance());
      KeptValues values = new KeptValues();
      EngagementRecord restored = RecordSnapshot.read(RecordSnapshot.write(before, values),
          values);
      applyAll(restored, log.subList(cut, log.size()));
      assertSameAnswers(replayed, restored, log, when);
      assertEquals(RuleEngine.evaluate(IncrementalEvaluationPropertyTest.RULES, replayed,
              at(log), UsFederalCalendar.instance()),
          RuleEngine.evaluate(IncrementalEvaluationPropertyTest.RULES, restored, at(log),
              UsFederalCalendar.instance()), when);
      IncrementalEvaluator incremental = IncrementalEvaluator.start(
          IncrementalEvaluationPropertyTest.RULES, RecordSnapshot.read(RecordSnapshot.write(
              replayed, values), values), at(log), UsFederalCalendar.instance());
      assertEquals(RuleEngine.evaluate(IncrementalEvaluationPropertyTest.RULES, replayed,
          at(log), UsFederalCalendar.instance()), incremental.evaluation(), when);
    }
  }

  @Test
  void everyDamagedByteIsRefused() {
    List<PcopEvent> log = RandomHistory.of(randomChoices(60));
    EngagementRecord record = EngagementRecord.of(Scenario.COMMUNITY);
    applyAll(record, log);
    KeptValues values = new KeptValues();
    byte[] bytes = RecordSnapshot.write(record, values);
    for (int i = 0; i < bytes.length; i++) {
      byte[] damaged = bytes.clone();
      damaged[i] ^= (byte) (1 << (i % 8));
      InvalidValueException e = assertThrows(InvalidValueException.class,
          () -> RecordSnapshot.read(damaged, values), "byte " + i + " of " + bytes.length);
      assertTrue(e.getMessage().startsWith("record snapshot"), e.getMessage());
    }
    for (int length : new int[] {0, 3, 11, bytes.length / 2, bytes.length - 1}) {
      byte[] cut = java.util.Arrays.copyOf(bytes, length);
      InvalidValueException e = assertThrows(InvalidValueException.class,
          () -> RecordSnapshot.read(cut, values), "cut to " + length);
      assertTrue(e.getMessage().contains("damaged"), e.getMessage());
    }
  }

  @Test
  void anotherFormatVersionIsRefusedAsSuch() {
    EngagementRecord record = EngagementRecord.of(Scenario.COMMUNITY);
    applyAll(record, RandomHistory.of(randomChoices(20)));
    KeptValues values = new KeptValues();
    byte[] bytes = RecordSnapshot.write(record, values);
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(4,
        RecordSnapshot.FORMAT_VERSION - 1);
    InvalidValueException e = assertThrows(InvalidValueException.class,
        () -> RecordSnapshot.read(bytes, values));
    assertEquals("record snapshot: format version " + (RecordSnapshot.FORMAT_VERSION - 1)
        + " is not the version this library reads (" + RecordSnapshot.FORMAT_VERSION + ")",
        e.getMessage());
  }

  @Test
  void valuesTheCodecCannotReadAreRefused() {
    EngagementRecord record = EngagementRecord.of(Scenario.COMMUNITY);
    applyAll(record, RandomHistory.of(randomChoices(20)));
    byte[] bytes = RecordSnapshot.write(record, new KeptValues());
    InvalidValueException e = assertThrows(InvalidValueException.class,
        () -> RecordSnapshot.read(bytes, new KeptValues()));
    assertTrue(e.getMessage().startsWith("record snapshot holds values that cannot be read"),
        e.getMessage());
  }

  private static List<Integer> randomChoices(int size) {
    SplittableRandom random = new SplittableRandom(SEED);
    List<Integer> choices = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      choices.add(random.nextInt(100_001));
    }
    return choices;
  }

  static Instant at(List<PcopEvent> log) {
    return log.isEmpty() ? RandomHistory.START : log.get(log.size() - 1).getOccurredAt()
        .plusSeconds(86_400);
  }

  /** Applies events as an engine does: one refused leaves the record as it was. */
  private static void applyAll(EngagementRecord record, List<PcopEvent> events) {
    for (PcopEvent event : events) {
      try {
        record.apply(event);
      } catch (InvalidValueException e) {
        // Skipped alike on both sides.
      }
    }
  }

  /** Every read of the record's public API, over every id the log names. */
  static void assertSameAnswers(EngagementRecord expected, EngagementRecord actual,
      List<PcopEvent> log, String when) {
    CommunityId community = Scenario.COMMUNITY.getId();
    assertEquals(expected.eventCount(), actual.eventCount(), when);
    assertEquals(new ArrayList<>(expected.sites()), new ArrayList<>(actual.sites()), when);
    assertEquals(expected.taxonomy(community), actual.taxonomy(community), when);
    assertEquals(new ArrayList<>(expected.memberships(community)),
        new ArrayList<>(actual.memberships(community)), when);
    for (MembershipRole role : MembershipRole.values()) {
      assertEquals(expected.membersWithRole(community, role),
          actual.membersWithRole(community, role), when + ", role " + role);
    }
    assertEquals(expected.exchanges(community), actual.exchanges(community), when);
    assertEquals(expected.rfis(community), actual.rfis(community), when);
    assertEquals(new TreeSet<>(expected.membersWithLevels(community)),
        new TreeSet<>(actual.membersWithLevels(community)), when);
    assertEquals(expected.participationMatrix(community, LocalDate.MIN, LocalDate.MAX),
        actual.participationMatrix(community, LocalDate.MIN, LocalDate.MAX), when);
    LocalDate first = RandomHistory.START.atZone(Scenario.COMMUNITY.getTimeZone()).toLocalDate();
    for (int from = 0; from < 120; from += 17) {
      assertEquals(expected.participationMatrix(community, first.plusDays(from),
          first.plusDays(from + 20)), actual.participationMatrix(community,
          first.plusDays(from), first.plusDays(from + 20)), when + ", day " + from);
    }
    for (ActivityKind kind : ActivityKind.values()) {
      assertEquals(expected.activities(community, kind, Instant.MIN, Instant.MAX),
          actual.activities(community, kind, Instant.MIN, Instant.MAX), when);
    }
    for (int m = 0; m < 8; m++) {
      MemberId member = MemberId.of("m-" + m);
      String who = when + ", member " + member;
      assertEquals(expected.member(member), actual.member(member), who);
      assertEquals(expected.isDeactivated(member), actual.isDeactivated(member), who);
      assertEquals(expected.siteOf(member), actual.siteOf(member), who);
      assertEquals(expected.membership(member, community), actual.membership(member, community),
          who);
      assertEquals(expected.hasUpheldConductFlag(member), actual.hasUpheldConductFlag(member),
          who);
      assertEquals(expected.level(member, community), actual.level(member, community), who);
      assertEquals(expected.memberVersion(member), actual.memberVersion(member), who);
      assertEquals(expected.participationDays(member, community).keySet(),
          actual.participationDays(member, community).keySet(), who);
      expected.participationDays(member, community).forEach((day, participations) ->
          assertEquals(describe(participations),
              describe(actual.participationDays(member, community).get(day)), who));
    }
    for (PcopEvent event : log) {
      if (event instanceof ActivityRecorded) {
        Activity activity = ((ActivityRecorded) event).getActivity();
        assertEquals(expected.activity(activity.getId()), actual.activity(activity.getId()),
            when);
      } else if (event instanceof ExchangeRequested) {
        var exchange = ((ExchangeRequested) event).getExchange();
        assertEquals(expected.exchange(exchange.getId()), actual.exchange(exchange.getId()),
            when);
        assertEquals(expected.exchangesHostedBy(community, exchange.getHostSite()),
            actual.exchangesHostedBy(community, exchange.getHostSite()), when);
      } else if (event instanceof RfiPosted) {
        var rfi = ((RfiPosted) event).getRequest();
        assertEquals(expected.rfi(rfi.getId()), actual.rfi(rfi.getId()), when);
      }
    }
    for (String site : new String[] {"s-a", "s-b", "s-c"}) {
      assertEquals(expected.site(SiteId.of(site)), actual.site(SiteId.of(site)), when);
    }
  }

  private static List<String> describe(ParticipationDay day) {
    List<String> all = new ArrayList<>();
    for (int i = 0; i < day.size(); i++) {
      all.add(day.activity(i) + " " + day.kind(i));
    }
    return all;
  }
}
