package org.pcop.engine;

import static org.pcop.engine.World.*;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.pcop.model.ActivityId;
import org.pcop.model.ExchangeId;
import org.pcop.model.MemberId;
import org.pcop.model.MembershipRole;
import org.pcop.model.MembershipStatus;
import org.pcop.model.ResponseId;
import org.pcop.model.RfiId;
import org.pcop.model.activity.Activity;
import org.pcop.model.activity.ActivityKind;
import org.pcop.model.activity.ApproverRole;
import org.pcop.model.activity.Participation;
import org.pcop.model.activity.ParticipationKind;
import org.pcop.model.event.EventId;
import org.pcop.model.event.ParticipationRecorded;
import org.pcop.rules.DefaultRules;
import org.pcop.spi.ExpectedVersion;
import org.pcop.spi.Notification;
import org.pcop.spi.SnapshotStore;
import org.pcop.guard.CaseFactPolicy;
import org.pcop.model.event.CaseFactDecision;
import org.pcop.model.activity.RequestForInformation;
import org.pcop.spi.StreamId;
import org.pcop.spi.memory.InMemoryNotificationSink;

/**
 * Seeded random commands for snapshot tests: members enrolling and changing role and status,
 * activities and participations, exchanges requested, approved and declined, requests for
 * information posted, answered and accepted (some with case facts, flagged under the FLAG
 * policy, and some of those reviewed: cleared or redacted), level locks, conduct flags, rule
 * results, and now and then an imported event the record refuses. Commands that the engine refuses are part of
 * the history too (they append nothing). The clock moves a few hours between commands.
 */
final class SnapshotHistory {
  static final StreamId STREAM = StreamId.of("pcop-" + PCOP);
  private static final ActivityKind[] KINDS = {ActivityKind.MEETING, ActivityKind.WEBINAR,
      ActivityKind.MEETING};
  private static final MembershipRole[] ROLES = {MembershipRole.MEMBER, MembershipRole.MEMBER,
      MembershipRole.SUBJECT_MATTER_EXPERT, MembershipRole.SITE_LEAD};
  private static final MembershipStatus[] STATUSES = {MembershipStatus.ACTIVE,
      MembershipStatus.ACTIVE, MembershipStatus.DORMANT, MembershipStatus.LEFT};

  final World world = new World();
  final MovingClock clock = new MovingClock();
  final List<MemberId> members = new ArrayList<>(List.of(M_ADVISOR, M_LEAD, M_PAT));
  int activities;
  int exchanges;
  int rfis;
  int responses;
  private int imported;

  /** A new engine over the world's store, keeping snapshots in {@code snapshots} if given. */
  Pcop engine(Optional<SnapshotStore> snapshots, int every, System.Logger logger,
      InMemoryNotificationSink sink) {
    return engine(snapshots, every, logger, sink, DefaultRules.forCommunity(PCOP));
  }

  /** The same, under a rule set of the caller's. */
  Pcop engine(Optional<SnapshotStore> snapshots, int every, System.Logger logger,
      InMemoryNotificationSink sink, org.pcop.rules.definition.RuleSet rules) {
    PcopBuilder builder = Pcop.builder().store(world.store).community(COMMUNITY).clock(clock)
        .rules(rules)
        .identities(world.identities).access(world.access).audit(world.audit)
        .notifications(sink).directory(world.directory).snapshotLogger(logger)
        .caseFacts(CaseFactPolicy.FLAG);
    snapshots.ifPresent(store -> builder.snapshots(store).snapshotEvery(every));
    return builder.build();
  }

  /** Runs {@code count} random commands through the engine. */
  void run(Pcop pcop, SplittableRandom random, int count) {
    for (int i = 0; i < count; i++) {
      clock.advance(Duration.ofMinutes(30 + random.nextInt(60 * 20)));
      try {
        step(pcop, random);
      } catch (CommandRefusedException refused) {
        // A refused command appends nothing; the history goes on.
      }
    }
  }

  private <T> T any(SplittableRandom random, List<T> items) {
    return items.get(random.nextInt(items.size()));
  }

