package org.pcop.samples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.pcop.io.ImportException;
import org.pcop.io.ImportResult;
import org.pcop.io.document.CommunityDocument;
import org.pcop.io.document.CommunityDocumentFormat;
import org.pcop.io.eventlog.EventLogFormat;
import org.pcop.io.eventlog.EventLogReader;
import org.pcop.io.roster.RosterCsv;
import org.pcop.io.roster.RosterEntry;
import org.pcop.model.InvalidValueException;
import org.pcop.model.Member;
import org.pcop.model.MemberId;
import org.pcop.model.MembershipRole;
import org.pcop.model.MembershipStatus;
import org.pcop.model.event.EventId;
import org.pcop.model.event.MemberEnrolled;
import org.pcop.model.event.MembershipChanged;
import org.pcop.model.event.PcopEvent;
import org.pcop.samples.cli.folder.CommunityState;
import org.pcop.samples.cli.folder.DataFolder;
import org.pcop.samples.cli.folder.DataFolderException;
import org.pcop.samples.cli.folder.DocumentEvents;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pcop import}: reads a community document into a new data folder, or an event log or a
 * roster into an existing one. An import applies nothing unless the whole file is valid and
 * fits the folder's community; the error names the line, row or JSON pointer at fault. Long
 * imports report their progress on the error stream.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = "Import a community document into a new data folder, or an event log or a"
        + " roster into an existing one. Nothing is applied unless the whole file is valid.")
final class ImportCommand implements Callable<Integer> {
  @Mixin
  DataFolderOption data;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  /** Exactly one of the formats. */
  static final class Source {
    @Option(names = "--document", paramLabel = "FILE",
        description = "A community document (JSON); the data folder must not exist yet.")
    Path document;

    @Option(names = "--events", paramLabel = "FILE",
        description = "An event log (NDJSON) appended to the data folder's log.")
    Path events;

    @Option(names = "--roster", paramLabel = "FILE",
        description = "A roster (CSV): new members are enrolled and join the community, known"
            + " ones are updated.")
    Path roster;
  }

  @Option(names = "--frame-only",
      description = "With --document: take only the program, community and taxonomies, for a"
          + " data folder to be filled from an event log.")
  boolean frameOnly;

