package org.pcop.io.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.TextNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.pcop.io.Generated;
import org.pcop.io.ImportError;
import org.pcop.io.ReadLimits;
import org.pcop.io.Samples;
import org.pcop.model.event.PcopEvent;

/**
 * The quick paths of the readers give exactly the answers of the careful ones: instants read
 * without a formatter, lines split on bytes, validation skipped only where nothing can be found.
 * The instants and texts are seeded random ones, after the edge cases and every shaped instant.
 */
class QuickPathsTest {
  private static final long SEED = 20_240_502L;
  private static final Pattern INSTANT =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?Z");

  /** Instants as written and near misses of every kind. */
  private static final List<String> SHAPED = List.of("2024-05-01T14:30:00Z",
      "2024-02-29T23:59:59Z", "2023-02-29T10:00:00Z", "2016-12-31T23:59:60Z",
      "2024-05-01T24:00:00Z", "2024-05-01T24:00Z", "2024-13-01T00:00Z", "0000-01-01T00:00:00Z",
      "9999-12-31T23:59:59Z", "2024-05-01T14:30Z", "2024-05-01T14:30:00.5Z",
      "2024-05-01T14:30:00.123456789Z", "2024-05-01T14:30:00.1234567890Z",
      "2024-05-01T14:30:00.Z", "2024-05-01T14:30:00", "2024-05-01 14:30:00Z",
      "2024-05-01T14:30:61Z", "2024-05-01T14:60:00Z", "\uff12\uff10\uff12\uff14-05-01T14:30Z",
      "2024-04-31T00:00Z", "2024-05-01T14:30:00+01:00", "");

