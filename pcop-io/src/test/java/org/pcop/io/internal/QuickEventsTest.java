package org.pcop.io.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pcop.io.CaseLabels;
import org.pcop.io.Generated;
import org.pcop.io.ReadLimits;
import org.pcop.io.Samples;
import org.pcop.io.eventlog.EventLogFormat;
import org.pcop.io.eventlog.EventLogWriter;
import org.pcop.model.ActivityId;
import org.pcop.model.CommunityId;
import org.pcop.model.MemberId;
import org.pcop.model.ResponseId;
import org.pcop.model.RfiId;
import org.pcop.model.activity.Activity;
import org.pcop.model.activity.ActivityKind;
import org.pcop.model.activity.RequestForInformation;
import org.pcop.model.activity.RfiResponse;
import org.pcop.model.event.ActivityRecorded;
import org.pcop.model.event.EngagementLevelChanged;
import org.pcop.model.event.EventId;
import org.pcop.model.event.MembershipChanged;
import org.pcop.model.event.PcopEvent;
import org.pcop.model.event.RfiAnswered;
import org.pcop.model.event.RfiPosted;

/**
 * The quickest reading of an event line answers only when it is sure, and then exactly as the
 * careful reading: for every sample event, for lines mutated in every way a hostile or broken
 * log can be (at seeded random places, with every piece of text tried first), and under tight
 * limits and lenient mode.
 */
class QuickEventsTest {
  private static final long SEED = 20_240_503L;
  private static final ReadLimits TIGHT = ReadLimits.builder().maxStringLength(12)
      .maxNameLength(8).maxNestingDepth(2).maxTokenCount(20).build();
  private static final ReadLimits LENIENT = ReadLimits.builder().strict(false).build();

