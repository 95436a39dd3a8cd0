package org.pcop.model.activity;

import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.immutables.value.Value;
import org.pcop.model.MemberId;
import org.pcop.model.ResponseId;
import org.pcop.model.validation.HasText;
import org.pcop.model.validation.Limits;
import org.pcop.model.validation.PlainText;

/** A member's response to a request for information. */
@Value.Immutable
public interface RfiResponse {
  /**
   * The response's identifier, unique within its request.
   *
   * @return the id
   */
  ResponseId getId();

  /**
   * Who responded.
   *
   * @return the respondent
   */
  MemberId getRespondent();

  /**
   * When.
   *
   * @return the instant
   */
  Instant getAt();

  /**
   * The answer. Plain text, never case facts.
   *
   * @return the text
   */
  @HasText
  @Size(max = Limits.LONG_TEXT_MAX)
  @PlainText(multiline = true)
  String getText();

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static ImmutableRfiResponse.Builder builder() {
    return ImmutableRfiResponse.builder();
  }
}
