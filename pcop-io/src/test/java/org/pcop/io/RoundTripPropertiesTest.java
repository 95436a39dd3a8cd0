package org.pcop.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.pcop.io.document.CommunityDocument;
import org.pcop.io.document.CommunityDocumentFormat;
import org.pcop.io.eventlog.EventLogFormat;
import org.pcop.io.eventlog.EventLogWriter;
import org.pcop.io.roster.RosterCsv;
import org.pcop.io.roster.RosterEntry;
import org.pcop.model.AgencyId;
import org.pcop.model.BarAdmission;
import org.pcop.model.CommunityId;
import org.pcop.model.ExchangeId;
import org.pcop.model.Member;
import org.pcop.model.MemberId;
import org.pcop.model.MembershipRole;
import org.pcop.model.MembershipStatus;
import org.pcop.model.SiteId;
import org.pcop.model.activity.ApproverRole;
import org.pcop.model.activity.Exchange;
import org.pcop.model.activity.Schedule;
import org.pcop.model.event.EventId;
import org.pcop.model.event.ExchangeDeclined;
import org.pcop.model.event.ExchangeRequested;
import org.pcop.model.event.ExchangeScheduled;
import org.pcop.model.event.MemberDeactivated;
import org.pcop.model.event.MemberEnrolled;
import org.pcop.model.event.MembershipChanged;
import org.pcop.model.event.PcopEvent;
import org.pcop.model.taxonomy.TopicId;

/**
 * Write then read gives an equal value, for seeded random documents, events and rosters (the
 * first tries are the edge cases: the smallest and the largest of every choice).
 */
class RoundTripPropertiesTest {
  private static final long SEED = 20_240_504L;
  private static final List<AgencyId> AGENCIES = List.of(AgencyId.of("a-shelby"),
      AgencyId.of("a-jackson"), AgencyId.of("a-usao-wdmo"));
  private static final List<TopicId> TOPICS = Samples.TAXONOMY.getTopics().stream()
      .map(t -> t.getId()).collect(Collectors.toList());
  private static final List<String> STATES = List.of("TN", "MO", "CA", "NY", "TX", "DC", "PR");
  private static final List<String> FIRST = List.of(Generated.chars('A', 'Z'),
      "\u00c9\u00d8\u6f22\"=+-@");
  private static final List<String> REST = List.of(Generated.chars('a', 'z'),
      " ,\"'\\/;:\u00e9\u00df\u6f22=+-@");
  private static final List<String> ID = List.of(Generated.chars('a', 'z'),
      Generated.chars('0', '9'), "._:-");

  /**
   * Plain text of up to {@code max} characters with the characters that break naive writers:
   * quotes, commas, apostrophes, and a first one that a spreadsheet reads as a formula; never
   * blank, never starting with an apostrophe nor ending with a space.
   */
  private static String text(Generated g, int max) {
    return g.filtered(() -> g.character(FIRST) + g.string(REST, 0, max - 1),
        s -> !s.endsWith(" "));
  }

  private static String id(Generated g, String prefix) {
    return prefix + g.string(ID, 1, 20);
  }

  private static Instant instant(Generated g) {
    long seconds = g.between(946_684_800L, 4_102_444_800L);
    int nanos = g.between(0, 999_999_999);
    return Instant.ofEpochSecond(seconds, nanos % 3 == 0 ? 0 : nanos);
  }

  /** An amount from 0.00 to {@code max}, in cents. */
  private static BigDecimal amount(Generated g, long max) {
    return BigDecimal.valueOf(g.between(0L, max * 100), 2);
  }

  private static Member member(Generated g) {
    List<BarAdmission> bars = new ArrayList<>();
    for (String state : g.subsetOf(STATES, 3)) {
      bars.add(BarAdmission.of(state, g.string(Generated.chars('0', '9'), 1, 12)));
    }
    return Member.builder().id(MemberId.of(id(g, "m-"))).name(text(g, 60))
        .title(g.optional(() -> text(g, 60))).agency(g.oneOf(AGENCIES))
        .email(g.string(Generated.chars('a', 'z'), 1, 20) + "@example.org")
        .phone(g.optional(() -> g.oneOf("+1 901 222 1300", "+1 816 881 3555")))
        .barAdmissions(bars).expertise(g.subsetOf(TOPICS, 4)).build();
  }

  private static List<Member> uniqueById(List<Member> members) {
    Map<MemberId, Member> byId = new LinkedHashMap<>();
    members.forEach(m -> byId.putIfAbsent(m.getId(), m));
    return new ArrayList<>(byId.values());
  }

  /** The sample document with up to twelve more members, each with a membership. */
  private static CommunityDocument document(Generated g) {
    List<Member> members = uniqueById(g.list(0, 12, () -> member(g)));
    List<MembershipRole> roles = g.list(members.size(), members.size(),
        () -> g.oneOf(MembershipRole.class));
    CommunityDocument base = Samples.document();
    List<Member> all = new ArrayList<>(base.getMembers());
    members.stream().filter(m -> all.stream().noneMatch(a -> a.getId()
        .equals(m.getId()))).forEach(all::add);
    var memberships = new ArrayList<>(base.getMemberships());
    for (int i = 0; i < members.size(); i++) {
      Member member = members.get(i);
      if (all.contains(member) && memberships.stream().noneMatch(
          ms -> ms.getMember().equals(member.getId()))) {
        memberships.add(Samples.membership(member, roles.get(i)));
      }
    }
    return CommunityDocument.builder().from(base).members(all).memberships(memberships).build();
  }

