package org.pcop.rules;

import java.util.Map;
import org.immutables.value.Value;
import org.pcop.model.SiteId;
import org.pcop.model.taxonomy.CoreAreaId;

/**
 * How much each site took part in each core area: participations of members of the site's
 * agencies in activities covering the core area, over the rule's window. Absent cells are zero.
 */
@Value.Immutable
public interface ParticipationMatrix extends Finding {
  /**
   * The counts, by site then core area, both sorted.
   *
   * @return the counts
   */
  Map<SiteId, Map<CoreAreaId, Long>> getCounts();

  /**
   * The count of one cell.
   *
   * @param site the site
   * @param coreArea the core area
   * @return the count, zero when absent
   */
  default long count(SiteId site, CoreAreaId coreArea) {
    return getCounts().getOrDefault(site, Map.of()).getOrDefault(coreArea, 0L);
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static ImmutableParticipationMatrix.Builder builder() {
    return ImmutableParticipationMatrix.builder();
  }
}