  /** The careful reading: a located tree, the codecs, the validator; null when refused. */
  private static PcopEvent careful(String line, ReadLimits limits) {
    try (JsonParser p = JsonInput.factory(limits, limits.getMaxEventLineLength())
        .createParser(line)) {
      JsonInput json = JsonInput.read(p, limits, 1);
      Decoding d = new Decoding(limits, json);
      PcopEvent event = Validators.validated(EventCodecs.EVENT).decode(json.root(), "", d);
      return d.errorCount() == 0 ? event : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static PcopEvent quick(String line, ReadLimits limits) {
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    // a line in the middle of a buffer, as the reader hands it over
    byte[] buffer = new byte[bytes.length + 7];
    System.arraycopy(bytes, 0, buffer, 3, bytes.length);
    buffer[2] = '{';
    buffer[bytes.length + 3] = '"';
    return new QuickEvents(limits, limits.getMaxEventLineLength()).decode(buffer, 3,
        bytes.length);
  }

  /**
   * One reader for many lines, as in a log: it learns the order of the names and keeps
   * identifiers that come again, so what it answers may depend on the lines before.
   */
  private static final QuickEvents SHARED =
      new QuickEvents(ReadLimits.defaults(), ReadLimits.defaults().getMaxEventLineLength());

  /** Quick answers nothing, or what careful answers; so does a reader that read other lines. */
  private static void assertAgrees(String line, ReadLimits limits) {
    assertAgrees(line, limits, line);
  }

  private static void assertAgrees(String line, ReadLimits limits, String where) {
    PcopEvent quick = quick(line, limits);
    if (quick != null) {
      assertEquals(careful(line, limits), quick, where);
    }
    if (limits == ReadLimits.defaults()) {
      byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
      PcopEvent shared;
      synchronized (SHARED) {
        shared = SHARED.decode(bytes, 0, bytes.length);
      }
      if (shared != null) {
        assertEquals(careful(line, limits), shared, where + ", by the shared reader");
      }
    }
  }

  private static String line(PcopEvent event) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (EventLogWriter writer = EventLogFormat.create().writer(out, CaseLabels.INCLUDED)) {
      writer.write(event);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return out.toString(StandardCharsets.UTF_8).strip();
  }

  private static List<PcopEvent> events() {
    List<PcopEvent> out = new ArrayList<>(Samples.events());
    Instant at = Samples.T0;
    out.add(RfiPosted.builder().eventId(EventId.of("e-30")).actor(MemberId.of("m-1"))
        .occurredAt(at).request(RequestForInformation.builder().from(Samples.rfi())
            .addCaseReferences(org.pcop.model.CaseReference.of("cms:case:1", "CR-1")).build())
        .build());
    out.add(MembershipChanged.builder().eventId(EventId.of("e-31")).actor(MemberId.of("m-1"))
        .occurredAt(at).member(MemberId.of("m-2")).community(CommunityId.of("c-1"))
        .role(org.pcop.model.MembershipRole.MEMBER)
        .status(org.pcop.model.MembershipStatus.DORMANT).reason("moved é to Jackson").build());
    out.add(ActivityRecorded.builder().eventId(EventId.of("e-32")).actor(MemberId.of("m-1"))
        .occurredAt(at).activity(Activity.builder().id(ActivityId.of("act-9"))
            .community(CommunityId.of("c-1")).kind(ActivityKind.WEBINAR).title("Call \u2603")
            .startsAt(at).endsAt(at.plusSeconds(60)).build())
        .build());
    return out;
  }

  @Test
  void everyKindItReadsGivesTheCarefulEventAndTheRestAreLeftToTheCarefulReading() {
    int read = 0;
    for (PcopEvent event : events()) {
      String line = line(event);
      PcopEvent quick = quick(line, ReadLimits.defaults());
      assertEquals(event, careful(line, ReadLimits.defaults()), line);
      if (quick != null) {
        assertEquals(event, quick, line);
        read++;
      }
    }
    assertEquals(22, read, "the quick reading covers the common kinds");
  }

  @Test
  void aValueTheValidatorRefusesIsLeftToTheCarefulReading() {
    String base = line(EngagementLevelChanged.builder().eventId(EventId.of("e-1"))
        .actor(MemberId.of("m-1")).occurredAt(Samples.T0).member(MemberId.of("m-2"))
        .community(CommunityId.of("c-1")).to("active").reason("three in 90 days").build());
    assertNotNull(quick(base, ReadLimits.defaults()));
    for (String bad : List.of("\"to\":\" \"", "\"to\":\"a\\u202eb\"", "\"to\":\"" + "x".repeat(201)
        + "\"")) {
      String line = base.replace("\"to\":\"active\"", bad);
      assertNull(quick(line, ReadLimits.defaults()), line);
      assertNull(careful(line, ReadLimits.defaults()), line);
    }
    String answered = line(RfiAnswered.builder().eventId(EventId.of("e-2"))
        .actor(MemberId.of("m-1")).occurredAt(Samples.T0).request(RfiId.of("r-1"))
        .response(RfiResponse.builder().id(ResponseId.of("resp-1")).respondent(MemberId.of("m-2"))
            .at(Samples.T0).text("fine").build()).build());
    String multiline = answered.replace("\"fine\"", "\"one\\ntwo\"");
    assertNull(quick(multiline, ReadLimits.defaults()), "an escape is left to Jackson");
    assertNotNull(careful(multiline, ReadLimits.defaults()));
  }

  /** Pieces of (hostile) text to put into a line. */
  private static final List<String> PIECES = List.of("", "\"", "\\", ",", ":", "{", "}", "[",
      "]", " ", "\t", "\r", "\u0000", "\u0001", "null", "1", "-0", "1e3", "true", "false",
      "\"x\"", "\u00e9", "\u2028", "\uFEFF", "@", ",\"type\":\"member-deactivated\"",
      ",\"extra\":1", ",\"eventId\":\"e-1\"", ",\"@class\":\"x\"", "{}", "[]", "\"\"",
      "\" \"", "\"m-1\",\"m-1\"", "/*c*/", "x");

  /**
   * Each mutation inserts, or replaces one character with, a piece of (hostile) text: half the
   * time one of {@link #PIECES}, else one to three of any characters, at any place of any line.
   * The tries 2 to 37 put each of the pieces in turn.
   */
  @Test
  void aMutatedLineIsReadAsTheCarefulReadingReadsItOrLeftToIt() {
    List<PcopEvent> events = events();
    List<String> lines = events.stream().map(QuickEventsTest::line).toList();
    Generated.forEachTry(SEED, 3_000, g -> {
      int i = g.between(0, lines.size() - 1);
      String line = lines.get(i);
      int at = g.between(0, line.length());
      int piece = g.tryNumber() - 2;
      String text = piece >= 0 && piece < PIECES.size() ? PIECES.get(piece)
          : g.from(() -> g.oneOf(PIECES), () -> g.string(Generated.ANY_CHAR, 1, 3));
      String inserted = line.substring(0, at) + text + line.substring(at);
      String replaced = at < line.length()
          ? line.substring(0, at) + text + line.substring(at + 1) : inserted;
      String removed = at < line.length() ? line.substring(0, at) + line.substring(at + 1)
          : line;
      for (String mutated : List.of(inserted, replaced, removed)) {
        String where = g + ", line " + i + ", at " + at + ", text " + escaped(text) + ": "
            + mutated;
        assertAgrees(mutated, ReadLimits.defaults(), where);
        assertAgrees(mutated, LENIENT, where + ", lenient");
        assertAgrees(mutated, TIGHT, where + ", tight");
      }
    });
  }

  /** The text with every character outside printable ASCII as a Java escape. */
  private static String escaped(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      out.append(c >= ' ' && c < 0x7F ? String.valueOf(c) : String.format("\\u%04x", (int) c));
    }
    return out.toString();
  }

  @Test
  void limitsCloseToTheLineAreLeftToTheCarefulReading() {
    for (PcopEvent event : events()) {
      String line = line(event);
      assertAgrees(line, TIGHT);
      assertAgrees(line, LENIENT);
      assertAgrees(" " + line + " \t", ReadLimits.defaults());
      assertAgrees(line + " x", LENIENT);
      assertNull(quick(line + " {}", ReadLimits.defaults()), line);
    }
  }

  @Test
  void aLineAtTheEndOfTheBufferIsReadAsInTheMiddle() {
    QuickEvents q = new QuickEvents(ReadLimits.defaults(), 1 << 20);
    for (PcopEvent event : events()) {
      String line = line(event);
      PcopEvent expected = quick(line, ReadLimits.defaults());
      byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
      for (int before = 0; before < 9; before++) {
        byte[] tight = new byte[before + bytes.length];
        System.arraycopy(bytes, 0, tight, before, bytes.length);
        assertEquals(expected, q.decode(tight, before, bytes.length), line);
        // cut short: the quote that would end a string lies just past the line
        for (int cut = 1; cut < 12 && cut < bytes.length; cut++) {
          String shorter = new String(bytes, 0, bytes.length - cut, StandardCharsets.UTF_8);
          byte[] padded = new byte[before + bytes.length];
          System.arraycopy(bytes, 0, padded, before, bytes.length);
          assertEquals(careful(shorter, ReadLimits.defaults()),
              q.decode(padded, before, bytes.length - cut), shorter);
        }
      }
    }
  }

  @Test
  void namesInAnotherOrderThanLearnedAreReadAll() {
    QuickEvents q = new QuickEvents(ReadLimits.defaults(), 1 << 20);
    String line = "{\"type\":\"member-deactivated\",\"eventId\":\"e-1\",\"actor\":\"m-1\","
        + "\"occurredAt\":\"2024-05-01T14:30:00Z\",\"member\":\"m-2\",\"reason\":\"left\"}";
    PcopEvent expected = careful(line, ReadLimits.defaults());
    assertNotNull(expected);
    assertEquals(expected, decode(q, line));
    assertEquals(expected, decode(q, line)); // now every name is the one expected
    String reordered = "{\"reason\":\"left\",\"member\":\"m-2\",\"eventId\":\"e-1\","
        + "\"occurredAt\":\"2024-05-01T14:30:00Z\",\"actor\":\"m-1\","
        + "\"type\":\"member-deactivated\"}";
    assertEquals(expected, decode(q, reordered));
    assertEquals(expected, decode(q, line));
    // a name that starts like the expected one, or the expected one with more after it
    for (String bad : List.of("\"actor\":", "\"actorX\":", "\"acto\":", "\"actor\\u0058\":",
        "\"act\\\"or\":")) {
      String mutated = line.replace("\"actor\":", bad);
      assertEquals(careful(mutated, ReadLimits.defaults()), decode(q, mutated), mutated);
      assertEquals(expected, decode(q, line));
    }
    assertNull(decode(q, line.replace("\"actor\":", "\"actorX\":")));
    assertNull(decode(q, line.replace("\"reason\":\"left\"", "\"member\":\"m-3\"")),
        "a repeated name");
  }

  private static PcopEvent decode(QuickEvents q, String line) {
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    return q.decode(bytes, 0, bytes.length);
  }

  @Test
  void anIdentifierThatComesAgainIsOneInstance() {
    QuickEvents q = new QuickEvents(ReadLimits.defaults(), 1 << 20);
    List<MemberId> actors = new ArrayList<>();
    for (String actor : List.of("m-1", "m-1", "m-1", "member-with-a-long-name-1",
        "member-with-a-long-name-1", "member-with-a-long-name-1", "member-with-a-long-name-2",
        "member-with-a-long-name-2", "member-with-a-long-name-2", "member-with-a-lo",
        "member-with-a-lo", "member-with-a-lo")) {
      String line = line(EngagementLevelChanged.builder().eventId(EventId.of("e-1"))
          .actor(MemberId.of(actor)).occurredAt(Samples.T0).member(MemberId.of("m-2"))
          .community(CommunityId.of("c-1")).to("active").reason("r").build());
      actors.add(((EngagementLevelChanged) decode(q, line)).getActor());
    }
    for (int i = 0; i < actors.size(); i += 3) {
      assertEquals(actors.get(i), actors.get(i + 1));
      assertSame(actors.get(i + 1), actors.get(i + 2), actors.get(i).value());
    }
    assertEquals(List.of("m-1", "member-with-a-long-name-1", "member-with-a-long-name-2",
        "member-with-a-lo"), actors.stream().map(MemberId::value).distinct().toList());
  }

  @Test
  void identifiersComeFromTheCacheOnlyForTheSameText() {
    QuickEvents q = new QuickEvents(ReadLimits.defaults(), 1 << 20);
    List<MemberId> actors = new ArrayList<>();
    for (int i = 0; i < 70_000; i++) {
      String line = line(EngagementLevelChanged.builder().eventId(EventId.of("e-" + i))
          .actor(MemberId.of("m-" + (i % 40_000))).occurredAt(Samples.T0)
          .member(MemberId.of("m-2")).community(CommunityId.of("c-1")).to("active").reason("r")
          .build());
      byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
      PcopEvent event = q.decode(bytes, 0, bytes.length);
      actors.add(event.getActor());
    }
    for (int i = 0; i < actors.size(); i++) {
      assertEquals(MemberId.of("m-" + (i % 40_000)), actors.get(i));
    }
    assertEquals(Optional.empty(), Optional.ofNullable(quick("{\"type\":\"rfi-closed\"}",
        ReadLimits.defaults())));
  }

  @Test
  void aRosterOfThousandsComesBackAsTheSameInstancesOnceLearned() {
    for (String prefix : List.of("m-", "member-of-a-national-roster-")) {
      QuickEvents q = new QuickEvents(ReadLimits.defaults(), 1 << 20);
      int members = 20_000;
      MemberId[] before = new MemberId[members];
      int same = 0;
      for (int pass = 0; pass < 4; pass++) {
        for (int m = 0; m < members; m++) {
          String line = line(EngagementLevelChanged.builder().eventId(EventId.of("e-" + m))
              .actor(MemberId.of(prefix + m)).occurredAt(Samples.T0)
              .member(MemberId.of("m-2")).community(CommunityId.of("c-1")).to("active")
              .reason("r").build());
          MemberId actor = decode(q, line).getActor();
          assertEquals(MemberId.of(prefix + m), actor);
          if (pass == 3 && actor == before[m]) {
            same++;
          }
          before[m] = actor;
        }
      }
      // the table grew to hold the roster: nearly every member is built once, not per event
      assertTrue(same > members * 9 / 10, prefix + ": " + same + " of " + members);
    }
  }
}
