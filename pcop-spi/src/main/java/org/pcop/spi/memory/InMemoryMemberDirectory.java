package org.pcop.spi.memory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.pcop.model.Member;
import org.pcop.model.MemberId;
import org.pcop.spi.ChangeMarker;
import org.pcop.spi.DirectoryChanges;
import org.pcop.spi.DirectoryEntry;
import org.pcop.spi.MemberDirectory;

/**
 * A {@link MemberDirectory} in memory: staff are added, changed and deactivated through
 * {@link #put(Member)} and {@link #deactivate(MemberId)}, and every change gets the next number of
 * a sequence, which is what its change markers hold. Nobody is ever deleted.
 */
public final class InMemoryMemberDirectory implements MemberDirectory {
  private static final String MARKER_PREFIX = "in-memory:";

  private final Map<MemberId, Change> people = new HashMap<>();
  private long sequence;

  private InMemoryMemberDirectory() {}

  /**
   * An empty directory.
   *
   * @return the directory
   */
  public static InMemoryMemberDirectory create() {
    return new InMemoryMemberDirectory();
  }

  /**
   * Adds a person to the staff, or updates their record; they are active afterwards.
   *
   * @param member the person's record
   */
  public synchronized void put(Member member) {
    Objects.requireNonNull(member, "member");
    people.put(member.getId(), new Change(DirectoryEntry.of(member, true), ++sequence));
  }

  /**
   * Marks a person as gone from the staff, keeping their record.
   *
   * @param member the person
   * @throws IllegalArgumentException if the directory never had the person
   */
  public synchronized void deactivate(MemberId member) {
    Change change = people.get(Objects.requireNonNull(member, "member"));
    if (change == null) {
      throw new IllegalArgumentException("deactivate: the directory has no member " + member);
    }
    people.put(member,
        new Change(DirectoryEntry.of(change.entry.getMember(), false), ++sequence));
  }

  @Override
  public synchronized DirectoryChanges changesSince(Optional<ChangeMarker> since, int maxCount) {
    Objects.requireNonNull(since, "since");
    if (maxCount < 1) {
      throw new IllegalArgumentException("changesSince: maxCount must be 1 or more; got "
          + maxCount);
    }
    long after = since.map(this::parse).orElse(0L);
    List<Change> changed = new ArrayList<>();
    for (Change change : people.values()) {
      if (change.sequence > after) {
        changed.add(change);
      }
    }
    changed.sort(Comparator.comparingLong(c -> c.sequence));
    List<Change> page = changed.subList(0, Math.min(maxCount, changed.size()));
    long marker = page.isEmpty() ? Math.max(after, 0) : page.get(page.size() - 1).sequence;
    List<DirectoryEntry> entries = new ArrayList<>();
    page.forEach(c -> entries.add(c.entry));
    return DirectoryChanges.builder().entries(entries)
        .marker(ChangeMarker.of(MARKER_PREFIX + marker)).hasMore(changed.size() > page.size())
        .build();
  }

  private long parse(ChangeMarker marker) {
    String value = marker.value();
    try {
      if (value.startsWith(MARKER_PREFIX)) {
        long after = Long.parseLong(value.substring(MARKER_PREFIX.length()));
        if (after >= 0 && after <= sequence) {
          return after;
        }
      }
    } catch (NumberFormatException e) {
      // falls through to the error below
    }
    throw new IllegalArgumentException("changesSince: marker \"" + value
        + "\" was not handed out by this directory");
  }

  private static final class Change {
    final DirectoryEntry entry;
    final long sequence;

    Change(DirectoryEntry entry, long sequence) {
      this.entry = entry;
      this.sequence = sequence;
    }
  }
}
