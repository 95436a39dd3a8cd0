package org.pcop.io.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.pcop.model.InvalidValueException;

/**
 * Codecs of the scalar values on the wire: strings, booleans, integers, instants (ISO-8601 in
 * UTC, for example {@code 2024-05-01T14:30:00Z}), dates ({@code yyyy-MM-dd}), time zones (their
 * id), amounts of money (a JSON string in plain decimal notation, for example {@code "1250.00"},
 * so that no reader in another language rounds it and its scale survives), enums (their constant
 * names) and identifiers (their value).
 */
public final class Scalars {
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern AMOUNT = Pattern.compile("-?(0|[1-9]\\d{0,14})(\\.\\d{1,6})?");
  private static final Pattern ZONE = Pattern.compile("[A-Za-z0-9_+/-]{1,64}");

  private Scalars() {}

  /** Any string. */
  public static final Codec<String> STRING = textual("a string", s -> s, s -> s);

  /** true or false. */
  public static final Codec<Boolean> BOOLEAN = new Codec<>() {
    @Override
    public Boolean decode(JsonNode node, String at, Decoding d) {
      if (!node.isBoolean()) {
        d.error(at, "expected true or false, found " + Fields.kind(node));
        return null;
      }
      return node.booleanValue();
    }

    @Override
    public void encode(Boolean value, JsonGenerator g) throws IOException {
      g.writeBoolean(value);
    }

    @Override
    public String expected() {
      return "true or false";
    }
  };

  /** A whole number that fits an int. */
  public static final Codec<Integer> INT = new Codec<>() {
    @Override
    public Integer decode(JsonNode node, String at, Decoding d) {
      if (!node.isIntegralNumber() || !node.canConvertToInt()) {
        d.error(at, "expected a whole number, found " + Fields.kind(node)
            + (node.isNumber() ? " that is not a whole number in range" : ""));
        return null;
      }
      return node.intValue();
    }

    @Override
    public void encode(Integer value, JsonGenerator g) throws IOException {
      g.writeNumber(value);
    }

    @Override
    public String expected() {
      return "a whole number";
    }
  };

  /** An instant, ISO-8601 in UTC. */
  public static final Codec<Instant> INSTANT_CODEC = textual(
      "an ISO-8601 instant in UTC such as \"2024-05-01T14:30:00Z\"", s -> {
        if (!isInstantShape(s)) {
          throw new DateTimeException("not of the form");
        }
        Instant quick = quickInstant(s);
        return quick != null ? quick : DateTimeFormatter.ISO_INSTANT.parse(s, Instant::from);
      }, Instant::toString);

  /** A date, yyyy-MM-dd. */
  public static final Codec<LocalDate> DATE_CODEC = textual(
      "a date such as \"2024-05-01\" (yyyy-MM-dd)", s -> {
        if (!DATE.matcher(s).matches()) {
          throw new DateTimeException("not of the form");
        }
        try {
          return LocalDate.of(digits(s, 0, 4), digits(s, 5, 2), digits(s, 8, 2));
        } catch (DateTimeException e) {
          return LocalDate.parse(s);
        }
      }, LocalDate::toString);

  /** A time zone by its id. */
  public static final Codec<ZoneId> ZONE_CODEC = textual(
      "a time zone id such as \"America/Chicago\"", s -> {
        if (!ZONE.matcher(s).matches()) {
          throw new DateTimeException("not of the form");
        }
        return ZoneId.of(s);
      }, ZoneId::getId);

  /** An amount, as a string in plain decimal notation. */
  public static final Codec<BigDecimal> AMOUNT_CODEC = textual(
      "an amount as a string in plain decimal notation such as \"1250.00\"", s -> {
        BigDecimal amount = amountOf(s);
        if (amount == null) {
          throw new NumberFormatException("not of the form");
        }
        return amount;
      }, BigDecimal::toPlainString);

  /**
   * The amount {@link #AMOUNT_CODEC} reads from {@code s}; null for a text it refuses.
   *
   * @param s the text
   * @return the amount, or null
   */
  static BigDecimal amountOf(String s) {
    return AMOUNT.matcher(s).matches() ? new BigDecimal(s) : null;
  }

  /**
   * The instant {@link #INSTANT_CODEC} reads from {@code s}, when it can be read without a
   * formatter; null when the codec must decide (including every text it refuses).
   *
   * @param s the text
   * @return the instant, or null
   */
  static Instant quickInstantOf(String s) {
    return isInstantShape(s) ? quickInstant(s) : null;
  }

