package org.pcop.model.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pcop.model.activity.ExchangeState.APPROVED;
import static org.pcop.model.activity.ExchangeState.CANCELLED;
import static org.pcop.model.activity.ExchangeState.DECLINED;
import static org.pcop.model.activity.ExchangeState.DOCUMENTED;
import static org.pcop.model.activity.ExchangeState.HELD;
import static org.pcop.model.activity.ExchangeState.REQUESTED;
import static org.pcop.model.activity.ExchangeState.SCHEDULED;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The exchange lifecycle of DESIGN.md, pair by pair. */
class ExchangeStateTest {
  private static final Map<ExchangeState, Set<ExchangeState>> LIFECYCLE = Map.of(
      REQUESTED, EnumSet.of(APPROVED, DECLINED, CANCELLED),
      APPROVED, EnumSet.of(SCHEDULED, CANCELLED),
      SCHEDULED, EnumSet.of(HELD, CANCELLED),
      HELD, EnumSet.of(DOCUMENTED),
      DOCUMENTED, EnumSet.noneOf(ExchangeState.class),
      DECLINED, EnumSet.noneOf(ExchangeState.class),
      CANCELLED, EnumSet.noneOf(ExchangeState.class));

  static Stream<Arguments> everyPair() {
    return Stream.of(ExchangeState.values()).flatMap(
        from -> Stream.of(ExchangeState.values()).map(to -> Arguments.of(from, to)));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("everyPair")
  void movesOnlyAlongTheLifecycle(ExchangeState from, ExchangeState to) {
    assertEquals(LIFECYCLE.get(from).contains(to), from.canMoveTo(to));
  }

  @ParameterizedTest(name = "next of {0}")
  @EnumSource(ExchangeState.class)
  void listsTheStatesItMayMoveTo(ExchangeState state) {
    assertEquals(LIFECYCLE.get(state), state.next());
  }

  @ParameterizedTest(name = "{0} is final only when nothing follows")
  @EnumSource(ExchangeState.class)
  void isFinalForDocumentedDeclinedAndCancelled(ExchangeState state) {
    assertEquals(EnumSet.of(DOCUMENTED, DECLINED, CANCELLED).contains(state), state.isFinal());
  }

  @ParameterizedTest(name = "{0} is approved or not")
  @EnumSource(ExchangeState.class)
  void isApprovedFromApprovalUntilDocumented(ExchangeState state) {
    assertEquals(EnumSet.of(APPROVED, SCHEDULED, HELD, DOCUMENTED).contains(state),
        state.isApproved());
  }
}
