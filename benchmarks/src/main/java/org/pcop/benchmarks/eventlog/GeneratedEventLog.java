package org.pcop.benchmarks.eventlog;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.pcop.benchmarks.NationalCommunity;
import org.pcop.io.CaseLabels;
import org.pcop.io.eventlog.EventLogFormat;
import org.pcop.io.eventlog.EventLogWriter;
import org.pcop.model.ActivityId;
import org.pcop.model.CommunityId;
import org.pcop.model.ExchangeId;
import org.pcop.model.MemberId;
import org.pcop.model.MembershipRole;
import org.pcop.model.MembershipStatus;
import org.pcop.model.ResponseId;
import org.pcop.model.RfiId;
import org.pcop.model.SiteId;
import org.pcop.model.activity.Activity;
import org.pcop.model.activity.ActivityKind;
import org.pcop.model.activity.ApproverRole;
import org.pcop.model.activity.Participation;
import org.pcop.model.activity.ParticipationKind;
import org.pcop.model.activity.RequestForInformation;
import org.pcop.model.activity.RfiResponse;
import org.pcop.model.event.ActivityRecorded;
import org.pcop.model.event.EngagementLevelChanged;
import org.pcop.model.event.EventId;
import org.pcop.model.event.ExchangeApproved;
import org.pcop.model.event.MembershipChanged;
import org.pcop.model.event.ParticipationRecorded;
import org.pcop.model.event.PcopEvent;
import org.pcop.model.event.RfiAnswered;
import org.pcop.model.event.RfiPosted;
import org.pcop.model.taxonomy.PspTaxonomy;
import org.pcop.model.taxonomy.TopicId;

/**
 * A deterministic NDJSON event log with the mix of a real community's history: mostly
 * participations, then activities, membership changes, requests for information and their
 * answers, exchange approvals and level changes. The same line count always gives the same bytes.
 */
public final class GeneratedEventLog {
  private static final CommunityId COMMUNITY = CommunityId.of("c-pcop");
  private static final Instant START = Instant.parse("2016-01-04T14:00:00Z");
  private static final int MEMBERS = 20_000;
  private static final int SITES = 60;
  private static final List<TopicId> TOPICS = PspTaxonomy.current().getTopics().stream()
      .map(t -> t.getId()).toList();
  private static final ParticipationKind[] PARTICIPATION_KINDS = ParticipationKind.values();
  private static final ActivityKind[] ACTIVITY_KINDS = {ActivityKind.WEBINAR,
      ActivityKind.MEETING, ActivityKind.CONFERENCE, ActivityKind.FORUM};

  private GeneratedEventLog() {}

  /**
   * Writes {@code lines} events to {@code file}, one a line.
   *
   * @param file the file, replaced
   * @param lines how many events
   * @throws IOException if writing fails
   */
  public static void write(Path file, long lines) throws IOException {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        EventLogWriter writer = EventLogFormat.create().writer(out, CaseLabels.INCLUDED)) {
      for (long n = 0; n < lines; n++) {
        writer.write(event(n));
      }
    }
  }

  /**
   * Writes the first {@code lines} events of the national community's full-mix history
   * ({@link NationalCommunity#national}) to {@code file}, one a line: enrolments, memberships,
   * activities, participations, requests for information and exchanges through their
   * lifecycles, conduct flags and level changes, in the proportions that history has.
   *
   * @param file the file, replaced
   * @param lines how many events
   * @throws IOException if writing fails
   */
  public static void writeNational(Path file, long lines) throws IOException {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        EventLogWriter writer = EventLogFormat.create().writer(out, CaseLabels.INCLUDED)) {
      for (PcopEvent event : NationalCommunity.national(lines)) {
        writer.write(event);
      }
    }
  }

  /**
   * The {@code n}th event of the log (from 0), a pure function of {@code n}.
   *
   * @param n the position
   * @return the event
   */
  public static PcopEvent event(long n) {
    Instant at = START.plusSeconds(n * 97);
    EventId id = EventId.of("e-" + n);
    MemberId actor = member(n * 31);
    long activity = n / 20;
    int slot = (int) (n % 100);
    if (slot < 70) {
      return ParticipationRecorded.builder().eventId(id).actor(actor).occurredAt(at)
          .participation(Participation.of(ActivityId.of("act-" + activity), member(n * 7919),
              PARTICIPATION_KINDS[(int) (n % PARTICIPATION_KINDS.length)], at))
          .build();
    }
    if (slot < 75) {
      return ActivityRecorded.builder().eventId(id).actor(actor).occurredAt(at)
          .activity(Activity.builder().id(ActivityId.of("act-" + activity)).community(COMMUNITY)
              .kind(ACTIVITY_KINDS[(int) (activity % ACTIVITY_KINDS.length)])
              .title("Community call " + activity).startsAt(at).endsAt(at.plusSeconds(3600))
              .hostSite(SiteId.of("s-" + activity % SITES)).addTopic(topic(activity)).build())
          .build();
    }
    if (slot < 83) {
      return MembershipChanged.builder().eventId(id).actor(actor).occurredAt(at)
          .member(member(n * 13)).community(COMMUNITY).role(MembershipRole.MEMBER)
          .status(n % 3 == 0 ? MembershipStatus.DORMANT : MembershipStatus.ACTIVE).build();
    }
    if (slot < 88) {
      return RfiPosted.builder().eventId(id).actor(actor).occurredAt(at)
          .request(RequestForInformation.builder().id(RfiId.of("r-" + n)).community(COMMUNITY)
              .askedBy(actor).topic(topic(n)).question("How does your office staff intake"
                  + " for case " + n % 1000 + "?").postedAt(at).build())
          .build();
    }
    if (slot < 95) {
      return RfiAnswered.builder().eventId(id).actor(actor).occurredAt(at)
          .request(RfiId.of("r-" + (n - 5))).response(RfiResponse.builder()
              .id(ResponseId.of("resp-" + n)).respondent(member(n * 17)).at(at)
              .text("Two analysts and one prosecutor, reviewed weekly.").build())
          .build();
    }
    if (slot < 98) {
      return ExchangeApproved.builder().eventId(id).actor(actor).occurredAt(at)
          .exchange(ExchangeId.of("x-" + n / 100)).role(n % 2 == 0 ? ApproverRole.PROGRAM_ADVISOR
              : ApproverRole.HOST_SITE_LEAD).build();
    }
    return EngagementLevelChanged.builder().eventId(id).actor(actor).occurredAt(at)
        .member(member(n * 11)).community(COMMUNITY).to("active")
        .reason("3 participations in the 90 days to "
            + at.atOffset(ZoneOffset.UTC).toLocalDate()).build();
  }

  private static MemberId member(long n) {
    return MemberId.of("m-" + Math.floorMod(n, MEMBERS));
  }

  private static TopicId topic(long n) {
    return TOPICS.get((int) Math.floorMod(n, (long) TOPICS.size()));
  }
}
