package org.pcop.spi.memory;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.pcop.model.CaseReference;
import org.pcop.model.CommunityId;
import org.pcop.spi.AccessPolicy;
import org.pcop.spi.HostUserId;

/**
 * An {@link AccessPolicy} in memory that denies everything not granted: actions are granted with
 * {@link #grant}, program-wide or within one community, and cases with {@link #authoriseCase}.
 * A program-wide grant covers the action in every community too.
 */
public final class InMemoryAccessPolicy implements AccessPolicy {
  private final Set<Grant> grants = ConcurrentHashMap.newKeySet();
  private final Set<CaseGrant> cases = ConcurrentHashMap.newKeySet();

  private InMemoryAccessPolicy() {}

  /**
   * A policy that denies everything.
   *
   * @return the policy
   */
  public static InMemoryAccessPolicy create() {
    return new InMemoryAccessPolicy();
  }

  /**
   * Allows a user an action, within a community or program-wide.
   *
   * @param user the host user
   * @param action the action name
   * @param community the community, or empty for program-wide
   */
  public void grant(HostUserId user, String action, Optional<CommunityId> community) {
    grants.add(new Grant(Objects.requireNonNull(user, "user"),
        Objects.requireNonNull(action, "action"), Objects.requireNonNull(community, "community")));
  }

  /**
   * Authorises a user for the case behind a handle.
   *
   * @param user the host user
   * @param handle the case's handle in the host
   */
  public void authoriseCase(HostUserId user, String handle) {
    cases.add(new CaseGrant(Objects.requireNonNull(user, "user"),
        Objects.requireNonNull(handle, "handle")));
  }

  @Override
  public boolean allows(HostUserId user, String action, Optional<CommunityId> community) {
    Objects.requireNonNull(community, "community");
    return grants.contains(new Grant(user, action, Optional.empty()))
        || community.isPresent() && grants.contains(new Grant(user, action, community));
  }

  @Override
  public boolean mayResolve(HostUserId user, CaseReference reference) {
    return cases.contains(new CaseGrant(user, reference.getHandle()));
  }

  private record Grant(HostUserId user, String action, Optional<CommunityId> community) {}

  private record CaseGrant(HostUserId user, String handle) {}
}
