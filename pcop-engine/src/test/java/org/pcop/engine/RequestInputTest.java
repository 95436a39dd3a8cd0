package org.pcop.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pcop.io.ReadLimits;
import org.pcop.io.json.PcopJsonModule;
import org.pcop.model.AgencyId;
import org.pcop.model.Member;
import org.pcop.model.MemberId;
import org.pcop.model.MembershipRole;
import org.pcop.model.taxonomy.TopicId;

/** The digest that tells a retry from another command under the same request id. */
class RequestInputTest {
  private static final ObjectMapper MAPPER = PcopJsonModule.strictMapper(ReadLimits.defaults());

  private static Member member(String... topics) {
    var builder = Member.builder().id(MemberId.of("m-1")).name("Dana Reyes")
        .agency(AgencyId.of("a-kc")).email("dana@example.org");
    for (String topic : topics) {
      builder.addExpertise(TopicId.of(topic));
    }
    return builder.build();
  }

  private static String digest(Object... input) {
    return RequestInput.digest(MAPPER, Arrays.asList(input));
  }

  @Test
  void equalInputsDigestAlikeWhateverTheOrderOfTheirSets() {
    assertEquals(member("t-1", "t-2"), member("t-2", "t-1"));
    assertEquals(digest(member("t-1", "t-2")), digest(member("t-2", "t-1")));
    assertTrue(digest(member()).matches("[0-9a-f]{32}"), digest(member()));
  }

  @Test
  void anyDifferenceInAValueGivesAnotherDigest() {
    String dana = digest(member("t-1"));
    assertNotEquals(dana, digest(member("t-2")));
    assertNotEquals(dana, digest(Member.builder().from(member("t-1")).name("Dana Reyes Jr")
        .build()));
    assertNotEquals(digest(MemberId.of("m-1"), Optional.empty()),
        digest(MemberId.of("m-1"), Optional.of(MemberId.of("m-2"))));
  }

  @Test
  void theArgumentsKeepTheirOrder() {
    assertNotEquals(digest(MemberId.of("m-1"), MemberId.of("m-2")),
        digest(MemberId.of("m-2"), MemberId.of("m-1")));
    assertNotEquals(digest(MembershipRole.MEMBER, null), digest(null, MembershipRole.MEMBER));
    assertEquals(digest(), RequestInput.digest(MAPPER, List.of()));
  }
}
