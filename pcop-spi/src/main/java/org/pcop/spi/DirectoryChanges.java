package org.pcop.spi;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.immutables.value.Value;
import org.pcop.model.InvalidValueException;
import org.pcop.model.MemberId;

/**
 * One page of changes from a {@link MemberDirectory}: the people whose record or status changed
 * (each at most once, in their latest state), the marker to ask from next, and whether more
 * changes are waiting.
 */
@Value.Immutable
public interface DirectoryChanges {
  /**
   * The changed people, each at most once, in their latest state.
   *
   * @return the entries
   */
  List<DirectoryEntry> getEntries();

  /**
   * Where the next call should continue from.
   *
   * @return the marker
   */
  ChangeMarker getMarker();

  /**
   * Whether more changes were waiting than this page holds.
   *
   * @return true if the caller should ask again with {@link #getMarker()} now
   */
  boolean hasMore();

  /** Refuses a page that names one person twice. */
  @Value.Check
  default void check() {
    Set<MemberId> seen = new HashSet<>();
    for (int i = 0; i < getEntries().size(); i++) {
      MemberId id = getEntries().get(i).getMember().getId();
      InvalidValueException.check(seen.add(id), "DirectoryChanges", "entries[" + i + "]",
          "member %s appears twice in one page", id);
    }
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static ImmutableDirectoryChanges.Builder builder() {
    return ImmutableDirectoryChanges.builder();
  }
}
