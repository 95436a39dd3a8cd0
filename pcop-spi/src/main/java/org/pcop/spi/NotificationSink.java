package org.pcop.spi;

/**
 * Where pcop hands notifications to the host (its inbox, email, a message queue) after the events
 * they come from are committed. pcop never hands over a notification for an event that was not
 * stored, and retries a hand-over that failed until it is accepted, so none is lost: at least once,
 * also across a restart of the engine (see the engine, module org.pcop.engine), which is why the
 * second guarantee below matters.
 *
 * <p>Guarantees, checked by {@code org.pcop.tck.NotificationSinkCompatibilityKit}:
 *
 * <ol>
 *   <li><b>Accepted means kept.</b> {@link #deliver} returns normally only once the host has taken
 *       the notification over durably; if it throws, the host has not, and pcop will retry.
 *   <li><b>Once per id.</b> Handing over a notification whose id was accepted before is accepted
 *       again without reaching the recipients a second time, so a retry after an unclear failure
 *       duplicates nothing.
 *   <li><b>Content as given.</b> The host delivers the recipients, kind and text it was given.
 * </ol>
 *
 * <p>Implementations are thread-safe.
 */
public interface NotificationSink {
  /**
   * Takes a notification over for delivery to its recipients.
   *
   * @param notification the notification
   * @throws RuntimeException any failure means the notification was not taken over; pcop retries
   *     it with the same id
   */
  void deliver(Notification notification);
}
