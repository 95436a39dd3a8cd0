package org.pcop.benchmarks.drools;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An exchange as the service levels see it: when it was requested, when both parties had
 * approved it, whether it was declined or cancelled, the day it was held and when its follow-up
 * report came. Changed in place by later events, then updated in the session.
 */
public final class ExchangeFact {
  private final String id;
  private final Instant requestedAt;
  private Instant approvedAt;
  private boolean closed;
  private LocalDate heldOn;
  private Instant reportAt;

  /**
   * A newly requested exchange.
   *
   * @param id the exchange id
   * @param requestedAt when it was requested
   */
  public ExchangeFact(String id, Instant requestedAt) {
    this.id = id;
    this.requestedAt = requestedAt;
  }

  /**
   * The exchange id.
   *
   * @return the id
   */
  public String getId() {
    return id;
  }

  /**
   * When it was requested.
   *
   * @return the instant
   */
  public Instant getRequestedAt() {
    return requestedAt;
  }

  /**
   * When the second of the two approvals came.
   *
   * @return the instant, or null while not fully approved
   */
  public Instant getApprovedAt() {
    return approvedAt;
  }

  void setApprovedAt(Instant approvedAt) {
    this.approvedAt = approvedAt;
  }

  /**
   * Whether it was declined or cancelled.
   *
   * @return true when closed
   */
  public boolean isClosed() {
    return closed;
  }

  void setClosed(boolean closed) {
    this.closed = closed;
  }

  /**
   * The day it was held.
   *
   * @return the day, or null while not held
   */
  public LocalDate getHeldOn() {
    return heldOn;
  }

  void setHeldOn(LocalDate heldOn) {
    this.heldOn = heldOn;
  }

  /**
   * When the follow-up report was submitted.
   *
   * @return the instant, or null while none was
   */
  public Instant getReportAt() {
    return reportAt;
  }

  void setReportAt(Instant reportAt) {
    this.reportAt = reportAt;
  }
}
