package org.pcop.model;

import java.time.Instant;
import java.time.LocalDate;
import org.pcop.model.activity.Exchange;
import org.pcop.model.activity.ExchangeMode;
import org.pcop.model.taxonomy.CoreAreaId;
import org.pcop.model.taxonomy.TopicId;

/** Valid values for tests to vary. */
public final class Fixtures {
  public static final Instant T0 = Instant.parse("2026-03-02T15:00:00Z");
  public static final LocalDate D0 = LocalDate.of(2026, 3, 2);

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

  public static org.pcop.model.activity.ImmutableExchange.Builder exchange() {
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
}
