package org.pcop.spi.memory;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.pcop.model.MemberId;
import org.pcop.spi.HostUserId;
import org.pcop.spi.IdentityMapping;

/**
 * An {@link IdentityMapping} in memory: users are mapped to members with {@link #map}, and allowed
 * to act for other members with {@link #allowActingAs}. Unmapped users are nobody.
 */
public final class InMemoryIdentityMapping implements IdentityMapping {
  private final Map<HostUserId, MemberId> members = new ConcurrentHashMap<>();
  private final Map<HostUserId, Set<MemberId>> delegations = new ConcurrentHashMap<>();

  private InMemoryIdentityMapping() {}

  /**
   * An empty mapping.
   *
   * @return the mapping
   */
  public static InMemoryIdentityMapping create() {
    return new InMemoryIdentityMapping();
  }

  /**
   * Maps a user to a member, replacing any earlier mapping of that user.
   *
   * @param user the host user
   * @param member the member they are
   */
  public void map(HostUserId user, MemberId member) {
    members.put(Objects.requireNonNull(user, "user"), Objects.requireNonNull(member, "member"));
  }

  /**
   * Allows a user to act as another member as well as themselves.
   *
   * @param user the host user
   * @param member the member they may act for
   */
  public void allowActingAs(HostUserId user, MemberId member) {
    Objects.requireNonNull(member, "member");
    delegations.computeIfAbsent(Objects.requireNonNull(user, "user"),
        u -> ConcurrentHashMap.newKeySet()).add(member);
  }

  @Override
  public Optional<MemberId> memberOf(HostUserId user) {
    return Optional.ofNullable(members.get(Objects.requireNonNull(user, "user")));
  }

  @Override
  public boolean mayActAs(HostUserId user, MemberId member) {
    Objects.requireNonNull(member, "member");
    if (memberOf(user).isEmpty()) {
      return false;
    }
    return member.equals(members.get(user))
        || delegations.getOrDefault(user, Set.of()).contains(member);
  }
}
