package org.pcop.spi;

import java.util.Optional;

/**
 * The host's staff directory as the source of truth for people: who works at which office, with
 * which title and contact details. pcop pulls changes by change marker and never writes back.
 *
 * <p>Guarantees, checked by {@code org.pcop.tck.MemberDirectoryCompatibilityKit}:
 *
 * <ol>
 *   <li><b>Complete from the start.</b> Reading from no marker, page after page until
 *       {@link DirectoryChanges#hasMore()} is false, yields every person the directory ever
 *       reported, each in their latest state.
 *   <li><b>Delta by marker.</b> Reading from a marker yields every person changed after the
 *       marker was handed out, in their latest state, and nobody else; with no change since, it
 *       yields nobody. Reading twice from the same marker is safe and yields the same people.
 *   <li><b>Deactivated, never deleted.</b> A person who leaves or disappears from the host is
 *       reported with {@link DirectoryEntry#isActive()} false, from the start and from any earlier
 *       marker, so their history in pcop is kept.
 *   <li><b>Pages hold their limit.</b> A page holds at most the requested number of entries, each
 *       person at most once.
 * </ol>
 *
 * <p>Implementations are thread-safe.
 */
public interface MemberDirectory {
  /**
   * Reads what changed since a marker.
   *
   * @param since the marker of an earlier page, or empty to read everything from the start
   * @param maxCount the most entries to return, 1 or more
   * @return the page of changes and the marker to continue from
   * @throws IllegalArgumentException if {@code maxCount} is below 1 or the marker was not handed
   *     out by this directory
   */
  DirectoryChanges changesSince(Optional<ChangeMarker> since, int maxCount);
}
