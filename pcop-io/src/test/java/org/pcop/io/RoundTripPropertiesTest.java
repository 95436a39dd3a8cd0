package org.pcop.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
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

/** Write then read gives an equal value, for generated documents, events and rosters. */
class RoundTripPropertiesTest {
  private static final List<AgencyId> AGENCIES = List.of(AgencyId.of("a-shelby"),
      AgencyId.of("a-jackson"), AgencyId.of("a-usao-wdmo"));
  private static final List<TopicId> TOPICS = Samples.TAXONOMY.getTopics().stream()
      .map(t -> t.getId()).collect(Collectors.toList());
  private static final List<String> STATES = List.of("TN", "MO", "CA", "NY", "TX", "DC", "PR");

  /** Plain text with the characters that break naive writers: quotes, commas, apostrophes. */
  private static Arbitrary<String> text(int max) {
    Arbitrary<Character> first = Arbitraries.chars().range('A', 'Z')
        .with('É', 'Ø', '漢', '"', '\'', '=', '+', '-', '@');
    Arbitrary<String> rest = Arbitraries.strings().withCharRange('a', 'z')
        .withChars(' ', ',', '"', '\'', '\\', '/', ';', ':', 'é', 'ß', '漢', '=', '+', '-', '@')
        .ofMaxLength(max - 1);
    return Combinators.combine(first, rest).as((f, r) -> f + r)
        .filter(s -> !s.isBlank() && !s.endsWith(" ") && !s.startsWith("'"));
  }

