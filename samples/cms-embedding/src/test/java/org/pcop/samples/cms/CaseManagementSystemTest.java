package org.pcop.samples.cms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcop.model.AgencyId;
import org.pcop.model.CaseReference;
import org.pcop.model.CommunityId;
import org.pcop.model.MemberId;
import org.pcop.model.event.EventId;
import org.pcop.spi.AccessPolicy;
import org.pcop.spi.AuditOutcome;
import org.pcop.spi.AuditRecord;
import org.pcop.spi.AuditSink;
import org.pcop.spi.ChangeMarker;
import org.pcop.spi.DirectoryChanges;
import org.pcop.spi.HostAdapter;
import org.pcop.spi.HostUserId;
import org.pcop.spi.IdentityMapping;
import org.pcop.spi.MemberDirectory;

class CaseManagementSystemTest {
  private static final AgencyId SHELBY = AgencyId.of("shelby-da");
  private static final AgencyId KNOX = AgencyId.of("knox-da");
  private static final HostUserId REYES = HostUserId.of("jreyes");
  private static final HostUserId OKAFOR = HostUserId.of("cokafor");
  private static final HostUserId LIN = HostUserId.of("mlin");
  private static final Optional<CommunityId> ANY = Optional.empty();

  private CaseManagementSystem cms;
  private HostAdapter adapter;

  @BeforeEach
  void staffTheOffices() {
    cms = TestSystems.newSystem();
    adapter = cms.hostAdapter();
    cms.addOffice(SHELBY, "Shelby County District Attorney General");
    cms.addOffice(KNOX, "Knox County District Attorney General");
    cms.hire(StaffMember.of("m-reyes", "jreyes", "Jordan Reyes", "Assistant District Attorney",
        "shelby-da", "jreyes@example.org", StaffRole.ATTORNEY));
    cms.hire(StaffMember.of("m-okafor", "cokafor", "Chidi Okafor", "Victim Services Coordinator",
        "shelby-da", "cokafor@example.org", StaffRole.COORDINATOR));
    cms.hire(StaffMember.of("m-lin", "mlin", "Mei Lin", "Assistant District Attorney",
        "knox-da", "mlin@example.org", StaffRole.ATTORNEY));
  }

  @Nested
  @DisplayName("Identity mapping")
  class Identities {
    private IdentityMapping identities;

    @BeforeEach
    void mapping() {
      identities = adapter.getIdentityMapping().orElseThrow();
    }

    @Test
    void aLoginIsTheMemberOfItsStaffRow() {
      assertEquals(Optional.of(MemberId.of("m-reyes")), identities.memberOf(REYES));
      assertEquals(Optional.empty(), identities.memberOf(HostUserId.of("nobody")));
    }

    @Test
    void aDisabledAccountIsNobody() {
      cms.disableAccount(MemberId.of("m-reyes"));
      assertEquals(Optional.empty(), identities.memberOf(REYES));
      assertFalse(identities.mayActAs(REYES, MemberId.of("m-reyes")));
    }

    @Test
    void aCoordinatorActsForColleaguesOfTheSameOfficeOnly() {
      assertTrue(identities.mayActAs(OKAFOR, MemberId.of("m-reyes")));
      assertFalse(identities.mayActAs(OKAFOR, MemberId.of("m-lin")));
    }

    @Test
    void anAttorneyActsOnlyAsThemselves() {
      assertTrue(identities.mayActAs(REYES, MemberId.of("m-reyes")));
      assertFalse(identities.mayActAs(REYES, MemberId.of("m-okafor")));
    }
  }

  @Nested
  @DisplayName("Access policy")
  class Access {
    private AccessPolicy policy;

    @BeforeEach
    void policy() {
      policy = adapter.getAccessPolicy().orElseThrow();
      cms.grant(StaffRole.ATTORNEY, "exchange.request");
      cms.grant(StaffRole.COORDINATOR, "exchange.request", "exchange.approve");
    }

