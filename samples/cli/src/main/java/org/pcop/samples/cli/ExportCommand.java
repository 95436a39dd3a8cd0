package org.pcop.samples.cli;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.pcop.io.CaseLabels;
import org.pcop.io.document.CommunityDocumentFormat;
import org.pcop.io.eventlog.EventLogFormat;
import org.pcop.io.eventlog.EventLogWriter;
import org.pcop.io.roster.RosterCsv;
import org.pcop.io.roster.RosterEntry;
import org.pcop.model.Member;
import org.pcop.samples.cli.folder.CommunityState;
import org.pcop.samples.cli.folder.DataFolder;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pcop export}: writes a data folder's community as a community document (JSON), its
 * event log (NDJSON, streamed; the labels of case references left out unless
 * {@code --include-case-labels}) or its roster (CSV, with formula-like cells neutralised). The
 * file is written whole or not at all; an existing file is replaced only with {@code --force},
 * and nothing is written into the data folder itself.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = "Export a data folder as a community document, an event log or a roster.")
final class ExportCommand implements Callable<Integer> {
  @Mixin
  DataFolderOption data;

  @Mixin
  AsOfOption asOf;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Target target;

  /** Exactly one of the formats. */
  static final class Target {
    @Option(names = "--document", paramLabel = "FILE",
        description = "Write the community document (JSON).")
    Path document;

    @Option(names = "--events", paramLabel = "FILE",
        description = "Write the event log (NDJSON, one event a line).")
    Path events;

    @Option(names = "--roster", paramLabel = "FILE", description = "Write the roster (CSV).")
    Path roster;
  }

  @Option(names = "--include-case-labels",
      description = "With --events: write the labels of case references as they are; by"
          + " default each is left out and only the case's handle is kept. Refused with"
          + " --document and --roster, which hold no case labels.")
  boolean includeCaseLabels;

  @Option(names = "--force", description = "Replace the file if it exists.")
  boolean force;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    if (includeCaseLabels && target.events == null) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--include-case-labels applies to --events only; a community document and a roster"
              + " hold no case labels");
    }
    try (DataFolder folder = DataFolder.open(data.dir)) {
      // With --as-of, everything exported is what the log held at that instant.
      java.util.Optional<java.time.Instant> cut =
          asOf.cut(folder.frame().getCommunities().get(0).getTimeZone());
      if (target.events != null) {
        long[] count = {0, 0};
        OutputFiles.write(target.events, force, data.dir, out -> {
          EventLogWriter writer = EventLogFormat.create().writer(out,
              includeCaseLabels ? CaseLabels.INCLUDED : CaseLabels.LEFT_OUT);
          folder.forEachEvent(event -> {
            if (cut.isPresent() && event.getOccurredAt().isAfter(cut.get())) {
              return;
            }
            try {
              writer.write(event);
            } catch (java.io.IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          });
          writer.flush();
          count[0] = writer.count();
          count[1] = writer.caseLabelsLeftOut();
        });
        report("%,d events to %s", count[0], target.events);
        if (count[1] > 0) {
          spec.commandLine().getOut().println(String.format(Locale.ROOT,
              "Left out %,d case labels (each written as \"%s\", the handle kept);"
                  + " --include-case-labels writes them", count[1], CaseLabels.PLACEHOLDER));
        }
        return PcopCli.EXIT_OK;
      }
      CommunityState state = CommunityState.replay(folder, cut);
      if (target.document != null) {
        OutputFiles.write(target.document, force, data.dir,
            out -> CommunityDocumentFormat.create().write(state.document(), out));
        report("the community document (%d sites, %d agencies, %d members) to %s",
            state.sites().size(), state.agencies().size(), state.members().size(),
            target.document);
      } else {
        List<RosterEntry> entries = new ArrayList<>();
        for (Member member : state.members().values()) {
          entries.add(RosterEntry.of(member, state.agencies().containsKey(member.getAgency())
              ? state.agencies().get(member.getAgency()).getSite() : java.util.Optional.empty()));
        }
        OutputFiles.write(target.roster, force, data.dir, out -> {
          Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
          RosterCsv.create().write(entries, writer);
          writer.flush();
        });
        report("a roster of %d members to %s", entries.size(), target.roster);
      }
    }
    return PcopCli.EXIT_OK;
  }

  private void report(String format, Object... args) {
    spec.commandLine().getOut().println("Exported " + String.format(Locale.ROOT, format, args));
  }
}
