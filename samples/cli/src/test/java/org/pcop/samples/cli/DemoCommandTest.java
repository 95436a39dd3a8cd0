package org.pcop.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcop.model.MembershipStatus;
import org.pcop.model.event.EngagementLevelChanged;
import org.pcop.model.event.MembershipChanged;
import org.pcop.model.event.PcopEvent;
import org.pcop.rules.DefaultRules;
import org.pcop.rules.EngagementRecord;
import org.pcop.rules.Evaluation;
import org.pcop.rules.RuleEngine;
import org.pcop.rules.ServiceLevelBreach;
import org.pcop.rules.calendar.UsFederalCalendar;
import org.pcop.samples.cli.community.DemoCommunity;
import org.pcop.samples.cli.folder.DataFolder;
import org.pcop.samples.cli.folder.EventJson;
import org.pcop.samples.cli.simulation.EngineLogs;
import org.pcop.samples.cli.simulation.EngineSimulation;
import org.pcop.samples.cli.simulation.YearSimulation;
import org.pcop.spi.RecordedEvent;
import org.pcop.spi.StreamId;
import org.pcop.engine.Pcop;

class DemoCommandTest {
  private static final YearSimulation PLAN = YearSimulation.plan(YearSimulation.DEFAULT_SEED,
      YearSimulation.DEFAULT_YEAR);

  @TempDir
  Path temp;

  /** Every stored event of a folder's community stream, in order. */
  private static List<RecordedEvent> stored(Path dir) {
    List<RecordedEvent> events = new ArrayList<>();
    try (DataFolder folder = DataFolder.open(dir)) {
      StreamId stream = StreamId.of("pcop-" + DemoCommunity.COMMUNITY.value());
      List<RecordedEvent> page;
      while (!(page = folder.store().readStream(stream, events.size(), 500)).isEmpty()) {
        events.addAll(page);
      }
    }
    return events;
  }

  private static List<String> ids(List<RecordedEvent> events) {
    return events.stream().map(e -> e.getEvent().getEventId().value()).toList();
  }

  @Test
  void theDemoIsStoredByTheEngineInTheCommunityStreamWithItsMetadata() throws Exception {
    List<RecordedEvent> events = stored(DemoFolders.copyInto(temp));
    String prefix = EngineSimulation.requestIdPrefix(PLAN);
    Set<String> commands = new HashSet<>();

    for (RecordedEvent recorded : events) {
      String command = recorded.getEvent().getMetadata().get("command");
      String requestId = recorded.getEvent().getMetadata().get("requestId");
      assertTrue(Pcop.ACTIONS.contains(command), () -> "engine command of " + recorded);
      assertTrue(requestId.startsWith(prefix), () -> "request id of " + recorded);
      assertTrue(recorded.getEvent().getEventId().value().startsWith(requestId + "."),
          () -> "the engine derives the event id from the request id: " + recorded);
      commands.add(command);
    }

    assertTrue(events.size() > 2000, "a year of events: " + events.size());
    assertTrue(commands.containsAll(List.of("taxonomy.change", "site.register",
        "agency.register", "member.enrol", "membership.appoint", "membership.change",
        "activity.record", "participation.record", "exchange.request", "exchange.approve",
        "exchange.schedule", "exchange.hold", "exchange.document",
        "rfi.post", "rfi.answer", "rfi.accept", "rfi.close", "rules.apply")),
        commands::toString);
    List<PcopEvent> results = events.stream()
        .filter(e -> "rules.apply".equals(e.getEvent().getMetadata().get("command")))
        .map(EventJson::fromData).toList();
    assertTrue(results.stream().anyMatch(EngagementLevelChanged.class::isInstance),
        "month ends record level changes");
    assertTrue(results.stream().anyMatch(e -> e instanceof MembershipChanged m
        && m.getStatus() == MembershipStatus.DORMANT), "month ends record dormancy");
    assertEquals(events.size(), new TreeSet<>(ids(events)).size(), "no event id twice");
  }

  @Test
  void aSecondRunAppendsNothingAndPrintsTheReport() throws Exception {
    Path dir = DemoFolders.copyInto(temp);
    List<RecordedEvent> before = stored(dir);
    int requests = (int) before.stream()
        .map(e -> e.getEvent().getMetadata().get("requestId")).distinct().count();

    Run again = Run.of("demo", "--data", dir.toString());

    assertEquals(PcopCli.EXIT_OK, again.code(), again::toString);
    assertTrue(again.out().startsWith("Resumed " + dir), again::toString);
    assertTrue(again.out().contains(String.format("%,d already stored (acknowledged as"
        + " retries), 0 new; 0 events appended.", requests)), again::toString);
    assertEquals(ids(before), ids(stored(dir)));
    for (String section : List.of("Engagement levels", "Service-level breaches",
        "Dormant memberships", "Knowledge gaps",
        "Participations by site and core area over 365 days")) {
      assertTrue(again.out().contains(section), () -> section + " missing:\n" + again);
    }
  }

  @Test
  void anInterruptedRunIsCompletedByTheNextOneAsIfNeverInterrupted() throws Exception {
    List<String> whole = ids(stored(DemoFolders.copyInto(temp)));
    Path dir = temp.resolve("interrupted");
    int storedRequests;
    try (DataFolder folder = DataFolder.create(dir, PLAN.community().frame())) {
      EngineSimulation.Outcome first = EngineSimulation.over(PLAN, folder.store())
          .run(Set.of(), 1234, n -> { });
      assertFalse(first.finished());
      storedRequests = folder.requestIds().size();
    }

    Run run = Run.of("demo", "--data", dir.toString());

    assertEquals(PcopCli.EXIT_OK, run.code(), run::toString);
    assertTrue(run.out().contains(String.format(": %,d already stored (acknowledged as"
        + " retries)", storedRequests)), run::toString);
    assertTrue(run.err().contains("pcop demo: simulating through the engine"),
        "progress is shown on stderr");
    assertEquals(whole, ids(stored(dir)));
  }

