package org.pcop.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pcop.model.AgencyId;
import org.pcop.model.BarAdmission;
import org.pcop.model.CommunityId;
import org.pcop.model.Member;
import org.pcop.model.MemberId;
import org.pcop.model.Membership;
import org.pcop.model.MembershipRole;
import org.pcop.model.MembershipStatus;
import org.pcop.model.StatusChange;
import org.pcop.model.taxonomy.TopicId;

/**
 * The snapshot's form of members and memberships gives back equal values, every optional part
 * present or not, and refuses bytes that were changed.
 */
class ModelValuesTest {
  private final ModelValues values = new ModelValues();

  @Test
  void membersAndMembershipsComeBackEqual() {
    Member plain = Member.builder().id(MemberId.of("m-1")).name("Ana Díaz")
        .agency(AgencyId.of("a-1")).email("ana@example.org").build();
    Member full = Member.builder().from(plain).id(MemberId.of("m-2")).title("Chief deputy")
        .phone("+1 816 881 3555").addExpertise(TopicId.of("gun-violence.nibin"),
            TopicId.of("victim-services.notification")).build();
    Member admitted = Member.builder().from(full).id(MemberId.of("m-3"))
        .addBarAdmissions(BarAdmission.of("MO", "12345")).build();
    List<Member> members = List.of(plain, full, admitted);
    assertEquals(members, values.decode(Member.class, values.encode(Member.class, members)));

    Instant at = Instant.parse("2026-03-02T15:00:00Z");
    Membership single = Membership.builder().member(MemberId.of("m-1"))
        .community(CommunityId.of("pcop")).role(MembershipRole.MEMBER)
        .addHistory(StatusChange.of(MembershipStatus.ACTIVE, at)).build();
    Membership changed = Membership.builder().member(MemberId.of("m-2"))
        .community(CommunityId.of("pcop")).role(MembershipRole.SITE_LEAD)
        .sponsor(Optional.of(MemberId.of("m-1")))
        .addHistory(StatusChange.of(MembershipStatus.INVITED, at))
        .addHistory(StatusChange.builder().status(MembershipStatus.DORMANT)
            .at(at.plusSeconds(86_400).plusNanos(1_000)).reason("No activity for 90 days")
            .build()).build();
    List<Membership> memberships = List.of(single, changed);
    assertEquals(memberships, values.decode(Membership.class,
        values.encode(Membership.class, memberships)));
    assertEquals(List.of(), values.decode(Member.class, values.encode(Member.class, List.of())));
  }

  @Test
  void changedBytesAreRefused() {
    byte[] bytes = values.encode(Member.class, List.of(Member.builder().id(MemberId.of("m-1"))
        .name("Ana").agency(AgencyId.of("a-1")).email("ana@example.org").build()));
    bytes[6] ^= 1;
    assertThrows(SnapshotBytes.Unusable.class, () -> values.decode(Member.class, bytes));
  }
}
