package org.pcop.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pcop.engine.World.*;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.pcop.model.AgencyId;
import org.pcop.model.Community;
import org.pcop.model.CommunityId;
import org.pcop.model.MemberId;
import org.pcop.model.Membership;
import org.pcop.model.MembershipRole;
import org.pcop.model.MembershipStatus;
import org.pcop.model.SiteId;
import org.pcop.spi.AppendResult;
import org.pcop.spi.EventData;
import org.pcop.spi.EventStore;
import org.pcop.spi.ExpectedVersion;
import org.pcop.spi.RecordedEvent;
import org.pcop.spi.StreamId;
import org.pcop.spi.memory.InMemoryEventStore;

/**
 * Ten communities on one store: each engine reads its own community's stream only, never the
 * whole log, and sees only its own members, also when rebuilt from the store.
 */
class PcopManyCommunitiesTest {
  /** A store that records which streams were read, and refuses to read the whole log. */
  private static final class WatchedStore implements EventStore {
    final InMemoryEventStore memory = InMemoryEventStore.create(CLOCK);
    final Set<StreamId> streamsRead = new HashSet<>();

    @Override
    public AppendResult append(StreamId stream, ExpectedVersion expected,
        List<EventData> events) {
      return memory.append(stream, expected, events);
    }

    @Override
    public List<RecordedEvent> readStream(StreamId stream, long afterVersion, int maxCount) {
      synchronized (streamsRead) {
        streamsRead.add(stream);
      }
      return memory.readStream(stream, afterVersion, maxCount);
    }

    @Override
    public List<RecordedEvent> readAll(long afterPosition, int maxCount) {
      throw new AssertionError("an engine read the whole log, every community's events");
    }
  }

  private static Community community(int i) {
    return Community.builder().from(COMMUNITY).id(CommunityId.of("c-" + i))
        .name("Community " + i).build();
  }

  private static Pcop engine(World world, EventStore store, Community community) {
    return Pcop.builder().store(store).community(community).clock(CLOCK)
        .identities(world.identities).access(world.access).audit(world.audit)
        .notifications(world.sink).build();
  }

  @Test
  void eachEngineSeesOnlyItsOwnCommunity() {
    WatchedStore store = new WatchedStore();
    World world = new World();
    List<Pcop> engines = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      Community community = community(i);
      for (String action : Pcop.ACTIONS) {
        world.access.grant(ADMIN, action, Optional.of(community.getId()));
      }
      Pcop pcop = engine(world, store, community);
      engines.add(pcop);
      SiteId site = SiteId.of("s-" + i);
      AgencyId agency = AgencyId.of("a-" + i);
      pcop.registerSite(world.as(ADMIN), site(site));
      pcop.registerAgency(world.as(ADMIN), agency(agency, site));
      for (int m = 0; m <= i; m++) {
        MemberId member = MemberId.of("m-" + i + "-" + m);
        pcop.enrolMember(world.as(ADMIN), member(member, agency));
        pcop.changeMembership(world.as(ADMIN), member, MembershipRole.MEMBER,
            MembershipStatus.ACTIVE, Optional.empty());
      }
    }
    for (int n = 0; n < 10; n++) {
      int i = n;
      Pcop rebuilt = engine(world, store, community(i));
      for (Pcop pcop : List.of(engines.get(i), rebuilt)) {
        List<Membership> roster = pcop.roster();
        assertEquals(i + 1, roster.size(), roster.toString());
        String prefix = "m-" + i + "-";
        assertTrue(roster.stream().allMatch(m -> m.getMember().value().startsWith(prefix)
            && m.getCommunity().equals(community(i).getId())), roster.toString());
        assertTrue(pcop.member(MemberId.of("m-" + ((i + 1) % 10) + "-0")).isEmpty(),
            "another community's member is not enrolled here");
      }
    }
    assertEquals(Set.of("pcop-c-0", "pcop-c-1", "pcop-c-2", "pcop-c-3", "pcop-c-4",
        "pcop-c-5", "pcop-c-6", "pcop-c-7", "pcop-c-8", "pcop-c-9"),
        store.streamsRead.stream().map(StreamId::value).collect(Collectors.toSet()));
  }

  @Test
  void aCommandInOneCommunityIsNotSeenByAnother() {
    WatchedStore store = new WatchedStore();
    World world = new World();
    Community first = community(0);
    Community second = community(1);
    for (Community c : List.of(first, second)) {
      for (String action : Pcop.ACTIONS) {
        world.access.grant(ADMIN, action, Optional.of(c.getId()));
      }
    }
    Pcop one = engine(world, store, first);
    Pcop two = engine(world, store, second);
    one.registerSite(world.as(ADMIN), site(KC));
    one.registerAgency(world.as(ADMIN), agency(A_KC, KC));
    one.enrolMember(world.as(ADMIN), member(M_PAT, A_KC));
    assertTrue(one.member(M_PAT).isPresent());
    assertTrue(two.member(M_PAT).isEmpty());
    assertEquals(0, two.position());
    assertTrue(two.history(M_ADMIN).isEmpty(), "the admin did nothing in " + second.getId());
  }
}
