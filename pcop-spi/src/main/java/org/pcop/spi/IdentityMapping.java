package org.pcop.spi;

import java.util.Optional;
import org.pcop.model.MemberId;

/**
 * Maps users of the host system to pcop members, and says who may act as whom. Identity in a host is
 * mapped, never assumed: a user who is not mapped is nobody to pcop.
 *
 * <p>Guarantees: a user maps to at most one member at a time; a user may act as the member they
 * map to; a user who maps to no member may act as nobody; acting as another member (a coordinator's
 * assistant entering attendance, for example) is allowed only where the host says so. Answers
 * reflect the host's current state. Implementations are thread-safe.
 */
public interface IdentityMapping {
  /**
   * The member a host user is.
   *
   * @param user the host user
   * @return the member, or empty if the user is not a member
   */
  Optional<MemberId> memberOf(HostUserId user);

  /**
   * Whether a host user may act as a member: record, request or approve in that member's name.
   *
   * @param user the host user
   * @param member the member to act as
   * @return true only if the user is that member or the host allows them to act for the member
   */
  boolean mayActAs(HostUserId user, MemberId member);
}
