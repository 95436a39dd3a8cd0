package org.pcop.samples.cms;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that stands still until a test moves it forward; time never goes back. */
final class SteppingClock extends Clock {
  private volatile Instant now;

  SteppingClock(Instant start) {
    this.now = start;
  }

  /** Moves the clock to {@code later}. */
  void set(Instant later) {
    if (later.isBefore(now)) {
      throw new IllegalArgumentException("SteppingClock.set: " + later + " is before " + now);
    }
    now = later;
  }

  /** Moves the clock forward by {@code step}. */
  void advance(Duration step) {
    set(now.plus(step));
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("SteppingClock is UTC only");
  }
}
