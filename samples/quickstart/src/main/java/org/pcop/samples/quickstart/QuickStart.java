package org.pcop.samples.quickstart;

import java.time.*;
import java.util.*;
import org.pcop.engine.*;
import org.pcop.model.*;
import org.pcop.model.activity.*;
import org.pcop.model.taxonomy.*;
import org.pcop.spi.HostUserId;
import org.pcop.spi.memory.InMemoryHostAdapter;

/** Embeds pcop: a community of two sites, an exchange, a request for information, the rules. */
public final class QuickStart {
  public static void main(String[] args) {
    // The host's side: an in-memory event store, identities, access policy, audit trail, inbox.
    InMemoryHostAdapter host = InMemoryHostAdapter.create();
    CommandContext ana = user(host, "ana"), lee = user(host, "lee"), sam = user(host, "sam");
    var community = Community.builder().id(CommunityId.of("pcop")).program(ProgramId.of("psp"))
        .name("PCoP").taxonomy(TaxonomyId.of("psp")).timeZone(ZoneId.of("America/Chicago")).build();

    try (Pcop pcop = Pcop.builder().adapter(host).community(community).build()) {
      // The first commands come in this order: taxonomy, sites and agencies (here each site's
      // prosecutor's office, "memphis-da" and "kc-da"), members, staff appointments, memberships.
      pcop.changeTaxonomy(ana, PspTaxonomy.current());
      register(pcop, ana, "memphis", "Memphis", "TN");
      register(pcop, ana, "kc", "Kansas City", "MO");
      pcop.enrolMember(ana, Member.builder().id(MemberId.of("ana")).name("Ana Ortiz")
          .agency(AgencyId.of("memphis-da")).email("ana@example.org").build());
      pcop.enrolMember(ana, Member.builder().id(MemberId.of("lee")).name("Lee Park")
          .agency(AgencyId.of("kc-da")).email("lee@example.org").build());
      pcop.enrolMember(ana, Member.builder().id(MemberId.of("sam")).name("Sam Reed")
          .agency(AgencyId.of("memphis-da")).email("sam@example.org").build());
      pcop.appointStaff(ana, MemberId.of("ana"), MembershipRole.PROGRAM_ADVISOR);
      pcop.changeMembership(ana, MemberId.of("lee"), MembershipRole.SITE_LEAD,
          MembershipStatus.ACTIVE, Optional.empty());
      pcop.changeMembership(ana, MemberId.of("sam"), MembershipRole.MEMBER,
          MembershipStatus.ACTIVE, Optional.empty());

      // Sam asks to visit Kansas City; the program advisor and the host site lead approve.
      pcop.requestExchange(sam, Exchange.builder().id(ExchangeId.of("x1")).hostSite(SiteId.of("kc"))
          .hostAgency(AgencyId.of("kc-da")).addVisitingAgency(AgencyId.of("memphis-da"))
          .community(community.getId()).mode(ExchangeMode.IN_PERSON).requestedBy(MemberId.of("sam"))
          .purpose("See how they screen gun cases.").requestedAt(Instant.now()).build());
      pcop.approveExchange(ana, ExchangeId.of("x1"), ApproverRole.PROGRAM_ADVISOR);
      pcop.approveExchange(lee, ExchangeId.of("x1"), ApproverRole.HOST_SITE_LEAD);

      // Sam asks the community a question; Lee answers and Sam accepts the answer.
      pcop.postRfi(sam, RequestForInformation.builder().id(RfiId.of("q-1"))
          .community(community.getId()).askedBy(MemberId.of("sam")).postedAt(Instant.now())
          .topic(TopicId.of("gun-violence.nibin")).question("Who reviews NIBIN leads?").build());
      pcop.answerRfi(lee, RfiId.of("q-1"), ResponseId.of("a-1"), "A detective reviews each daily.");
      pcop.acceptAnswer(sam, RfiId.of("q-1"), ResponseId.of("a-1"));

      // Each rule's result, explained: the facts counted, the thresholds, the window.
      pcop.evaluation().getResults().forEach(result -> System.out.println(result.getRule().value()
          + " " + result.getSubject().id() + ": " + result.getExplanation().render()));
    }
  }

  /** A host user mapped to the member of the same id, allowed every action. */
  static CommandContext user(InMemoryHostAdapter host, String name) {
    host.identityMapping().map(HostUserId.of(name), MemberId.of(name));
    Pcop.ACTIONS.forEach(a -> host.accessPolicy().grant(HostUserId.of(name), a, Optional.empty()));
    return CommandContext.of(HostUserId.of(name));
  }

  /** A site of the program, in operations since 2025, and a prosecutor's office there. */
  static void register(Pcop pcop, CommandContext as, String site, String name, String state) {
    pcop.registerSite(as, Site.builder().id(SiteId.of(site)).name(name).state(state)
        .addEngagement(SiteEngagement.standard(EngagementKind.OPERATIONS, LocalDate.of(2025, 1, 1)))
        .build());
    pcop.registerAgency(as, Agency.builder().id(AgencyId.of(site + "-da")).name(name + " DA")
        .kind(AgencyKind.DISTRICT_OR_COUNTY_ATTORNEY).jurisdictionLevel(JurisdictionLevel.LOCAL)
        .state(state).site(SiteId.of(site)).build());
  }
}
