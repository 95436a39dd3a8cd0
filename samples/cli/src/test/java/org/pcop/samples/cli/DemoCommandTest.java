package org.pcop.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcop.model.event.PcopEvent;
import org.pcop.rules.DefaultRules;
import org.pcop.rules.EngagementRecord;
import org.pcop.rules.Evaluation;
import org.pcop.rules.RuleEngine;
import org.pcop.rules.ServiceLevelBreach;
import org.pcop.rules.calendar.UsFederalCalendar;
import org.pcop.samples.cli.community.DemoCommunity;
import org.pcop.samples.cli.folder.DataFolder;
import org.pcop.samples.cli.simulation.SimulatedLog;
import org.pcop.samples.cli.simulation.YearSimulation;

class DemoCommandTest {
  @TempDir
  Path temp;

  private static List<String> storedIds(Path dir) {
    List<String> ids = new ArrayList<>();
    try (DataFolder folder = DataFolder.open(dir)) {
      folder.forEachEvent(e -> ids.add(e.getEventId().value()));
    }
    return ids;
  }

  @Test
  void aSecondRunStoresNothingAndPrintsTheSameReport() throws Exception {
    Path dir = DemoFolders.copyInto(temp);
    List<String> before = storedIds(dir);

    Run again = Run.of("demo", "--data", dir.toString());

    assertEquals(PcopCli.EXIT_OK, again.code(), again::toString);
    assertTrue(again.out().contains(String.format("%,d events were already stored, 0 appended",
        before.size())), again::toString);
    assertEquals(before, storedIds(dir));
    assertEquals(before.size(), new TreeSet<>(before).size(), "no event id is stored twice");
  }

  @Test
  void anInterruptedRunIsCompletedByTheNextOne() {
    YearSimulation plan = YearSimulation.plan(YearSimulation.DEFAULT_SEED,
        YearSimulation.DEFAULT_YEAR);
    List<PcopEvent> log = SimulatedLog.of(plan);
    Path dir = temp.resolve("interrupted");
    try (DataFolder folder = DataFolder.create(dir, plan.community().frame())) {
      folder.append(log.subList(0, 1234), n -> { });
    }

    Run run = Run.of("demo", "--data", dir.toString());

    assertEquals(PcopCli.EXIT_OK, run.code(), run::toString);
    assertTrue(run.out().contains(String.format("%,d events were already stored, %,d appended",
        1234, log.size() - 1234)), run::toString);
    assertTrue(run.err().contains("storing events"), "progress is shown on stderr");
    assertEquals(log.stream().map(e -> e.getEventId().value()).toList(), storedIds(dir));
  }

  @Test
  void theReportCountsWhatTheRulesFindInTheSimulatedYear() throws Exception {
    YearSimulation plan = YearSimulation.plan(YearSimulation.DEFAULT_SEED,
        YearSimulation.DEFAULT_YEAR);
    EngagementRecord record = EngagementRecord.of(plan.community().frame().getCommunities());
    SimulatedLog.of(plan).forEach(record::apply);
    Evaluation evaluation = RuleEngine.evaluate(
        DefaultRules.forCommunity(DemoCommunity.COMMUNITY), record, plan.end(),
        UsFederalCalendar.instance());
    int breaches = evaluation.findings(ServiceLevelBreach.class).size();

    Run run = Run.of("evaluate", "--data", DemoFolders.copyInto(temp).toString());

    assertEquals(PcopCli.EXIT_OK, run.code(), run::toString);
    assertTrue(breaches > 0, "the demo year has breaches to show");
    assertTrue(run.out().contains("Service-level breaches: " + breaches), run::toString);
    for (String section : List.of("Engagement levels", "Dormant memberships",
        "Knowledge gaps", "Participation by site and core area")) {
      assertTrue(run.out().contains(section), () -> section + " missing:\n" + run);
    }
  }

  @Test
  void theSameSeedGivesTheSameLogAndAnotherSeedAnotherOne() {
    List<PcopEvent> first = SimulatedLog.of(YearSimulation.plan(7, 2022));
    List<PcopEvent> second = SimulatedLog.of(YearSimulation.plan(7, 2022));
    List<PcopEvent> other = SimulatedLog.of(YearSimulation.plan(8, 2022));

    assertEquals(first, second);
    assertTrue(!first.equals(other));
    Set<String> ids = new TreeSet<>();
    first.forEach(e -> ids.add(e.getEventId().value()));
    assertEquals(first.size(), ids.size(), "every event has its own id");
  }

  @Test
  void aFolderOfAnotherSeedIsRefusedInOneLine() throws Exception {
    Path dir = DemoFolders.copyInto(temp);
    List<String> before = storedIds(dir);

    Run run = Run.of("demo", "--data", dir.toString(), "--seed", "99");

    assertEquals(PcopCli.EXIT_FAILURE, run.code(), run::toString);
    assertEquals(1, run.errLines().size(), run::toString);
    assertTrue(run.err().startsWith("pcop demo: the data folder " + dir), run::toString);
    assertTrue(run.err().contains("seed 99"), run::toString);
    assertEquals(before, storedIds(dir));
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
