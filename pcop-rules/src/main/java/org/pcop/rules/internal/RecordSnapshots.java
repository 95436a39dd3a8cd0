package org.pcop.rules.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pcop.model.Agency;
import org.pcop.model.AgencyId;
import org.pcop.model.Community;
import org.pcop.model.CommunityId;
import org.pcop.model.ExchangeId;
import org.pcop.model.InvalidValueException;
import org.pcop.model.Member;
import org.pcop.model.MemberId;
import org.pcop.model.Membership;
import org.pcop.model.Site;
import org.pcop.model.SiteId;
import org.pcop.model.activity.Activity;
import org.pcop.model.activity.Exchange;
import org.pcop.model.activity.RequestForInformation;
import org.pcop.model.taxonomy.CoreAreaId;
import org.pcop.model.taxonomy.Taxonomy;
import org.pcop.rules.EngagementRecord;
import org.pcop.rules.RecordSnapshot;
import org.pcop.rules.RecordedLevel;
import org.pcop.rules.snapshot.SnapshotBytes;

/**
 * The binary form of an engagement record's snapshot. A snapshot is a header (a magic number and
 * the format version), the body and a CRC32C of everything before it. In the body, the model
 * values (communities, agencies, sites, taxonomies, memberships, members, activities, exchanges,
 * requests) are written by the caller's {@link RecordSnapshot.ValueCodec}, one block per type;
 * ids, levels, versions and counters are written as length-prefixed UTF-8 and little-endian
 * numbers; participation logs and matrix counts as raw primitive arrays, so that reading them is
 * one bulk copy each. Not exported.
 */
public final class RecordSnapshots {
  /** The first four bytes of a record snapshot: "PCRS". */
  static final int MAGIC = 0x53524350;

  private RecordSnapshots() {}

  /**
   * Writes a record's state.
   *
   * @param record the record
   * @param values writes the model values
   * @return the snapshot's bytes
   */
  public static byte[] write(EngagementRecord record, RecordSnapshot.ValueCodec values) {
    SnapshotBytes.Output out = new SnapshotBytes.Output(1 << 16);
    write(record, values, out);
    return out.finish();
  }

