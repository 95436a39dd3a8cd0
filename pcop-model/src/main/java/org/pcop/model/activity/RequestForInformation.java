package org.pcop.model.activity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;
import org.pcop.model.CaseReference;
import org.pcop.model.CommunityId;
import org.pcop.model.InvalidValueException;
import org.pcop.model.MemberId;
import org.pcop.model.ResponseId;
import org.pcop.model.RfiId;
import org.pcop.model.taxonomy.TopicId;
import org.pcop.model.validation.HasText;
import org.pcop.model.validation.Limits;
import org.pcop.model.validation.PlainText;

/**
 * A question to the community on a topic, the responses it got in order, and the accepted one. The
 * state follows from them: open without responses, answered with some, resolved once one is
 * accepted, or expired without one.
 */
@Value.Immutable
public interface RequestForInformation {
  /**
   * The request's identifier.
   *
   * @return the id
   */
  RfiId getId();

  /**
   * The community asked.
   *
   * @return the community
   */
  CommunityId getCommunity();

  /**
   * Who asked.
   *
   * @return the asker
   */
  MemberId getAskedBy();

  /**
   * The topic of the question.
   *
   * @return the topic
   */
  TopicId getTopic();

  /**
   * The question. Plain text, never case facts.
   *
   * @return the question
   */
  @HasText
  @Size(max = Limits.LONG_TEXT_MAX)
  @PlainText(multiline = true)
  String getQuestion();

  /**
   * When it was posted.
   *
   * @return the instant
   */
  Instant getPostedAt();

  /**
   * Cases in the host system it refers to, by opaque reference only.
   *
   * @return the case references
   */
  List<@Valid CaseReference> getCaseReferences();

  /**
   * The responses, oldest first.
   *
   * @return the responses
   */
  List<@Valid RfiResponse> getResponses();

  /**
   * The accepted response, one of {@link #getResponses()}.
   *
   * @return the accepted response's id
   */
  Optional<ResponseId> getAcceptedResponse();

  /**
   * Whether it was closed without an accepted response.
   *
   * @return true once expired
   */
  @Value.Default
  default boolean isExpired() {
    return false;
  }

  /**
   * When it was resolved (an answer accepted) or expired (closed without one): the instant of the
   * event that did it. Empty while open or answered, and for a request recorded before this was
   * kept.
   *
   * @return the instant it was closed
   */
  Optional<Instant> getClosedAt();

  /**
   * Where the request stands, from its responses.
   *
   * @return the state
   */
  @Value.Derived
  default RfiState getState() {
    if (getAcceptedResponse().isPresent()) {
      return RfiState.RESOLVED;
    }
    if (isExpired()) {
      return RfiState.EXPIRED;
    }
    return getResponses().isEmpty() ? RfiState.OPEN : RfiState.ANSWERED;
  }

  /**
   * When the first response came, if any.
   *
   * @return the instant of the first response
   */
  default Optional<Instant> firstResponseAt() {
    return getResponses().stream().map(RfiResponse::getAt).findFirst();
  }

  /**
   * Refuses an accepted response that is not among the responses, an expired request with an
   * accepted response, responses before the question or out of order, duplicate response ids, and
   * a closing instant on a request neither resolved nor expired.
   */
  @Value.Check
  default void check() {
    String type = "RequestForInformation";
    Set<ResponseId> ids = new HashSet<>();
    Instant previous = getPostedAt();
    for (int i = 0; i < getResponses().size(); i++) {
      RfiResponse response = getResponses().get(i);
      InvalidValueException.check(ids.add(response.getId()), type, "responses[" + i + "].id",
          "duplicate response id %s", response.getId());
      InvalidValueException.check(!response.getAt().isBefore(previous), type,
          "responses[" + i + "].at", "%s is before %s; responses come after the question, in"
              + " order", response.getAt(), previous);
      previous = response.getAt();
    }
    getAcceptedResponse().ifPresent(accepted -> {
      InvalidValueException.check(ids.contains(accepted), type, "acceptedResponse",
          "%s is not among the responses", accepted);
      InvalidValueException.check(!isExpired(), type, "expired",
          "a request with an accepted response has not expired");
    });
    InvalidValueException.check(getClosedAt().isEmpty() || getAcceptedResponse().isPresent()
        || isExpired(), type, "closedAt", "%s is given, but the request is neither resolved nor"
        + " expired", getClosedAt().orElse(null));
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static ImmutableRequestForInformation.Builder builder() {
    return ImmutableRequestForInformation.builder();
  }
}