    @Test
    void deniesByDefaultAndAllowsWhatTheRoleHolds() {
      assertTrue(policy.allows(REYES, "exchange.request", ANY));
      assertFalse(policy.allows(REYES, "exchange.approve", ANY));
      assertTrue(policy.allows(OKAFOR, "exchange.approve",
          Optional.of(CommunityId.of("c-violent-crime"))));
      assertFalse(policy.allows(HostUserId.of("nobody"), "exchange.request", ANY));
    }

    @Test
    void aDisabledAccountMayDoNothing() {
      cms.disableAccount(MemberId.of("m-okafor"));
      assertFalse(policy.allows(OKAFOR, "exchange.request", ANY));
    }

    @Test
    void onlyTheCaseTeamResolvesACaseReference() {
      CaseReference reference = cms.openCase("case-2026-0042", "2026-CR-0042",
          "State v. Example Defendant", REYES);
      assertEquals(CaseReference.of("case-2026-0042", "2026-CR-0042"), reference);
      assertTrue(policy.mayResolve(REYES, reference));
      assertFalse(policy.mayResolve(LIN, reference));
      assertEquals(Optional.of("State v. Example Defendant"), cms.caption(REYES, reference));
      assertEquals(Optional.empty(), cms.caption(LIN, reference));
      cms.disableAccount(MemberId.of("m-reyes"));
      assertFalse(policy.mayResolve(REYES, reference));
    }

    @Test
    void everyAttemptToFollowACaseReferenceIsAuditedByHandle() {
      CaseReference reference = cms.openCase("case-2026-0042", "2026-CR-0042",
          "State v. Example Defendant", REYES);
      cms.caption(LIN, reference);
      cms.caption(REYES, reference);
      List<AuditRecord> trail = cms.auditTrail();
      assertEquals(List.of("mlin case.resolve DENIED m-lin",
          "jreyes case.resolve COMMITTED m-reyes"),
          trail.stream().map(a -> a.getUser().value() + " " + a.getCommand() + " "
              + a.getOutcome() + " " + a.getActingAs().map(MemberId::value).orElse("-"))
              .toList());
      for (AuditRecord record : trail) {
        String reason = record.getReason().orElseThrow();
        assertTrue(reason.contains("case-2026-0042"), reason);
        assertFalse(reason.contains("2026-CR-0042") || reason.contains("Example"), reason);
      }
    }

    @Test
    void theDefaultsGrantEachRoleItsPcopActionsAndNothingElse() {
      cms.grantPcopDefaults();
      cms.grantPcopDefaults();
      assertTrue(policy.allows(REYES, "rfi.post", ANY));
      assertFalse(policy.allows(REYES, "exchange.approve", ANY));
      assertTrue(policy.allows(OKAFOR, "exchange.schedule", ANY));
      assertFalse(policy.allows(OKAFOR, "directory.sync", ANY));
      assertFalse(policy.allows(HostUserId.of("nobody"), "rfi.post", ANY));
    }

    @Test
    void aForgedReferenceResolvesForNobody() {
      cms.openCase("case-1", "2026-CR-0001", "State v. A", REYES);
      assertFalse(policy.mayResolve(REYES, CaseReference.of("case-2", "2026-CR-0001")));
    }
  }

  @Nested
  @DisplayName("Audit table")
  class Audit {
    @Test
    void keepsEveryRecordAsGivenInOrder() {
      AuditSink sink = adapter.getAuditSink().orElseThrow();
      AuditRecord committed = AuditRecord.builder().requestId("r-1").user(REYES)
          .actingAs(MemberId.of("m-reyes")).command("exchange.request")
          .at(Instant.parse("2026-03-02T15:00:00Z")).outcome(AuditOutcome.COMMITTED)
          .addEvents(EventId.of("e-1"), EventId.of("e-2")).build();
      AuditRecord denied = AuditRecord.builder().requestId("r-2").user(LIN)
          .command("case.resolve").at(Instant.parse("2026-03-02T15:01:00Z"))
          .outcome(AuditOutcome.DENIED).reason("not on the case team").build();
      sink.record(committed);
      sink.record(denied);
      assertEquals(List.of(committed, denied), cms.auditTrail());
    }
  }

