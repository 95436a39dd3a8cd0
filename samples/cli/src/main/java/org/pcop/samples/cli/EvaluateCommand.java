package org.pcop.samples.cli;

import java.util.concurrent.Callable;
import org.pcop.samples.cli.folder.CommunityState;
import org.pcop.samples.cli.folder.DataFolder;
import org.pcop.samples.cli.report.EngagementReports;
import org.pcop.samples.cli.report.TextReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code pcop evaluate}: evaluates the default rule set over a data folder as of an instant and
 * prints the engagement report. Reads the folder only.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
    description = "Evaluate the default rule set against a data folder and print the engagement"
        + " report.")
final class EvaluateCommand implements Callable<Integer> {
  @Mixin
  DataFolderOption data;

  @Mixin
  AsOfOption asOf;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    try (DataFolder folder = DataFolder.open(data.dir)) {
      java.util.Optional<java.time.Instant> cut =
          asOf.cut(folder.frame().getCommunities().get(0).getTimeZone());
      CommunityState state = CommunityState.replay(folder, cut);
      TextReport.render(EngagementReports.of(state,
          cut.or(state::lastEventAt).orElseGet(
              () -> asOf.resolve(state.community().getTimeZone(), state.lastEventAt()))),
          spec.commandLine().getOut());
    }
    return PcopCli.EXIT_OK;
  }
}
