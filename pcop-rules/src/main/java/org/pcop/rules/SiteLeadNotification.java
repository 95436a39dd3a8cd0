package org.pcop.rules;

import java.util.Optional;
import org.immutables.value.Value;
import org.pcop.model.CommunityId;
import org.pcop.model.MemberId;
import org.pcop.model.SiteId;

/** A message for a site lead that a member of their site has become dormant. */
@Value.Immutable
public interface SiteLeadNotification {
  /**
   * The site lead to notify.
   *
   * @return the recipient
   */
  MemberId getRecipient();

  /**
   * The member who became dormant.
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
   * The site, if known.
   *
   * @return the site
   */
  Optional<SiteId> getSite();

  /**
   * The message.
   *
   * @return the text
   */
  String getText();

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static ImmutableSiteLeadNotification.Builder builder() {
    return ImmutableSiteLeadNotification.builder();
  }
}
