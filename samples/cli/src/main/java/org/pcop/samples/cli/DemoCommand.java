package org.pcop.samples.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.pcop.model.event.PcopEvent;
import org.pcop.samples.cli.community.DemoCommunity;
import org.pcop.samples.cli.folder.CommunityState;
import org.pcop.samples.cli.folder.DataFolder;
import org.pcop.samples.cli.report.EngagementReports;
import org.pcop.samples.cli.report.TextReport;
import org.pcop.samples.cli.simulation.SimulatedLog;
import org.pcop.samples.cli.simulation.YearSimulation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code pcop demo}: builds the demo community from the bundled PSP reference data, simulates a
 * year of it into the data folder and prints the engagement report as of the year's end. A rerun
 * on the same folder stores only what is missing: the simulation gives every event the same id
 * each time, and the folder refuses an event id twice.
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
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    YearSimulation plan;
    try {
      plan = YearSimulation.plan(seed, year);
    } catch (IllegalArgumentException e) {
      throw new CommandFailure("--year: " + e.getMessage());
    }
    List<PcopEvent> log = SimulatedLog.of(plan);
    boolean existed = DataFolder.exists(data.dir);
    try (DataFolder folder = existed ? DataFolder.open(data.dir)
        : DataFolder.create(data.dir, plan.community().frame())) {
      if (!folder.frame().getCommunities().get(0).getId().equals(DemoCommunity.COMMUNITY)) {
        throw new CommandFailure("the data folder " + data.dir + " holds another community ("
            + folder.frame().getCommunities().get(0).getId() + "); give the demo its own --data"
            + " folder");
      }
      List<String> stored = new ArrayList<>();
      folder.forEachEvent(e -> stored.add(e.getEventId().value()));
      for (int i = 0; i < stored.size(); i++) {
        if (i >= log.size() || !stored.get(i).equals(log.get(i).getEventId().value())) {
          throw new CommandFailure("the data folder " + data.dir + " holds events that are not"
              + " from the demo with seed " + seed + " and year " + year + " (event " + (i + 1)
              + " is " + stored.get(i) + "); give the demo another --data folder or the seed"
              + " and year it was made with");
        }
      }
      List<PcopEvent> missing = log.subList(stored.size(), log.size());
      if (!missing.isEmpty()) {
        folder.append(missing, new Progress(err, "pcop demo: storing events", missing.size()));
      }
      out.printf(Locale.ROOT, "%s %s: the Prosecution Community of Practice at %d PSP sites,"
              + " %d fictional members, year %d simulated with seed %d.%n",
          existed ? "Resumed" : "Created", data.dir, plan.community().sites().size(),
          plan.community().members().size(), year, seed);
      out.printf(Locale.ROOT, "%,d events were already stored, %,d appended.%n%n",
          stored.size(), missing.size());
      CommunityState state = CommunityState.replay(folder);
      TextReport.render(EngagementReports.of(state, plan.end()), out);
    }
    return PcopCli.EXIT_OK;
  }
}
