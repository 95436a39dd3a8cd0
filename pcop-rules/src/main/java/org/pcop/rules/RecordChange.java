package org.pcop.rules;

import java.util.Set;
import org.pcop.model.CommunityId;
import org.pcop.model.ExchangeId;
import org.pcop.model.MemberId;
import org.pcop.model.RfiId;
import org.pcop.model.event.PcopEvent;

/**
 * What one event changed in an {@link EngagementRecord}, so that incremental evaluation
 * re-evaluates only the subjects it may affect.
 *
 * @param event the event applied
 * @param members members whose own record changed (participations, membership, flags, level)
 * @param exchanges exchanges that changed
 * @param rfis requests for information that changed
 * @param rosterCommunities communities whose roster changed (memberships, members, agencies,
 *     sites, taxonomy, requests for information): coverage results there may change
 * @param participationCommunities communities that got a participation or activity
 * @param everything communities where every subject may be affected (a new activity changes
 *     attendance ratios, a new site lead changes approvals and notices)
 */
public record RecordChange(PcopEvent event, Set<MemberId> members, Set<ExchangeId> exchanges,
    Set<RfiId> rfis, Set<CommunityId> rosterCommunities,
    Set<CommunityId> participationCommunities, Set<CommunityId> everything) {
  /** Copies the sets. */
  public RecordChange {
    members = Set.copyOf(members);
    exchanges = Set.copyOf(exchanges);
    rfis = Set.copyOf(rfis);
    rosterCommunities = Set.copyOf(rosterCommunities);
    participationCommunities = Set.copyOf(participationCommunities);
    everything = Set.copyOf(everything);
  }
}
