package org.pcop.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The snapshot store kit catches every broken guarantee: run against a store with one flaw, it
 * fails the rule of that guarantee with a message naming the store and the rule; a sound store
 * passes every rule, and a store without hooks is told which hook each unchecked rule needs.
 */
class SnapshotKitCatchesFlawsTest {
  private static void assertCaught(Class<?> kit, String flaw, String rule, String guarantee) {
    String adapter = "FlawedSnapshotStore(" + flaw + ")";
    Map<String, String> failures = KitCatchesFlawsTest.failures(
        KitCatchesFlawsTest.run(kit).summary());
    List<String> ofRule = failures.entrySet().stream()
        .filter(e -> e.getKey().startsWith(rule + " ")).map(Map.Entry::getValue)
        .collect(Collectors.toList());
    assertEquals(1, ofRule.size(), "the kit must fail " + rule + "; it failed " + failures);
    assertTrue(ofRule.get(0).startsWith("[" + adapter + "] broke " + rule + " (" + guarantee
        + ")"), ofRule.get(0));
  }

  @Test
  void aSoundStorePassesEveryRule() {
    TestExecutionSummary summary =
        KitCatchesFlawsTest.run(FlawedSnapshotStores.Sound.class).summary();
    assertEquals(Map.of(), KitCatchesFlawsTest.failures(summary));
    assertEquals(8, summary.getTestsSucceededCount());
  }

  @Test
  void catchesEachFlaw() {
    assertCaught(FlawedSnapshotStores.TrimsTheLastByte.class, "TRIMS_THE_LAST_BYTE", "R701",
        "round trip");
    assertCaught(FlawedSnapshotStores.KeepsTheFirst.class, "KEEPS_THE_FIRST", "R703",
        "latest wins");
    assertCaught(FlawedSnapshotStores.OneForAllStreams.class, "ONE_FOR_ALL_STREAMS", "R704",
        "isolation per stream");
    assertCaught(FlawedSnapshotStores.FailedSaveLosesThePrevious.class,
        "FAILED_SAVE_LOSES_THE_PREVIOUS", "R705", "a failed save leaves the previous snapshot");
    assertCaught(FlawedSnapshotStores.WritesInPlace.class, "WRITES_IN_PLACE", "R706",
        "atomic replace");
    assertCaught(FlawedSnapshotStores.ForgetsOnReopen.class, "FORGETS_ON_REOPEN", "R707",
        "durability");
    assertCaught(FlawedSnapshotStores.ReadsOnePiece.class, "READS_ONE_PIECE", "R708",
        "written in pieces");
  }

  @Test
  void namesTheHookARuleNeeds() {
    Map<String, String> failures = KitCatchesFlawsTest.failures(
        KitCatchesFlawsTest.run(FlawedSnapshotStores.WithoutHooks.class).summary());
    assertEquals(2, failures.size(), failures.toString());
    assertTrue(failures.values().stream().anyMatch(m -> m.startsWith(
        "[FlawedSnapshotStore(NO_HOOKS)] left R705 (a failed save leaves the previous snapshot)"
            + " unchecked: the kit needs the hook failNextSave(SnapshotStore)")),
        failures.toString());
    assertTrue(failures.values().stream().anyMatch(m -> m.startsWith(
        "[FlawedSnapshotStore(NO_HOOKS)] left R707 (durability) unchecked: the kit needs the"
            + " hook reopen(SnapshotStore)")), failures.toString());
  }
}