  /**
   * What {@link #quickInstantOf(String)} answers for the UTF-8 text of {@code length} bytes from
   * {@code from}; the usual form, {@code yyyy-MM-ddTHH:mm:ssZ}, is read straight from the bytes.
   *
   * @param b the bytes
   * @param from where the text starts
   * @param length its length in bytes
   * @return the instant, or null
   */
  static Instant quickInstantOf(byte[] b, int from, int length) {
    return quickInstantOf(b, from, length, new long[2]);
  }

  /**
   * {@link #quickInstantOf(byte[], int, int)}, keeping the last day read in {@code lastDay}
   * (the date as {@code yyyyMMdd + 1}, then its epoch day; zeros at first), as the instants of a
   * log fall on few days.
   *
   * @param b the bytes
   * @param from where the text starts
   * @param length its length in bytes
   * @param lastDay the last day read, updated
   * @return the instant, or null
   */
  static Instant quickInstantOf(byte[] b, int from, int length, long[] lastDay) {
    if (length != 20) {
      return quickInstantOf(new String(b, from, length, StandardCharsets.UTF_8));
    }
    if (b[from + 4] != '-' || b[from + 7] != '-' || b[from + 10] != 'T' || b[from + 13] != ':'
        || b[from + 16] != ':' || b[from + 19] != 'Z') {
      return null;
    }
    // every digit at once: d is a digit when d and 9 - d are both at least 0
    int y0 = b[from] - '0';
    int y1 = b[from + 1] - '0';
    int y2 = b[from + 2] - '0';
    int y3 = b[from + 3] - '0';
    int mo0 = b[from + 5] - '0';
    int mo1 = b[from + 6] - '0';
    int d0 = b[from + 8] - '0';
    int d1 = b[from + 9] - '0';
    int h0 = b[from + 11] - '0';
    int h1 = b[from + 12] - '0';
    int mi0 = b[from + 14] - '0';
    int mi1 = b[from + 15] - '0';
    int s0 = b[from + 17] - '0';
    int s1 = b[from + 18] - '0';
    int all = y0 | y1 | y2 | y3 | mo0 | mo1 | d0 | d1 | h0 | h1 | mi0 | mi1 | s0 | s1;
    int nines = (9 - y0) | (9 - y1) | (9 - y2) | (9 - y3) | (9 - mo0) | (9 - mo1) | (9 - d0)
        | (9 - d1) | (9 - h0) | (9 - h1) | (9 - mi0) | (9 - mi1) | (9 - s0) | (9 - s1);
    if ((all | nines) < 0) {
      return null;
    }
    int year = ((y0 * 10 + y1) * 10 + y2) * 10 + y3;
    int month = mo0 * 10 + mo1;
    int day = d0 * 10 + d1;
    int hour = h0 * 10 + h1;
    int minute = mi0 * 10 + mi1;
    int second = s0 * 10 + s1;
    if (hour > 23 || minute > 59 || second > 59) {
      return null;
    }
    long date = year * 10_000L + month * 100L + day + 1;
    long days;
    if (date == lastDay[0]) {
      days = lastDay[1];
    } else {
      try {
        days = LocalDate.of(year, month, day).toEpochDay();
      } catch (DateTimeException e) {
        return null;
      }
      lastDay[0] = date;
      lastDay[1] = days;
    }
    return Instant.ofEpochSecond(days * 86_400L + hour * 3_600L + minute * 60L + second, 0);
  }

