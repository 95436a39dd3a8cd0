package org.pcop.benchmarks.suggest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.pcop.model.MemberId;

/** The baselines: a random order that is seeded and reproducible, and orders by counts. */
class BaselinesTest {
  private static List<MemberId> members(int n) {
    List<MemberId> members = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      members.add(MemberId.of("m-" + i));
    }
    return members;
  }

  @Test
  void theRandomOrderIsReproducibleFromItsSeedAndIndependentOfTheCandidatesOrder() {
    List<MemberId> members = members(30);
    List<MemberId> reversed = new ArrayList<>(members);
    java.util.Collections.reverse(reversed);
    List<MemberId> first = Baselines.random(members, new SplittableRandom(21));
    assertEquals(first, Baselines.random(reversed, new SplittableRandom(21)));
    assertEquals(new TreeSet<>(members), new TreeSet<>(first), "a permutation");
    assertNotEquals(first, Baselines.random(members, new SplittableRandom(22)));
    assertNotEquals(new ArrayList<>(new TreeSet<>(members)), first, "shuffled");
  }

  @Test
  void theRandomOrderPutsEachCandidateFirstAboutAsOftenAsAnother() {
    List<MemberId> members = members(4);
    SplittableRandom random = new SplittableRandom(5);
    int[] first = new int[4];
    for (int i = 0; i < 4_000; i++) {
      first[members.indexOf(Baselines.random(members, random).get(0))]++;
    }
    for (int count : first) {
      assertEquals(1_000, count, 120, java.util.Arrays.toString(first));
    }
  }

  @Test
  void theLikeliestComeFirstTiesGoToTheLowerIdAndACandidateWithoutAChanceIsLast() {
    Map<MemberId, Double> chances = Map.of(MemberId.of("m-1"), 0.1, MemberId.of("m-2"), 0.6,
        MemberId.of("m-3"), 0.1);
    assertEquals(List.of(MemberId.of("m-2"), MemberId.of("m-1"), MemberId.of("m-3"),
        MemberId.of("m-0")), Baselines.byChance(members(4), chances));
  }

  @Test
  void theMostActiveComeFirstAndTiesGoToTheLowerId() {
    Map<MemberId, Integer> activity = Map.of(MemberId.of("m-1"), 2, MemberId.of("m-2"), 9,
        MemberId.of("m-3"), 2);
    List<MemberId> order = Baselines.byCount(members(4),
        m -> activity.getOrDefault(m, 0));
    assertEquals(List.of(MemberId.of("m-2"), MemberId.of("m-1"), MemberId.of("m-3"),
        MemberId.of("m-0")), order);
    assertEquals(1, Baselines.placeOf(order, MemberId.of("m-2")));
    assertEquals(4, Baselines.placeOf(order, MemberId.of("m-0")));
    assertEquals(0, Baselines.placeOf(order, MemberId.of("m-9")), "not a candidate");
  }

  @Test
  void scoresCountHitsAtOneThreeAndFiveAndTheMeanReciprocalRank() {
    Scores scores = new Scores();
    for (int place : new int[] {1, 2, 4, 6, 0}) {
      scores.add(place);
    }
    assertEquals(5, scores.cases());
    assertEquals(0.2, scores.hitRate(1), 1e-12);
    assertEquals(0.4, scores.hitRate(3), 1e-12);
    assertEquals(0.6, scores.hitRate(5), 1e-12);
    assertEquals((1 + 0.5 + 0.25 + 1.0 / 6) / 5, scores.meanReciprocalRank(), 1e-12);
  }
}
