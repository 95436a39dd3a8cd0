package org.pcop.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pcop.model.MemberId;
import org.pcop.model.event.ConductFlagRecorded;
import org.pcop.model.event.EngagementLevelChanged;
import org.pcop.model.event.EngagementLevelLocked;
import org.pcop.model.event.MemberDeactivated;
import org.pcop.model.event.MemberEnrolled;
import org.pcop.model.event.MembershipChanged;
import org.pcop.model.event.ParticipationRecorded;
import org.pcop.model.event.PcopEvent;
import org.pcop.rules.snapshot.SnapshotBytes;
import org.pcop.spi.EventStore;
import org.pcop.spi.RecordedEvent;
import org.pcop.spi.StreamId;

/**
 * Which events of the engine's stream concern each member (by them, or about them: enrolment,
 * membership, participation, level and conduct flag), kept as
 * stream versions in primitive arrays; a member's history is read back from the store when asked,
 * so memory grows by four bytes per event and member, not by the events themselves. Not
 * thread-safe: the engine calls it under its lock.
 */
final class MemberHistories {
  private static final int RUN = 256;

  private final EventStore store;
  private final StreamId stream;
  private final EventCodec codec;
  private final Map<MemberId, int[]> versions = new HashMap<>();
  private final Map<MemberId, Integer> sizes = new HashMap<>();

  MemberHistories(EventStore store, StreamId stream, EventCodec codec) {
    this.store = store;
    this.stream = stream;
    this.codec = codec;
  }

  /** Takes note of an applied event at a stream version. */
  void index(PcopEvent event, long version) {
    if (version > Integer.MAX_VALUE) {
      throw new IllegalStateException("stream " + stream + " has more than "
          + Integer.MAX_VALUE + " events; member histories index versions as int");
    }
    for (MemberId member : about(event)) {
      int size = sizes.getOrDefault(member, 0);
      int[] held = versions.get(member);
      if (held == null) {
        held = new int[4];
      } else if (held.length == size) {
        held = Arrays.copyOf(held, size * 2);
      }
      held[size] = (int) version;
      versions.put(member, held);
      sizes.put(member, size + 1);
    }
  }

  /** Every event concerning the member, in log order, read from the store. */
  List<PcopEvent> history(MemberId member) {
    int size = sizes.getOrDefault(member, 0);
    int[] held = versions.get(member);
    List<PcopEvent> events = new ArrayList<>(size);
    int i = 0;
    while (i < size) {
      // Consecutive versions are read in one call.
      int j = i + 1;
      while (j < size && held[j] == held[j - 1] + 1 && j - i < RUN) {
        j++;
      }
      List<RecordedEvent> page = store.readStream(stream, held[i] - 1L, j - i);
      if (page.size() != j - i) {
        throw new IllegalStateException("stream " + stream + " returned " + page.size()
            + " events from version " + held[i] + " where the engine indexed " + (j - i)
            + "; the store lost events it had acknowledged");
      }
      for (RecordedEvent recorded : page) {
        events.add(codec.decode(recorded));
      }
      i = j;
    }
    return events;
  }

  /** Writes where each member's events lie, for a snapshot. */
  void writeTo(SnapshotBytes.Output out) {
    out.putInt(versions.size());
    versions.forEach((member, held) -> {
      int size = sizes.getOrDefault(member, 0);
      out.putString(member.value());
      out.putInt(size);
      out.putInts(held, size);
    });
  }

  /** Takes what {@link #writeTo} wrote, in place of what was held. */
  void readFrom(SnapshotBytes.Input in) {
    versions.clear();
    sizes.clear();
    int members = in.count();
    for (int i = 0; i < members; i++) {
      MemberId member = MemberId.of(in.text("a member id"));
      int size = in.count();
      int[] held = in.ints(size);
      if (size > 0) {
        versions.put(member, held);
        sizes.put(member, size);
      }
    }
  }

  private static Set<MemberId> about(PcopEvent event) {
    Set<MemberId> about = new LinkedHashSet<>();
    about.add(event.getActor());
    if (event instanceof MemberEnrolled) {
      about.add(((MemberEnrolled) event).getMember().getId());
    } else if (event instanceof MemberDeactivated) {
      about.add(((MemberDeactivated) event).getMember());
    } else if (event instanceof MembershipChanged) {
      about.add(((MembershipChanged) event).getMember());
    } else if (event instanceof ParticipationRecorded) {
      about.add(((ParticipationRecorded) event).getParticipation().getMember());
    } else if (event instanceof ConductFlagRecorded) {
      about.add(((ConductFlagRecorded) event).getMember());
    } else if (event instanceof EngagementLevelChanged) {
      about.add(((EngagementLevelChanged) event).getMember());
    } else if (event instanceof EngagementLevelLocked) {
      about.add(((EngagementLevelLocked) event).getMember());
    }
    return about;
  }
}