  /**
   * Writes a record's state into another snapshot's output, as {@link #write(EngagementRecord,
   * RecordSnapshot.ValueCodec)} does but without a checksum of its own: the output's covers it.
   *
   * @param record the record
   * @param values writes the model values
   * @param out the output
   */
  public static void write(EngagementRecord record, RecordSnapshot.ValueCodec values,
      SnapshotBytes.Output out) {
    RecordState s = access().export(record);
    out.putInt(MAGIC);
    out.putInt(RecordSnapshot.FORMAT_VERSION);
    putValues(out, values, Community.class, s.communities);
    putValues(out, values, Agency.class, s.agencies);
    putValues(out, values, Site.class, s.sites);
    out.putStrings(s.taxonomies.keySet(), CommunityId::value);
    putValues(out, values, Taxonomy.class, new ArrayList<>(s.taxonomies.values()));
    putValues(out, values, Membership.class, s.memberships);
    putValues(out, values, Activity.class, s.activities);
    putValues(out, values, Exchange.class, s.exchanges);
    putValues(out, values, RequestForInformation.class, s.rfis);
    List<Member> members = new ArrayList<>();
    for (RecordState.Slot slot : s.slots) {
      if (slot.member != null) {
        members.add(slot.member);
      }
    }
    putValues(out, values, Member.class, members);
    out.putStrings(s.deactivated, MemberId::value);
    out.putInt(s.sponsored.size());
    s.sponsored.forEach((sponsor, sponsoredMembers) -> {
      out.putString(sponsor.value());
      out.putStrings(sponsoredMembers, MemberId::value);
    });
    out.putInt(s.exchangesByHost.size());
    s.exchangesByHost.forEach((community, bySite) -> {
      out.putString(community.value());
      out.putInt(bySite.size());
      bySite.forEach((site, ids) -> {
        out.putString(site.value());
        out.putStrings(ids, ExchangeId::value);
      });
    });
    out.putInt(s.upheldFlags.size());
    s.upheldFlags.forEach((member, upheld) -> {
      out.putString(member.value());
      out.putByte(upheld ? 1 : 0);
    });
    out.putInt(s.levels.size());
    s.levels.forEach((community, byMember) -> {
      out.putString(community.value());
      out.putInt(byMember.size());
      byMember.forEach((member, level) -> {
        out.putString(member.value());
        out.putString(level.level().orElse(null));
        out.putByte(level.since().isPresent() ? 1 : 0);
        level.since().ifPresent(out::putInstant);
        out.putString(level.lock().orElse(null));
      });
    });
    out.putInt(s.slots.size());
    for (RecordState.Slot slot : s.slots) {
      out.putString(slot.id.value());
      out.putByte(slot.member != null ? 1 : 0);
      out.putLong(slot.version);
      out.putInt(slot.logs.size());
      for (int i = 0; i < slot.logs.size(); i++) {
        ParticipationLog log = slot.logs.get(i);
        out.putString(slot.logCommunities.get(i).value());
        out.putInt(log.size());
        out.putLong(log.version());
        out.putInt(log.lastPosition());
        out.putInts(log.rawDays(), log.size());
        out.putInts(log.rawEntries(), log.size());
      }
      out.putInt(slot.upheld.length);
      for (long instant : slot.upheld) {
        out.putLong(instant);
      }
      out.putInt(slot.contributions.size());
      for (int i = 0; i < slot.contributions.size(); i++) {
        out.putString(slot.contributionCommunities.get(i).value());
        int[][] arrays = slot.contributions.get(i).export();
        out.putInt(arrays[0].length);
        for (int[] array : arrays) {
          out.putInts(array, array.length);
        }
      }
    }
    out.putInt(s.matrices.size());
    s.matrices.forEach((community, m) -> {
      out.putString(community.value());
      out.putStrings(m.cellSites, SiteId::value);
      out.putStrings(m.cellAreas, CoreAreaId::value);
      out.putInt(m.days.length);
      for (int i = 0; i < m.days.length; i++) {
        out.putInt(m.days[i]);
        out.putInt(m.counts[i].length);
        out.putInts(m.counts[i], m.counts[i].length);
      }
      out.putInt(m.total.length);
      for (long count : m.total) {
        out.putLong(count);
      }
    });
    out.putStrings(s.agencyNumbers, AgencyId::value);
    out.putStrings(s.counterparties, MemberId::value);
    out.putStrings(s.topics, org.pcop.model.taxonomy.TopicId::value);
    out.putStrings(s.exchangeNumbers, org.pcop.model.ExchangeId::value);
    out.putInt(s.opportunityLogs.size());
    for (int i = 0; i < s.opportunityLogs.size(); i++) {
      out.putString(s.opportunityCommunities.get(i).value());
      int[][] arrays = s.opportunityLogs.get(i).export();
      out.putInt(arrays[0].length);
      for (int[] array : arrays) {
        out.putInts(array, array.length);
      }
    }
    out.putLong(s.linkVersion);
    out.putLong(s.agencyVersion);
    out.putLong(s.events);
  }

  /**
   * Reads a record back, straight from the buffer (from its position to its limit, which are
   * not changed).
   *
   * @param bytes the snapshot's bytes
   * @param values reads the model values
   * @return the record
   * @throws InvalidValueException naming what is wrong if the bytes are not a whole record
   *     snapshot of this format
   */
  public static EngagementRecord read(ByteBuffer bytes, RecordSnapshot.ValueCodec values) {
    if (bytes == null || bytes.remaining() < 12) {
      throw damaged("it has " + (bytes == null ? 0 : bytes.remaining()) + " bytes, fewer than a"
          + " header and a checksum");
    }
    ByteBuffer header = bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    int start = header.position();
    if (header.getInt(start) != MAGIC) {
      throw damaged("it does not start with a record snapshot's magic number");
    }
    int format = header.getInt(start + 4);
    if (format != RecordSnapshot.FORMAT_VERSION) {
      throw new InvalidValueException("record snapshot: format version " + format
          + " is not the version this library reads (" + RecordSnapshot.FORMAT_VERSION + ")");
    }
    SnapshotBytes.Input in;
    try {
      in = SnapshotBytes.Input.checked(bytes);
    } catch (SnapshotBytes.Unusable e) {
      throw damaged("its CRC32C checksum does not match its contents");
    }
    try {
      in.getInt();
      in.getInt();
      RecordState s = readState(in, values);
      if (in.remaining() > 0) {
        throw damaged(in.remaining() + " bytes are left after the record");
      }
      return access().restore(s);
    } catch (SnapshotBytes.Unusable | IndexOutOfBoundsException | NegativeArraySizeException
        | IllegalArgumentException e) {
      InvalidValueException failure = damaged("it ends before the record does, or holds a"
          + " part that does not fit (" + e + ")");
      failure.initCause(e);
      throw failure;
    }
  }

