package org.pcop.model.event;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import org.pcop.model.CommunityId;
import org.pcop.model.ExchangeId;
import org.pcop.model.InvalidValueException;
import org.pcop.model.MemberId;
import org.pcop.model.RfiId;
import org.pcop.model.validation.HasText;
import org.pcop.model.validation.Limits;
import org.pcop.model.validation.PlainText;

/**
 * A service level of the community's rule set was warned about ahead of its due time: a request
 * for information or an exchange still owes an action (for example the acceptance of an answer),
 * due at {@link #getDueAt()}, and the members who owe it are told once. A warning is known by its
 * rule, subject and due instant.
 */
@Value.Immutable
public interface ServiceLevelWarned extends PcopEvent {
  /**
   * Returns the community.
   *
   * @return the community
   */
  CommunityId getCommunity();

  /**
   * Returns the id of the service-level rule that warned.
   *
   * @return the rule id
   */
  @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._:-]{0,63}",
      message = "must be a rule id: 1 to 64 letters, digits, '.', '_', ':' or '-', starting with"
          + " a letter or digit")
  String getRule();

  /**
   * Returns the request for information that owes the action, if it is one.
   *
   * @return the request
   */
  Optional<RfiId> getRequest();

  /**
   * Returns the exchange that owes the action, if it is one.
   *
   * @return the exchange
   */
  Optional<ExchangeId> getExchange();

  /**
   * Returns what is due, for example {@code acceptance of an answer}.
   *
   * @return the obligation
   */
  @HasText @Size(max = Limits.NAME_MAX) @PlainText String getObligation();

  /**
   * Returns when it is due.
   *
   * @return the due instant
   */
  Instant getDueAt();

  /**
   * Returns who owes the action and is told, in id order; may be empty.
   *
   * @return the members
   */
  List<MemberId> getOwedBy();

  @Override
  default <R> R accept(PcopEventVisitor<R> visitor) {
    return visitor.visit(this);
  }

  /** Refuses a warning about both or neither a request and an exchange. */
  @Value.Check
  default void check() {
    InvalidValueException.check(getRequest().isPresent() != getExchange().isPresent(),
        "ServiceLevelWarned", "request", "a warning is about a request or an exchange, exactly"
            + " one of them");
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static ImmutableServiceLevelWarned.Builder builder() {
    return ImmutableServiceLevelWarned.builder();
  }
}
