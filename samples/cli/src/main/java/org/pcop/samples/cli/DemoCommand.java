package org.pcop.samples.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.pcop.samples.cli.community.DemoCommunity;
import org.pcop.samples.cli.folder.CommunityState;
import org.pcop.samples.cli.folder.DataFolder;
import org.pcop.samples.cli.report.EngagementReports;
import org.pcop.samples.cli.report.TextReport;
import org.pcop.samples.cli.simulation.EngineSimulation;
import org.pcop.samples.cli.simulation.SimulationException;
import org.pcop.samples.cli.simulation.YearSimulation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code pcop demo}: builds the demo community from the bundled PSP reference data, carries a
 * simulated year of it out through the pcop engine over the data folder's database and prints the
 * engagement report as of the year's end. A rerun on the same folder resumes: every command has
 * the same request id each time, so the engine acknowledges the stored ones as retries and
 * appends only what is missing.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Simulate a year of the Prosecution Community of Practice at the PSP sites"
        + " into a data folder (resuming what is stored) and print the engagement report.")
final class DemoCommand implements Callable<Integer> {
  @Mixin
  DataFolderOption data;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "" + YearSimulation.DEFAULT_SEED,
      description = "The seed of the simulation (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--year", paramLabel = "YEAR", defaultValue = "" + YearSimulation.DEFAULT_YEAR,
      description = "The year simulated, 2020 to 2030 (default: ${DEFAULT-VALUE}).")
  int year;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    try {
      return simulate();
    } catch (CommandFailure e) {
      throw e;
    } catch (RuntimeException e) {
      // A full disk or a damaged database deep in the engine: one plain line. What is stored
      // stays stored, and a rerun resumes from it.
      throw DataFolder.storageProblem(data.dir, e).map(line -> new CommandFailure(line, e))
          .orElseThrow(() -> e);
    }
  }

  private int simulate() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    YearSimulation plan;
    try {
      plan = YearSimulation.plan(seed, year);
    } catch (IllegalArgumentException e) {
      throw new CommandFailure("--year: " + e.getMessage());
    }
    boolean existed = DataFolder.exists(data.dir);
    try (DataFolder folder = existed ? DataFolder.open(data.dir)
        : DataFolder.create(data.dir, plan.community().frame())) {
      if (!folder.frame().getCommunities().get(0).getId().equals(DemoCommunity.COMMUNITY)) {
        throw new CommandFailure("the data folder " + data.dir + " holds another community ("
            + folder.frame().getCommunities().get(0).getId() + "); give the demo its own --data"
            + " folder");
      }
      String prefix = EngineSimulation.requestIdPrefix(plan);
      Set<String> stored = folder.requestIds();
      for (String id : stored) {
        if (!id.startsWith(prefix)) {
          throw new CommandFailure("the data folder " + data.dir + " holds events that are not"
              + " from the demo with seed " + seed + " and year " + year + " (request "
              + (id.isEmpty() ? "without an id" : id) + "); give the demo another --data"
              + " folder or the seed and year it was made with");
        }
      }
      EngineSimulation simulation = EngineSimulation.over(plan, folder.store());
      EngineSimulation.Outcome outcome;
      try {
        outcome = simulation.run(stored, Long.MAX_VALUE, new Progress(err,
            "pcop demo: simulating through the engine, step",
            simulation.stepCount()));
      } catch (SimulationException e) {
        throw DataFolder.storageProblem(data.dir, e).map(line -> new CommandFailure(line, e))
            .orElseGet(() -> new CommandFailure(e.getMessage(), e));
      } catch (IllegalArgumentException e) {
        throw new CommandFailure("the data folder " + data.dir + " holds a " + e.getMessage()
            + "; give the demo another --data folder or the seed and year it was made with");
      }
      out.printf(Locale.ROOT, "%s %s: the Prosecution Community of Practice at %d PSP sites,"
              + " %d fictional members, year %d simulated with seed %d.%n",
          existed ? "Resumed" : "Created", data.dir, plan.community().sites().size(),
          plan.community().members().size(), year, seed);
      out.printf(Locale.ROOT, "%,d commands through the engine: %,d already stored"
              + " (acknowledged as retries), %,d new; %,d events appended.%n",
          outcome.commands(), outcome.retries(), outcome.commands() - outcome.retries(),
          outcome.eventsAppended());
      out.printf(Locale.ROOT, "The demo host received %,d audit records and %,d"
          + " notifications.%n%n", outcome.auditRecords(), outcome.notifications());
      CommunityState state = CommunityState.replay(folder);
      TextReport.render(EngagementReports.of(state, plan.end()), out);
    }
    return PcopCli.EXIT_OK;
  }
}
