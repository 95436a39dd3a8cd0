package org.pcop.spi;

import java.util.Optional;
import org.pcop.model.CaseReference;
import org.pcop.model.CommunityId;

/**
 * The host's say on who may see and do what. pcop asks before every command and query; the host
 * decides from its own roles and case permissions.
 *
 * <p>Guarantees: deny by default (an unknown user, action or community is denied); a case
 * reference resolves only for users the host authorises for that case, since a case reference is
 * the host's record and pcop knows nothing of it; answers reflect the host's current state and
 * have no side effects. Implementations are thread-safe.
 */
public interface AccessPolicy {
  /**
   * Whether a user may take an action, within a community or program-wide.
   *
   * @param user the host user
   * @param action a dotted action name, for example {@code exchange.approve} or
   *     {@code roster.read}
   * @param community the community the action is in, or empty for program-wide actions
   * @return true only if the host allows it
   */
  boolean allows(HostUserId user, String action, Optional<CommunityId> community);

  /**
   * Whether a user may follow a case reference to the host's case record.
   *
   * @param user the host user
   * @param reference the case reference
   * @return true only if the host authorises the user for that case
   */
  boolean mayResolve(HostUserId user, CaseReference reference);
}
