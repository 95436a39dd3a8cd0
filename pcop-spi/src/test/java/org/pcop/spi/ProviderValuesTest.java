package org.pcop.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pcop.model.AgencyId;
import org.pcop.model.InvalidValueException;
import org.pcop.model.Member;
import org.pcop.model.MemberId;
import org.pcop.model.event.EventId;

/** The values of the other providers refuse what can never be valid. */
class ProviderValuesTest {
  private static void assertRefused(String message, Runnable build) {
    assertEquals(message, assertThrows(InvalidValueException.class, build::run).getMessage());
  }

  static Member member(String id) {
    return Member.builder().id(MemberId.of(id)).name("Dana Whitfield")
        .agency(AgencyId.of("a-kc")).email("dana@example.org").build();
  }

  @Test
  void hostUserIdsAreOpaqueButPrintable() {
    assertEquals("CORP\\dwhitfield", HostUserId.of("CORP\\dwhitfield").toString());
    assertRefused("HostUserId.value: must be 1 to 256 characters without control characters or"
        + " surrounding blanks; got \" x\"", () -> HostUserId.of(" x"));
    assertRefused("HostUserId.value: must be 1 to 256 characters without control characters or"
        + " surrounding blanks; got \"a?b\"", () -> HostUserId.of("a\nb"));
    assertThrows(InvalidValueException.class, () -> HostUserId.of("u".repeat(257)));
  }

  @Test
  void changeMarkersAreNotEmpty() {
    assertRefused("ChangeMarker.value: must be 1 to 512 characters; got 0",
        () -> ChangeMarker.of(""));
  }

  @Test
  void aPageOfChangesNamesEachPersonOnce() {
    assertRefused("DirectoryChanges.entries[1]: member m-1 appears twice in one page",
        () -> DirectoryChanges.builder().marker(ChangeMarker.of("1")).hasMore(false)
            .addEntries(DirectoryEntry.of(member("m-1"), true),
                DirectoryEntry.of(member("m-1"), false)).build());
  }

  @Test
  void notificationsNeedRecipientsAndACause() {
    ImmutableNotification.Builder good = Notification.builder().id("n-1")
        .kind("exchange.approval-requested").addRecipients(MemberId.of("m-1"))
        .text("An exchange awaits your approval").addCausedBy(EventId.of("e-1"))
        .createdAt(Instant.EPOCH);
    assertEquals("n-1", good.build().getId());
    assertRefused("Notification.recipients: must name at least one member",
        () -> Notification.builder().from(good.build()).recipients(List.of()).build());
    assertRefused("Notification.causedBy: must name at least one committed event",
        () -> Notification.builder().from(good.build()).causedBy(List.of()).build());
    assertRefused("Notification.id: must be 1 to 128 letters, digits, '.', '_', ':' or '-';"
        + " got \"n 1\"", () -> Notification.builder().from(good.build()).id("n 1").build());
  }

  @Test
  void auditRecordsListEventsOnlyForCommittedCommands() {
    ImmutableAuditRecord.Builder denied = AuditRecord.builder().requestId("r-1")
        .user(HostUserId.of("u1")).command("exchange.approve").at(Instant.EPOCH)
        .outcome(AuditOutcome.DENIED).reason("not the host site lead");
    assertEquals(AuditOutcome.DENIED, denied.build().getOutcome());
    assertRefused("AuditRecord.events: must be empty for a DENIED command; got [e-1]",
        () -> denied.addEvents(EventId.of("e-1")).build());
  }
}
