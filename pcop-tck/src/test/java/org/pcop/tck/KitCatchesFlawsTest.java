package org.pcop.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The kit catches every broken guarantee: run through the JUnit launcher against a store that
 * breaks one guarantee, the kit fails the rule of that guarantee with a message that names the
 * store and the rule. A store that breaks nothing passes with every rule run.
 */
class KitCatchesFlawsTest {
  /** Runs a kit class; returns the summary. */
  private static TestExecutionSummary run(Class<?> kit) {
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    LauncherFactory.create().execute(request().selectors(selectClass(kit)).build(), listener);
    return listener.getSummary();
  }

  /** The failure messages by test display name. */
  private static Map<String, String> failures(TestExecutionSummary summary) {
    Map<String, String> failures = new TreeMap<>();
    summary.getFailures().forEach(f -> failures.put(f.getTestIdentifier().getDisplayName(),
        String.valueOf(f.getException().getMessage())));
    return failures;
  }

  private static void assertCaught(Class<?> kit, String flaw, String rule, String guarantee) {
    assertCaughtIn(kit, "FlawedEventStore(" + flaw + ")", rule, guarantee);
  }

  private static void assertCaughtIn(Class<?> kit, String adapter, String rule,
      String guarantee) {
    Map<String, String> failures = failures(run(kit));
    String prefix = "[" + adapter + "] broke " + rule + " (" + guarantee + "): ";
    List<String> ofRule = failures.entrySet().stream()
        .filter(e -> e.getKey().startsWith(rule + " ")).map(Map.Entry::getValue)
        .collect(java.util.stream.Collectors.toList());
    assertEquals(1, ofRule.size(), "the kit must fail " + rule + "; it failed " + failures);
    assertTrue(ofRule.get(0).startsWith(prefix), ofRule.get(0));
    failures.values().forEach(message -> assertTrue(
        message.startsWith("[" + adapter + "] broke R"),
        "every failure names the store and a rule: " + message));
  }

  @Test
  void aSoundStoreWithEveryHookPassesEveryRule() {
    TestExecutionSummary summary = run(FlawedKits.Sound.class);
    assertEquals(Map.of(), failures(summary));
    assertEquals(0, summary.getTestsAbortedCount(), "no rule may be skipped");
    long rules = java.util.Arrays.stream(EventStoreCompatibilityKit.class.getDeclaredClasses())
        .flatMap(nested -> java.util.Arrays.stream(nested.getDeclaredMethods()))
        .filter(method -> method.isAnnotationPresent(Test.class)).count();
    assertTrue(rules >= 18, "the kit has " + rules + " rules");
    assertEquals(rules, summary.getTestsSucceededCount(), "every rule must run and pass");
  }

  @Test
  void catchesAStoreThatDuplicatesOnRetry() {
    assertCaught(FlawedKits.DuplicatesOnRetry.class, "DUPLICATES_ON_RETRY", "R121",
        "idempotent retry");
  }

  @Test
  void catchesAStoreThatIgnoresTheExpectedVersion() {
    assertCaught(FlawedKits.IgnoresExpectedVersion.class, "IGNORES_EXPECTED_VERSION", "R111",
        "expected version: no stream");
    assertCaught(FlawedKits.IgnoresExpectedVersion.class, "IGNORES_EXPECTED_VERSION", "R112",
        "expected version: exact");
  }

  @Test
  void catchesAStoreThatWritesHalfABatch() {
    assertCaught(FlawedKits.WritesHalfABatch.class, "WRITES_HALF_A_BATCH", "R131",
        "atomic batch");
  }

  @Test
  void catchesAStoreThatReordersTheGlobalLog() {
    assertCaught(FlawedKits.ReordersGlobalLog.class, "REORDERS_GLOBAL_LOG", "R151",
        "gap-free global order");
    assertCaught(FlawedKits.ReordersGlobalLog.class, "REORDERS_GLOBAL_LOG", "R152",
        "stable global order");
  }

  @Test
  void catchesAStoreThatLosesAPayloadByte() {
    assertCaught(FlawedKits.LosesAPayloadByte.class, "LOSES_A_PAYLOAD_BYTE", "R102",
        "payload round trip");
  }

  @Test
  void catchesAStoreThatRacesUnderConcurrency() {
    assertCaught(FlawedKits.RacesUnderConcurrency.class, "RACES_UNDER_CONCURRENCY", "R141",
        "one winner under concurrency");
  }

  @Test
  void catchesAStoreThatForgetsOnReopen() {
    assertCaught(FlawedKits.ForgetsOnReopen.class, "FORGETS_ON_REOPEN", "R161", "durability");
  }

  @Test
  void catchesADirectoryThatDeletesPeopleWhoLeave() {
    assertCaughtIn(FlawedProviders.DeletesPeople.class,
        FlawedProviders.DeletingDirectory.class.getName(), "R204",
        "deactivated, never deleted");
  }

  @Test
  void catchesANotificationSinkThatDeliversARetryTwice() {
    assertCaughtIn(FlawedProviders.DuplicatesNotifications.class,
        FlawedProviders.DuplicatingSink.class.getName(), "R302", "once per id");
    assertCaughtIn(FlawedProviders.DuplicatesNotifications.class,
        FlawedProviders.DuplicatingSink.class.getName(), "R303", "concurrent hand-overs");
  }

  @Test
  void catchesAnAuditSinkThatSortsRecords() {
    assertCaughtIn(FlawedProviders.SortsAuditRecords.class,
        FlawedProviders.SortingAuditSink.class.getName(), "R402", "order per request");
  }

  @Test
  void catchesAnAuditSinkThatLosesRecordsUnderConcurrency() {
    assertCaughtIn(FlawedProviders.RacesAuditRecords.class,
        FlawedProviders.RacingAuditSink.class.getName(), "R403", "concurrent records");
  }

  @Test
  void catchesAPolicyThatMatchesActionsByPrefix() {
    assertCaughtIn(FlawedProviders.MatchesActionsByPrefix.class,
        FlawedProviders.PrefixPolicy.class.getName(), "R502", "nothing more than granted");
  }

  @Test
  void catchesAPolicyThatLetsOutsidersResolveCases() {
    assertCaughtIn(FlawedProviders.ResolvesForOutsiders.class,
        FlawedProviders.OverreachingPolicy.class.getName(), "R504", "case team only");
  }

  @Test
  void catchesAMappingThatLetsAnyoneActForAnyone() {
    assertCaughtIn(FlawedProviders.LetsAnyoneActForAnyone.class,
        FlawedProviders.PermissiveMapping.class.getName(), "R603",
        "no acting for others unless allowed");
  }
}
