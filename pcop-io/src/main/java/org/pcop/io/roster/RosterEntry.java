package org.pcop.io.roster;

import java.util.Optional;
import org.immutables.value.Value;
import org.pcop.model.Member;
import org.pcop.model.SiteId;

/** One row of a roster: a member (with their agency) and the program site they work at, if any. */
@Value.Immutable
public interface RosterEntry {
  /**
   * The member; {@link Member#getAgency()} is the agency column.
   *
   * @return the member
   */
  Member getMember();

  /**
   * The site of the member's agency, if it is at a program site.
   *
   * @return the site
   */
  Optional<SiteId> getSite();

  /**
   * The entry for {@code member} at {@code site}.
   *
   * @param member the member
   * @param site the site, may be empty
   * @return the entry
   */
  static RosterEntry of(Member member, Optional<SiteId> site) {
    return ImmutableRosterEntry.builder().member(member).site(site).build();
  }
}
