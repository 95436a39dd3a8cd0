package org.pcop.samples.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The {@code --as-of} option: the instant a command answers as of. The log is cut there: events
 * that occurred after it count for nothing, so the answer is the one the log gave at that
 * instant.
 */
final class AsOfOption {
  /** The first year an as-of date may be in. */
  static final int FIRST_YEAR = 1900;

  /** The last year an as-of date may be in. */
  static final int LAST_YEAR = 9999;

  @Option(names = "--as-of", paramLabel = "WHEN", converter = AsOfOption.Format.class,
      description = "As of this instant (2022-12-31T23:59:00Z) or the end of this day in the"
          + " community's time zone (2022-06-30): everything is computed from the events that"
          + " had occurred by then, as if the log ended there. Default: the whole log, as of"
          + " its last event.")
  String asOf;

  /**
   * Refuses, as a usage error, a value that is neither an instant nor a date; the instant of a
   * date needs the community's time zone, so {@link #resolve} makes it.
   */
  static final class Format implements CommandLine.ITypeConverter<String> {
    @Override
    public String convert(String value) {
      try {
        Instant.parse(value);
      } catch (DateTimeParseException notInstant) {
        try {
          LocalDate.parse(value);
        } catch (DateTimeParseException notDate) {
          throw new CommandLine.TypeConversionException("'" + value + "' is neither an instant"
              + " such as 2022-12-31T23:59:00Z nor a date such as 2022-06-30");
        }
      }
      return value;
    }
  }

  /**
   * The instant asked for, where the log is cut: events that occurred after it are left out of
   * everything a command computes.
   *
   * @param zone the community's time zone, for a bare date
   * @return the instant, empty when the option is not given (the whole log)
   */
  Optional<Instant> cut(ZoneId zone) {
    return asOf == null ? Optional.empty() : Optional.of(resolve(zone, Optional.empty()));
  }

  /**
   * The instant asked for.
   *
   * @param zone the community's time zone, for a bare date
   * @param fallback used when the option is not given
   * @return the instant
   * @throws CommandFailure if the value is neither an instant nor a date, or nothing is known
   */
  Instant resolve(ZoneId zone, Optional<Instant> fallback) {
    if (asOf == null) {
      return fallback.orElseThrow(() -> new CommandFailure(
          "the data folder holds no events; give --as-of to evaluate an empty community"));
    }
    Instant instant;
    try {
      instant = Instant.parse(asOf);
    } catch (DateTimeParseException notInstant) {
      LocalDate date;
      try {
        date = LocalDate.parse(asOf);
      } catch (DateTimeParseException notDate) {
        throw new CommandFailure("--as-of: '" + asOf + "' is neither an instant such as"
            + " 2022-12-31T23:59:00Z nor a date such as 2022-06-30");
      }
      checkYear(date.getYear());
      return date.plusDays(1).atStartOfDay(zone).toInstant().minusSeconds(60);
    }
    checkYear(instant.atOffset(ZoneOffset.UTC).getYear());
    return instant;
  }

  private void checkYear(int year) {
    if (year < FIRST_YEAR || year > LAST_YEAR) {
      throw new CommandFailure("--as-of: '" + asOf + "' is not in the years " + FIRST_YEAR
          + " to " + LAST_YEAR);
    }
  }
}