  /**
   * Half the time one of {@link #SHAPED}, else one to seven runs of one to ten digits joined as
   * an instant joins its parts, ending in Z.
   */
  private static String instantLike(Generated g) {
    return g.from(() -> g.oneOf(SHAPED), () -> {
      List<String> parts = g.list(1, 7, () -> g.string(Generated.chars('0', '9'), 1, 10));
      String[] seps = {"-", "-", "T", ":", ":", "."};
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < parts.size(); i++) {
        out.append(parts.get(i)).append(i < seps.length ? seps[i] : "");
      }
      return out.append('Z').toString();
    });
  }

  /** Every shaped text, then 2,000 tries. */
  @Test
  void instantsAreReadAsTheFormatterReadsThem() {
    for (String text : SHAPED) {
      assertReadAsTheFormatterReadsIt(text, "shaped " + text);
    }
    Generated.forEachTry(SEED, 2_000, g -> {
      String text = instantLike(g);
      assertReadAsTheFormatterReadsIt(text, g + ", text " + text);
    });
  }

  private static void assertReadAsTheFormatterReadsIt(String text, String where) {
    assertEquals(INSTANT.matcher(text).matches(), Scalars.isInstantShape(text), where);
    Decoding d = new Decoding(ReadLimits.defaults(), (p, m) -> ImportError.json(0, 0, p, m));
    Instant quick = Scalars.INSTANT_CODEC.decode(TextNode.valueOf(text), "/at", d);
    Instant careful;
    try {
      careful = INSTANT.matcher(text).matches()
          ? DateTimeFormatter.ISO_INSTANT.parse(text, Instant::from) : null;
    } catch (RuntimeException e) {
      careful = null;
    }
    assertEquals(careful, quick, where);
    assertEquals(careful == null, d.errorCount() == 1, where);
  }

  /** Every shaped text with every margin of up to nine bytes, then 2,000 tries. */
  @Test
  void instantsAreReadFromBytesAsFromText() {
    for (String text : SHAPED) {
      for (int before = 0; before <= 9; before++) {
        for (int after = 0; after <= 9; after++) {
          assertReadFromBytesAsFromText(text, before, after,
              "shaped " + text + ", " + before + " before, " + after + " after");
        }
      }
    }
    Generated.forEachTry(SEED, 2_000, g -> {
      String text = instantLike(g);
      int before = g.between(0, 9);
      int after = g.between(0, 9);
      assertReadFromBytesAsFromText(text, before, after,
          g + ", text " + text + ", " + before + " before, " + after + " after");
    });
  }

  private static void assertReadFromBytesAsFromText(String text, int before, int after,
      String where) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    byte[] buffer = new byte[before + bytes.length + after];
    Arrays.fill(buffer, (byte) '9');
    System.arraycopy(bytes, 0, buffer, before, bytes.length);
    assertEquals(Scalars.quickInstantOf(text),
        Scalars.quickInstantOf(buffer, before, bytes.length), where);
  }

  /** The day kept from one instant to the next is used only for the same day. */
  @Test
  void instantsReadOneAfterAnotherAreReadAsAlone() {
    Generated.forEachTry(SEED, 500, g -> {
      List<String> texts = g.list(0, 20, () -> instantLike(g));
      long[] lastDay = new long[2];
      for (String text : texts) {
        for (String same : List.of(text, text.replace("T", "T0").replaceFirst("T0\\d", "T2"))) {
          byte[] bytes = same.getBytes(StandardCharsets.UTF_8);
          assertEquals(Scalars.quickInstantOf(same),
              Scalars.quickInstantOf(bytes, 0, bytes.length, lastDay),
              g + ", texts " + texts + ", at " + same);
        }
      }
    });
  }

  @Test
  void instantsOfTwentyBytesAreReadOnlyWhenEveryByteIsInPlace() {
    String good = "2024-05-01T14:30:00Z";
    assertEquals(Instant.parse(good), quickInstantOf(good));
    for (int i = 0; i < good.length(); i++) {
      for (char c : new char[] {'0', '9', '/', ':', '-', 'T', 'Z', 'x', ' ', '\u00e9'}) {
        String text = good.substring(0, i) + c + good.substring(i + 1);
        assertEquals(Scalars.quickInstantOf(text), quickInstantOf(text), text);
      }
    }
    assertEquals(null, quickInstantOf("2024-02-30T14:30:00Z"));
    assertEquals(null, quickInstantOf("2024-05-01T14:30:60Z"));
    assertEquals(Instant.parse("2024-02-29T23:59:59Z"), quickInstantOf("2024-02-29T23:59:59Z"));
  }

  private static Instant quickInstantOf(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return Scalars.quickInstantOf(bytes, 0, bytes.length);
  }

  private static List<String> lines(byte[] input, int maxChars) throws IOException {
    return lines(new ByteArrayInputStream(input), maxChars);
  }

  /** The lines of text as the reader must split them: on line feeds, dropping a return. */
  private static List<String> expectedLines(String text) {
    List<String> out = new ArrayList<>();
    String[] parts = text.split("\n", -1);
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      if (i == parts.length - 1 && part.isEmpty()) {
        break;
      }
      out.add((i + 1) + ":" + (part.endsWith("\r") ? part.substring(0, part.length() - 1)
          : part));
    }
    return out;
  }

  /** Hands out the bytes a few at a time, as a pipe or a socket may. */
  private static InputStream trickle(byte[] input, long seed) {
    Random random = new Random(seed);
    return new ByteArrayInputStream(input) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, 1 + random.nextInt(40)));
      }
    };
  }

  /**
   * Lines come out the same however the input arrives, and wherever a line feed or a byte
   * beyond ASCII falls among the eight bytes looked at together (the buffer also holds bytes of
   * earlier reads past the ones read, which must not count). The texts are up to 200 characters
   * of a few, line feeds twice as likely as the others.
   */
  @Test
  void linesAreTheSameHoweverTheInputArrives() {
    Generated.forEachTry(SEED, 1_000, g -> {
      String text = g.string("aZ0\" \n\n\r\u00e9\u20ac\u0000", 0, 200);
      long seed = g.anyLong();
      String where = g + ", trickle seed " + seed + ", text " + text;
      byte[] input = text.getBytes(StandardCharsets.UTF_8);
      List<String> expected = expectedLines(text);
      assertEquals(expected, lines(input, 1_000), where);
      assertEquals(expected, lines(trickle(input, seed), 1_000), where + ", trickled");
    });
  }

  @Test
  void aLineFeedOrAByteBeyondAsciiIsFoundAtEveryPlace() throws IOException {
    for (int length = 0; length < 40; length++) {
      for (int at = 0; at < length; at++) {
        String plain = "x".repeat(length);
        String fed = plain.substring(0, at) + "\n" + plain.substring(at + 1);
        assertEquals(expectedLines(fed), lines(fed.getBytes(StandardCharsets.UTF_8), 100), fed);
        String accented = plain.substring(0, at) + "\u00e9" + plain.substring(at + 1);
        assertEquals(List.of("1:" + accented),
            lines(accented.getBytes(StandardCharsets.UTF_8), length), accented);
        assertEquals(List.of("1:TOO_LONG"),
            lines(accented.getBytes(StandardCharsets.UTF_8), length - 1), accented);
        byte[] broken = plain.getBytes(StandardCharsets.UTF_8);
        broken[at] = (byte) 0xFF;
        assertEquals(List.of("1:MALFORMED@" + (at + 1)), lines(broken, 100), accented);
      }
    }
  }

  private static List<String> lines(InputStream input, int maxChars) throws IOException {
    List<String> out = new ArrayList<>();
    try (LineInput in = new LineInput(input, maxChars)) {
      LineInput.Status status;
      while ((status = in.next()) != LineInput.Status.END) {
        out.add(in.lineNumber() + ":" + (status == LineInput.Status.LINE ? in.text()
            : status + (status == LineInput.Status.MALFORMED ? "@" + in.malformedColumn() : "")));
      }
    }
    return out;
  }

  @Test
  void linesAreSplitOnLineFeedsDroppingCarriageReturns() throws IOException {
    assertEquals(List.of("1:a", "2:", "3:b", "4:c"),
        lines("a\n\r\nb\r\nc".getBytes(StandardCharsets.UTF_8), 10));
  }

  @Test
  void aLineLongerThanTheBufferIsReadWhole() throws IOException {
    String big = "é".repeat(50_000);
    assertEquals(List.of("1:x", "2:" + big, "3:y"),
        lines(("x\n" + big + "\ny\n").getBytes(StandardCharsets.UTF_8), 50_000));
  }

  @Test
  void aTooLongLineIsSkippedAndCountedInCharacters() throws IOException {
    assertEquals(List.of("1:TOO_LONG", "2:ok", "3:" + "é".repeat(5), "4:TOO_LONG", "5:ok"),
        lines(("abcdef\nok\n" + "é".repeat(5) + "\n" + "x".repeat(200_000) + "\nok")
            .getBytes(StandardCharsets.UTF_8), 5));
  }

  @Test
  void malformedUtf8StopsTheLinesWithItsColumn() throws IOException {
    byte[] input = {'o', 'k', '\n', (byte) 0xC3, (byte) 0xA9, 'a', (byte) 0xFF, '\n', 'z'};
    assertEquals(List.of("1:ok", "2:MALFORMED@3"), lines(input, 100));
  }

  @Test
  void validationIsSkippedOnlyForTypesThatCannotHaveAViolation() {
    boolean skipped = false;
    boolean kept = false;
    for (PcopEvent event : Samples.events()) {
      if (Validators.isConstrained(event.getClass())) {
        kept = true;
      } else {
        skipped = true;
        assertTrue(Validators.shared().validate(event).isEmpty(), event.toString());
      }
    }
    assertTrue(skipped && kept, "the sample events hold both kinds of type");
    assertFalse(Validators.validate(org.pcop.model.Member.builder()
        .from(Samples.jordan()).email("not an email").build()).isEmpty());
  }
}
