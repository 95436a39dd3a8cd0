package org.pcop.samples.cms;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.h2.jdbcx.JdbcDataSource;
import org.pcop.engine.CommandContext;
import org.pcop.engine.CommandRefusedException;
import org.pcop.engine.Pcop;
import org.pcop.model.ActivityId;
import org.pcop.model.Agency;
import org.pcop.model.AgencyId;
import org.pcop.model.AgencyKind;
import org.pcop.model.Community;
import org.pcop.model.CommunityId;
import org.pcop.model.EngagementKind;
import org.pcop.model.JurisdictionLevel;
import org.pcop.model.Member;
import org.pcop.model.MemberId;
import org.pcop.model.MembershipRole;
import org.pcop.model.MembershipStatus;
import org.pcop.model.ProgramId;
import org.pcop.model.Site;
import org.pcop.model.SiteEngagement;
import org.pcop.model.SiteId;
import org.pcop.model.activity.Activity;
import org.pcop.model.activity.ActivityKind;
import org.pcop.model.activity.Participation;
import org.pcop.model.activity.ParticipationKind;
import org.pcop.model.taxonomy.TaxonomyId;
import org.pcop.spi.EventStore;
import org.pcop.spi.HostUserId;
import org.pcop.spi.SnapshotStore;
import org.pcop.spi.memory.InMemoryAccessPolicy;
import org.pcop.spi.memory.InMemoryAuditSink;
import org.pcop.spi.memory.InMemoryIdentityMapping;
import org.pcop.spi.memory.InMemoryNotificationSink;

/**
 * One community on an H2 file database, for the snapshot kill test and its child process: the
 * engine's wiring, and commands that grow a history of members, activities and participations.
 */
final class SnapshotWorld {
  static final Community COMMUNITY = Community.builder().id(CommunityId.of("kc"))
      .program(ProgramId.of("psp")).name("Kansas City community").taxonomy(TaxonomyId.of("psp"))
      .timeZone(ZoneId.of("America/Chicago")).build();
  static final HostUserId ADMIN = HostUserId.of("admin");
  static final SiteId SITE = SiteId.of("s-kc");
  static final AgencyId AGENCY = AgencyId.of("a-kc");
  static final Instant START = Instant.parse("2026-03-02T15:00:00Z");

  private final InMemoryIdentityMapping identities = InMemoryIdentityMapping.create();
  private final InMemoryAccessPolicy access = InMemoryAccessPolicy.create();

  SnapshotWorld() {
    identities.map(ADMIN, MemberId.of("m-admin"));
    for (String action : Pcop.ACTIONS) {
      access.grant(ADMIN, action, Optional.of(COMMUNITY.getId()));
    }
  }

  static JdbcDataSource database(Path file) {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:file:" + file + ";DB_CLOSE_DELAY=-1");
    h2.setUser("sa");
    h2.setPassword("");
    return h2;
  }

  /** An engine over the store, keeping snapshots every {@code every} events if a store is given. */
  Pcop engine(EventStore store, Optional<SnapshotStore> snapshots, int every) {
    var builder = Pcop.builder().store(store).community(COMMUNITY).identities(identities)
        .access(access).audit(InMemoryAuditSink.create())
        .notifications(InMemoryNotificationSink.create())
        .clock(java.time.Clock.fixed(START.plus(Duration.ofDays(400)), java.time.ZoneOffset.UTC));
    snapshots.ifPresent(s -> builder.snapshots(s).snapshotEvery(every));
    return builder.build();
  }

  /** Registers the site and agency if the history has none yet. */
  static void populate(Pcop pcop, String run) {
    if (pcop.position() > 0) {
      return;
    }
    pcop.registerSite(context(run, "site"), Site.builder().id(SITE).name("Site KC").state("MO")
        .addEngagement(SiteEngagement.standard(EngagementKind.OPERATIONS,
            LocalDate.of(2025, 1, 1))).build());
    pcop.registerAgency(context(run, "agency"), Agency.builder().id(AGENCY).name("Office KC")
        .kind(AgencyKind.DISTRICT_OR_COUNTY_ATTORNEY).jurisdictionLevel(JurisdictionLevel.LOCAL)
        .state("MO").site(SITE).build());
  }

  static CommandContext context(String run, String what) {
    return CommandContext.of(ADMIN, "run-" + run + "-" + what);
  }

  /** One random command: enrol a member, record an activity or a participation. */
  static void step(Pcop pcop, String run, int n, Random random) {
    String id = run + "-" + n;
    Instant at = START.plus(Duration.ofHours(n + 1000L * Integer.parseInt(run)));
    try {
      switch (random.nextInt(4)) {
        case 0: {
          MemberId member = MemberId.of("m-" + id);
          pcop.enrolMember(context(run, "enrol-" + n), Member.builder().id(member)
              .name("Person " + id).agency(AGENCY).email("p" + id + "@example.org").build());
          pcop.changeMembership(context(run, "join-" + n), member, MembershipRole.MEMBER,
              MembershipStatus.ACTIVE, Optional.empty());
          break;
        }
        case 1:
          pcop.recordActivity(context(run, "activity-" + n), Activity.builder()
              .id(ActivityId.of("act-" + id)).community(COMMUNITY.getId())
              .kind(ActivityKind.MEETING).title("Call " + id).startsAt(at)
              .endsAt(at.plus(Duration.ofHours(1))).hostSite(SITE).build());
          break;
        default: {
          List<MemberId> members = new ArrayList<>();
          pcop.roster().forEach(m -> members.add(m.getMember()));
          List<ActivityId> activities = new ArrayList<>();
          pcop.history(MemberId.of("m-admin")).forEach(e -> {
            if (e instanceof org.pcop.model.event.ActivityRecorded) {
              activities.add(((org.pcop.model.event.ActivityRecorded) e).getActivity().getId());
            }
          });
          if (!members.isEmpty() && !activities.isEmpty()) {
            pcop.recordParticipation(context(run, "participation-" + n), Participation.of(
                activities.get(random.nextInt(activities.size())),
                members.get(random.nextInt(members.size())), ParticipationKind.ATTENDED, at));
          }
          break;
        }
      }
    } catch (CommandRefusedException refused) {
      // A participation the rules refuse (twice in one activity) appends nothing.
    }
  }

  /** What the engine's queries answer, to compare two engines. */
  static List<Object> answers(Pcop pcop) {
    List<Object> answers = new ArrayList<>();
    answers.add(pcop.evaluation().getResults());
    answers.add(pcop.position());
    answers.add(pcop.roster());
    answers.add(pcop.refusedEvents());
    for (var membership : pcop.roster()) {
      answers.add(pcop.member(membership.getMember()));
      answers.add(pcop.history(membership.getMember()));
    }
    answers.add(pcop.history(MemberId.of("m-admin")).size());
    return answers;
  }
}