  @Test
  void documentsRoundTrip() {
    CommunityDocumentFormat format = CommunityDocumentFormat.create();
    Generated.forEachTry(SEED, 150, g -> {
      CommunityDocument document = document(g);
      assertEquals(document, format.read(format.write(document)).orElseThrow(),
          g.toString());
    });
  }

  /** Up to twenty events of six kinds, each as likely. */
  private static List<PcopEvent> events(Generated g) {
    return g.list(0, 20, () -> g.<PcopEvent>from(
        () -> MemberEnrolled.builder().eventId(EventId.of(id(g, "e-")))
            .actor(MemberId.of(id(g, "m-"))).occurredAt(instant(g)).member(member(g)).build(),
        () -> {
          MemberId actor = MemberId.of(id(g, "m-"));
          return MemberDeactivated.builder().eventId(EventId.of(id(g, "e-"))).actor(actor)
              .occurredAt(instant(g)).member(actor).reason(g.optional(() -> text(g, 100)))
              .build();
        },
        () -> {
          MembershipStatus status = g.oneOf(MembershipStatus.class);
          var changed = MembershipChanged.builder().eventId(EventId.of(id(g, "e-")))
              .actor(MemberId.of(id(g, "m-"))).occurredAt(instant(g)).member(MemberId.of("m-1"))
              .community(CommunityId.of("c-pcop")).role(g.oneOf(MembershipRole.class))
              .status(status);
          if (status == MembershipStatus.SUSPENDED) {
            // A suspension names why and its last day.
            changed.reason(text(g, 100))
                .until(java.time.LocalDate.of(2020, 1, 1).plusDays(g.between(0, 3_650)));
          }
          return changed.build();
        },
        () -> ExchangeDeclined.builder().eventId(EventId.of(id(g, "e-")))
            .actor(MemberId.of(id(g, "m-"))).occurredAt(instant(g))
            .exchange(ExchangeId.of("x-1")).role(g.oneOf(ApproverRole.class))
            .reason(text(g, 200)).build(),
        () -> {
          int day = g.between(0, 20_000);
          int length = g.between(0, 30);
          return ExchangeScheduled.builder().eventId(EventId.of(id(g, "e-")))
              .actor(MemberId.of(id(g, "m-"))).occurredAt(instant(g))
              .exchange(ExchangeId.of("x-1")).schedule(Schedule.of(LocalDate.ofEpochDay(day),
                  LocalDate.ofEpochDay(day + length))).build();
        },
        () -> {
          Instant at = instant(g);
          Exchange exchange = Exchange.builder().from(Samples.exchange()).purpose(text(g, 300))
              .requestedAt(at).travelFunding(g.optional(() -> amount(g, 99_999))).build();
          return ExchangeRequested.builder().eventId(EventId.of(id(g, "e-")))
              .actor(MemberId.of(id(g, "m-"))).occurredAt(at).exchange(exchange).build();
        }));
  }

  @Test
  void eventLogsRoundTrip() {
    EventLogFormat format = EventLogFormat.create();
    Generated.forEachTry(SEED, 150, g -> {
      List<PcopEvent> events = events(g);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (EventLogWriter writer = format.writer(out, CaseLabels.INCLUDED)) {
        writer.writeAll(events);
      }
      try (Stream<PcopEvent> back = format.reader(out.toString(StandardCharsets.UTF_8))
          .stream()) {
        assertEquals(events, back.collect(Collectors.toList()), g.toString());
      }
    });
  }

  @Test
  void eventLogsWithoutCaseLabelsReadBackAndWriteTheSameAgain() {
    EventLogFormat format = EventLogFormat.create();
    Generated.forEachTry(SEED, 150, g -> {
      List<PcopEvent> events = events(g);
      long references = events.stream().filter(ExchangeRequested.class::isInstance)
          .mapToLong(e -> ((ExchangeRequested) e).getExchange().getCaseReferences().size())
          .sum();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (EventLogWriter writer = format.writer(out)) {
        writer.writeAll(events);
        assertEquals(references, writer.caseLabelsLeftOut(), g.toString());
      }
      String log = out.toString(StandardCharsets.UTF_8);
      ByteArrayOutputStream again = new ByteArrayOutputStream();
      try (Stream<PcopEvent> back = format.reader(log).stream();
          EventLogWriter writer = format.writer(again)) {
        writer.writeAll(back.collect(Collectors.toList()));
      }
      assertEquals(log, again.toString(StandardCharsets.UTF_8), g.toString());
    });
  }

  /** Up to fifteen members, each at one of two sites or none. */
  private static List<RosterEntry> roster(Generated g) {
    List<RosterEntry> out = new ArrayList<>();
    for (Member member : uniqueById(g.list(0, 15, () -> member(g)))) {
      out.add(RosterEntry.of(member, g.optional(() -> g.oneOf("s-memphis", "s-kc"))
          .map(SiteId::of)));
    }
    return out;
  }

  @Test
  void rostersRoundTrip() {
    Generated.forEachTry(SEED, 150, g -> {
      List<RosterEntry> entries = roster(g);
      StringWriter out = new StringWriter();
      RosterCsv.create().write(entries, out);
      assertEquals(entries, RosterCsv.create().read(new java.io.ByteArrayInputStream(
          out.toString().getBytes(StandardCharsets.UTF_8))).orElseThrow(),
          g.toString());
    });
  }
}