  private static Arbitrary<String> ids(String prefix) {
    return Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').withChars('.',
        '_', ':', '-').ofMinLength(1).ofMaxLength(20).map(s -> prefix + s);
  }

  private static Arbitrary<Instant> instants() {
    return Arbitraries.longs().between(946_684_800L, 4_102_444_800L)
        .flatMap(s -> Arbitraries.integers().between(0, 999_999_999)
            .map(n -> Instant.ofEpochSecond(s, n % 3 == 0 ? 0 : n)));
  }

  private static Arbitrary<Member> members() {
    Arbitrary<List<BarAdmission>> bars = Arbitraries.subsetOf(STATES).ofMaxSize(3)
        .flatMap(states -> Arbitraries.strings().withCharRange('0', '9').ofMinLength(1)
            .ofMaxLength(12).list().ofSize(states.size()).map(numbers -> {
              List<BarAdmission> out = new ArrayList<>();
              int i = 0;
              for (String s : states) {
                out.add(BarAdmission.of(s, numbers.get(i++)));
              }
              return out;
            }));
    return Combinators.combine(ids("m-"), text(60), text(60).optional(),
        Arbitraries.of(AGENCIES), Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1)
            .ofMaxLength(20), Arbitraries.of("+1 901 222 1300", "+1 816 881 3555").optional(),
        bars, Arbitraries.subsetOf(TOPICS).ofMaxSize(4))
        .as((id, name, title, agency, local, phone, admissions, expertise) ->
            Member.builder().id(MemberId.of(id)).name(name).title(title).agency(agency)
                .email(local + "@example.org").phone(phone).barAdmissions(admissions)
                .expertise(expertise).build());
  }

  private static List<Member> uniqueById(List<Member> members) {
    Map<MemberId, Member> byId = new LinkedHashMap<>();
    members.forEach(m -> byId.putIfAbsent(m.getId(), m));
    return new ArrayList<>(byId.values());
  }

  @Provide
  Arbitrary<CommunityDocument> documents() {
    return members().list().ofMaxSize(12).map(RoundTripPropertiesTest::uniqueById)
        .flatMap(members -> Arbitraries.of(MembershipRole.class).list().ofSize(members.size())
            .map(roles -> {
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
              return CommunityDocument.builder().from(base).members(all)
                  .memberships(memberships).build();
            }));
  }

  @Property(tries = 150)
  void documentsRoundTrip(@ForAll("documents") CommunityDocument document) {
    CommunityDocumentFormat format = CommunityDocumentFormat.create();
    assertEquals(document, format.read(format.write(document)).orElseThrow());
  }

  @Provide
  Arbitrary<List<PcopEvent>> eventLists() {
    Arbitrary<EventId> eventIds = ids("e-").map(EventId::of);
    Arbitrary<MemberId> actors = ids("m-").map(MemberId::of);
    Arbitrary<PcopEvent> enrolled = Combinators.combine(eventIds, actors, instants(), members())
        .as((id, actor, at, member) -> MemberEnrolled.builder().eventId(id).actor(actor)
            .occurredAt(at).member(member).build());
    Arbitrary<PcopEvent> deactivated = Combinators.combine(eventIds, actors, instants(),
        text(100).optional()).as((id, actor, at, reason) -> MemberDeactivated.builder()
            .eventId(id).actor(actor).occurredAt(at).member(actor).reason(reason).build());
    Arbitrary<PcopEvent> changed = Combinators.combine(eventIds, actors, instants(),
        Arbitraries.of(MembershipRole.class), Arbitraries.of(MembershipStatus.class))
        .as((id, actor, at, role, status) -> MembershipChanged.builder().eventId(id)
            .actor(actor).occurredAt(at).member(MemberId.of("m-1"))
            .community(CommunityId.of("c-pcop")).role(role).status(status).build());
    Arbitrary<PcopEvent> declined = Combinators.combine(eventIds, actors, instants(),
        Arbitraries.of(ApproverRole.class), text(200)).as((id, actor, at, role, reason) ->
        ExchangeDeclined.builder().eventId(id).actor(actor).occurredAt(at)
            .exchange(ExchangeId.of("x-1")).role(role).reason(reason).build());
    Arbitrary<PcopEvent> scheduled = Combinators.combine(eventIds, actors, instants(),
        Arbitraries.integers().between(0, 20_000), Arbitraries.integers().between(0, 30))
        .as((id, actor, at, day, length) -> ExchangeScheduled.builder().eventId(id).actor(actor)
            .occurredAt(at).exchange(ExchangeId.of("x-1")).schedule(Schedule.of(
                LocalDate.ofEpochDay(day), LocalDate.ofEpochDay(day + length))).build());
    Arbitrary<PcopEvent> requested = Combinators.combine(eventIds, actors, instants(),
        text(300), Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("99999"))
            .ofScale(2).optional()).as((id, actor, at, purpose, funding) -> {
              Exchange exchange = Exchange.builder().from(Samples.exchange()).purpose(purpose)
                  .requestedAt(at).travelFunding(funding).build();
              return ExchangeRequested.builder().eventId(id).actor(actor).occurredAt(at)
                  .exchange(exchange).build();
            });
    return Arbitraries.oneOf(enrolled, deactivated, changed, declined, scheduled, requested)
        .list().ofMaxSize(20);
  }

  @Property(tries = 150)
  void eventLogsRoundTrip(@ForAll("eventLists") List<PcopEvent> events) throws IOException {
    EventLogFormat format = EventLogFormat.create();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (EventLogWriter writer = format.writer(out)) {
      writer.writeAll(events);
    }
    try (Stream<PcopEvent> back = format.reader(out.toString(StandardCharsets.UTF_8)).stream()) {
      assertEquals(events, back.collect(Collectors.toList()));
    }
  }

  @Provide
  Arbitrary<List<RosterEntry>> rosters() {
    return members().list().ofMaxSize(15).map(RoundTripPropertiesTest::uniqueById)
        .flatMap(members -> Arbitraries.of("s-memphis", "s-kc").optional().list()
            .ofSize(members.size()).map(sites -> {
              List<RosterEntry> out = new ArrayList<>();
              for (int i = 0; i < members.size(); i++) {
                out.add(RosterEntry.of(members.get(i), sites.get(i).map(SiteId::of)));
              }
              return out;
            }));
  }

  @Property(tries = 150)
  void rostersRoundTrip(@ForAll("rosters") List<RosterEntry> entries) throws IOException {
    StringWriter out = new StringWriter();
    RosterCsv.create().write(entries, out);
    assertEquals(entries, RosterCsv.create().read(new java.io.ByteArrayInputStream(
        out.toString().getBytes(StandardCharsets.UTF_8))).orElseThrow());
  }

}
