package org.pcop.io.internal;

import static org.pcop.io.internal.QuickJson.NOT_SURE;
import static org.pcop.io.internal.QuickJson.TEXT;
import static org.pcop.io.internal.QuickJson.length;
import static org.pcop.io.internal.QuickJson.start;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.pcop.model.ActivityId;
import org.pcop.model.AgencyId;
import org.pcop.model.CommunityId;
import org.pcop.model.ExchangeId;
import org.pcop.model.MemberId;
import org.pcop.model.ResponseId;
import org.pcop.model.RfiId;
import org.pcop.model.SiteId;
import org.pcop.model.event.EventId;
import org.pcop.model.taxonomy.CoreAreaId;
import org.pcop.model.taxonomy.TopicId;

/**
 * The values of the properties of a line the quick reader reads ({@link QuickJson}), as the
 * model's values: identifiers from tables that keep the ones that come again, enum constants by
 * their bytes, instants (the last one read kept, as a line often repeats it), dates, amounts and
 * free text. A required property that is missing or of the wrong type, or a value the careful
 * reading might read otherwise, throws {@link QuickJson#NOT_SURE}. Not thread-safe; one per
 * reader.
 */
final class QuickValues {
  /** Slots of each table of identifiers at first. */
  private static final int ID_SLOTS = 512;
  /**
   * The most slots of a table of things a community has a roster of (members, agencies,
   * sites...): enough for a national community's tens of thousands of members, about 3.5 MB.
   */
  private static final int ROSTER_SLOTS = 1 << 16;
  /**
   * The most slots of a table of things named by a few events close together and then rarely
   * (activities, exchanges, requests and responses), which keeps the recent ones.
   */
  private static final int RECENT_SLOTS = 1 << 12;
  private static final int MAX_KEPT_INSTANT = 32;

  final QuickIds<MemberId> memberIds = roster(MemberId::of);
  final QuickIds<CommunityId> communityIds = roster(CommunityId::of);
  final QuickIds<ActivityId> activityIds = recent(ActivityId::of);
  final QuickIds<SiteId> siteIds = roster(SiteId::of);
  final QuickIds<AgencyId> agencyIds = roster(AgencyId::of);
  final QuickIds<ExchangeId> exchangeIds = recent(ExchangeId::of);
  final QuickIds<RfiId> rfiIds = recent(RfiId::of);
  final QuickIds<ResponseId> responseIds = recent(ResponseId::of);
  final QuickIds<TopicId> topicIds = roster(TopicId::of);
  final QuickIds<CoreAreaId> coreAreaIds = roster(CoreAreaId::of);

  private final QuickJson json;
  private final byte[] lastInstantText = new byte[MAX_KEPT_INSTANT + 8];
  private int lastInstantLength = -1;
  private Instant lastInstant;
  private final long[] lastDay = new long[2];

  QuickValues(QuickJson json) {
    this.json = json;
  }

  private static <T> QuickIds<T> roster(Function<String, T> of) {
    return new QuickIds<>(of, ID_SLOTS, ROSTER_SLOTS);
  }

  private static <T> QuickIds<T> recent(Function<String, T> of) {
    return new QuickIds<>(of, ID_SLOTS, RECENT_SLOTS);
  }

  private byte[] bytes() {
    return json.bytes();
  }

  /** Event ids are new on every line, so they are not cached. */
  EventId eventId(QuickObject o) {
    return EventId.of(string(o, "eventId"));
  }

  MemberId actor(QuickObject o) {
    return id(o, "actor", memberIds);
  }

  Instant occurredAt(QuickObject o) {
    return instant(o, "occurredAt");
  }

  /** The span of a required string property. */
  static long text(QuickObject o, String name) {
    int i = o.indexOf(name);
    if (i < 0 || o.values[i] != TEXT) {
      throw NOT_SURE;
    }
    return o.spans[i];
  }

  String string(long span) {
    return new String(bytes(), start(span), length(span), StandardCharsets.UTF_8);
  }

  String string(QuickObject o, String name) {
    return string(text(o, name));
  }

  Optional<String> optionalString(QuickObject o, String name) {
    int i = o.indexOf(name);
    if (i < 0) {
      return Optional.empty();
    }
    if (o.values[i] != TEXT) {
      throw NOT_SURE;
    }
    return Optional.of(string(o.spans[i]));
  }

  static QuickObject object(QuickObject o, String name) {
    int i = o.indexOf(name);
    if (i >= 0 && o.values[i] instanceof QuickObject child) {
      return child;
    }
    throw NOT_SURE;
  }

