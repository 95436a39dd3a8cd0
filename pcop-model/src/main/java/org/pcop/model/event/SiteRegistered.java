package org.pcop.model.event;

import jakarta.validation.Valid;
import org.immutables.value.Value;
import org.pcop.model.Site;

/** A site was added to the program or its engagement history changed. */
@Value.Immutable
public interface SiteRegistered extends PcopEvent {
  /**
   * Returns the site as registered.
   *
   * @return the site as registered
   */
  @Valid
  Site getSite();

  @Override
  default <R> R accept(PcopEventVisitor<R> visitor) {
    return visitor.visit(this);
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static ImmutableSiteRegistered.Builder builder() {
    return ImmutableSiteRegistered.builder();
  }
}
