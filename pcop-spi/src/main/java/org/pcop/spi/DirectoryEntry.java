package org.pcop.spi;

import org.immutables.value.Value;
import org.pcop.model.Member;

/**
 * One person as the host's staff directory knows them now: their member record and whether they
 * are still on the staff. A person who left or disappeared from the host is reported inactive,
 * never dropped.
 */
@Value.Immutable
public interface DirectoryEntry {
  /**
   * The person's member record (name, title, agency, contact).
   *
   * @return the member
   */
  @Value.Parameter
  Member getMember();

  /**
   * Whether the person is on the host's staff; false once they left or disappeared.
   *
   * @return whether the person is active
   */
  @Value.Parameter
  boolean isActive();

  /**
   * The entry for a person.
   *
   * @param member the member record
   * @param active whether the person is on the staff
   * @return the entry
   */
  static DirectoryEntry of(Member member, boolean active) {
    return ImmutableDirectoryEntry.of(member, active);
  }
}
