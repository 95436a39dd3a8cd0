package org.pcop.model.activity;

import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.immutables.value.Value;
import org.pcop.model.MemberId;
import org.pcop.model.validation.HasText;
import org.pcop.model.validation.Limits;
import org.pcop.model.validation.PlainText;

/**
 * The report that documents a held exchange: what was learned and what will change. Plain text
 * with a length limit; it never carries case facts.
 */
@Value.Immutable
public interface FollowUpReport {
  /**
   * Who submitted it.
   *
   * @return the author
   */
  MemberId getSubmittedBy();

  /**
   * When.
   *
   * @return the instant
   */
  Instant getSubmittedAt();

  /**
   * The summary.
   *
   * @return the text
   */
  @HasText
  @Size(max = Limits.LONG_TEXT_MAX)
  @PlainText(multiline = true)
  String getSummary();

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static ImmutableFollowUpReport.Builder builder() {
    return ImmutableFollowUpReport.builder();
  }
}
