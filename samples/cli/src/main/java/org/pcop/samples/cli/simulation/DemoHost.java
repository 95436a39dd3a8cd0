package org.pcop.samples.cli.simulation;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.pcop.model.CommunityId;
import org.pcop.model.MemberId;
import org.pcop.model.MembershipRole;
import org.pcop.samples.cli.community.DemoCommunity;
import org.pcop.spi.EventStore;
import org.pcop.spi.HostUserId;
import org.pcop.engine.CommandContext;
import org.pcop.engine.Pcop;
import org.pcop.spi.memory.InMemoryAccessPolicy;
import org.pcop.spi.memory.InMemoryIdentityMapping;

/**
 * The host system the demo plays: every person of the demo community logs in as a host user of
 * the same name as their member id, and may act only as themselves; the coordinator holds every
 * action of the engine, site leads and program advisors approve and run exchanges, and every
 * member takes part, requests exchanges and asks and answers requests for information. The audit
 * trail and the inbox only count what they receive (the demo prints the counts), and the clock is
 * the simulation's: it stands at the instant of the step being carried out. Not thread-safe.
 */
final class DemoHost {
  /** What every member may do. */
  private static final List<String> MEMBER_ACTIONS = List.of("participation.record",
      "exchange.request", "exchange.document", "exchange.cancel", "rfi.post", "rfi.answer",
      "rfi.accept");

  /** What a site lead may also do: approve, schedule and hold the exchanges their site hosts. */
  private static final List<String> SITE_LEAD_ACTIONS = List.of("exchange.approve",
      "exchange.decline", "exchange.schedule", "exchange.hold", "activity.record");

  /** What a program advisor may also do. */
  private static final List<String> ADVISOR_ACTIONS = List.of("exchange.approve",
      "exchange.decline");

  private final DemoCommunity community;
  private final SimulatedClock clock;
  private final InMemoryIdentityMapping identities = InMemoryIdentityMapping.create();
  private final InMemoryAccessPolicy access = InMemoryAccessPolicy.create();
  private final AtomicLong auditRecords = new AtomicLong();
  private final AtomicLong notifications = new AtomicLong();

  DemoHost(DemoCommunity community, Instant start) {
    this.community = community;
    this.clock = new SimulatedClock(start, DemoCommunity.ZONE);
    Optional<CommunityId> in = Optional.of(DemoCommunity.COMMUNITY);
    MemberId coordinator = community.coordinator();
    identities.map(user(coordinator), coordinator);
    Pcop.ACTIONS.forEach(action -> access.grant(user(coordinator), action, in));
    for (DemoCommunity.Joining joining : community.joinings()) {
      HostUserId user = user(joining.member());
      if (joining.member().equals(coordinator)) {
        continue;
      }
      identities.map(user, joining.member());
      MEMBER_ACTIONS.forEach(action -> access.grant(user, action, in));
      if (joining.role() == MembershipRole.SITE_LEAD) {
        SITE_LEAD_ACTIONS.forEach(action -> access.grant(user, action, in));
      } else if (joining.role() == MembershipRole.PROGRAM_ADVISOR) {
        ADVISOR_ACTIONS.forEach(action -> access.grant(user, action, in));
      }
    }
  }

  /** The engine of the demo community over a store, wired to this host. */
  Pcop engine(EventStore store) {
    return Pcop.builder().store(store)
        .community(community.frame().getCommunities().get(0))
        .identities(identities).access(access)
        .audit(record -> auditRecords.incrementAndGet())
        .notifications(notification -> notifications.incrementAndGet())
        .clock(clock).build();
  }

  /** The context of a command that a member issues through this host. */
  CommandContext as(MemberId member, String requestId) {
    return CommandContext.of(user(member), requestId);
  }

  SimulatedClock clock() {
    return clock;
  }

  long auditRecords() {
    return auditRecords.get();
  }

  long notifications() {
    return notifications.get();
  }

  private static HostUserId user(MemberId member) {
    return HostUserId.of(member.value());
  }

  /** The simulation's clock: it stands still until the simulation moves it. */
  static final class SimulatedClock extends Clock {
    private final ZoneId zone;
    private volatile Instant now;

    SimulatedClock(Instant start, ZoneId zone) {
      this.now = start;
      this.zone = zone;
    }

    /** Moves the clock to the instant of the next step. */
    void set(Instant instant) {
      now = instant;
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
      SimulatedClock copy = new SimulatedClock(now, other);
      return copy;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