  @Option(names = "--actor", paramLabel = "MEMBER", defaultValue = "import",
      description = "Who the imported registrations are recorded as (default: ${DEFAULT-VALUE}).")
  String actor;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    MemberId actorId;
    try {
      actorId = MemberId.of(actor);
    } catch (InvalidValueException e) {
      throw new CommandFailure("--actor: " + e.getMessage());
    }
    if (frameOnly && source.document == null) {
      throw new CommandFailure("--frame-only goes with --document");
    }
    if (source.document != null) {
      importDocument(source.document, actorId);
    } else if (source.events != null) {
      importEvents(source.events);
    } else {
      importRoster(source.roster, actorId);
    }
    return PcopCli.EXIT_OK;
  }

  private void importDocument(Path file, MemberId actorId) throws IOException {
    requireFile(file);
    if (DataFolder.exists(data.dir)) {
      throw new CommandFailure("the data folder " + data.dir + " already holds a community;"
          + " import a community document into a new folder");
    }
    ImportResult<CommunityDocument> read = CommunityDocumentFormat.create().read(file);
    CommunityDocument document = valid(file, read);
    CommunityDocument frame = DocumentEvents.frame(document);
    List<PcopEvent> events = frameOnly ? List.of()
        : DocumentEvents.of(document, actorId, Instant.now(), EventId::random);
    CommunityState check = new CommunityState(frame);
    for (PcopEvent event : events) {
      check.apply(event);
    }
    try (DataFolder folder = write(() -> DataFolder.create(data.dir, frame, events))) {
      progress("events", events.size()).accept(events.size());
    }
    if (frameOnly) {
      done("the frame of %s (program, community and taxonomies)", file);
    } else {
      done("the community document %s: %d sites, %d agencies, %d members, %d memberships",
          file, document.getSites().size(), document.getAgencies().size(),
          document.getMembers().size(), document.getMemberships().size());
    }
  }

  private void importEvents(Path file) throws IOException {
    requireFile(file);
    try (DataFolder folder = DataFolder.open(data.dir)) {
      CommunityState state = CommunityState.replay(folder);
      // Every line's syntax and references in one pass, against what the folder holds.
      ImportResult<Long> checked = EventLogFormat.create().check(file, state.knownIds());
      long total = valid(file, checked);
      Set<EventId> stored = new HashSet<>();
      folder.forEachEvent(e -> stored.add(e.getEventId()));
      List<PcopEvent> events = new ArrayList<>();
      try (EventLogReader reader = EventLogFormat.create().reader(file)) {
        while (reader.hasNext()) {
          PcopEvent event = reader.next();
          if (stored.contains(event.getEventId())) {
            throw new CommandFailure(file + " line " + reader.lineNumber() + ": event "
                + event.getEventId() + " is already stored in " + data.dir
                + "; nothing was imported");
          }
          try {
            state.apply(event);
          } catch (InvalidValueException e) {
            throw new CommandFailure(file + " line " + reader.lineNumber() + ": "
                + e.getMessage() + "; nothing was imported");
          }
          stored.add(event.getEventId());
          events.add(event);
        }
      }
      // One transaction: all of the file or nothing, also when the disk fills or the process
      // dies half way.
      write(() -> {
        folder.appendAll(events);
        return null;
      });
      progress("events", total).accept(events.size());
      done("%,d events from %s", events.size(), file);
    }
  }

  private void importRoster(Path file, MemberId actorId) throws IOException {
    requireFile(file);
    try (DataFolder folder = DataFolder.open(data.dir)) {
      CommunityState state = CommunityState.replay(folder);
      // Every row's cells and references (agency, site and whether it is the agency's, expertise
      // topics) in one pass, so every bad row shows at once.
      ImportResult<List<RosterEntry>> read;
      try (InputStream in = Files.newInputStream(file)) {
        read = RosterCsv.create().read(in, state.knownIds());
      }
      List<RosterEntry> entries = valid(file, read);
      Instant now = Instant.now();
      List<PcopEvent> events = new ArrayList<>();
      int added = 0;
      int updated = 0;
      for (int i = 0; i < entries.size(); i++) {
        Member member = entries.get(i).getMember();
        if (!state.agencies().containsKey(member.getAgency())) {
          throw new CommandFailure(file + " row " + (i + 2) + ": agency " + member.getAgency()
              + " is not registered in " + data.dir + "; nothing was imported");
        }
        Member known = state.members().get(member.getId());
        if (member.equals(known)) {
          continue;
        }
        events.add(MemberEnrolled.builder().eventId(EventId.random()).actor(actorId)
            .occurredAt(now).member(member).build());
        if (known == null) {
          added++;
          events.add(MembershipChanged.builder().eventId(EventId.random()).actor(actorId)
              .occurredAt(now).member(member.getId()).community(state.community().getId())
              .role(MembershipRole.MEMBER).status(MembershipStatus.ACTIVE)
              .reason("imported from a roster").build());
        } else {
          updated++;
        }
      }
      for (PcopEvent event : events) {
        state.apply(event);
      }
      write(() -> {
        folder.appendAll(events);
        return null;
      });
      progress("events", events.size()).accept(events.size());
      done("%d new and %d updated members from %s", added, updated, file);
    }
  }

  /**
   * Runs the write of an import, which stores everything or nothing, and says so when it fails.
   */
  private static <T> T write(java.util.function.Supplier<T> write) {
    try {
      return write.get();
    } catch (DataFolderException e) {
      throw new CommandFailure("nothing was imported: " + e.getMessage(), e);
    }
  }

  private static void requireFile(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new CommandFailure("no such file: " + file);
    }
  }

  /**
   * The result if valid. Otherwise every error kept (at most the read limit's count) goes to the
   * error stream, one a line, before the command's own line, which says how many there were.
   */
  private <T> T valid(Path file, ImportResult<T> result) {
    if (!result.isValid()) {
      ImportException e = new ImportException(file.toString(), result.errors(),
          result.omittedErrorCount());
      long count = result.errors().size() + result.omittedErrorCount();
      if (count == 1) {
        throw new CommandFailure(file + ": " + PcopCli.describe(e) + "; nothing was imported",
            e);
      }
      java.io.PrintWriter err = spec.commandLine().getErr();
      for (org.pcop.io.ImportError error : result.errors()) {
        err.println("  " + PcopCli.oneLine(error.toString()));
      }
      if (result.omittedErrorCount() > 0) {
        err.printf(Locale.ROOT, "  and %,d more errors%n", result.omittedErrorCount());
      }
      throw new CommandFailure(String.format(Locale.ROOT, "%s: %,d errors (%s above);"
          + " nothing was imported", file, count, result.omittedErrorCount() == 0 ? "listed"
          : "the first " + result.errors().size()), e);
    }
    return result.orElseThrow();
  }

  private Progress progress(String what, long total) {
    return new Progress(spec.commandLine().getErr(), "pcop import: " + what, total);
  }

  private void done(String format, Object... args) {
    spec.commandLine().getOut().println("Imported " + String.format(Locale.ROOT, format, args)
        + " into " + data.dir);
  }
}
