package org.pcop.tck;

import java.util.Optional;
import org.pcop.spi.EventStore;
import org.pcop.tck.FlawedEventStore.Flaw;

/**
 * The event store kit run against {@link FlawedEventStore}, one class per flaw. Not tests by
 * themselves (most must fail): {@link KitCatchesFlawsTest} runs them through the JUnit launcher.
 */
final class FlawedKits {
  private FlawedKits() {}

  /** The kit with every hook provided, against a store with one flaw. */
  abstract static class Against extends EventStoreCompatibilityKit {
    abstract Flaw flaw();

    @Override
    protected EventStore createStore() {
      return new FlawedEventStore(flaw(), new FlawedEventStore.Disk());
    }

    @Override
    protected boolean failHalfWayThroughNextAppend(EventStore store) {
      ((FlawedEventStore) store).failHalfWayThroughNextAppend();
      return true;
    }

    @Override
    protected Optional<EventStore> reopen(EventStore store) {
      return Optional.of(((FlawedEventStore) store).reopen());
    }

    @Override
    protected String displayName() {
      return "FlawedEventStore(" + flaw() + ")";
    }
  }

  static class Sound extends Against {
    @Override
    Flaw flaw() {
      return Flaw.NONE;
    }
  }

  static class DuplicatesOnRetry extends Against {
    @Override
    Flaw flaw() {
      return Flaw.DUPLICATES_ON_RETRY;
    }
  }

  static class IgnoresExpectedVersion extends Against {
    @Override
    Flaw flaw() {
      return Flaw.IGNORES_EXPECTED_VERSION;
    }
  }

  static class WritesHalfABatch extends Against {
    @Override
    Flaw flaw() {
      return Flaw.WRITES_HALF_A_BATCH;
    }
  }

  static class ReordersGlobalLog extends Against {
    @Override
    Flaw flaw() {
      return Flaw.REORDERS_GLOBAL_LOG;
    }
  }

  static class LosesAPayloadByte extends Against {
    @Override
    Flaw flaw() {
      return Flaw.LOSES_A_PAYLOAD_BYTE;
    }
  }

  static class RacesUnderConcurrency extends Against {
    @Override
    Flaw flaw() {
      return Flaw.RACES_UNDER_CONCURRENCY;
    }
  }

  static class ForgetsOnReopen extends Against {
    @Override
    Flaw flaw() {
      return Flaw.FORGETS_ON_REOPEN;
    }
  }
}
