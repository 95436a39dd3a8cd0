package org.pcop.model;

import jakarta.validation.Valid;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A member's membership of a community: the role held and the status history, oldest first. An
 * invited outside expert names the member who sponsors them.
 */
@Value.Immutable
public interface Membership {
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
   * The role the member holds in the community.
   *
   * @return the role
   */
  MembershipRole getRole();

  /**
   * The member who sponsored the invitation, if any; never the member themself.
   *
   * @return the sponsor
   */
  Optional<MemberId> getSponsor();

  /**
   * The status history, oldest first; never empty.
   *
   * @return the history
   */
  List<@Valid StatusChange> getHistory();

  /**
   * The current status: the last of the history.
   *
   * @return the status
   */
  @Value.Derived
  default MembershipStatus getStatus() {
    List<StatusChange> history = getHistory();
    return history.isEmpty() ? MembershipStatus.INVITED : history.get(history.size() - 1)
        .getStatus();
  }

  /**
   * Whether a suspension is in force on {@code day}: the status is {@link
   * MembershipStatus#SUSPENDED} and the day is not after the suspension's end date. After the end
   * date the suspension has lapsed, though the status stays until the member is reinstated.
   *
   * @param day the day, in the community's time zone
   * @return true while suspended
   */
  default boolean isSuspendedOn(java.time.LocalDate day) {
    if (getStatus() != MembershipStatus.SUSPENDED) {
      return false;
    }
    return getHistory().get(getHistory().size() - 1).getUntil().map(u -> !day.isAfter(u))
        .orElse(true);
  }

  /**
   * When the membership first became active, if it has.
   *
   * @return the first activation
   */
  default Optional<Instant> activeSince() {
    // A loop, not a stream: engagement rules ask this of every member they evaluate.
    for (StatusChange change : getHistory()) {
      if (change.getStatus() == MembershipStatus.ACTIVE) {
        return Optional.of(change.getAt());
      }
    }
    return Optional.empty();
  }

  /**
   * Returns this membership with {@code change} appended to its history.
   *
   * @param change the new status
   * @return the changed membership
   * @throws InvalidValueException if the change is earlier than the last one or repeats its status
   *     (a suspension may follow a suspension with another end date or reason: an update)
   */
  default Membership with(StatusChange change) {
    return ImmutableMembership.builder().from(this).addHistory(change).build();
  }

  /**
   * Refuses an empty or unordered history, a status repeated without a change (a suspension
   * followed by one with another end date or reason updates it), and a member who sponsors
   * themself.
   */
  @Value.Check
  default void check() {
    List<StatusChange> history = getHistory();
    InvalidValueException.check(!history.isEmpty(), "Membership", "history",
        "a membership has at least one status");
    for (int i = 1; i < history.size(); i++) {
      StatusChange before = history.get(i - 1);
      StatusChange after = history.get(i);
      InvalidValueException.check(!after.getAt().isBefore(before.getAt()), "Membership",
          "history[" + i + "]", "at %s is earlier than the status before it (%s)", after.getAt(),
          before.getAt());
      if (after.getStatus() == MembershipStatus.SUSPENDED
          && before.getStatus() == MembershipStatus.SUSPENDED) {
        // A suspension is updated by suspending again with another end date or reason.
        InvalidValueException.check(!after.getUntil().equals(before.getUntil())
                || !after.getReason().equals(before.getReason()), "Membership",
            "history[" + i + "]", "repeats the suspension until %s (%s); to update a suspension"
                + " give another end date or reason, to end it reinstate the member",
            after.getUntil().map(Object::toString).orElse("?"), after.getReason().orElse(""));
        continue;
      }
      InvalidValueException.check(after.getStatus() != before.getStatus(), "Membership",
          "history[" + i + "]", "repeats the status %s; a change must change the status",
          after.getStatus());
    }
    getSponsor().ifPresent(sponsor -> InvalidValueException.check(!sponsor.equals(getMember()),
        "Membership", "sponsor", "member %s cannot sponsor themself", sponsor));
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static ImmutableMembership.Builder builder() {
    return ImmutableMembership.builder();
  }
}