  /**
   * The instant of text already known to have the shape of {@link #isInstantShape}, read
   * without a formatter; null for anything but an ordinary date and time (no seconds, a leap
   * second, hour 24, an impossible date), which the formatter then decides, so the result is
   * always the formatter's.
   */
  private static Instant quickInstant(String s) {
    if (s.length() < 20) {
      return null; // without seconds: the formatter decides
    }
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    if (hour > 23 || minute > 59 || second > 59) {
      return null;
    }
    int nanos = 0;
    int dot = s.indexOf('.');
    if (dot > 0) {
      int n = s.length() - 1 - (dot + 1);
      nanos = digits(s, dot + 1, n);
      for (int i = n; i < 9; i++) {
        nanos *= 10;
      }
    }
    try {
      LocalDate day = LocalDate.of(digits(s, 0, 4), digits(s, 5, 2), digits(s, 8, 2));
      return Instant.ofEpochSecond(day.toEpochDay() * 86_400L + hour * 3_600L + minute * 60L
          + second, nanos);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /**
   * Whether {@code s} has the shape {@code yyyy-MM-ddTHH:mm[:ss[.fffffffff]]Z} (ASCII digits),
   * the same as the pattern {@code \d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?Z}
   * would accept.
   */
  static boolean isInstantShape(String s) {
    int n = s.length();
    if (n < 17 || s.charAt(n - 1) != 'Z' || !digitsAt(s, 0, 4) || s.charAt(4) != '-'
        || !digitsAt(s, 5, 2) || s.charAt(7) != '-' || !digitsAt(s, 8, 2)
        || s.charAt(10) != 'T' || !digitsAt(s, 11, 2) || s.charAt(13) != ':'
        || !digitsAt(s, 14, 2)) {
      return false;
    }
    if (n == 17) {
      return true;
    }
    if (n < 20 || s.charAt(16) != ':' || !digitsAt(s, 17, 2)) {
      return false;
    }
    if (n == 20) {
      return true;
    }
    return n >= 22 && n <= 30 && s.charAt(19) == '.' && digitsAt(s, 20, n - 21);
  }

  private static boolean digitsAt(String s, int from, int count) {
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static int digits(String s, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      value = value * 10 + (s.charAt(i) - '0');
    }
    return value;
  }

  /**
   * A codec of values written as JSON strings.
   *
   * @param expected the description of a valid value
   * @param parse parses the text; throws an {@link IllegalArgumentException} or
   *     {@link DateTimeException} to refuse it
   * @param format formats a value
   * @param <T> the value
   * @return the codec
   */
  public static <T> Codec<T> textual(String expected, Function<String, T> parse,
      Function<T, String> format) {
    return new Codec<>() {
      @Override
      public T decode(JsonNode node, String at, Decoding d) {
        if (!node.isTextual()) {
          d.error(at, "expected " + expected + ", found " + Fields.kind(node));
          return null;
        }
        try {
          return parse.apply(node.textValue());
        } catch (InvalidValueException e) {
          String message = String.valueOf(e.getMessage());
          int colon = message.indexOf(": ");
          d.error(at, colon >= 0 ? message.substring(colon + 2) : message);
          return null;
        } catch (IllegalArgumentException | DateTimeParseException e) {
          d.error(at, "expected " + expected + ", found " + Texts.quote(node.textValue()));
          return null;
        } catch (DateTimeException e) {
          d.error(at, "expected " + expected + ", found " + Texts.quote(node.textValue()));
          return null;
        }
      }

      @Override
      public void encode(T value, JsonGenerator g) throws IOException {
        g.writeString(format.apply(value));
      }

      @Override
      public String expected() {
        return expected;
      }
    };
  }

  /**
   * A codec of an identifier record.
   *
   * @param what the identifier in words, for example {@code "member id"}
   * @param of creates it, refusing a bad shape
   * @param value its text
   * @param <T> the identifier
   * @return the codec
   */
  public static <T> Codec<T> id(String what, Function<String, T> of, Function<T, String> value) {
    return textual("a " + what + " (1 to 64 letters, digits, '.', '_', ':' or '-', starting with"
        + " a letter or digit)", of, value);
  }

  /**
   * A codec of an enum by its constant names.
   *
   * @param type the enum
   * @param <E> the enum
   * @return the codec
   */
  public static <E extends Enum<E>> Codec<E> enumeration(Class<E> type) {
    String names = Arrays.stream(type.getEnumConstants()).map(Enum::name)
        .collect(Collectors.joining(", "));
    String expected = "one of " + names;
    return new Codec<>() {
      @Override
      public E decode(JsonNode node, String at, Decoding d) {
        if (node.isTextual()) {
          for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(node.textValue())) {
              return constant;
            }
          }
          d.error(at, "expected " + expected + ", found " + Texts.quote(node.textValue()));
        } else {
          d.error(at, "expected " + expected + ", found " + Fields.kind(node));
        }
        return null;
      }

      @Override
      public void encode(E value, JsonGenerator g) throws IOException {
        g.writeString(value.name());
      }

      @Override
      public String expected() {
        return expected;
      }
    };
  }
}