  @Test
  void theReportCountsWhatTheRulesFindInTheStoredYear() throws Exception {
    Path dir = DemoFolders.copyInto(temp);
    EngagementRecord record = EngagementRecord.of(PLAN.community().frame().getCommunities());
    stored(dir).stream().map(EventJson::fromData).forEach(record::apply);
    Evaluation evaluation = RuleEngine.evaluate(
        DefaultRules.forCommunity(DemoCommunity.COMMUNITY), record, PLAN.end(),
        UsFederalCalendar.instance());
    int breaches = evaluation.findings(ServiceLevelBreach.class).size();

    Run run = Run.of("evaluate", "--data", dir.toString());

    assertEquals(PcopCli.EXIT_OK, run.code(), run::toString);
    assertTrue(breaches > 0, "the demo year has breaches to show");
    assertTrue(run.out().contains("Service-level breaches: " + breaches), run::toString);
    for (String section : List.of("Engagement levels", "Dormant memberships",
        "Knowledge gaps", "Participations by site and core area over 365 days")) {
      assertTrue(run.out().contains(section), () -> section + " missing:\n" + run);
    }
  }

  @Test
  void theReportListsWhatIsDueSoonAndWhoOwesIt() throws Exception {
    Path dir = DemoFolders.copyInto(temp);
    List<PcopEvent> log = stored(dir).stream().map(EventJson::fromData).toList();
    java.time.ZoneId zone = PLAN.community().frame().getCommunities().get(0).getTimeZone();
    // The report warns 2 business days ahead of every service level of the default rules.
    List<org.pcop.rules.definition.Rule> warned = new ArrayList<>();
    for (org.pcop.rules.definition.Rule rule
        : DefaultRules.forCommunity(DemoCommunity.COMMUNITY).getRules()) {
      warned.add(rule instanceof org.pcop.rules.definition.ServiceLevelRule level
          ? org.pcop.rules.definition.ImmutableServiceLevelRule.copyOf(level)
              .withWarnBusinessDays(2) : rule);
    }
    org.pcop.rules.definition.RuleSet rules = org.pcop.rules.definition.RuleSet.builder()
        .from(DefaultRules.forCommunity(DemoCommunity.COMMUNITY)).rules(warned).build();
    // The first of these days with something due soon, as the log stood at its end.
    for (String day : List.of("2022-03-15", "2022-04-14", "2022-05-17", "2022-06-15",
        "2022-07-14", "2022-09-15", "2022-10-13", "2022-11-16")) {
      java.time.Instant asOf = java.time.LocalDate.parse(day).plusDays(1).atStartOfDay(zone)
          .toInstant().minusSeconds(60);
      EngagementRecord record = EngagementRecord.of(PLAN.community().frame()
          .getCommunities());
      log.stream().filter(e -> !e.getOccurredAt().isAfter(asOf)).forEach(record::apply);
      int dueSoon = RuleEngine.evaluate(rules, record, asOf, UsFederalCalendar.instance())
          .findings(org.pcop.rules.ServiceLevelWarning.class).size();
      if (dueSoon == 0) {
        continue;
      }
      Run run = Run.of("evaluate", "--data", dir.toString(), "--as-of", day);
      assertEquals(PcopCli.EXIT_OK, run.code(), run::toString);
      assertTrue(run.out().contains("\nDue soon: " + dueSoon + "\n"), run::toString);
      String section = run.out().substring(run.out().indexOf("\nDue soon: ") + 1);
      String first = section.split("\n")[1];
      assertTrue(first.contains(", owed by ") && first.contains("due by the end of 2022-"),
          first);
      return;
    }
    throw new AssertionError("none of the days had anything due soon");
  }

  @Test
  void theSameSeedStoresTheSameEventsAndAnotherSeedOthers() {
    List<String> first = payloads(EngineLogs.firstCommands(YearSimulation.plan(7, 2022), 900));
    List<String> second = payloads(EngineLogs.firstCommands(YearSimulation.plan(7, 2022), 900));
    List<String> other = payloads(EngineLogs.firstCommands(YearSimulation.plan(8, 2022), 900));

    assertEquals(first, second);
    assertNotEquals(first, other);
  }

  private static List<String> payloads(List<RecordedEvent> events) {
    return events.stream().map(e -> e.getEvent().getEventId() + " "
        + e.getEvent().getMetadata() + " " + e.getEvent().getPayloadText()).toList();
  }

  @Test
  void aFolderOfAnotherSeedIsRefusedInOneLine() throws Exception {
    Path dir = DemoFolders.copyInto(temp);
    List<String> before = ids(stored(dir));

    Run run = Run.of("demo", "--data", dir.toString(), "--seed", "99");

    assertEquals(PcopCli.EXIT_FAILURE, run.code(), run::toString);
    assertEquals(1, run.errLines().size(), run::toString);
    assertTrue(run.err().startsWith("pcop demo: the data folder " + dir), run::toString);
    assertTrue(run.err().contains("seed 99"), run::toString);
    assertEquals(before, ids(stored(dir)));
  }

  @Test
  void aYearOutOfRangeIsRefused() {
    Run run = Run.of("demo", "--data", temp.resolve("y").toString(), "--year", "1999");

    assertEquals(PcopCli.EXIT_FAILURE, run.code(), run::toString);
    assertEquals(List.of("pcop demo: --year: the simulated year must be 2020 to 2030, not 1999"),
        run.errLines());
    assertTrue(!DataFolder.exists(temp.resolve("y")));
  }
}
