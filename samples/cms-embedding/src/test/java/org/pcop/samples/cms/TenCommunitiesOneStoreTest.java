package org.pcop.samples.cms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.pcop.engine.CommandContext;
import org.pcop.engine.Pcop;
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
import org.pcop.model.taxonomy.TaxonomyId;
import org.pcop.samples.jdbcstore.JdbcEventStore;
import org.pcop.spi.AppendResult;
import org.pcop.spi.EventData;
import org.pcop.spi.EventStore;
import org.pcop.spi.ExpectedVersion;
import org.pcop.spi.HostUserId;
import org.pcop.spi.RecordedEvent;
import org.pcop.spi.StreamId;
import org.pcop.spi.memory.InMemoryAccessPolicy;
import org.pcop.spi.memory.InMemoryAuditSink;
import org.pcop.spi.memory.InMemoryIdentityMapping;
import org.pcop.spi.memory.InMemoryNotificationSink;

/**
 * A host serving ten offices, one community each, on one database: ten engines over one
 * {@link JdbcEventStore}. Each reads only its own community's stream (the store they see refuses
 * to read the whole log) and sees only its own members, also when started again.
 */
class TenCommunitiesOneStoreTest {
  private static final HostUserId ADMIN = HostUserId.of("admin");

  /** The JDBC store, refusing to read every community's events. */
  private static final class OwnStreamsOnly implements EventStore {
    private final EventStore store;
    final Set<String> streamsRead = new HashSet<>();

    OwnStreamsOnly(EventStore store) {
      this.store = store;
    }

    @Override
    public AppendResult append(StreamId stream, ExpectedVersion expected,
        List<EventData> events) {
      return store.append(stream, expected, events);
    }

    @Override
    public List<RecordedEvent> readStream(StreamId stream, long afterVersion, int maxCount) {
      streamsRead.add(stream.value());
      return store.readStream(stream, afterVersion, maxCount);
    }

    @Override
    public List<RecordedEvent> readAll(long afterPosition, int maxCount) {
      throw new AssertionError("an engine read every community's events");
    }
  }

  private final InMemoryIdentityMapping identities = InMemoryIdentityMapping.create();
  private final InMemoryAccessPolicy access = InMemoryAccessPolicy.create();
  private int request;

  private static Community community(int i) {
    return Community.builder().id(CommunityId.of("office-" + i)).program(ProgramId.of("psp"))
        .name("Office " + i + " community").taxonomy(TaxonomyId.of("psp"))
        .timeZone(ZoneId.of("America/Chicago")).build();
  }

  private Pcop engine(EventStore store, Community community) {
    return Pcop.builder().store(store).community(community).identities(identities)
        .access(access).audit(InMemoryAuditSink.create())
        .notifications(InMemoryNotificationSink.create()).build();
  }

  private CommandContext admin() {
    return CommandContext.of(ADMIN, "req-" + (++request));
  }

  @Test
  void eachEngineSeesOnlyItsOwnCommunity() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:ten-communities;DB_CLOSE_DELAY=-1");
    OwnStreamsOnly store = new OwnStreamsOnly(JdbcEventStore.open(h2));
    identities.map(ADMIN, MemberId.of("m-admin"));
    List<Pcop> engines = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      Community community = community(i);
      for (String action : Pcop.ACTIONS) {
        access.grant(ADMIN, action, Optional.of(community.getId()));
      }
      Pcop pcop = engine(store, community);
      engines.add(pcop);
      SiteId site = SiteId.of("s-" + i);
      AgencyId agency = AgencyId.of("a-" + i);
      pcop.registerSite(admin(), Site.builder().id(site).name("Site " + i).state("TN")
          .addEngagement(SiteEngagement.standard(EngagementKind.OPERATIONS,
              LocalDate.of(2025, 1, 1))).build());
      pcop.registerAgency(admin(), Agency.builder().id(agency).name("Office " + i)
          .kind(AgencyKind.DISTRICT_OR_COUNTY_ATTORNEY).jurisdictionLevel(JurisdictionLevel.LOCAL)
          .state("TN").site(site).build());
      for (int m = 0; m <= i; m++) {
        MemberId member = MemberId.of("m-" + i + "-" + m);
        pcop.enrolMember(admin(), Member.builder().id(member).name("Person " + member)
            .agency(agency).email(member + "@example.org").build());
        pcop.changeMembership(admin(), member, MembershipRole.MEMBER, MembershipStatus.ACTIVE,
            Optional.empty());
      }
    }
    for (int i = 0; i < 10; i++) {
      String prefix = "m-" + i + "-";
      for (Pcop pcop : List.of(engines.get(i), engine(store, community(i)))) {
        assertEquals(i + 1, pcop.roster().size(), pcop.roster().toString());
        assertTrue(pcop.roster().stream().allMatch(
            m -> m.getMember().value().startsWith(prefix)), pcop.roster().toString());
        assertTrue(pcop.member(MemberId.of("m-" + ((i + 1) % 10) + "-0")).isEmpty());
      }
    }
    assertEquals(10, store.streamsRead.size(), store.streamsRead.toString());
  }
}
