package org.pcop.samples.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.pcop.samples.cli.folder.CommunityState;
import org.pcop.samples.cli.folder.DataFolder;
import org.pcop.samples.cli.report.EngagementReport;
import org.pcop.samples.cli.report.EngagementReports;
import org.pcop.samples.cli.report.HtmlReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pcop report --html FILE}: writes the engagement report of a data folder as a
 * self-contained HTML page with inline SVG charts.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Write the engagement report of a data folder as a self-contained HTML page"
        + " with charts.")
final class ReportCommand implements Callable<Integer> {
  @Mixin
  DataFolderOption data;

  @Mixin
  AsOfOption asOf;

  @Option(names = "--html", paramLabel = "FILE", required = true,
      description = "The HTML file to write (not replaced if it exists, unless --force).")
  Path html;

  @Option(names = "--force", description = "Replace the file if it exists.")
  boolean force;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    try (DataFolder folder = DataFolder.open(data.dir)) {
      java.util.Optional<java.time.Instant> cut =
          asOf.cut(folder.frame().getCommunities().get(0).getTimeZone());
      CommunityState state = CommunityState.replay(folder, cut);
      EngagementReport report = EngagementReports.of(state,
          cut.or(state::lastEventAt).orElseGet(
              () -> asOf.resolve(state.community().getTimeZone(), state.lastEventAt())));
      byte[] page = HtmlReport.render(report).getBytes(StandardCharsets.UTF_8);
      OutputFiles.write(html, force, data.dir, out -> out.write(page));
      spec.commandLine().getOut().println("Wrote the engagement report to " + html);
    }
    return PcopCli.EXIT_OK;
  }
}
