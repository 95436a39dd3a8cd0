package org.pcop.spi.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.pcop.model.AgencyId;
import org.pcop.model.CaseReference;
import org.pcop.model.CommunityId;
import org.pcop.model.Member;
import org.pcop.model.MemberId;
import org.pcop.model.event.EventId;
import org.pcop.spi.AuditOutcome;
import org.pcop.spi.AuditRecord;
import org.pcop.spi.ChangeMarker;
import org.pcop.spi.DirectoryChanges;
import org.pcop.spi.HostUserId;
import org.pcop.spi.Notification;

/** The in-memory directory, identity mapping, access policy, sinks and adapter. */
class InMemoryProvidersTest {
  private static final HostUserId DANA = HostUserId.of("dwhitfield");
  private static final HostUserId LEE = HostUserId.of("lee");
  private static final MemberId M1 = MemberId.of("m-1");
  private static final MemberId M2 = MemberId.of("m-2");

  private static Member member(MemberId id, String title) {
    return Member.builder().id(id).name("Person " + id).title(title)
        .agency(AgencyId.of("a-kc")).email(id + "@example.org").build();
  }

  private static List<String> summary(DirectoryChanges changes) {
    return changes.getEntries().stream()
        .map(e -> e.getMember().getId() + (e.isActive() ? "" : " (inactive)"))
        .collect(Collectors.toList());
  }

  @Test
  void theDirectoryReportsChangesSinceAMarkerAndKeepsPeopleWhoLeft() {
    InMemoryMemberDirectory directory = InMemoryMemberDirectory.create();
    directory.put(member(M1, "ADA"));
    directory.put(member(M2, "ADA"));
    DirectoryChanges first = directory.changesSince(Optional.empty(), 1);
    assertEquals(List.of("m-1"), summary(first));
    assertTrue(first.hasMore());
    DirectoryChanges second = directory.changesSince(Optional.of(first.getMarker()), 10);
    assertEquals(List.of("m-2"), summary(second));
    assertFalse(second.hasMore());
    assertEquals(List.of(), summary(directory.changesSince(Optional.of(second.getMarker()), 10)));

    directory.deactivate(M1);
    directory.put(member(M2, "Chief ADA"));
    DirectoryChanges delta = directory.changesSince(Optional.of(second.getMarker()), 10);
    assertEquals(List.of("m-1 (inactive)", "m-2"), summary(delta));
    assertEquals(Optional.of("Chief ADA"), delta.getEntries().get(1).getMember().getTitle());
    assertEquals(List.of("m-1 (inactive)", "m-2"),
        summary(directory.changesSince(Optional.empty(), 10)));
    assertEquals(summary(delta),
        summary(directory.changesSince(Optional.of(second.getMarker()), 10)));
  }

  @Test
  void theDirectoryRefusesForeignMarkersAndUnknownPeople() {
    InMemoryMemberDirectory directory = InMemoryMemberDirectory.create();
    assertEquals("changesSince: marker \"2024-01-01\" was not handed out by this directory",
        assertThrows(IllegalArgumentException.class, () -> directory
            .changesSince(Optional.of(ChangeMarker.of("2024-01-01")), 1)).getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> directory.changesSince(Optional.of(ChangeMarker.of("in-memory:7")), 1));
    assertEquals("deactivate: the directory has no member m-1",
        assertThrows(IllegalArgumentException.class, () -> directory.deactivate(M1))
            .getMessage());
    assertThrows(IllegalArgumentException.class, () -> directory.changesSince(Optional.empty(),
        0));
  }

  @Test
  void usersActAsTheirMemberAndWhomTheHostAllows() {
    InMemoryIdentityMapping mapping = InMemoryIdentityMapping.create();
    mapping.map(DANA, M1);
    mapping.allowActingAs(DANA, M2);
    mapping.allowActingAs(LEE, M2);
    assertEquals(Optional.of(M1), mapping.memberOf(DANA));
    assertEquals(Optional.empty(), mapping.memberOf(LEE));
    assertTrue(mapping.mayActAs(DANA, M1));
    assertTrue(mapping.mayActAs(DANA, M2));
    assertFalse(mapping.mayActAs(LEE, M2), "an unmapped user is nobody");
    assertFalse(mapping.mayActAs(DANA, MemberId.of("m-3")));
  }

