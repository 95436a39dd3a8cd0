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

  @Test
  void theDigestIsTheOneEarlierVersionsComputedThroughATree() {
    StringBuilder every = new StringBuilder();
    for (char c = 0; c < 0x100; c++) {
      every.append(c);
    }
    every.append("\u2028\u00e9\ud83d\ude00\"\\/");
    List<List<Object>> inputs = List.of(List.of(), Arrays.asList((Object) null),
        List.of(member("t-2", "t-1", "t-3")), List.of(MemberId.of("m-1"), Optional.empty()),
        List.of(MemberId.of("m-1"), Optional.of(MemberId.of("m-2"))),
        List.of(MembershipRole.MEMBER, java.time.LocalDate.of(2026, 7, 1), 42, true),
        List.of(every.toString(), Member.builder().from(member("t-1")).name("Dana \"D\"\n"
            + "Reyes").build()),
        List.of(org.pcop.model.activity.Schedule.of(java.time.LocalDate.of(2026, 7, 1),
            java.time.LocalDate.of(2026, 7, 2)), java.time.Instant.parse(
            "2026-06-01T15:00:00.123456789Z")),
        List.of(World.exchange("x-1"), World.rfi("q-1")));
    for (List<Object> input : inputs) {
      assertEquals(throughATree(input), RequestInput.digest(MAPPER, input), input.toString());
    }
  }

  /** The digest as it was computed through a Jackson tree, for comparison. */
  private static String throughATree(List<?> input) {
    List<String> arguments = new java.util.ArrayList<>();
    for (Object argument : input) {
      try {
        arguments.add(canonical(MAPPER.valueToTree(argument)));
      } catch (IllegalArgumentException e) {
        arguments.add(String.valueOf(argument));
      }
    }
    try {
      byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
          .digest(String.join("\n", arguments).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder();
      for (int i = 0; i < 16; i++) {
        hex.append(String.format("%02x", hash[i]));
      }
      return hex.toString();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String canonical(com.fasterxml.jackson.databind.JsonNode node) {
    if (node.isObject()) {
      java.util.Map<String, String> fields = new java.util.TreeMap<>();
      node.fields().forEachRemaining(f -> fields.put(f.getKey(), canonical(f.getValue())));
      StringBuilder text = new StringBuilder("{");
      fields.forEach((name, value) -> text.append(text.length() == 1 ? "" : ",")
          .append(com.fasterxml.jackson.databind.node.TextNode.valueOf(name).toString())
          .append(':').append(value));
      return text.append('}').toString();
    }
    if (node.isArray()) {
      List<String> elements = new java.util.ArrayList<>();
      node.forEach(element -> elements.add(canonical(element)));
      elements.sort(null);
      return "[" + String.join(",", elements) + "]";
    }
    return node.toString();
  }
}