  /**
   * Reads a record that {@link #write(EngagementRecord, RecordSnapshot.ValueCodec,
   * SnapshotBytes.Output)} wrote into another snapshot, from where {@code in} is, leaving it
   * after the record.
   *
   * @param in the other snapshot's reader, its checksum checked
   * @param values reads the model values
   * @return the record
   * @throws InvalidValueException naming what is wrong if the bytes are not a record's state of
   *     this format
   */
  public static EngagementRecord read(SnapshotBytes.Input in,
      RecordSnapshot.ValueCodec values) {
    if (in.getInt() != MAGIC) {
      throw damaged("it does not start with a record snapshot's magic number");
    }
    int format = in.getInt();
    if (format != RecordSnapshot.FORMAT_VERSION) {
      throw new InvalidValueException("record snapshot: format version " + format
          + " is not the version this library reads (" + RecordSnapshot.FORMAT_VERSION + ")");
    }
    try {
      return access().restore(readState(in, values));
    } catch (InvalidValueException e) {
      throw e;
    } catch (SnapshotBytes.Unusable | IndexOutOfBoundsException | NegativeArraySizeException
        | IllegalArgumentException e) {
      InvalidValueException failure = damaged("it ends before the record does, or holds a"
          + " part that does not fit (" + e + ")");
      failure.initCause(e);
      throw failure;
    }
  }

  /** How many values are encoded together: a part of the snapshot is never all of them. */
  public static final int VALUES_PER_PART = 2048;

  /**
   * Writes values as parts of at most {@link #VALUES_PER_PART} each, after their count, so that
   * encoding the requests or memberships of a national history never makes one array of them.
   */
  private static <T> void putValues(SnapshotBytes.Output out, RecordSnapshot.ValueCodec values,
      Class<T> type, List<T> all) {
    out.putInt((all.size() + VALUES_PER_PART - 1) / VALUES_PER_PART);
    for (int from = 0; from < all.size(); from += VALUES_PER_PART) {
      out.putBytes(values.encode(type, all.subList(from,
          Math.min(all.size(), from + VALUES_PER_PART))));
    }
  }

  /** Reads what {@link #putValues} wrote. */
  private static <T> List<T> values(SnapshotBytes.Input in, RecordSnapshot.ValueCodec values,
      Class<T> type) {
    int parts = in.count();
    List<T> all = new ArrayList<>();
    for (int i = 0; i < parts; i++) {
      all.addAll(values.decode(type, in.bytes()));
    }
    return all;
  }

