package org.pcop.io.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.pcop.io.CaseLabels;
import org.pcop.io.Generated;
import org.pcop.io.ReadLimits;
import org.pcop.io.Samples;
import org.pcop.io.eventlog.EventLogFormat;
import org.pcop.io.eventlog.EventLogWriter;
import org.pcop.model.Agency;
import org.pcop.model.AgencyId;
import org.pcop.model.AgencyKind;
import org.pcop.model.BarAdmission;
import org.pcop.model.CommunityId;
import org.pcop.model.EngagementKind;
import org.pcop.model.ExchangeId;
import org.pcop.model.JurisdictionLevel;
import org.pcop.model.Member;
import org.pcop.model.MemberId;
import org.pcop.model.Site;
import org.pcop.model.SiteEngagement;
import org.pcop.model.SiteId;
import org.pcop.model.activity.Approval;
import org.pcop.model.activity.ApproverRole;
import org.pcop.model.activity.Exchange;
import org.pcop.model.activity.ExchangeMode;
import org.pcop.model.activity.ExchangeState;
import org.pcop.model.activity.FollowUpReport;
import org.pcop.model.activity.Schedule;
import org.pcop.model.event.AgencyRegistered;
import org.pcop.model.event.EventId;
import org.pcop.model.event.ExchangeDocumented;
import org.pcop.model.event.ExchangeHeld;
import org.pcop.model.event.ExchangeRequested;
import org.pcop.model.event.ExchangeScheduled;
import org.pcop.model.event.MemberEnrolled;
import org.pcop.model.event.PcopEvent;
import org.pcop.model.event.SiteRegistered;
import org.pcop.model.taxonomy.CoreAreaId;
import org.pcop.model.taxonomy.TopicId;

/**
 * The kinds of event the quick reading added for an engine's replay (enrolments, agencies, sites
 * and the steps of an exchange) are read from bytes exactly as the careful reading reads them:
 * over seeded random events that set every field (each optional one present or absent, lists
 * empty or not), both for a log (validated) and for events an engine stored (not validated
 * again), and a line the quick reading leaves (an escape, a case reference) is still read
 * carefully.
 */
class QuickEventKindsTest {
  private static final long SEED = 20_261_207L;
  private static final ReadLimits LIMITS = ReadLimits.defaults();
  private static final List<String> PLAIN = List.of(Generated.chars('a', 'z'),
      Generated.chars('A', 'Z'), Generated.chars('0', '9'), " .,;:-'()/&\u00e9\u00df\u6f22");
  /** Characters a JSON writer escapes that plain text may hold. */
  private static final List<String> ESCAPED = List.of("\"", "\\");
  private static final List<TopicId> TOPICS = Samples.TAXONOMY.getTopics().stream()
      .map(t -> t.getId()).toList();
  private static final List<CoreAreaId> AREAS = Samples.TAXONOMY.getCoreAreas().stream()
      .map(a -> a.getId()).toList();

