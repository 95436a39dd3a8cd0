package org.pcop.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
  private final Map<MemberId, Held> held = new HashMap<>();

  /** The stream versions of one member's events, in order, in the first {@code size} slots. */
  private static final class Held {
    int[] versions;
    int size;

    Held(int[] versions, int size) {
      this.versions = versions;
      this.size = size;
    }

    void add(int version) {
      if (size == versions.length) {
        versions = Arrays.copyOf(versions, size * 2);
      }
      versions[size++] = version;
    }
  }

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
    MemberId actor = event.getActor();
    add(actor, (int) version);
    MemberId subject = subject(event);
    if (subject != null && !subject.equals(actor)) {
      add(subject, (int) version);
    }
  }

  private void add(MemberId member, int version) {
    Held h = held.get(member);
    if (h == null) {
      held.put(member, new Held(new int[] {version, 0, 0, 0}, 1));
    } else {
      h.add(version);
    }
  }

  /** Every event concerning the member, in log order, read from the store. */
  List<PcopEvent> history(MemberId member) {
    Held h = held.get(member);
    int size = h == null ? 0 : h.size;
    int[] versions = h == null ? new int[0] : h.versions;
    List<PcopEvent> events = new ArrayList<>(size);
    int i = 0;
    while (i < size) {
      // Consecutive versions are read in one call.
      int j = i + 1;
      while (j < size && versions[j] == versions[j - 1] + 1 && j - i < RUN) {
        j++;
      }
      List<RecordedEvent> page = store.readStream(stream, versions[i] - 1L, j - i);
      if (page.size() != j - i) {
        throw new IllegalStateException("stream " + stream + " returned " + page.size()
            + " events from version " + versions[i] + " where the engine indexed " + (j - i)
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
    out.putInt(held.size());
    held.forEach((member, h) -> {
      out.putString(member.value());
      out.putInt(h.size);
      out.putInts(h.versions, h.size);
    });
  }

  /** Takes what {@link #writeTo} wrote, in place of what was held. */
  void readFrom(SnapshotBytes.Input in) {
    held.clear();
    int members = in.count();
    for (int i = 0; i < members; i++) {
      MemberId member = MemberId.of(in.text("a member id"));
      int size = in.count();
      int[] versions = in.ints(size);
      if (size > 0) {
        held.put(member, new Held(versions, size));
      }
    }
  }

  /** The member an event is about besides its actor, or null. */
  private static MemberId subject(PcopEvent event) {
    if (event instanceof ParticipationRecorded) {
      return ((ParticipationRecorded) event).getParticipation().getMember();
    } else if (event instanceof MembershipChanged) {
      return ((MembershipChanged) event).getMember();
    } else if (event instanceof MemberEnrolled) {
      return ((MemberEnrolled) event).getMember().getId();
    } else if (event instanceof MemberDeactivated) {
      return ((MemberDeactivated) event).getMember();
    } else if (event instanceof ConductFlagRecorded) {
      return ((ConductFlagRecorded) event).getMember();
    } else if (event instanceof EngagementLevelChanged) {
      return ((EngagementLevelChanged) event).getMember();
    } else if (event instanceof EngagementLevelLocked) {
      return ((EngagementLevelLocked) event).getMember();
    }
    return null;
  }
}
