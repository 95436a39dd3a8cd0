package org.pcop.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pcop.model.Agency;
import org.pcop.model.AgencyId;
import org.pcop.model.AgencyKind;
import org.pcop.model.Community;
import org.pcop.model.CommunityId;
import org.pcop.model.JurisdictionLevel;
import org.pcop.model.Member;
import org.pcop.model.MemberId;
import org.pcop.model.ProgramId;
import org.pcop.model.event.AgencyRegistered;
import org.pcop.model.event.EventId;
import org.pcop.model.event.MemberEnrolled;
import org.pcop.model.taxonomy.TaxonomyId;
import org.pcop.rules.EngagementRecord;
import org.pcop.rules.Subject;
import org.pcop.rules.SubjectKind;

/** Reading the member back out of a membership subject, as the membership rules do. */
class ResultsTest {
  private static final CommunityId PCOP = CommunityId.of("pcop");
  private static final Instant T = Instant.parse("2026-01-05T15:00:00Z");
  private static final MemberId SYSTEM = MemberId.of("m-system");

  private static EngagementRecord recordWithAna() {
    EngagementRecord record = EngagementRecord.of(Community.builder().id(PCOP)
        .program(ProgramId.of("psp")).name("PCOP").taxonomy(TaxonomyId.of("psp"))
        .timeZone(ZoneId.of("America/Chicago")).build());
    record.apply(AgencyRegistered.builder().eventId(EventId.of("e-1")).actor(SYSTEM)
        .occurredAt(T).agency(Agency.builder().id(AgencyId.of("a-kc")).name("Kansas City")
            .kind(AgencyKind.DISTRICT_OR_COUNTY_ATTORNEY)
            .jurisdictionLevel(JurisdictionLevel.LOCAL).state("MO")
            .build()).build());
    record.apply(MemberEnrolled.builder().eventId(EventId.of("e-2")).actor(SYSTEM)
        .occurredAt(T).member(Member.builder().id(MemberId.of("m-ana")).name("Ana Ruiz")
            .email("ana@example.org").agency(AgencyId.of("a-kc")).build()).build());
    return record;
  }

  @Test
  void aMembershipSubjectOfTheCommunityGivesTheMemberAsTheRecordKnowsIt() {
    EngagementRecord record = recordWithAna();
    MemberId known = record.member(MemberId.of("m-ana")).orElseThrow().getId();
    Optional<MemberId> found = Results.member(Subject.membership(MemberId.of("m-ana"), PCOP),
        PCOP, record);
    assertEquals(Optional.of(known), found);
    assertSame(record.member(known).orElseThrow().getId(), found.get(),
        "the id first seen, not a copy");
  }

  @Test
  void aMemberTheRecordDoesNotKnowIsReadFromTheSubject() {
    assertEquals(Optional.of(MemberId.of("m-bo")), Results.member(
        Subject.membership(MemberId.of("m-bo"), PCOP), PCOP, recordWithAna()));
  }

  @Test
  void subjectsOfOtherCommunitiesOrKindsGiveNoMember() {
    EngagementRecord record = recordWithAna();
    for (Subject other : new Subject[] {
        Subject.membership(MemberId.of("m-ana"), CommunityId.of("other")),
        Subject.membership(MemberId.of("m-ana"), CommunityId.of("xpcop")),
        Subject.membership(MemberId.of("m-ana"), CommunityId.of("abcd")),
        new Subject(SubjectKind.MEMBERSHIP, "m-ana-pcop"),
        new Subject(SubjectKind.MEMBERSHIP, "pcop"),
        new Subject(SubjectKind.MEMBERSHIP, "@pcop"),
        new Subject(SubjectKind.SITE, "m-ana@pcop")}) {
      assertEquals(Optional.empty(), Results.member(other, PCOP, record), other.toString());
    }
  }
}
