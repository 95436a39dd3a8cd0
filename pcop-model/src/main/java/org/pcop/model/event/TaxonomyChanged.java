package org.pcop.model.event;

import jakarta.validation.Valid;
import org.immutables.value.Value;
import org.pcop.model.CommunityId;
import org.pcop.model.taxonomy.Taxonomy;

/** A community adopted a taxonomy version. */
@Value.Immutable
public interface TaxonomyChanged extends PcopEvent {
  /**
   * Returns the community.
   *
   * @return the community
   */
  CommunityId getCommunity();

  /**
   * Returns the taxonomy version adopted.
   *
   * @return the taxonomy version adopted
   */
  @Valid
  Taxonomy getTaxonomy();

  @Override
  default <R> R accept(PcopEventVisitor<R> visitor) {
    return visitor.visit(this);
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static ImmutableTaxonomyChanged.Builder builder() {
    return ImmutableTaxonomyChanged.builder();
  }
}