  private static RecordState readState(SnapshotBytes.Input in,
      RecordSnapshot.ValueCodec values) {
    RecordState s = new RecordState();
    s.communities.addAll(values(in, values, Community.class));
    s.agencies.addAll(values(in, values, Agency.class));
    s.sites.addAll(values(in, values, Site.class));
    List<CommunityId> taxonomyCommunities = in.strings(CommunityId::of);
    List<Taxonomy> taxonomies = values(in, values, Taxonomy.class);
    if (taxonomies.size() != taxonomyCommunities.size()) {
      throw damaged(taxonomies.size() + " taxonomies for " + taxonomyCommunities.size()
          + " communities");
    }
    for (int i = 0; i < taxonomies.size(); i++) {
      s.taxonomies.put(taxonomyCommunities.get(i), taxonomies.get(i));
    }
    s.memberships.addAll(values(in, values, Membership.class));
    s.activities.addAll(values(in, values, Activity.class));
    s.exchanges.addAll(values(in, values, Exchange.class));
    s.rfis.addAll(values(in, values, RequestForInformation.class));
    List<Member> members = values(in, values, Member.class);
    s.deactivated.addAll(in.strings(MemberId::of));
    int sponsors = in.count();
    for (int i = 0; i < sponsors; i++) {
      s.sponsored.put(MemberId.of(in.string()), in.strings(MemberId::of));
    }
    int hostCommunities = in.count();
    for (int i = 0; i < hostCommunities; i++) {
      CommunityId community = CommunityId.of(in.string());
      Map<SiteId, List<ExchangeId>> bySite = new LinkedHashMap<>();
      int sites = in.count();
      for (int j = 0; j < sites; j++) {
        bySite.put(SiteId.of(in.string()), in.strings(ExchangeId::of));
      }
      s.exchangesByHost.put(community, bySite);
    }
    int flags = in.count();
    for (int i = 0; i < flags; i++) {
      s.upheldFlags.put(MemberId.of(in.string()), in.flag());
    }
    int levelCommunities = in.count();
    for (int i = 0; i < levelCommunities; i++) {
      CommunityId community = CommunityId.of(in.string());
      Map<MemberId, RecordedLevel> byMember = new LinkedHashMap<>();
      int count = in.count();
      for (int j = 0; j < count; j++) {
        MemberId member = MemberId.of(in.string());
        Optional<String> level = Optional.ofNullable(in.string());
        Optional<Instant> since = in.flag() ? Optional.of(in.instant()) : Optional.empty();
        Optional<String> lock = Optional.ofNullable(in.string());
        byMember.put(member, new RecordedLevel(level, since, lock));
      }
      s.levels.put(community, byMember);
    }
    int slots = in.count();
    int nextMember = 0;
    for (int i = 0; i < slots; i++) {
      RecordState.Slot slot = new RecordState.Slot();
      slot.id = MemberId.of(in.string());
      if (in.flag()) {
        if (nextMember == members.size()) {
          throw damaged("more enrolled members than the " + members.size() + " written");
        }
        slot.member = members.get(nextMember++);
      }
      slot.version = in.getLong();
      int logs = in.count();
      for (int j = 0; j < logs; j++) {
        slot.logCommunities.add(CommunityId.of(in.string()));
        int size = in.count();
        long version = in.getLong();
        int lastPosition = in.getInt();
        int[] days = in.ints(size);
        int[] entries = in.ints(size);
        slot.logs.add(ParticipationLog.restore(days, entries, size, version, lastPosition));
      }
      slot.upheld = new long[in.count()];
      for (int k = 0; k < slot.upheld.length; k++) {
        slot.upheld[k] = in.getLong();
      }
      int contributionLogs = in.count();
      for (int j = 0; j < contributionLogs; j++) {
        slot.contributionCommunities.add(CommunityId.of(in.string()));
        int size = in.count();
        int[][] arrays = new int[4][];
        for (int k = 0; k < 4; k++) {
          arrays[k] = in.ints(size);
        }
        slot.contributions.add(ContributionLog.restore(arrays));
      }
      s.slots.add(slot);
    }
    if (nextMember != members.size()) {
      throw damaged(members.size() + " members written for " + nextMember + " enrolled");
    }
    int matrices = in.count();
    for (int i = 0; i < matrices; i++) {
      CommunityId community = CommunityId.of(in.string());
      RecordState.Matrix m = new RecordState.Matrix();
      m.cellSites.addAll(in.strings(SiteId::of));
      m.cellAreas.addAll(in.strings(CoreAreaId::of));
      if (m.cellSites.size() != m.cellAreas.size()) {
        throw damaged("a matrix of " + m.cellSites.size() + " sites and " + m.cellAreas.size()
            + " core areas");
      }
      int days = in.count();
      m.days = new int[days];
      m.counts = new int[days][];
      for (int d = 0; d < days; d++) {
        m.days[d] = in.getInt();
        m.counts[d] = in.ints(in.count());
      }
      m.total = new long[in.count()];
      for (int c = 0; c < m.total.length; c++) {
        m.total[c] = in.getLong();
      }
      s.matrices.put(community, m);
    }
    s.agencyNumbers.addAll(in.strings(AgencyId::of));
    s.counterparties.addAll(in.strings(MemberId::of));
    s.topics.addAll(in.strings(org.pcop.model.taxonomy.TopicId::of));
    s.exchangeNumbers.addAll(in.strings(org.pcop.model.ExchangeId::of));
    int opportunityLogs = in.count();
    for (int j = 0; j < opportunityLogs; j++) {
      s.opportunityCommunities.add(CommunityId.of(in.string()));
      int size = in.count();
      int[][] arrays = new int[4][];
      for (int k = 0; k < 4; k++) {
        arrays[k] = in.ints(size);
      }
      s.opportunityLogs.add(ContributionLog.restore(arrays));
    }
    s.linkVersion = in.getLong();
    s.agencyVersion = in.getLong();
    s.events = in.getLong();
    return s;
  }

  private static InvalidValueException damaged(String why) {
    return new InvalidValueException("record snapshot is damaged: " + why);
  }

  private static RecordAccess access() {
    RecordAccess access = RecordAccess.get();
    if (access == null) {
      try {
        // The record installs the access when its class is initialised.
        Class.forName(EngagementRecord.class.getName(), true,
            EngagementRecord.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
      access = RecordAccess.get();
    }
    return access;
  }
}
