package org.pcop.benchmarks.drools;

import java.time.Instant;

/**
 * A request for information as the first-response service level sees it: when it was posted,
 * when the first response came and whether it expired unanswered. Changed in place by later
 * events, then updated in the session.
 */
public final class RfiFact {
  private final String id;
  private final Instant postedAt;
  private Instant firstResponseAt;
  private boolean expired;
  private boolean accepted;

  /**
   * A newly posted request.
   *
   * @param id the request id
   * @param postedAt when it was posted
   */
  public RfiFact(String id, Instant postedAt) {
    this.id = id;
    this.postedAt = postedAt;
  }

  /**
   * The request id.
   *
   * @return the id
   */
  public String getId() {
    return id;
  }

  /**
   * When it was posted.
   *
   * @return the instant
   */
  public Instant getPostedAt() {
    return postedAt;
  }

  /**
   * When the first response came.
   *
   * @return the instant, or null while none has
   */
  public Instant getFirstResponseAt() {
    return firstResponseAt;
  }

  void setFirstResponseAt(Instant firstResponseAt) {
    this.firstResponseAt = firstResponseAt;
  }

  /**
   * Whether it was closed without an accepted response.
   *
   * @return true when expired
   */
  public boolean isExpired() {
    return expired;
  }

  void setExpired(boolean expired) {
    this.expired = expired;
  }

  boolean isAccepted() {
    return accepted;
  }

  void setAccepted(boolean accepted) {
    this.accepted = accepted;
  }
}