  @Nested
  @DisplayName("Staff directory")
  class Directory {
    @Test
    void reportsOfficesTitlesAndDepartures() {
      MemberDirectory directory = adapter.getMemberDirectory().orElseThrow();
      DirectoryChanges first = directory.changesSince(Optional.empty(), 10);
      assertEquals(3, first.getEntries().size());
      cms.change(new StaffMember(MemberId.of("m-lin"), LIN, "Mei Lin", Optional.of("Chief ADA"),
          KNOX, "mlin@example.org", Optional.of("+1 865 215 2515"), StaffRole.COORDINATOR));
      cms.deleteStaffRow(MemberId.of("m-reyes"));
      DirectoryChanges delta = directory.changesSince(Optional.of(first.getMarker()), 10);
      assertEquals(List.of("m-lin Chief ADA true", "m-reyes Assistant District Attorney false"),
          delta.getEntries().stream().map(e -> e.getMember().getId() + " "
              + e.getMember().getTitle().orElse("") + " " + e.isActive()).sorted().toList());
    }

    @Test
    void refusesMarkersItDidNotHandOut() {
      MemberDirectory directory = adapter.getMemberDirectory().orElseThrow();
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> directory.changesSince(Optional.of(ChangeMarker.of("seq:99")), 10));
      assertTrue(e.getMessage().contains("seq:99"), e.getMessage());
      assertThrows(IllegalArgumentException.class,
          () -> directory.changesSince(Optional.of(ChangeMarker.of("2026-01-01")), 10));
      assertThrows(IllegalArgumentException.class,
          () -> directory.changesSince(Optional.empty(), 0));
    }
  }

  @Nested
  @DisplayName("Bad input")
  class BadInput {
    @Test
    void aDuplicateLoginIsRefusedAndNothingChanges() {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> cms.hire(StaffMember.of("m-other", "jreyes", "Other Person", "ADA", "shelby-da",
              "other@example.org", StaffRole.ATTORNEY)));
      assertTrue(e.getMessage().contains("already taken"), e.getMessage());
      assertEquals(3, adapter.getMemberDirectory().orElseThrow()
          .changesSince(Optional.empty(), 10).getEntries().size());
    }

    @Test
    void anUnknownOfficeIsRefused() {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> cms.hire(StaffMember.of("m-x", "x", "X Person", "ADA", "no-such-office",
              "x@example.org", StaffRole.ATTORNEY)));
      assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void aRowPcopCouldNotAcceptIsRefusedNamingTheField() {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> cms.hire(StaffMember.of("m-x", "x", "X Person", "ADA", "shelby-da",
              "not an email", StaffRole.ATTORNEY)));
      assertTrue(e.getMessage().contains("email"), e.getMessage());
    }

    @Test
    void changingOrRemovingSomeoneUnknownIsRefused() {
      assertThrows(IllegalArgumentException.class,
          () -> cms.disableAccount(MemberId.of("m-nobody")));
      assertThrows(IllegalArgumentException.class,
          () -> cms.deleteStaffRow(MemberId.of("m-nobody")));
    }

    @Test
    void actionNamesAreChecked() {
      assertThrows(IllegalArgumentException.class,
          () -> cms.grant(StaffRole.ATTORNEY, "DROP TABLE"));
    }
  }

  @Test
  void aFolderKeepsEverythingAcrossRestarts(@TempDir Path folder) {
    CaseManagementSystem first = CaseManagementSystem.inFolder(folder, TestSystems.CLOCK);
    first.addOffice(SHELBY, "Shelby County District Attorney General");
    first.hire(StaffMember.of("m-reyes", "jreyes", "Jordan Reyes", "ADA", "shelby-da",
        "jreyes@example.org", StaffRole.ATTORNEY));
    ChangeMarker marker = first.hostAdapter().getMemberDirectory().orElseThrow()
        .changesSince(Optional.empty(), 10).getMarker();
    CaseManagementSystem second = CaseManagementSystem.inFolder(folder, TestSystems.CLOCK);
    assertEquals(Optional.of(MemberId.of("m-reyes")),
        second.hostAdapter().getIdentityMapping().orElseThrow().memberOf(REYES));
    assertEquals(List.of(), second.hostAdapter().getMemberDirectory().orElseThrow()
        .changesSince(Optional.of(marker), 10).getEntries());
  }
}