  /** The careful reading of one line: a tree, the codec, and the validator if asked. */
  private static PcopEvent careful(String line, boolean validated) {
    try (JsonParser p = JsonInput.factory(LIMITS, LIMITS.getMaxEventLineLength())
        .createParser(line)) {
      JsonInput json = JsonInput.read(p, LIMITS, 1);
      Decoding d = new Decoding(LIMITS, json);
      Codec<PcopEvent> codec = validated ? Validators.validated(EventCodecs.EVENT)
          : EventCodecs.EVENT;
      PcopEvent event = codec.decode(json.root(), "", d);
      return d.errorCount() == 0 ? event : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static PcopEvent quick(QuickEvents reader, String line) {
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    return reader.decode(bytes, 0, bytes.length);
  }

  private static String line(PcopEvent event) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (EventLogWriter writer = EventLogFormat.create().writer(out, CaseLabels.INCLUDED)) {
      writer.write(event);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return out.toString(StandardCharsets.UTF_8).strip();
  }

  // ---- seeded random values ----

  /** Text of plain characters; now and then one the quick reading leaves to Jackson. */
  private static String text(Generated g, int max) {
    String plain = g.filtered(() -> g.string(PLAIN, 1, max), s -> !s.isBlank()
        && !s.startsWith(" ") && !s.endsWith(" "));
    if (g.between(0, 19) != 0) {
      return plain;
    }
    int at = g.between(1, plain.length());
    return plain.substring(0, at) + g.oneOf(ESCAPED) + "x" + plain.substring(at);
  }

  private static String id(Generated g, String prefix) {
    return prefix + g.string(List.of(Generated.chars('a', 'z'), Generated.chars('0', '9'),
        "._:-"), 1, 24);
  }

  private static Instant instant(Generated g) {
    long seconds = g.between(946_684_800L, 4_102_444_800L);
    int nanos = g.between(0, 999_999_999);
    return Instant.ofEpochSecond(seconds, g.nextBoolean() ? 0 : nanos);
  }

  private static LocalDate date(Generated g) {
    return LocalDate.ofEpochDay(g.between(-1_000, 40_000));
  }

  /** A value its builder accepts: the supplier is asked again while the builder refuses. */
  private static <T> T built(Supplier<T> supplier) {
    for (int i = 0; i < 200; i++) {
      try {
        return supplier.get();
      } catch (IllegalArgumentException e) { // InvalidValueException among them
        // another try
      }
    }
    throw new AssertionError("no value built in 200 tries");
  }

  private static Member member(Generated g) {
    List<BarAdmission> bars = new ArrayList<>();
    for (String state : g.subsetOf(List.of("TN", "MO", "CA", "NY", "DC"), 3)) {
      bars.add(BarAdmission.of(state, g.string(Generated.chars('0', '9'), 1, 12)));
    }
    return Member.builder().id(MemberId.of(id(g, "m-"))).name(text(g, 60))
        .title(g.optional(() -> text(g, 60))).agency(AgencyId.of(id(g, "a-")))
        .email(g.string(Generated.chars('a', 'z'), 1, 20) + "@example.org")
        .phone(g.optional(() -> g.oneOf("+1 901 222 1300", "+1 816 881 3555")))
        .barAdmissions(bars).expertise(g.subsetOf(TOPICS, 4)).build();
  }

  private static Agency agency(Generated g) {
    return Agency.builder().id(AgencyId.of(id(g, "a-"))).name(text(g, 80))
        .kind(g.oneOf(AgencyKind.class)).jurisdictionLevel(g.oneOf(JurisdictionLevel.class))
        .state(g.oneOf("TN", "MO", "CA")).ori(g.optional(() -> "MO" + g.string(
            Generated.chars('0', '9'), 7, 7)))
        .site(g.optional(() -> SiteId.of(id(g, "s-")))).build();
  }

  /** Engagements in order, each starting on or after the end of the one before. */
  private static Site site(Generated g) {
    List<SiteEngagement> engagements = new ArrayList<>();
    LocalDate next = date(g);
    int count = g.between(0, 4);
    for (int i = 0; i < count; i++) {
      EngagementKind kind = g.oneOf(EngagementKind.class);
      LocalDate start = next.plusDays(g.between(0, 30));
      boolean ends = kind != EngagementKind.ALUMNI || i < count - 1 || g.nextBoolean();
      LocalDate end = start.plusDays(g.between(1, 2_000));
      engagements.add(SiteEngagement.builder().kind(kind)
          .pilot(kind == EngagementKind.OPERATIONS && g.nextBoolean()).start(start)
          .end(ends ? Optional.of(end) : Optional.empty()).build());
      next = end;
    }
    return Site.builder().id(SiteId.of(id(g, "s-"))).name(text(g, 60))
        .state(g.oneOf("TN", "MO", "CA")).engagements(engagements).build();
  }

  private static FollowUpReport report(Generated g, Instant after) {
    return FollowUpReport.builder().submittedBy(MemberId.of(id(g, "m-")))
        .submittedAt(after.plusSeconds(g.between(0, 9_000_000))).summary(text(g, 300))
        .build();
  }

  private static Exchange exchange(Generated g) {
    return built(() -> {
      ExchangeState state = g.oneOf(ExchangeState.class);
      Instant requested = instant(g);
      AgencyId host = AgencyId.of(id(g, "a-"));
      List<AgencyId> visitors = g.list(1, 3, () -> AgencyId.of(id(g, "v-")));
      List<Approval> approvals = new ArrayList<>();
      EnumSet<ApproverRole> roles = state.isApproved() ? EnumSet.allOf(ApproverRole.class)
          : EnumSet.copyOf(g.subsetOf(List.of(ApproverRole.values()), 1).isEmpty()
              ? List.of(ApproverRole.PROGRAM_ADVISOR)
              : g.subsetOf(List.of(ApproverRole.values()), 1));
      if (state.isApproved() || g.nextBoolean()) {
        int n = 0;
        for (ApproverRole role : roles) {
          approvals.add(Approval.of(role, MemberId.of("m-" + n++ + id(g, "-")),
              requested.plusSeconds(g.between(0, 900_000))));
        }
      }
      boolean scheduled = state == ExchangeState.SCHEDULED || state == ExchangeState.HELD
          || state == ExchangeState.DOCUMENTED
          || state == ExchangeState.CANCELLED && g.nextBoolean();
      boolean held = state == ExchangeState.HELD || state == ExchangeState.DOCUMENTED;
      boolean closed = state == ExchangeState.DECLINED || state == ExchangeState.CANCELLED;
      LocalDate first = date(g);
      return Exchange.builder().id(ExchangeId.of(id(g, "x-")))
          .community(CommunityId.of(id(g, "c-"))).hostAgency(host)
          .hostSite(SiteId.of(id(g, "s-"))).visitingAgencies(visitors).purpose(text(g, 300))
          .coreAreas(g.subsetOf(AREAS, 3)).mode(g.oneOf(ExchangeMode.class))
          .requestedBy(MemberId.of(id(g, "m-"))).requestedAt(requested)
          .travelFunding(g.optional(() -> BigDecimal.valueOf(g.between(0L, 9_999_999L),
              g.between(0, 2))))
          .state(state).approvals(approvals)
          .schedule(scheduled ? Optional.of(Schedule.of(first, first.plusDays(g.between(0, 9))))
              : Optional.empty())
          .heldOn(held ? Optional.of(first) : Optional.empty())
          .report(state == ExchangeState.DOCUMENTED ? Optional.of(report(g, requested))
              : Optional.empty())
          .closingReason(closed ? g.optional(() -> text(g, 200)) : Optional.empty()).build();
    });
  }

  /** One of the added kinds, as likely each, with values its builders accept. */
  private static PcopEvent event(Generated g) {
    return built(() -> anyEvent(g));
  }

  private static PcopEvent anyEvent(Generated g) {
    EventId id = EventId.of(id(g, "e-"));
    MemberId actor = MemberId.of(id(g, "m-"));
    Instant at = instant(g);
    return g.<PcopEvent>from(
        () -> MemberEnrolled.builder().eventId(id).actor(actor).occurredAt(at).member(member(g))
            .build(),
        () -> AgencyRegistered.builder().eventId(id).actor(actor).occurredAt(at)
            .agency(agency(g)).build(),
        () -> SiteRegistered.builder().eventId(id).actor(actor).occurredAt(at).site(site(g))
            .build(),
        () -> ExchangeRequested.builder().eventId(id).actor(actor).occurredAt(at)
            .exchange(exchange(g)).build(),
        () -> {
          LocalDate first = date(g);
          return ExchangeScheduled.builder().eventId(id).actor(actor).occurredAt(at)
              .exchange(ExchangeId.of(id(g, "x-")))
              .schedule(Schedule.of(first, first.plusDays(g.between(0, 30)))).build();
        },
        () -> ExchangeHeld.builder().eventId(id).actor(actor).occurredAt(at)
            .exchange(ExchangeId.of(id(g, "x-"))).heldOn(date(g)).build(),
        () -> ExchangeDocumented.builder().eventId(id).actor(actor).occurredAt(at)
            .exchange(ExchangeId.of(id(g, "x-"))).report(report(g, at)).build());
  }

  /**
   * Every random event is read back by the careful reading as written; the quick reading reads
   * every line without an escape, both ways, and answers what the careful reading answers; one
   * reader for all lines, as in a replay, answers the same as a new one.
   */
  @Test
  void everyFieldOfTheAddedKindsIsReadAsTheCarefulReadingReadsIt() {
    QuickEvents sharedForLogs = new QuickEvents(LIMITS, LIMITS.getMaxEventLineLength());
    QuickEvents sharedForStored = new QuickEvents(LIMITS, LIMITS.getMaxEventLineLength(), false);
    int[] readQuickly = new int[1];
    Generated.forEachTry(SEED, 2_000, g -> {
      PcopEvent event = event(g);
      String line = line(event);
      String where = g + ": " + line;
      assertEquals(event, careful(line, true), where);
      assertEquals(event, careful(line, false), where);
      boolean escaped = line.indexOf('\\') >= 0;
      for (boolean validated : new boolean[] {true, false}) {
        QuickEvents fresh = new QuickEvents(LIMITS, LIMITS.getMaxEventLineLength(), validated);
        QuickEvents shared = validated ? sharedForLogs : sharedForStored;
        for (QuickEvents reader : List.of(fresh, shared)) {
          PcopEvent quick = quick(reader, line);
          if (escaped) {
            assertNull(quick, "an escape is left to the careful reading: " + where);
          } else {
            assertNotNull(quick, "left to the careful reading: " + where);
            assertEquals(event, quick, where);
            readQuickly[0]++;
          }
        }
      }
    });
    assertTrue(readQuickly[0] > 4 * 1_500, "most lines are read quickly: " + readQuickly[0]);
  }

  @Test
  void aValueOnlyTheValidatorRefusesIsReadForStoredEventsAndLeftForLogs() {
    Generated g = Generated.of(SEED, 1);
    MemberEnrolled enrolled = MemberEnrolled.builder().eventId(EventId.of("e-1"))
        .actor(MemberId.of("m-1")).occurredAt(Samples.T0).member(member(g)).build();
    String line = line(enrolled).replaceFirst("\"email\":\"[^\"]*\"", "\"email\":\"not an"
        + " address\"");
    assertNull(careful(line, true), "the validator refuses the e-mail address");
    PcopEvent stored = careful(line, false);
    assertNotNull(stored);
    assertNull(quick(new QuickEvents(LIMITS, LIMITS.getMaxEventLineLength()), line));
    assertEquals(stored, quick(new QuickEvents(LIMITS, LIMITS.getMaxEventLineLength(), false),
        line));
  }

  @Test
  void caseReferencesAndUnknownPropertiesAreLeftToTheCarefulReading() {
    QuickEvents reader = new QuickEvents(LIMITS, LIMITS.getMaxEventLineLength(), false);
    String withCase = line(ExchangeRequested.builder().eventId(EventId.of("e-1"))
        .actor(MemberId.of("m-1")).occurredAt(Samples.T0).exchange(Samples.exchange()).build());
    assertNull(quick(reader, withCase));
    assertNotNull(careful(withCase, false));
    String held = line(ExchangeHeld.builder().eventId(EventId.of("e-2"))
        .actor(MemberId.of("m-1")).occurredAt(Samples.T0).exchange(ExchangeId.of("x-1"))
        .heldOn(LocalDate.of(2024, 2, 29)).build());
    assertNotNull(quick(reader, held));
    for (String bad : List.of("2023-02-29", "2024-2-29", "2024-02-29 ", "\u0662024-02-29",
        "2024/02/29", "+2024-02-2")) {
      String mutated = held.replace("2024-02-29", bad);
      assertNull(quick(reader, mutated), mutated);
      assertNull(careful(mutated, false), mutated);
    }
    assertNull(quick(reader, held.replace("\"heldOn\"", "\"report\":{},\"heldOn\"")));
    assertNull(quick(reader, held.replace("\"heldOn\"", "\"schedule\":1,\"heldOn\"")));
  }
}