  private void step(Pcop pcop, SplittableRandom random) {
    Instant now = clock.instant();
    switch (random.nextInt(15)) {
      case 0: {
        MemberId member = MemberId.of("m-" + members.size());
        members.add(member);
        pcop.enrolMember(world.as(ADMIN), member(member, random.nextBoolean() ? A_KC : A_STL));
        break;
      }
      case 1:
        pcop.changeMembership(world.as(ADMIN), any(random, members),
            ROLES[random.nextInt(ROLES.length)], STATUSES[random.nextInt(STATUSES.length)],
            random.nextInt(4) == 0 ? Optional.of(M_LEAD) : Optional.empty());
        break;
      case 2: {
        Instant starts = now.plus(Duration.ofHours(1));
        pcop.recordActivity(world.as(ADMIN), Activity.builder()
            .id(ActivityId.of("act-" + activities++)).community(PCOP)
            .kind(KINDS[random.nextInt(KINDS.length)]).title("Call " + activities)
            .startsAt(starts).endsAt(starts.plus(Duration.ofHours(1)))
            .hostSite(random.nextBoolean() ? Optional.of(KC) : Optional.empty()).build());
        break;
      }
      case 3:
      case 4:
        if (activities > 0) {
          pcop.recordParticipation(world.as(ADMIN), Participation.of(
              ActivityId.of("act-" + random.nextInt(activities)), any(random, members),
              random.nextInt(6) == 0 ? ParticipationKind.PRESENTED : ParticipationKind.ATTENDED,
              now));
        }
        break;
      case 5:
        pcop.requestExchange(world.as(PAT), exchange("x-" + exchanges++));
        break;
      case 6:
        if (exchanges > 0) {
          boolean advisor = random.nextBoolean();
          pcop.approveExchange(world.as(advisor ? ADVISOR : LEAD),
              ExchangeId.of("x-" + random.nextInt(exchanges)),
              advisor ? ApproverRole.PROGRAM_ADVISOR : ApproverRole.HOST_SITE_LEAD);
        }
        break;
      case 7:
        if (exchanges > 0) {
          pcop.declineExchange(world.as(ADVISOR), ExchangeId.of("x-" + random.nextInt(exchanges)),
              ApproverRole.PROGRAM_ADVISOR, "Not this quarter.");
        }
        break;
      case 8:
        if (random.nextInt(3) == 0) {
          // Flagged under the FLAG policy, for a coordinator's review.
          pcop.postRfi(world.as(PAT), RequestForInformation.builder().from(rfi("q-" + rfis++))
              .question("Victim's SSN is 123-45-6789; what now?").build());
        } else {
          pcop.postRfi(world.as(PAT), rfi("q-" + rfis++));
        }
        break;
      case 9:
        if (rfis > 0) {
          pcop.answerRfi(world.as(LEAD), RfiId.of("q-" + random.nextInt(rfis)),
              ResponseId.of("a-" + responses++), random.nextInt(4) == 0
                  ? "Call Marcus Reed (witness) on his cell." : "We triage daily.");
        }
        break;
      case 10:
        if (rfis > 0 && responses > 0) {
          pcop.acceptAnswer(world.as(PAT), RfiId.of("q-" + random.nextInt(rfis)),
              ResponseId.of("a-" + random.nextInt(responses)));
        }
        break;
      case 11:
        if (random.nextBoolean()) {
          pcop.lockLevel(world.as(ADMIN), any(random, members), "active");
        } else {
          pcop.unlockLevel(world.as(ADMIN), any(random, members));
        }
        break;
      case 12: {
        MemberId member = any(random, members);
        int decision = random.nextInt(3);
        if (decision == 0) {
          pcop.raiseConductFlag(world.as(ADMIN), member, null);
        } else if (decision == 1) {
          pcop.upholdConductFlag(world.as(ADMIN), member, "Upheld after review.");
        } else {
          pcop.dismissConductFlag(world.as(ADMIN), member, "Dismissed after review.");
        }
        break;
      }
      case 13:
        pcop.applyRuleResults(world.as(ADMIN));
        break;
      default:
        List<CaseFactFlag> pending = pcop.caseFactFlags();
        if (!pending.isEmpty() && random.nextBoolean()) {
          pcop.reviewCaseFacts(world.as(ADMIN), any(random, pending).event(),
              random.nextBoolean() ? CaseFactDecision.REDACTED : CaseFactDecision.CLEARED);
        } else {
          importRefusedEvent(now);
        }
        break;
    }
  }

  /** An imported participation in an activity nobody recorded: the record refuses it. */
  private void importRefusedEvent(Instant at) {
    ParticipationRecorded event = ParticipationRecorded.builder()
        .eventId(EventId.of("imported-" + imported++)).actor(M_PAT).occurredAt(at)
        .participation(Participation.of(ActivityId.of("never-recorded"), M_PAT,
            ParticipationKind.ATTENDED, at)).build();
    world.store.append(STREAM, ExpectedVersion.any(),
        List.of(new EventCodec().encode(event, Map.of())));
  }

  /** Every answer of the engine's queries and evaluation, in one list to compare. */
  List<Object> answers(Pcop pcop) {
    List<Object> answers = new ArrayList<>();
    answers.add(pcop.evaluation().getResults());
    // Read after a query caught the engine up with the store.
    answers.add(pcop.position());
    answers.add(pcop.roster());
    answers.add(pcop.openExchanges());
    answers.add(pcop.openRfis());
    answers.add(pcop.exchanges(ADMIN));
    answers.add(pcop.rfis(ADMIN));
    answers.add(pcop.openExchanges(PAT));
    answers.add(pcop.refusedEvents());
    answers.add(pcop.caseFactFlags());
    for (MemberId member : members) {
      answers.add(pcop.member(member));
      answers.add(pcop.isDeactivated(member));
      answers.add(pcop.history(member));
    }
    for (int x = 0; x < exchanges; x++) {
      answers.add(pcop.exchange(ExchangeId.of("x-" + x)));
    }
    for (int q = 0; q < rfis; q++) {
      answers.add(pcop.rfi(RfiId.of("q-" + q)));
    }
    return answers;
  }

  /** The notifications a sink was handed, without the instant each was made at. */
  static List<String> notifications(InMemoryNotificationSink sink) {
    List<String> all = new ArrayList<>();
    for (Notification n : sink.getDelivered()) {
      all.add(n.getId() + " " + n.getKind() + " " + n.getRecipients() + " " + n.getText() + " "
          + n.getCausedBy());
    }
    return all;
  }

  /** The default rules of the community under another version: another rule set. */
  static org.pcop.rules.definition.RuleSet otherRules() {
    org.pcop.rules.definition.RuleSet rules = DefaultRules.forCommunity(PCOP);
    return org.pcop.rules.definition.RuleSet.builder().from(rules)
        .version(rules.getVersion() + 1).build();
  }
}
