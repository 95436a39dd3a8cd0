package org.pcop.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.pcop.model.activity.Activity;
import org.pcop.model.activity.ActivityKind;
import org.pcop.model.activity.Exchange;
import org.pcop.model.activity.ExchangeMode;
import org.pcop.model.activity.FollowUpReport;
import org.pcop.model.activity.ImmutableActivity;
import org.pcop.model.activity.ImmutableExchange;
import org.pcop.model.activity.ImmutableFollowUpReport;
import org.pcop.model.activity.ImmutableRequestForInformation;
import org.pcop.model.activity.ImmutableRfiResponse;
import org.pcop.model.activity.RequestForInformation;
import org.pcop.model.activity.RfiResponse;
import org.pcop.model.taxonomy.Aim;
import org.pcop.model.taxonomy.AimId;
import org.pcop.model.taxonomy.CoreArea;
import org.pcop.model.taxonomy.CoreAreaId;
import org.pcop.model.taxonomy.ImmutableTaxonomy;
import org.pcop.model.taxonomy.Taxonomy;
import org.pcop.model.taxonomy.TaxonomyId;
import org.pcop.model.taxonomy.Topic;
import org.pcop.model.taxonomy.TopicId;

/** Valid values for tests to vary. */
public final class Fixtures {
  public static final Instant T0 = Instant.parse("2026-03-02T15:00:00Z");
  public static final LocalDate D0 = LocalDate.of(2026, 3, 2);

  public static final MemberId ADVISOR = MemberId.of("m-advisor");
  public static final MemberId SITE_LEAD = MemberId.of("m-site-lead");

  private Fixtures() {}

  public static ImmutableMember.Builder member() {
    return Member.builder()
        .id(MemberId.of("m-1"))
        .name("Dana Whitfield")
        .title("Assistant District Attorney")
        .agency(AgencyId.of("a-kc"))
        .email("dana.whitfield@jacksongov.example.org")
        .phone("+1 816 881 3555")
        .addBarAdmission(BarAdmission.of("MO", "58213"))
        .addExpertise(TopicId.of("gun-violence.nibin"));
  }

  public static ImmutableAgency.Builder agency() {
    return Agency.builder()
        .id(AgencyId.of("a-kc"))
        .name("Jackson County Prosecuting Attorney's Office")
        .kind(AgencyKind.DISTRICT_OR_COUNTY_ATTORNEY)
        .jurisdictionLevel(JurisdictionLevel.LOCAL)
        .state("MO")
        .ori("MO0480000")
        .site(SiteId.of("kansas-city-mo"));
  }

  public static ImmutableSite.Builder site() {
    return Site.builder()
        .id(SiteId.of("kansas-city-mo"))
        .name("Kansas City")
        .state("MO")
        .addEngagement(SiteEngagement.standard(EngagementKind.DIAGNOSTIC, LocalDate.of(2017, 6, 1)))
        .addEngagement(SiteEngagement.standard(EngagementKind.OPERATIONS, LocalDate.of(2020, 6, 1)))
        .addEngagement(SiteEngagement.builder().kind(EngagementKind.ALUMNI)
            .start(LocalDate.of(2023, 6, 1)).build());
  }

  public static ImmutableProgram.Builder program() {
    return Program.builder()
        .id(ProgramId.of("psp"))
        .name("National Public Safety Partnership")
        .addSite(SiteId.of("kansas-city-mo"))
        .addCommunity(CommunityId.of("pcop"));
  }

  public static ImmutableCommunity.Builder community() {
    return Community.builder()
        .id(CommunityId.of("pcop"))
        .program(ProgramId.of("psp"))
        .name("Prosecution Community of Practice")
        .description("Prosecutors of PSP sites learning from each other.\nSince 2019.")
        .taxonomy(TaxonomyId.of("psp"))
        .timeZone(ZoneId.of("America/New_York"));
  }

  public static ImmutableMembership.Builder membership() {
    return Membership.builder()
        .member(MemberId.of("m-1"))
        .community(CommunityId.of("pcop"))
        .role(MembershipRole.MEMBER)
        .addHistory(StatusChange.of(MembershipStatus.INVITED, T0))
        .addHistory(StatusChange.of(MembershipStatus.ACTIVE, T0.plusSeconds(3600)));
  }

  public static ImmutableExchange.Builder exchange() {
    return Exchange.builder()
        .id(ExchangeId.of("x-1"))
        .community(CommunityId.of("pcop"))
        .hostAgency(AgencyId.of("a-kc"))
        .hostSite(SiteId.of("kansas-city-mo"))
        .addVisitingAgency(AgencyId.of("a-memphis"))
        .purpose("Learn how the host screens gun cases with NIBIN leads.")
        .addCoreArea(CoreAreaId.of("gun-violence"))
        .mode(ExchangeMode.IN_PERSON)
        .requestedBy(MemberId.of("m-2"))
        .requestedAt(T0);
  }

  public static ImmutableFollowUpReport.Builder report() {
    return FollowUpReport.builder()
        .submittedBy(MemberId.of("m-2"))
        .submittedAt(T0.plusSeconds(30 * 86_400))
        .summary("We will adopt the host's NIBIN screening checklist.\nReview in six months.");
  }

  public static ImmutableActivity.Builder activity() {
    return Activity.builder()
        .id(ActivityId.of("act-1"))
        .community(CommunityId.of("pcop"))
        .kind(ActivityKind.WEBINAR)
        .title("Charging decisions with NIBIN leads")
        .startsAt(T0)
        .endsAt(T0.plusSeconds(3600))
        .addCoreArea(CoreAreaId.of("gun-violence"))
        .addTopic(TopicId.of("gun-violence.nibin"));
  }

  public static ImmutableRequestForInformation.Builder rfi() {
    return RequestForInformation.builder()
        .id(RfiId.of("rfi-1"))
        .community(CommunityId.of("pcop"))
        .askedBy(MemberId.of("m-1"))
        .topic(TopicId.of("gun-violence.nibin"))
        .question("How do you prioritise NIBIN leads for charging?")
        .postedAt(T0);
  }

  public static ImmutableRfiResponse.Builder response(String id, long secondsAfterT0) {
    return RfiResponse.builder()
        .id(ResponseId.of(id))
        .respondent(MemberId.of("m-3"))
        .at(T0.plusSeconds(secondsAfterT0))
        .text("We triage by shooting severity and prior leads.");
  }

  public static ImmutableTaxonomy.Builder taxonomy() {
    return Taxonomy.builder()
        .id(TaxonomyId.of("custom"))
        .version(1)
        .name("Custom areas")
        .effective(D0)
        .addCoreArea(CoreArea.of(CoreAreaId.of("gun-violence"), "Gun violence"))
        .addTopic(Topic.of(TopicId.of("gun-violence.nibin"), "NIBIN leads",
            CoreAreaId.of("gun-violence")))
        .addAim(Aim.of(AimId.of("problem-solving"), "Problem solving"));
  }
}
