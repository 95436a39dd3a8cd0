package org.pcop.tck;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.pcop.spi.EventStore;
import org.pcop.tck.FlawedEventStore.Flaw;

/**
 * The event store kit run against {@link FlawedEventStore}, one class per flaw. Not tests by
 * themselves (most must fail): {@link KitCatchesFlawsTest} runs them through the JUnit launcher.
 */
final class FlawedKits {
  private FlawedKits() {}

  /** The kit written the short way, with only the factory: no hook, nothing declared. */
  abstract static class OnlyCreateStore extends EventStoreCompatibilityKit {
    abstract Flaw flaw();

    @Override
    protected EventStore createStore() {
      return new FlawedEventStore(flaw(), new FlawedEventStore.Disk());
    }
  }

  /** The kit with every hook provided, against a store with one flaw. */
  abstract static class Against extends OnlyCreateStore {
    @Override
    protected Optional<HalfWayFailure> failHalfWayThroughNextAppend(EventStore store) {
      FlawedEventStore flawed = (FlawedEventStore) store;
      flawed.failHalfWayThroughNextAppend();
      return Optional.of(flawed::writtenBeforeFailure);
    }

    @Override
    protected Optional<EventStore> reopen(EventStore store) {
      return Optional.of(((FlawedEventStore) store).reopen());
    }
  }

  @DisplayName("FlawedEventStore(NONE)")
  static class Sound extends Against {
    @Override
    Flaw flaw() {
      return Flaw.NONE;
    }
  }

  @DisplayName("FlawedEventStore(DUPLICATES_ON_RETRY)")
  static class DuplicatesOnRetry extends Against {
    @Override
    Flaw flaw() {
      return Flaw.DUPLICATES_ON_RETRY;
    }
  }

  @DisplayName("FlawedEventStore(IGNORES_EXPECTED_VERSION)")
  static class IgnoresExpectedVersion extends Against {
    @Override
    Flaw flaw() {
      return Flaw.IGNORES_EXPECTED_VERSION;
    }
  }

  @DisplayName("FlawedEventStore(WRITES_HALF_A_BATCH)")
  static class WritesHalfABatch extends Against {
    @Override
    Flaw flaw() {
      return Flaw.WRITES_HALF_A_BATCH;
    }
  }

  @DisplayName("FlawedEventStore(REORDERS_GLOBAL_LOG)")
  static class ReordersGlobalLog extends Against {
    @Override
    Flaw flaw() {
      return Flaw.REORDERS_GLOBAL_LOG;
    }
  }

  @DisplayName("FlawedEventStore(LOSES_A_PAYLOAD_BYTE)")
  static class LosesAPayloadByte extends Against {
    @Override
    Flaw flaw() {
      return Flaw.LOSES_A_PAYLOAD_BYTE;
    }
  }

  @DisplayName("FlawedEventStore(RACES_UNDER_CONCURRENCY)")
  static class RacesUnderConcurrency extends Against {
    @Override
    Flaw flaw() {
      return Flaw.RACES_UNDER_CONCURRENCY;
    }
  }

  @DisplayName("FlawedEventStore(FORGETS_ON_REOPEN)")
  static class ForgetsOnReopen extends Against {
    @Override
    Flaw flaw() {
      return Flaw.FORGETS_ON_REOPEN;
    }
  }

  @DisplayName("FlawedEventStore(NORMALISES_TEXT)")
  static class NormalisesText extends Against {
    @Override
    Flaw flaw() {
      return Flaw.NORMALISES_TEXT;
    }
  }

  @DisplayName("FlawedEventStore(RETRY_ACKNOWLEDGED_AT_ITS_OWN_TIME)")
  static class RetryAcknowledgedAtItsOwnTime extends Against {
    @Override
    Flaw flaw() {
      return Flaw.RETRY_ACKNOWLEDGED_AT_ITS_OWN_TIME;
    }
  }

  @DisplayName("FlawedEventStore(TRIMS_TEXT)")
  static class TrimsText extends Against {
    @Override
    Flaw flaw() {
      return Flaw.TRIMS_TEXT;
    }
  }

  @DisplayName("FlawedEventStore(FAILS_BEFORE_WRITING)")
  static class FailsBeforeWriting extends Against {
    @Override
    Flaw flaw() {
      return Flaw.FAILS_BEFORE_WRITING;
    }
  }

  @DisplayName("FlawedEventStore(REOPENS_THE_SAME_INSTANCE)")
  static class ReopensTheSameInstance extends Against {
    @Override
    Flaw flaw() {
      return Flaw.REOPENS_THE_SAME_INSTANCE;
    }
  }

  @DisplayName("FlawedEventStore(LOSES_EVERYTHING_ON_REOPEN)")
  static class LosesEverythingOnReopen extends Against {
    @Override
    Flaw flaw() {
      return Flaw.LOSES_EVERYTHING_ON_REOPEN;
    }
  }

  @DisplayName("FlawedEventStore(IDEMPOTENCY_IN_A_CACHE)")
  static class IdempotencyInACache extends Against {
    @Override
    Flaw flaw() {
      return Flaw.IDEMPOTENCY_IN_A_CACHE;
    }
  }

  /** A store that writes half a batch, tested without the half-way hook. */
  @DisplayName("FlawedEventStore(WRITES_HALF_A_BATCH) without hooks")
  static class WritesHalfABatchWithoutHooks extends OnlyCreateStore {
    @Override
    Flaw flaw() {
      return Flaw.WRITES_HALF_A_BATCH;
    }
  }

  /** A store that loses everything on reopen, tested without the reopen hook. */
  @DisplayName("FlawedEventStore(LOSES_EVERYTHING_ON_REOPEN) without hooks")
  static class LosesEverythingWithoutHooks extends OnlyCreateStore {
    @Override
    Flaw flaw() {
      return Flaw.LOSES_EVERYTHING_ON_REOPEN;
    }
  }

  /** A store whose idempotency lives in a cache, tested without the reopen hook. */
  @DisplayName("FlawedEventStore(IDEMPOTENCY_IN_A_CACHE) without hooks")
  static class IdempotencyInACacheWithoutHooks extends OnlyCreateStore {
    @Override
    Flaw flaw() {
      return Flaw.IDEMPOTENCY_IN_A_CACHE;
    }
  }

  /** A store without hooks that declares it offers neither atomic batches nor durability. */
  @DisplayName("FlawedEventStore(NONE) declaring no atomic batches and no durability")
  static class DeclaresLimitations extends OnlyCreateStore {
    @Override
    Flaw flaw() {
      return Flaw.NONE;
    }

    @Override
    protected Map<Guarantee, String> declaredLimitations() {
      return Map.of(Guarantee.ATOMIC_BATCHES, "cannot inject a failure in the middle of a batch",
          Guarantee.DURABILITY, "keeps events in memory only");
    }
  }
}
