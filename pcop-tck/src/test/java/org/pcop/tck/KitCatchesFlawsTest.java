package org.pcop.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.pcop.spi.AuditSink;
import org.pcop.spi.NotificationSink;

/**
 * The kit catches every broken guarantee: run through the JUnit launcher against a store that
 * breaks one guarantee, the kit fails the rule of that guarantee with a message that names the
 * store and the rule. A store that breaks nothing passes with every rule run, and nothing is
 * skipped that the adapter did not declare.
 */
class KitCatchesFlawsTest {
  /** What one launcher run of kit classes showed. */
  static final class Run implements TestExecutionListener {
    final SummaryGeneratingListener summary = new SummaryGeneratingListener();
    final List<String> entries = new ArrayList<>();
    final Map<String, String> aborted = new TreeMap<>();
    /** For each rule run: the class its result is filed under, and that class's name. */
    final List<String> filedUnder = new ArrayList<>();
    private TestPlan plan;

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
      plan = testPlan;
    }

    @Override
    public void reportingEntryPublished(TestIdentifier test, ReportEntry entry) {
      entries.addAll(entry.getKeyValuePairs().values());
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
      if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
        aborted.put(test.getDisplayName(), result.getThrowable()
            .map(Throwable::getMessage).orElse(""));
      }
      if (test.isTest()) {
        String source = test.getSource().filter(MethodSource.class::isInstance)
            .map(s -> ((MethodSource) s).getClassName()).orElse("?");
        String parent = plan.getParent(test).map(TestIdentifier::getDisplayName).orElse("?");
        filedUnder.add(source.substring(source.lastIndexOf('.') + 1) + " = " + parent);
      }
    }

    TestExecutionSummary summary() {
      return summary.getSummary();
    }
  }

  /** Runs kit classes in one launcher request. */
  static Run run(Class<?>... kits) {
    Run run = new Run();
    LauncherFactory.create().execute(request().selectors(Arrays.stream(kits)
        .map(kit -> selectClass(kit)).collect(Collectors.toList())).build(), run.summary, run);
    return run;
  }

  /** The failure messages by test display name. */
  static Map<String, String> failures(TestExecutionSummary summary) {
    Map<String, String> failures = new TreeMap<>();
    summary.getFailures().forEach(f -> failures.put(f.getTestIdentifier().getDisplayName(),
        String.valueOf(f.getException().getMessage())));
    return failures;
  }

  private static String assertCaught(Class<?> kit, String flaw, String rule, String guarantee) {
    return assertCaughtIn(kit, "FlawedEventStore(" + flaw + ")", rule, guarantee);
  }

  /** Asserts that the kit fails the rule, naming the adapter; returns the failure message. */
  private static String assertCaughtIn(Class<?> kit, String adapter, String rule,
      String guarantee) {
    return assertFailedWith(kit, adapter, rule,
        "[" + adapter + "] broke " + rule + " (" + guarantee + "): ");
  }

  private static String assertFailedWith(Class<?> kit, String adapter, String rule,
      String prefix) {
    Map<String, String> failures = failures(run(kit).summary());
    List<String> ofRule = failures.entrySet().stream()
        .filter(e -> e.getKey().startsWith(rule + " ")).map(Map.Entry::getValue)
        .collect(Collectors.toList());
    assertEquals(1, ofRule.size(), "the kit must fail " + rule + "; it failed " + failures);
    assertTrue(ofRule.get(0).startsWith(prefix), ofRule.get(0));
    failures.values().forEach(message -> assertTrue(
        message.matches("(?s)\\[\\Q" + adapter + "\\E\\] (broke|left) R\\d{3} .*"),
        "every failure names the store and a rule: " + message));
    return ofRule.get(0);
  }

  /** Asserts that the kit fails the rule as unchecked, naming the hook to provide. */
  private static void assertUnchecked(Class<?> kit, String adapter, String rule,
      String guarantee, String hook, String declaration) {
    String message = assertFailedWith(kit, adapter, rule,
        "[" + adapter + "] left " + rule + " (" + guarantee + ") unchecked: ");
    assertTrue(message.contains("the hook " + hook) && message.contains(declaration), message);
  }

  private static long rulesOf(Class<?> kit) {
    return Arrays.stream(kit.getDeclaredMethods())
        .filter(method -> method.isAnnotationPresent(Test.class)).count();
  }

  @Test
  void aSoundStoreWithEveryHookPassesEveryRule() {
    Run run = run(FlawedKits.Sound.class);
    TestExecutionSummary summary = run.summary();
    assertEquals(Map.of(), failures(summary));
    assertEquals(0, summary.getTestsAbortedCount(), "no rule may be skipped");
    long rules = rulesOf(EventStoreCompatibilityKit.class);
    assertTrue(rules >= 19, "the kit has " + rules + " rules");
    assertEquals(rules, summary.getTestsSucceededCount(), "every rule must run and pass");
    assertEquals(List.of("pcop-tck [FlawedEventStore(NONE)] EventStoreCompatibilityKit: " + rules
        + " rules checked (" + rules + " passed, 0 failed); declared unsupported: none;"
        + " skipped: none"), run.entries);
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

  @Test
  void catchesAStoreThatNormalisesPayloadText() {
    String message = assertCaught(FlawedKits.NormalisesText.class, "NORMALISES_TEXT", "R104",
        "payload text round trip");
    assertTrue(message.contains("decomposed (NFD)"), message);
  }

  @Test
  void catchesAStoreThatTrimsPayloadText() {
    String message = assertCaught(FlawedKits.TrimsText.class, "TRIMS_TEXT", "R104",
        "payload text round trip");
    assertTrue(message.contains("white space at both ends"), message);
  }

  @Test
  void catchesAStoreThatAcknowledgesARetryAtTheTimeOfTheAttempt() {
    String message = assertCaught(FlawedKits.RetryAcknowledgedAtItsOwnTime.class,
        "RETRY_ACKNOWLEDGED_AT_ITS_OWN_TIME", "R105", "acknowledged time of recording");
    assertTrue(message.contains("original batch's time of recording"), message);
  }

  @Test
  void catchesAHalfWayHookThatFailsBeforeAnythingIsWritten() {
    String message = assertCaught(FlawedKits.FailsBeforeWriting.class, "FAILS_BEFORE_WRITING",
        "R131", "atomic batch");
    assertTrue(message.contains("the hook failHalfWayThroughNextAppend(EventStore)")
        && message.contains("reported 0 written before the failure"), message);
  }

  @Test
  void catchesAReopenHookThatReturnsTheSameInstance() {
    String message = assertCaught(FlawedKits.ReopensTheSameInstance.class,
        "REOPENS_THE_SAME_INSTANCE", "R161", "durability");
    assertTrue(message.contains("the hook reopen(EventStore) returned the same store instance"),
        message);
  }

  @Test
  void catchesAStoreThatLosesEverythingOnReopen() {
    String message = assertCaught(FlawedKits.LosesEverythingOnReopen.class,
        "LOSES_EVERYTHING_ON_REOPEN", "R161", "durability");
    assertTrue(message.contains("every committed event must survive reopening"), message);
  }

  @Test
  void catchesAStoreWhoseIdempotencyLivesInACache() {
    String message = assertCaught(FlawedKits.IdempotencyInACache.class, "IDEMPOTENCY_IN_A_CACHE",
        "R161", "durability");
    assertTrue(message.contains("a retry went unrecognised after reopening"), message);
  }

  @Test
  void failsAtomicBatchesAndDurabilityWhenTheHooksAreMissing() {
    String adapter = "FlawedEventStore(WRITES_HALF_A_BATCH) without hooks";
    assertUnchecked(FlawedKits.WritesHalfABatchWithoutHooks.class, adapter, "R131",
        "atomic batch", "failHalfWayThroughNextAppend(EventStore)", "Guarantee.ATOMIC_BATCHES");
    assertUnchecked(FlawedKits.WritesHalfABatchWithoutHooks.class, adapter, "R161",
        "durability", "reopen(EventStore)", "Guarantee.DURABILITY");
    assertUnchecked(FlawedKits.LosesEverythingWithoutHooks.class,
        "FlawedEventStore(LOSES_EVERYTHING_ON_REOPEN) without hooks", "R161", "durability",
        "reopen(EventStore)", "Guarantee.DURABILITY");
    assertUnchecked(FlawedKits.IdempotencyInACacheWithoutHooks.class,
        "FlawedEventStore(IDEMPOTENCY_IN_A_CACHE) without hooks", "R161", "durability",
        "reopen(EventStore)", "Guarantee.DURABILITY");
    Run run = run(FlawedKits.WritesHalfABatchWithoutHooks.class);
    assertEquals(0, run.summary().getTestsAbortedCount(), "nothing may be skipped");
    assertEquals(List.of("pcop-tck [" + adapter + "] EventStoreCompatibilityKit: "
        + rulesOf(EventStoreCompatibilityKit.class) + " rules checked ("
        + (rulesOf(EventStoreCompatibilityKit.class) - 2) + " passed, 2 failed: R131, R161);"
        + " declared unsupported: none; skipped: none"), run.entries);
  }

  @Test
  void aDeclaredLimitationIsReportedAsSuchAndNotChecked() {
    Run run = run(FlawedKits.DeclaresLimitations.class);
    String adapter = "FlawedEventStore(NONE) declaring no atomic batches and no durability";
    assertEquals(Map.of(), failures(run.summary()));
    assertEquals(2, run.summary().getTestsAbortedCount());
    List<String> aborted = new ArrayList<>(run.aborted.values());
    assertEquals(List.of("[" + adapter + "] declares that it does not offer R131 (atomic batch):"
        + " cannot inject a failure in the middle of a batch", "[" + adapter + "] declares that"
        + " it does not offer R161 (durability): keeps events in memory only"), aborted);
    long rules = rulesOf(EventStoreCompatibilityKit.class);
    assertEquals(List.of("pcop-tck [" + adapter + "] EventStoreCompatibilityKit: " + (rules - 2)
        + " rules checked (" + (rules - 2) + " passed, 0 failed); declared unsupported: R131"
        + " (cannot inject a failure in the middle of a batch), R161 (keeps events in memory"
        + " only); skipped: none"), run.entries);
  }

  @Test
  void eachAdaptersResultsAreFiledUnderItsOwnName() {
    Run run = run(FlawedKits.Sound.class, FlawedKits.TrimsText.class);
    long rules = rulesOf(EventStoreCompatibilityKit.class);
    assertEquals(2 * rules, run.filedUnder.size(), run.filedUnder.toString());
    assertEquals(rules, run.filedUnder.stream()
        .filter("FlawedKits$Sound = FlawedEventStore(NONE)"::equals).count(),
        "every rule of the sound store is filed under its class and name: " + run.filedUnder);
    assertEquals(rules, run.filedUnder.stream()
        .filter("FlawedKits$TrimsText = FlawedEventStore(TRIMS_TEXT)"::equals).count(),
        "every rule of the trimming store is filed under its class and name: "
            + run.filedUnder);
  }

  @Test
  void theSinkKitsRequireTheObservationTheyCheck() throws NoSuchMethodException {
    assertTrue(Modifier.isAbstract(NotificationSinkCompatibilityKit.class
        .getDeclaredMethod("delivered", NotificationSink.class).getModifiers()));
    assertTrue(Modifier.isAbstract(AuditSinkCompatibilityKit.class
        .getDeclaredMethod("recorded", AuditSink.class).getModifiers()));
    assertCaughtIn(FlawedProviders.DeliversNothing.class,
        FlawedProviders.SilentSink.class.getName(), "R301", "delivered as given");
  }

  @Test
  void catchesAnAuditSinkThatDropsEveryTenthRecord() {
    assertCaughtIn(FlawedProviders.DropsAuditRecords.class,
        FlawedProviders.DroppingAuditSink.class.getName(), "R403", "concurrent records");
  }

  @Test
  void theReferenceProvidersPassWithNothingSkippedThatTheyDidNotDeclare() {
    Run run = run(InMemoryEventStoreCompatibilityTest.class,
        InMemoryMemberDirectoryCompatibilityTest.class,
        InMemoryNotificationSinkCompatibilityTest.class, InMemoryAuditSinkCompatibilityTest.class,
        InMemoryAccessPolicyCompatibilityTest.class,
        InMemoryIdentityMappingCompatibilityTest.class);
    assertEquals(Map.of(), failures(run.summary()));
    assertEquals(Map.of("R161 committed events survive reopening the store, with their"
        + " positions, and retries are still recognised", "[InMemoryEventStore] declares that it"
        + " does not offer R161 (durability): keeps events in memory only; nothing survives the"
        + " process"), run.aborted);
    long rules = rulesOf(EventStoreCompatibilityKit.class)
        + rulesOf(MemberDirectoryCompatibilityKit.class)
        + rulesOf(NotificationSinkCompatibilityKit.class)
        + rulesOf(AuditSinkCompatibilityKit.class) + rulesOf(AccessPolicyCompatibilityKit.class)
        + rulesOf(IdentityMappingCompatibilityKit.class);
    assertEquals(rules - 1, run.summary().getTestsSucceededCount());
    assertEquals(6, run.entries.size(), run.entries.toString());
    run.entries.forEach(line -> assertTrue(line.endsWith("skipped: none"), line));
  }
}
