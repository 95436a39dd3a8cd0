package org.pcop.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pcop.model.AgencyKind;
import org.pcop.model.EngagementKind;
import org.pcop.model.JurisdictionLevel;
import org.pcop.model.MemberId;
import org.pcop.model.SiteId;

/** A member's site is their agency's, and follows the member and the agency as they change. */
class EngagementRecordSiteTest {
  private static final Instant T = Scenario.at("2026-01-05T09:00");
  private static final MemberId ANA = MemberId.of("m-ana");

  private static Scenario twoSites() {
    return new Scenario().twoSites(T);
  }

  @Test
  void aMemberIsAtTheirAgencysSite() {
    Scenario s = twoSites().member("m-ana", "a-kc", T);
    assertEquals(Optional.of(SiteId.of("s-kc")), s.record.siteOf(ANA));
    assertEquals(Optional.empty(), s.record.siteOf(MemberId.of("m-nobody")));
  }

  @Test
  void theSiteFollowsTheMemberToAnotherAgency() {
    Scenario s = twoSites().member("m-ana", "a-kc", T);
    assertEquals(Optional.of(SiteId.of("s-kc")), s.record.siteOf(ANA));
    s.member("m-ana", "a-mem", T.plusSeconds(60));
    assertEquals(Optional.of(SiteId.of("s-mem")), s.record.siteOf(ANA));
  }

  @Test
  void theSiteFollowsTheAgencyToAnotherSiteOrToNone() {
    Scenario s = twoSites().member("m-ana", "a-kc", T);
    assertEquals(Optional.of(SiteId.of("s-kc")), s.record.siteOf(ANA));
    s.localAgency("a-kc", "s-mem", T.plusSeconds(60));
    assertEquals(Optional.of(SiteId.of("s-mem")), s.record.siteOf(ANA));
    s.agency("a-kc", null, AgencyKind.ATTORNEY_GENERAL, JurisdictionLevel.STATE,
        T.plusSeconds(120));
    assertEquals(Optional.empty(), s.record.siteOf(ANA));
  }

  @Test
  void aMemberOfAnAgencyNotYetRegisteredHasNoSiteUntilItIs() {
    Scenario s = twoSites().member("m-ana", "a-new", T);
    assertEquals(Optional.empty(), s.record.siteOf(ANA));
    s.localAgency("a-new", "s-kc", T.plusSeconds(60));
    assertEquals(Optional.of(SiteId.of("s-kc")), s.record.siteOf(ANA));
  }
}