  @Test
  void theAccessPolicyDeniesWhatWasNotGranted() {
    InMemoryAccessPolicy policy = InMemoryAccessPolicy.create();
    CommunityId prosecution = CommunityId.of("pcop");
    policy.grant(DANA, "roster.read", Optional.of(prosecution));
    policy.grant(LEE, "exchange.approve", Optional.empty());
    policy.authoriseCase(DANA, "cms-case-42");
    assertTrue(policy.allows(DANA, "roster.read", Optional.of(prosecution)));
    assertFalse(policy.allows(DANA, "roster.read", Optional.of(CommunityId.of("cacop"))));
    assertFalse(policy.allows(DANA, "roster.read", Optional.empty()));
    assertTrue(policy.allows(LEE, "exchange.approve", Optional.of(prosecution)));
    assertTrue(policy.allows(LEE, "exchange.approve", Optional.empty()));
    assertFalse(policy.allows(LEE, "roster.read", Optional.empty()));
    assertTrue(policy.mayResolve(DANA, CaseReference.of("cms-case-42", "CR-2026-0042")));
    assertFalse(policy.mayResolve(LEE, CaseReference.of("cms-case-42", "CR-2026-0042")));
    assertFalse(policy.mayResolve(DANA, CaseReference.of("cms-case-43", "CR-2026-0043")));
  }

  private static Notification notification(String id, String text) {
    return Notification.builder().id(id).kind("rfi.answered").addRecipients(M1).text(text)
        .addCausedBy(EventId.of("e-" + id)).createdAt(Instant.EPOCH).build();
  }

  @Test
  void theNotificationSinkKeepsEachIdOnceAndCanFail() {
    InMemoryNotificationSink sink = InMemoryNotificationSink.create();
    sink.failNext(1);
    assertEquals("injected failure delivering notification n-1",
        assertThrows(IllegalStateException.class, () -> sink.deliver(notification("n-1", "a")))
            .getMessage());
    assertEquals(List.of(), sink.getDelivered());
    sink.deliver(notification("n-1", "a"));
    sink.deliver(notification("n-1", "a"));
    sink.deliver(notification("n-2", "b"));
    assertEquals(List.of(notification("n-1", "a"), notification("n-2", "b")),
        sink.getDelivered());
  }

  @Test
  void theAuditSinkKeepsEveryRecordInOrderAndCanFail() {
    InMemoryAuditSink sink = InMemoryAuditSink.create();
    AuditRecord denied = AuditRecord.builder().requestId("r-1").user(LEE).command("roster.read")
        .at(Instant.EPOCH).outcome(AuditOutcome.DENIED).build();
    AuditRecord committed = AuditRecord.builder().from(denied).requestId("r-2")
        .outcome(AuditOutcome.COMMITTED).addEvents(EventId.of("e-1")).build();
    sink.failNext(1);
    assertThrows(IllegalStateException.class, () -> sink.record(denied));
    sink.record(denied);
    sink.record(committed);
    sink.record(denied);
    assertEquals(List.of(denied, committed, denied), sink.getRecords());
  }

  @Test
  void theAdapterHandsOutItsInMemoryProviders() {
    Clock clock = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);
    InMemoryHostAdapter adapter = InMemoryHostAdapter.create(clock);
    assertEquals("in-memory", adapter.getName());
    assertSame(clock, adapter.getClock());
    assertSame(adapter.eventStore(), adapter.getEventStore());
    assertSame(adapter.memberDirectory(), adapter.getMemberDirectory().orElseThrow());
    assertSame(adapter.identityMapping(), adapter.getIdentityMapping().orElseThrow());
    assertSame(adapter.accessPolicy(), adapter.getAccessPolicy().orElseThrow());
    assertSame(adapter.notificationSink(), adapter.getNotificationSink().orElseThrow());
    assertSame(adapter.auditSink(), adapter.getAuditSink().orElseThrow());
    adapter.eventStore().append(org.pcop.spi.StreamId.of("s"),
        org.pcop.spi.ExpectedVersion.any(),
        List.of(org.pcop.spi.EventData.json(EventId.of("e-1"), "t", "{}")));
    assertEquals(Instant.EPOCH, adapter.getEventStore().readAll(0, 1).get(0).getRecordedAt());
  }
}
