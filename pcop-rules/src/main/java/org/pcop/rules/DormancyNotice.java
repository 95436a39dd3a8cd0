package org.pcop.rules;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;
import org.pcop.model.CommunityId;
import org.pcop.model.MemberId;
import org.pcop.model.SiteId;

/**
 * An active membership has gone without participation long enough to become dormant.
 * {@link ResultEvents} turns it into a {@code MembershipChanged} event to {@code DORMANT}; the
 * site leads named here are the people to notify.
 */
@Value.Immutable
public interface DormancyNotice extends Finding {
  /**
   * The member.
   *
   * @return the member
   */
  MemberId getMember();

  /**
   * The community.
   *
   * @return the community
   */
  CommunityId getCommunity();

  /**
   * The last day the member took part, in the community's time zone, if ever.
   *
   * @return the last day of participation
   */
  Optional<LocalDate> getLastParticipation();

  /**
   * The site of the member's agency, if it has one.
   *
   * @return the site
   */
  Optional<SiteId> getSite();

  /**
   * The active site leads of that site in the community, to notify; may be empty.
   *
   * @return the site leads
   */
  Set<MemberId> getSiteLeads();

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static ImmutableDormancyNotice.Builder builder() {
    return ImmutableDormancyNotice.builder();
  }
}
