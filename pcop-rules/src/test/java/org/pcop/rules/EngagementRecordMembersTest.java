package org.pcop.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pcop.model.EngagementKind;
import org.pcop.model.MemberId;
import org.pcop.model.MembershipRole;
import org.pcop.model.MembershipStatus;
import org.pcop.model.SiteId;

/**
 * The record finds each member's own state by id among thousands, whatever the id's length:
 * short ids, ids longer than eight characters, and ids that begin one another.
 */
class EngagementRecordMembersTest {
  private static final Instant T = Scenario.at("2026-01-05T09:00");

  @Test
  void everyMemberKeepsTheirOwnStateAmongThousands() {
    Scenario s = new Scenario().twoSites(T);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 1500; i++) {
      ids.add("m-" + i);
    }
    // Eight characters and more; some begin others, some differ only in the ninth character.
    ids.addAll(List.of("m-123456", "m-1234567", "n-1234567", "m-12345678", "n-12345678",
        "m-123456789", "member-one",
        "member-onf", "m.x:y_z-long-identifier"));
    for (int i = 0; i < ids.size(); i++) {
      s.member(ids.get(i), i % 3 == 0 ? "a-mem" : "a-kc", T);
      if (i % 2 == 0) {
        s.membership(ids.get(i), MembershipRole.MEMBER, MembershipStatus.ACTIVE, T);
      }
    }
    for (int i = 0; i < ids.size(); i++) {
      MemberId id = MemberId.of(ids.get(i));
      assertEquals(Optional.of(SiteId.of(i % 3 == 0 ? "s-mem" : "s-kc")), s.record.siteOf(id),
          ids.get(i));
      assertEquals(i % 2 == 0, s.record.membership(id, Scenario.PCOP).isPresent(), ids.get(i));
      s.record.membership(id, Scenario.PCOP).ifPresent(m -> assertEquals(id, m.getMember()));
      assertTrue(s.record.memberVersion(id) > 0, ids.get(i));
    }
    for (String unknown : List.of("m-1500", "m-12345", "m-1234567890", "member-on", "x")) {
      assertEquals(0, s.record.memberVersion(MemberId.of(unknown)), unknown);
      assertEquals(Optional.empty(), s.record.siteOf(MemberId.of(unknown)), unknown);
    }
    long shorter = s.record.memberVersion(MemberId.of("m-12345678"));
    long longer = s.record.memberVersion(MemberId.of("m-123456789"));
    s.member("m-123456789", "a-mem", T.plusSeconds(60));
    assertEquals(shorter, s.record.memberVersion(MemberId.of("m-12345678")),
        "a change to m-123456789 leaves m-12345678 as it was");
    assertNotEquals(longer, s.record.memberVersion(MemberId.of("m-123456789")));
    assertEquals(Optional.of(SiteId.of("s-mem")), s.record.siteOf(MemberId.of("m-123456789")));
  }
}
