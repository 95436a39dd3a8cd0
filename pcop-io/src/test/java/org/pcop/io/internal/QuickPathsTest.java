package org.pcop.io.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.TextNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.pcop.io.ImportError;
import org.pcop.io.ReadLimits;
import org.pcop.io.Samples;
import org.pcop.model.event.PcopEvent;

/**
 * The quick paths of the readers give exactly the answers of the careful ones: instants read
 * without a formatter, lines split on bytes, validation skipped only where nothing can be found.
 */
class QuickPathsTest {
  private static final Pattern INSTANT =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?Z");

  @Provide
  Arbitrary<String> instantLike() {
    Arbitrary<String> digits = Arbitraries.strings().withCharRange('0', '9').ofMinLength(1)
        .ofMaxLength(10);
    Arbitrary<String> shaped = Arbitraries.of("2024-05-01T14:30:00Z", "2024-02-29T23:59:59Z",
        "2023-02-29T10:00:00Z", "2016-12-31T23:59:60Z", "2024-05-01T24:00:00Z",
        "2024-05-01T24:00Z", "2024-13-01T00:00Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z",
        "2024-05-01T14:30Z", "2024-05-01T14:30:00.5Z", "2024-05-01T14:30:00.123456789Z",
        "2024-05-01T14:30:00.1234567890Z", "2024-05-01T14:30:00.Z", "2024-05-01T14:30:00",
        "2024-05-01 14:30:00Z", "2024-05-01T14:30:61Z", "2024-05-01T14:60:00Z",
        "２０２４-05-01T14:30Z",
        "2024-04-31T00:00Z", "2024-05-01T14:30:00+01:00", "");
    Arbitrary<String> random = digits.list().ofMinSize(1).ofMaxSize(7).map(parts -> {
      String[] seps = {"-", "-", "T", ":", ":", "."};
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < parts.size(); i++) {
        out.append(parts.get(i)).append(i < seps.length ? seps[i] : "");
      }
      return out.append('Z').toString();
    });
    return Arbitraries.oneOf(shaped, random);
  }

  @Property(tries = 2_000)
  void instantsAreReadAsTheFormatterReadsThem(@ForAll("instantLike") String text) {
    assertEquals(INSTANT.matcher(text).matches(), Scalars.isInstantShape(text), text);
    Decoding d = new Decoding(ReadLimits.defaults(), (p, m) -> ImportError.json(0, 0, p, m));
    Instant quick = Scalars.INSTANT_CODEC.decode(TextNode.valueOf(text), "/at", d);
    Instant careful;
    try {
      careful = INSTANT.matcher(text).matches()
          ? DateTimeFormatter.ISO_INSTANT.parse(text, Instant::from) : null;
    } catch (RuntimeException e) {
      careful = null;
    }
    assertEquals(careful, quick, text);
    assertEquals(careful == null, d.errorCount() == 1, text);
  }

  private static List<String> lines(byte[] input, int maxChars) throws IOException {
    List<String> out = new ArrayList<>();
    try (LineInput in = new LineInput(new ByteArrayInputStream(input), maxChars)) {
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
