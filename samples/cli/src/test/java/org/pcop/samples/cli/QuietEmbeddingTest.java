package org.pcop.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A host application that embeds pcop and configures no logging sees nothing on its error
 * stream: no SLF4J warning about a missing provider, no Hibernate Validator version line. The
 * host is a module of its own, compiled here and run in a child JVM on the module path next to
 * the pcop modules and their dependencies, as a host would run it; it validates a member
 * (Hibernate Validator, libphonenumber), evaluates the default rule set with the US federal
 * calendar, and writes and reads an event log.
 */
class QuietEmbeddingTest {
  @TempDir
  Path temp;

  private static final String MODULE = """
      module quiet.host {
        requires org.pcop.io;
      }
      """;

  private static final String HOST = """
      package quiet.host;

      import java.io.ByteArrayInputStream;
      import java.io.ByteArrayOutputStream;
      import java.time.Instant;
      import java.time.LocalDate;
      import java.time.ZoneId;
      import java.util.List;
      import org.pcop.io.eventlog.EventLogFormat;
      import org.pcop.model.AgencyId;
      import org.pcop.model.Community;
      import org.pcop.model.CommunityId;
      import org.pcop.model.Member;
      import org.pcop.model.MemberId;
      import org.pcop.model.ProgramId;
      import org.pcop.model.event.EventId;
      import org.pcop.model.event.MemberEnrolled;
      import org.pcop.model.event.PcopEvent;
      import org.pcop.model.taxonomy.TaxonomyId;
      import org.pcop.model.validation.ModelValidator;
      import org.pcop.rules.DefaultRules;
      import org.pcop.rules.EngagementRecord;
      import org.pcop.rules.Evaluation;
      import org.pcop.rules.RuleEngine;
      import org.pcop.rules.calendar.UsFederalCalendar;

      public final class Main {
        public static void main(String[] args) throws Exception {
          var member = Member.builder().id(MemberId.of("m-1")).name("Jordan Reyes")
              .agency(AgencyId.of("a-1")).email("not an email").phone("+1 901 222 1300")
              .build();
          try (ModelValidator validator = ModelValidator.create()) {
            if (validator.validate(member).isEmpty()) {
              throw new AssertionError("the bad email was not found");
            }
          }
          Community community = Community.builder().id(CommunityId.of("c-1"))
              .program(ProgramId.of("psp")).name("PCoP").taxonomy(TaxonomyId.of("psp"))
              .timeZone(ZoneId.of("America/Chicago")).build();
          Instant at = Instant.parse("2026-03-02T15:00:00Z");
          PcopEvent enrolled = MemberEnrolled.builder().eventId(EventId.of("e-1"))
              .actor(MemberId.of("m-1")).occurredAt(at)
              .member(member.withEmail("jordan.reyes@example.org")).build();
          ByteArrayOutputStream log = new ByteArrayOutputStream();
          try (var writer = EventLogFormat.create().writer(log)) {
            writer.write(enrolled);
          }
          List<PcopEvent> read;
          try (var events = EventLogFormat.create()
              .reader(new ByteArrayInputStream(log.toByteArray())).stream()) {
            read = events.toList();
          }
          EngagementRecord record = EngagementRecord.of(community);
          record.applyAll(read);
          Evaluation evaluation = RuleEngine.evaluate(DefaultRules.forCommunity(community.getId()),
              record, at.plusSeconds(86_400 * 30), UsFederalCalendar.instance());
          if (UsFederalCalendar.instance().isBusinessDay(LocalDate.of(2026, 7, 3))) {
            throw new AssertionError("3 July 2026 is a federal holiday");
          }
          System.out.println("evaluated " + evaluation.getResults().size() + " results");
        }
      }
      """;

  @Test
  void aHostThatConfiguresNoLoggingSeesNothingOnItsErrorStream() throws Exception {
    Path src = temp.resolve("src");
    Path classes = temp.resolve("classes");
    Files.createDirectories(src.resolve("quiet/host"));
    Files.writeString(src.resolve("module-info.java"), MODULE);
    Files.writeString(src.resolve("quiet/host/Main.java"), HOST);
    // The pcop modules and their run-time dependencies, as this test's JVM has them.
    String modulePath = System.getProperty("jdk.module.path");
    assertTrue(modulePath != null && modulePath.contains("pcop-io"), "module path: " + modulePath);
    Path bin = Path.of(System.getProperty("java.home"), "bin");

    Run compiled = run(List.of(bin.resolve("javac").toString(), "-p", modulePath, "-d",
        classes.toString(), src.resolve("module-info.java").toString(),
        src.resolve("quiet/host/Main.java").toString()));
    assertEquals(0, compiled.code(), compiled::toString);

    Run host = run(List.of(bin.resolve("java").toString(), "-p",
        classes + File.pathSeparator + modulePath, "-m", "quiet.host/quiet.host.Main"));
    assertEquals(0, host.code(), host::toString);
    assertTrue(host.out().startsWith("evaluated "), host::toString);
    assertEquals("", host.err(), "the host's error stream");
  }

  private Run run(List<String> command) throws Exception {
    Path out = Files.createTempFile(temp, "out", ".txt");
    Path err = Files.createTempFile(temp, "err", ".txt");
    Process process = new ProcessBuilder(new ArrayList<>(command)).redirectOutput(out.toFile())
        .redirectError(err.toFile()).start();
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "finished: " + command);
    return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