  <T> T id(QuickObject o, String name, QuickIds<T> ids) {
    long span = text(o, name);
    return ids.of(bytes(), start(span), length(span));
  }

  <T> Optional<T> optionalId(QuickObject o, String name, QuickIds<T> ids) {
    int i = o.indexOf(name);
    if (i < 0) {
      return Optional.empty();
    }
    if (o.values[i] != TEXT) {
      throw NOT_SURE;
    }
    return Optional.of(ids.of(bytes(), start(o.spans[i]), length(o.spans[i])));
  }

  /** An array of identifiers, each once (a repeat is an error the careful reading reports). */
  <T> Set<T> set(QuickObject o, String name, QuickIds<T> ids) {
    int i = o.indexOf(name);
    if (i < 0) {
      return Set.of();
    }
    if (!(o.values[i] instanceof QuickArray items)) {
      throw NOT_SURE;
    }
    Set<T> out = new LinkedHashSet<>();
    for (int k = 0; k < items.size; k++) {
      if (items.values[k] != TEXT
          || !out.add(ids.of(bytes(), start(items.spans[k]), length(items.spans[k])))) {
        throw NOT_SURE;
      }
    }
    return out;
  }

  /** The objects of an optional array; absent means none. */
  static List<QuickObject> objects(QuickObject o, String name) {
    int i = o.indexOf(name);
    if (i < 0) {
      return List.of();
    }
    if (!(o.values[i] instanceof QuickArray items)) {
      throw NOT_SURE;
    }
    List<QuickObject> out = new ArrayList<>(items.size);
    for (int k = 0; k < items.size; k++) {
      if (!(items.values[k] instanceof QuickObject item)) {
        throw NOT_SURE;
      }
      out.add(item);
    }
    return out;
  }

  /** An optional true or false; absent means false. */
  static boolean flag(QuickObject o, String name) {
    int i = o.indexOf(name);
    if (i < 0) {
      return false;
    }
    if (!(o.values[i] instanceof Boolean value)) {
      throw NOT_SURE;
    }
    return value;
  }

  /** A date, {@code yyyy-MM-dd} in ASCII digits; anything else is left to the careful reading. */
  LocalDate date(QuickObject o, String name) {
    long span = text(o, name);
    int from = start(span);
    byte[] buf = bytes();
    if (length(span) != 10 || buf[from + 4] != '-' || buf[from + 7] != '-') {
      throw NOT_SURE;
    }
    try {
      return LocalDate.of(digits(from, 4), digits(from + 5, 2), digits(from + 8, 2));
    } catch (DateTimeException e) {
      throw NOT_SURE;
    }
  }

  Optional<LocalDate> optionalDate(QuickObject o, String name) {
    return o.indexOf(name) < 0 ? Optional.empty() : Optional.of(date(o, name));
  }

  private int digits(int from, int count) {
    byte[] buf = bytes();
    int value = 0;
    for (int i = from; i < from + count; i++) {
      int digit = buf[i] - '0';
      if (digit < 0 || digit > 9) {
        throw NOT_SURE;
      }
      value = value * 10 + digit;
    }
    return value;
  }

  Optional<BigDecimal> optionalAmount(QuickObject o, String name) {
    Optional<String> text = optionalString(o, name);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    BigDecimal amount = Scalars.amountOf(text.get());
    if (amount == null) {
      throw NOT_SURE;
    }
    return Optional.of(amount);
  }

  <E> E value(QuickObject o, String name, QuickLookup<E> byName) {
    long span = text(o, name);
    E value = byName.find(bytes(), start(span), length(span));
    if (value == null) {
      throw NOT_SURE;
    }
    return value;
  }

  /** The instant of a property; the last one read is kept, as a line often repeats it. */
  Instant instant(QuickObject o, String name) {
    long span = text(o, name);
    int from = start(span);
    int n = length(span);
    byte[] buf = bytes();
    if (n == lastInstantLength && QuickKeys.sameFrom(0, lastInstantText, buf, from, n)) {
      return lastInstant;
    }
    Instant at = Scalars.quickInstantOf(buf, from, n, lastDay);
    if (at == null) {
      throw NOT_SURE;
    }
    if (n <= MAX_KEPT_INSTANT) {
      System.arraycopy(buf, from, lastInstantText, 0, n);
      lastInstantLength = n;
      lastInstant = at;
    }
    return at;
  }
}
