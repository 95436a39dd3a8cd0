package org.pcop.benchmarks.validation;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.pcop.benchmarks.NationalCommunity;
import org.pcop.model.validation.ModelValidator;

/**
 * A bulk import of the national community's 30,000 members and of 100,000 participation events:
 * building the values from their fields (the builders refuse impossible values either way) beside
 * building them and validating each with {@link ModelValidator}, which reports what a person
 * typed wrong (email, phone number, bar number, lengths, control characters). Each operation
 * imports the whole bulk; every value (or its violations) goes to a blackhole.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.unsupported"})
public class ValidationBenchmark {
  private ImportRows rows;
  private ModelValidator validator;

  /** Prepares the rows and the validator. */
  @Setup
  public void setUp() {
    rows = ImportRows.of(NationalCommunity.national(200_000), 100_000);
    validator = ModelValidator.create();
  }

  /** Closes the validator. */
  @TearDown
  public void tearDown() {
    validator.close();
  }

  /**
   * Members built, not validated.
   *
   * @param sink takes each member, so that it is built
   */
  @Benchmark
  public void members(Blackhole sink) {
    for (int i = 0; i < rows.memberCount(); i++) {
      sink.consume(rows.member(i));
    }
  }

  /**
   * Members built and validated.
   *
   * @param sink takes each member's violations
   */
  @Benchmark
  public void membersValidated(Blackhole sink) {
    for (int i = 0; i < rows.memberCount(); i++) {
      sink.consume(validator.validate(rows.member(i)));
    }
  }

  /**
   * Participation events built, not validated.
   *
   * @param sink takes each event, so that it is built
   */
  @Benchmark
  public void events(Blackhole sink) {
    for (int i = 0; i < rows.eventCount(); i++) {
      sink.consume(rows.event(i));
    }
  }

  /**
   * Participation events built and validated.
   *
   * @param sink takes each event's violations
   */
  @Benchmark
  public void eventsValidated(Blackhole sink) {
    for (int i = 0; i < rows.eventCount(); i++) {
      sink.consume(validator.validate(rows.event(i)));
    }
  }
}
