package org.pcop.samples.cms;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcop.model.Agency;
import org.pcop.model.AgencyId;
import org.pcop.model.AgencyKind;
import org.pcop.model.CaseReference;
import org.pcop.model.Community;
import org.pcop.model.CommunityId;
import org.pcop.model.EngagementKind;
import org.pcop.model.ExchangeId;
import org.pcop.model.JurisdictionLevel;
import org.pcop.model.Member;
import org.pcop.model.MemberId;
import org.pcop.model.Membership;
import org.pcop.model.MembershipRole;
import org.pcop.model.MembershipStatus;
import org.pcop.model.ProgramId;
import org.pcop.model.ResponseId;
import org.pcop.model.RfiId;
import org.pcop.model.Site;
import org.pcop.model.SiteEngagement;
import org.pcop.model.SiteId;
import org.pcop.model.activity.ApproverRole;
import org.pcop.model.activity.Exchange;
import org.pcop.model.activity.ExchangeMode;
import org.pcop.model.activity.ExchangeState;
import org.pcop.model.activity.RequestForInformation;
import org.pcop.model.activity.RfiState;
import org.pcop.model.activity.Schedule;
import org.pcop.model.event.PcopEvent;
import org.pcop.model.taxonomy.CoreAreaId;
import org.pcop.model.taxonomy.TaxonomyId;
import org.pcop.model.taxonomy.TopicId;
import org.pcop.rules.Evaluation;
import org.pcop.rules.Outcome;
import org.pcop.rules.RuleResult;
import org.pcop.rules.Subject;
import org.pcop.rules.definition.RuleId;
import org.pcop.spi.AuditOutcome;
import org.pcop.spi.AuditRecord;
import org.pcop.spi.HostUserId;
import org.pcop.engine.CommandContext;
import org.pcop.engine.CommandRefusedException;
import org.pcop.engine.CommandResult;
import org.pcop.engine.Pcop;

/**
 * The case-management system with pcop's engine embedded, end to end on one H2 database kept in
 * files: staff sync, registration, enrolment and memberships, an exchange that carries a case
 * reference from request to follow-up report, an RFI answered across sites, a denied attempt to
 * follow someone else's case reference, and a restart that rebuilds the same state from the
 * database.
 *
 * <p>A statewide system serves three district attorneys' offices, each at a site of the program:
 * Shelby County (Memphis, in operations), Knox County (Knoxville, in its diagnostic phase) and
 * Davidson County (Nashville, alumni). Jordan Reyes (Shelby) asks to visit Knox County about a
 * case of hers; Mei Lin (Knox) is not on that case.
 */
class EmbeddedEngineEndToEndTest {
  private static final CommunityId PCOP = CommunityId.of("pcop");
  private static final Community COMMUNITY = Community.builder().id(PCOP)
      .program(ProgramId.of("psp")).name("Prosecution Community of Practice")
      .taxonomy(TaxonomyId.of("psp")).timeZone(ZoneId.of("America/Chicago")).build();
  private static final Instant START = Instant.parse("2026-03-02T15:00:00Z");
  private static final TopicId NIBIN = TopicId.of("gun-violence.nibin");

  private static final SiteId MEMPHIS = SiteId.of("s-memphis");
  private static final SiteId KNOXVILLE = SiteId.of("s-knoxville");
  private static final SiteId NASHVILLE = SiteId.of("s-nashville");
  private static final AgencyId SHELBY = AgencyId.of("shelby-da");
  private static final AgencyId KNOX = AgencyId.of("knox-da");
  private static final AgencyId DAVIDSON = AgencyId.of("davidson-da");

  private static final HostUserId ADMIN = HostUserId.of("tadmin");
  private static final HostUserId REYES = HostUserId.of("jreyes");
  private static final HostUserId OKAFOR = HostUserId.of("cokafor");
  private static final HostUserId LIN = HostUserId.of("mlin");
  private static final HostUserId HADDAD = HostUserId.of("shaddad");
  private static final HostUserId BROOKS = HostUserId.of("abrooks");
  private static final HostUserId PARK = HostUserId.of("dpark");
  private static final MemberId M_ADMIN = MemberId.of("m-admin");
  private static final MemberId M_REYES = MemberId.of("m-reyes");
  private static final MemberId M_OKAFOR = MemberId.of("m-okafor");
  private static final MemberId M_LIN = MemberId.of("m-lin");
  private static final MemberId M_HADDAD = MemberId.of("m-haddad");
  private static final MemberId M_BROOKS = MemberId.of("m-brooks");
  private static final MemberId M_PARK = MemberId.of("m-park");

  /** What never leaves the CMS (the caption) and what only the case team may see (the label). */
  private static final String CASE_HANDLE = "case-2026-0042";
  private static final String DOCKET = "2026-CR-0042";
  private static final String CAPTION = "State v. Example Defendant";

  private static final ExchangeId EXCHANGE = ExchangeId.of("x-knox-nibin");
  private static final String REPORT = "Two days with the Knox County gun crimes unit; their"
      + " NIBIN lead review checklist is attached for adoption in Shelby County.";
  private static final RfiId RFI = RfiId.of("rfi-nibin-leads");
  private static final ResponseId ANSWER = ResponseId.of("ans-shelby-1");

  @TempDir
  Path folder;

  private final SteppingClock clock = new SteppingClock(START);
  private int request;

  @Test
  void aCaseTravelsFromRequestToFollowUpReportAndTheStateSurvivesARestart() throws SQLException {
    JdbcDataSource database = database();
    CaseManagementSystem cms = CaseManagementSystem.open(database, clock);
    staffTheOffices(cms);
    CaseReference theCase = cms.openCase(CASE_HANDLE, DOCKET, CAPTION, REYES, OKAFOR);
    Pcop pcop = cms.pcop(COMMUNITY);

    syncStaff(cms, pcop);
    registerSitesAndOffices(pcop);
    enrolTheCommunity(pcop);
    requestAndApprove(cms, pcop, theCase);
    onlyTheCaseTeamSeesTheCase(cms, pcop, theCase);
    holdAndDocument(cms, pcop, theCase);
    answerAcrossSites(cms, pcop);
    nothingOfTheCaseLeftTheCms(cms, database);

    clock.set(Instant.parse("2026-05-01T15:00:00Z"));
    Snapshot before = Snapshot.of(pcop);
    int inboxBefore = cms.inbox().size();
    int auditBefore = cms.auditTrail().size();
    long rowsBefore = countEvents(database);

    // Restart: the engine is closed, the database shut down and opened again from its files;
    // nothing of the old system or engine is used from here on.
    pcop.close();
    assertThrows(IllegalStateException.class, () -> pcop.roster(), "a closed engine is done");
    shutDown(database);
    JdbcDataSource reopened = database();
    CaseManagementSystem restarted = CaseManagementSystem.open(reopened, clock);
    Pcop again = restarted.pcop(COMMUNITY);

    assertEquals(before, Snapshot.of(again), "the rebuilt engine must answer as before");
    assertEquals(inboxBefore, restarted.inbox().size(), "a rebuild notifies nobody again");
    continuesAfterRestart(restarted, again, rowsBefore, reopened);
    assertEquals(auditBefore + 5, restarted.auditTrail().size(),
        "the sync, the retry, the refused retry with other input and the two resolves after the"
            + " restart are audited, and nothing else");
    nothingOfTheCaseLeftTheCms(restarted, reopened);
  }

  @Test
  void everyPcopActionIsHeldByARoleAndRolesHoldOnlyPcopActions() {
    Set<String> held = new LinkedHashSet<>();
    for (StaffRole role : StaffRole.values()) {
      assertTrue(Pcop.ACTIONS.containsAll(role.pcopActions()),
          role + " holds names pcop does not ask about: " + role.pcopActions());
      held.addAll(role.pcopActions());
    }
    assertEquals(Set.copyOf(Pcop.ACTIONS), held);
    assertTrue(StaffRole.ADMINISTRATOR.pcopActions().containsAll(Pcop.ACTIONS));
    assertFalse(StaffRole.ATTORNEY.pcopActions().contains("exchange.approve"));
  }

  @Test
  void withoutGrantsTheEngineDeniesAndAuditsTheDenial() {
    CaseManagementSystem cms = CaseManagementSystem.open(database(), clock);
    cms.addOffice(SHELBY, "Shelby County District Attorney General");
    cms.hire(StaffMember.of(M_ADMIN.value(), ADMIN.value(), "Terry Admin",
        "Systems Administrator", SHELBY.value(), "tadmin@example.org",
        StaffRole.ADMINISTRATOR));
    Pcop pcop = cms.pcop(COMMUNITY);
    CommandRefusedException e = assertThrows(CommandRefusedException.class,
        () -> pcop.syncDirectory(CommandContext.of(ADMIN, "sync-without-grants")));
    assertEquals(CommandRefusedException.Reason.DENIED, e.getReason());
    AuditRecord denial = cms.auditTrail().get(cms.auditTrail().size() - 1);
    assertEquals(List.of("sync-without-grants", "directory.sync", "DENIED"),
        List.of(denial.getRequestId(), denial.getCommand(), denial.getOutcome().name()));
    assertEquals(List.of(), pcop.roster());
    assertTrue(pcop.member(M_ADMIN).isEmpty(), "a denied sync enrols nobody");
  }

  @Test
  void theEngineNeedsACommunity() {
    CaseManagementSystem cms = CaseManagementSystem.open(database(), clock);
    NullPointerException e = assertThrows(NullPointerException.class, () -> cms.pcop(null));
    assertTrue(e.getMessage().contains("community"), e.getMessage());
  }

  // ---------------------------------------------------------------- the steps

  /** The statewide system's offices, people and role permissions. */
  private void staffTheOffices(CaseManagementSystem cms) {
    cms.addOffice(SHELBY, "Shelby County District Attorney General");
    cms.addOffice(KNOX, "Knox County District Attorney General");
    cms.addOffice(DAVIDSON, "Davidson County District Attorney General");
    hire(cms, M_ADMIN, ADMIN, "Terry Admin", "Systems Administrator", SHELBY,
        StaffRole.ADMINISTRATOR);
    hire(cms, M_REYES, REYES, "Jordan Reyes", "Assistant District Attorney", SHELBY,
        StaffRole.ATTORNEY);
    hire(cms, M_OKAFOR, OKAFOR, "Chidi Okafor", "Violent Crime Coordinator", SHELBY,
        StaffRole.COORDINATOR);
    hire(cms, M_LIN, LIN, "Mei Lin", "Assistant District Attorney", KNOX, StaffRole.ATTORNEY);
    hire(cms, M_HADDAD, HADDAD, "Samir Haddad", "Deputy District Attorney", KNOX,
        StaffRole.COORDINATOR);
    hire(cms, M_BROOKS, BROOKS, "Alex Brooks", "Chief Deputy District Attorney", DAVIDSON,
        StaffRole.COORDINATOR);
    hire(cms, M_PARK, PARK, "Dana Park", "Assistant District Attorney", KNOX,
        StaffRole.ATTORNEY);
    cms.grantPcopDefaults();
  }

  /**
   * The staff table reaches pcop through its directory: everyone is enrolled; then a title
   * changes and an account is disabled, and the next sync carries exactly those two changes.
   */
  private void syncStaff(CaseManagementSystem cms, Pcop pcop) {
    CommandResult first = pcop.syncDirectory(as(ADMIN));
    assertEquals(7, first.events().size(), first.eventTypes().toString());
    assertEquals(Set.of("member-enrolled"), Set.copyOf(first.eventTypes()));
    assertEquals(Optional.of("Assistant District Attorney"),
        pcop.member(M_LIN).flatMap(Member::getTitle));
    assertEquals(KNOX, pcop.member(M_LIN).orElseThrow().getAgency());

    cms.change(new StaffMember(M_LIN, LIN, "Mei Lin", Optional.of("Senior ADA, Gun Crimes"),
        KNOX, "mlin@example.org", Optional.of("+1 865 215 2515"), StaffRole.ATTORNEY));
    cms.disableAccount(M_PARK);
    CommandResult delta = pcop.syncDirectory(as(ADMIN));
    assertEquals(List.of("member-deactivated", "member-enrolled"),
        delta.eventTypes().stream().sorted().toList());
    assertEquals(Optional.of("Senior ADA, Gun Crimes"),
        pcop.member(M_LIN).flatMap(Member::getTitle));
    assertTrue(pcop.isDeactivated(M_PARK));
    assertTrue(pcop.member(M_PARK).isPresent(), "a person who left keeps their record");
    assertEquals(List.of(), pcop.syncDirectory(as(ADMIN)).events(), "nothing changed since");

    CommandRefusedException denied = assertThrows(CommandRefusedException.class,
        () -> pcop.syncDirectory(as(PARK)));
    assertEquals(CommandRefusedException.Reason.DENIED, denied.getReason());
  }

  private void registerSitesAndOffices(Pcop pcop) {
    pcop.registerSite(as(ADMIN), site(MEMPHIS, "Memphis, Tennessee",
        SiteEngagement.standard(EngagementKind.OPERATIONS, LocalDate.of(2024, 10, 1))));
    pcop.registerSite(as(ADMIN), site(KNOXVILLE, "Knoxville, Tennessee",
        SiteEngagement.standard(EngagementKind.DIAGNOSTIC, LocalDate.of(2025, 6, 1))));
    pcop.registerSite(as(ADMIN), site(NASHVILLE, "Nashville, Tennessee",
        SiteEngagement.builder().kind(EngagementKind.ALUMNI).start(LocalDate.of(2024, 9, 1))
            .build()));
    pcop.registerAgency(as(ADMIN), agency(SHELBY, "Shelby County District Attorney General",
        MEMPHIS));
    pcop.registerAgency(as(ADMIN), agency(KNOX, "Knox County District Attorney General",
        KNOXVILLE));
    pcop.registerAgency(as(ADMIN), agency(DAVIDSON, "Davidson County District Attorney General",
        NASHVILLE));

    CommandRefusedException unknownSite = assertThrows(CommandRefusedException.class,
        () -> pcop.registerAgency(as(ADMIN), agency(AgencyId.of("hamilton-da"),
            "Hamilton County District Attorney General", SiteId.of("s-chattanooga"))));
    assertEquals(CommandRefusedException.Reason.RULE, unknownSite.getReason());
  }

  /** A program advisor (Davidson), the host site lead (Knox) and members at both other sites. */
  private void enrolTheCommunity(Pcop pcop) {
    join(pcop, M_BROOKS, MembershipRole.PROGRAM_ADVISOR);
    join(pcop, M_HADDAD, MembershipRole.SITE_LEAD);
    join(pcop, M_REYES, MembershipRole.MEMBER);
    join(pcop, M_OKAFOR, MembershipRole.MEMBER);
    join(pcop, M_LIN, MembershipRole.MEMBER);

    CommandRefusedException left = assertThrows(CommandRefusedException.class,
        () -> join(pcop, M_PARK, MembershipRole.MEMBER));
    assertEquals(CommandRefusedException.Reason.RULE, left.getReason());
    assertTrue(left.getProblems().toString().contains("deactivated"),
        left.getProblems().toString());

    Map<MemberId, String> roster = roster(pcop);
    assertEquals(Map.of(M_BROOKS, "PROGRAM_ADVISOR ACTIVE", M_HADDAD, "SITE_LEAD ACTIVE",
        M_REYES, "MEMBER ACTIVE", M_OKAFOR, "MEMBER ACTIVE", M_LIN, "MEMBER ACTIVE"), roster);
  }

  /**
   * Reyes requests the exchange with her case attached; the advisor and the host site lead are
   * told in their CMS inbox and approve; an attorney may not approve.
   */
  private void requestAndApprove(CaseManagementSystem cms, Pcop pcop, CaseReference theCase) {
    clock.set(Instant.parse("2026-03-03T16:00:00Z"));
    Exchange exchange = Exchange.builder().id(EXCHANGE).community(PCOP).hostAgency(KNOX)
        .hostSite(KNOXVILLE).addVisitingAgency(SHELBY)
        .purpose("Observe how Knox County reviews NIBIN leads before charging.")
        .addCoreArea(CoreAreaId.of("gun-violence"))
        .mode(ExchangeMode.IN_PERSON).requestedBy(M_REYES).requestedAt(clock.instant())
        .travelFunding(new BigDecimal("4500")).addCaseReference(theCase).build();
    pcop.requestExchange(as(REYES), exchange);

    InboxMessage asked = only(cms.inbox(), "exchange.approval-requested");
    assertEquals(Set.of(M_BROOKS, M_HADDAD), asked.recipients());
    assertTrue(asked.text().contains(CASE_HANDLE), asked.text());

    CommandRefusedException attorney = assertThrows(CommandRefusedException.class,
        () -> pcop.approveExchange(as(LIN), EXCHANGE, ApproverRole.HOST_SITE_LEAD));
    assertEquals(CommandRefusedException.Reason.DENIED, attorney.getReason());
    CommandRefusedException notTheLead = assertThrows(CommandRefusedException.class,
        () -> pcop.approveExchange(as(OKAFOR), EXCHANGE, ApproverRole.HOST_SITE_LEAD));
    assertEquals(CommandRefusedException.Reason.RULE, notTheLead.getReason());

    clock.advance(Duration.ofDays(2));
    pcop.approveExchange(as(BROOKS), EXCHANGE, ApproverRole.PROGRAM_ADVISOR);
    assertEquals(ExchangeState.REQUESTED, pcop.exchange(EXCHANGE).orElseThrow().getState());
    pcop.approveExchange(as(HADDAD), EXCHANGE, ApproverRole.HOST_SITE_LEAD);
    assertEquals(ExchangeState.APPROVED, pcop.exchange(EXCHANGE).orElseThrow().getState());
    assertEquals(2, cms.inboxOf(M_REYES).stream()
        .filter(m -> m.kind().equals("exchange.approved")).count());

    pcop.scheduleExchange(as(HADDAD), EXCHANGE,
        Schedule.of(LocalDate.of(2026, 4, 14), LocalDate.of(2026, 4, 15)));
    assertEquals(ExchangeState.SCHEDULED, pcop.exchange(EXCHANGE).orElseThrow().getState());
  }

  /**
   * Lin, at the host office but not on the case, sees the exchange with the handle only and may
   * not follow it to the case, through pcop or through the CMS's own screens; the denials are in
   * the CMS audit table. Reyes, on the case team, sees the docket number and, through pcop, the
   * caption.
   */
  private void onlyTheCaseTeamSeesTheCase(CaseManagementSystem cms, Pcop pcop,
      CaseReference theCase) {
    CaseReference seenByLin = caseOf(pcop.openExchanges(LIN));
    assertEquals(CASE_HANDLE, seenByLin.getHandle());
    assertEquals(CASE_HANDLE, seenByLin.getLabel(), "an outsider sees the handle, not the label");

    int audited = cms.auditTrail().size();
    assertEquals(List.of(seenByLin),
        pcop.exchange(EXCHANGE, LIN).orElseThrow().getCaseReferences());
    assertEquals(Optional.empty(), cms.caption(pcop, LIN, seenByLin.getHandle()));
    assertEquals(Optional.empty(), cms.caption(LIN, theCase), "knowing the label does not help");
    List<AuditRecord> denials = cms.auditTrail().subList(audited, audited + 2);
    for (AuditRecord denial : denials) {
      assertEquals(CaseManagementSystem.RESOLVE_COMMAND, denial.getCommand());
      assertEquals(AuditOutcome.DENIED, denial.getOutcome());
      assertEquals(LIN, denial.getUser());
      assertEquals(Optional.of(M_LIN), denial.getActingAs());
      assertTrue(denial.getReason().orElseThrow().contains(CASE_HANDLE),
          denial.getReason().toString());
    }

    assertEquals(theCase, caseOf(pcop.openExchanges(REYES)));
    assertEquals(theCase, caseOf(pcop.openExchanges(OKAFOR)));
    assertEquals(Optional.of(theCase), pcop.resolveCaseReference(as(REYES), CASE_HANDLE));
    assertEquals(Optional.of(CAPTION),
        cms.caption(pcop, REYES, caseOf(pcop.openExchanges(REYES)).getHandle()));
    AuditRecord shown = cms.auditTrail().get(cms.auditTrail().size() - 1);
    assertEquals(List.of(REYES.value(), "COMMITTED"),
        List.of(shown.getUser().value(), shown.getOutcome().name()));
  }

  /**
   * The exchange is held and documented; afterwards it is still listed with its case, the
   * label still shown to the case team alone, and the case team can still follow it.
   */
  private void holdAndDocument(CaseManagementSystem cms, Pcop pcop, CaseReference theCase) {
    clock.set(Instant.parse("2026-04-15T22:00:00Z"));
    pcop.holdExchange(as(HADDAD), EXCHANGE, LocalDate.of(2026, 4, 15));
    assertEquals(ExchangeState.HELD, pcop.exchange(EXCHANGE).orElseThrow().getState());

    clock.set(Instant.parse("2026-04-22T15:00:00Z"));
    pcop.documentExchange(CommandContext.of(REYES, "report-x-knox-nibin"), EXCHANGE, REPORT);
    Exchange documented = pcop.exchange(EXCHANGE).orElseThrow();
    assertEquals(ExchangeState.DOCUMENTED, documented.getState());
    assertEquals(M_REYES, documented.getReport().orElseThrow().getSubmittedBy());
    assertEquals(Optional.of(LocalDate.of(2026, 4, 15)), documented.getHeldOn());
    assertTrue(pcop.openExchanges().isEmpty(), "a documented exchange is no longer open");

    CaseReference handleOnly = CaseReference.of(CASE_HANDLE, CASE_HANDLE);
    assertEquals(List.of(handleOnly),
        pcop.exchange(EXCHANGE, LIN).orElseThrow().getCaseReferences());
    assertEquals(List.of(theCase),
        pcop.exchange(EXCHANGE, REYES).orElseThrow().getCaseReferences());
    assertEquals(List.of(List.of(handleOnly)), pcop.exchanges(LIN).stream()
        .map(Exchange::getCaseReferences).toList(), "a documented exchange is still listed");
    assertEquals(ExchangeState.DOCUMENTED, pcop.exchanges(REYES).get(0).getState());
    assertEquals(List.of(theCase), pcop.exchanges(REYES).get(0).getCaseReferences());
    assertFalse(pcop.history(M_REYES, LIN).toString().contains(DOCKET),
        "another member's view of Reyes's history shows the handle only");
    assertTrue(pcop.history(M_REYES, REYES).toString().contains(DOCKET));
    assertEquals(Optional.of(CAPTION), cms.caption(pcop, REYES, CASE_HANDLE),
        "the case team still follows the reference of a documented exchange");
    assertEquals(Optional.empty(), cms.caption(pcop, LIN, CASE_HANDLE));
  }

  /** Lin (Knox) asks, Reyes (Shelby) answers, Lin accepts; each is told in their inbox. */
  private void answerAcrossSites(CaseManagementSystem cms, Pcop pcop) {
    clock.set(Instant.parse("2026-04-23T14:00:00Z"));
    pcop.postRfi(as(LIN), RequestForInformation.builder().id(RFI).community(PCOP)
        .askedBy(M_LIN).topic(NIBIN)
        .question("How do you decide which NIBIN leads go to a prosecutor first?")
        .postedAt(clock.instant()).build());
    assertEquals(RfiState.OPEN, pcop.rfi(RFI).orElseThrow().getState());

    clock.advance(Duration.ofHours(20));
    pcop.answerRfi(as(REYES), RFI, ANSWER,
        "Our crime gun intelligence unit triages leads daily; the checklist from the Knox"
            + " exchange now decides which reach the charging attorney.");
    assertEquals(RfiState.ANSWERED, pcop.rfi(RFI).orElseThrow().getState());
    assertEquals(Set.of(M_LIN), only(cms.inbox(), "rfi.answered").recipients());

    CommandRefusedException notTheAsker = assertThrows(CommandRefusedException.class,
        () -> pcop.acceptAnswer(as(REYES), RFI, ANSWER));
    assertEquals(CommandRefusedException.Reason.RULE, notTheAsker.getReason());
    pcop.acceptAnswer(as(LIN), RFI, ANSWER);
    RequestForInformation resolved = pcop.rfi(RFI).orElseThrow();
    assertEquals(RfiState.RESOLVED, resolved.getState());
    assertEquals(M_REYES, resolved.getResponses().get(0).getRespondent());
    assertEquals(Set.of(M_REYES), only(cms.inbox(), "rfi.accepted").recipients());
    assertTrue(pcop.openRfis().isEmpty());

    RuleResult firstResponse = result(pcop, "rfi-first-response", Subject.rfi(RFI));
    assertEquals(Outcome.PASSED, firstResponse.getOutcome(),
        firstResponse.getExplanation().getText());
  }

  /**
   * After the restart: the directory sync continues from its stored marker, a retried request
   * is acknowledged without a second event, and the case team rule still holds.
   */
  private void continuesAfterRestart(CaseManagementSystem cms, Pcop pcop, long rowsBefore,
      JdbcDataSource database) throws SQLException {
    assertEquals(List.of(), pcop.syncDirectory(as(ADMIN)).events(),
        "the sync continues where it ended before the restart");
    CommandResult retry = pcop.documentExchange(CommandContext.of(REYES, "report-x-knox-nibin"),
        EXCHANGE, REPORT);
    assertTrue(retry.retry(), "the request was committed before the restart");
    CommandRefusedException changed = assertThrows(CommandRefusedException.class,
        () -> pcop.documentExchange(CommandContext.of(REYES, "report-x-knox-nibin"), EXCHANGE,
            "Two days with the Knox County gun crimes unit."));
    assertEquals(CommandRefusedException.Reason.INVALID, changed.getReason(),
        "a retry must repeat its request; other input under the same request id is refused");
    assertEquals(rowsBefore, countEvents(database), "a retry stores nothing");
    assertEquals(Optional.empty(), cms.caption(pcop, LIN, CASE_HANDLE));
    assertEquals(Optional.of(CAPTION), cms.caption(pcop, REYES, CASE_HANDLE));
  }

  /** Neither the inbox nor the audit table holds the case's label or caption, only its handle. */
  private void nothingOfTheCaseLeftTheCms(CaseManagementSystem cms, JdbcDataSource database)
      throws SQLException {
    List<String> texts = new ArrayList<>();
    try (Connection connection = database.getConnection();
        Statement statement = connection.createStatement()) {
      for (String sql : List.of("SELECT kind || ' ' || text FROM cms_inbox_message",
          "SELECT command || ' ' || COALESCE(reason, '') || ' ' || events FROM cms_audit")) {
        try (ResultSet rows = statement.executeQuery(sql)) {
          while (rows.next()) {
            texts.add(rows.getString(1));
          }
        }
      }
    }
    assertFalse(texts.isEmpty());
    List<String> leaks = texts.stream().filter(t -> t.contains(DOCKET) || t.contains(CAPTION)
        || t.contains("Example Defendant")).toList();
    assertEquals(List.of(), leaks, "case labels or captions in the inbox or the audit table");
    assertTrue(texts.stream().anyMatch(t -> t.contains(CASE_HANDLE)),
        "the handle is what the inbox and the audit table name");
    assertTrue(cms.auditTrail().stream().anyMatch(a -> a.getOutcome() == AuditOutcome.DENIED
        && a.getCommand().equals(CaseManagementSystem.RESOLVE_COMMAND)));
  }

  // ---------------------------------------------------------------- what a restart must keep

  /** What the engine answers, as plain values that compare by content. */
  private record Snapshot(List<Membership> roster, Map<MemberId, Optional<Member>> members,
      Set<MemberId> deactivated, Map<MemberId, List<PcopEvent>> histories,
      List<Exchange> openExchanges, Optional<Exchange> exchange, List<RequestForInformation> rfis,
      Optional<RequestForInformation> rfi, Evaluation evaluation, long position) {

    static Snapshot of(Pcop pcop) {
      List<MemberId> people = List.of(M_ADMIN, M_REYES, M_OKAFOR, M_LIN, M_HADDAD, M_BROOKS,
          M_PARK);
      Map<MemberId, Optional<Member>> members = new TreeMap<>(Comparator.comparing(
          MemberId::value));
      Map<MemberId, List<PcopEvent>> histories = new TreeMap<>(Comparator.comparing(
          MemberId::value));
      for (MemberId person : people) {
        members.put(person, pcop.member(person));
        histories.put(person, pcop.history(person));
      }
      Snapshot snapshot = new Snapshot(
          pcop.roster(),
          members,
          people.stream().filter(pcop::isDeactivated).collect(Collectors.toSet()),
          histories, pcop.openExchanges(), pcop.exchange(EXCHANGE), pcop.openRfis(),
          pcop.rfi(RFI),
          pcop.evaluation(),
          pcop.position());
      assertAll("a snapshot worth comparing",
          () -> assertEquals(5, snapshot.roster().size()),
          () -> assertEquals(Set.of(M_PARK), snapshot.deactivated()),
          () -> assertFalse(snapshot.histories().get(M_REYES).isEmpty()),
          () -> assertEquals(ExchangeState.DOCUMENTED,
              snapshot.exchange().orElseThrow().getState()),
          () -> assertEquals(RfiState.RESOLVED, snapshot.rfi().orElseThrow().getState()),
          () -> assertFalse(snapshot.evaluation().getResults().isEmpty()),
          () -> assertTrue(snapshot.position() > 0));
      return snapshot;
    }
  }

  // ---------------------------------------------------------------- helpers

  private JdbcDataSource database() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:file:" + folder.resolve("cms").toAbsolutePath() + ";DB_CLOSE_DELAY=-1");
    h2.setUser("sa");
    h2.setPassword("");
    return h2;
  }

  private static void shutDown(JdbcDataSource database) throws SQLException {
    try (Connection connection = database.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("SHUTDOWN");
    }
  }

  private static long countEvents(JdbcDataSource database) throws SQLException {
    try (Connection connection = database.getConnection();
        PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM pcop_events");
        ResultSet row = count.executeQuery()) {
      row.next();
      return row.getLong(1);
    }
  }

  private CommandContext as(HostUserId user) {
    return CommandContext.of(user, "e2e-" + (++request));
  }

  private static void hire(CaseManagementSystem cms, MemberId id, HostUserId login, String name,
      String title, AgencyId office, StaffRole role) {
    cms.hire(StaffMember.of(id.value(), login.value(), name, title, office.value(),
        login.value() + "@example.org", role));
  }

  private void join(Pcop pcop, MemberId member, MembershipRole role) {
    pcop.changeMembership(as(ADMIN), member, role, MembershipStatus.ACTIVE, Optional.empty());
  }

  private static Site site(SiteId id, String name, SiteEngagement engagement) {
    return Site.builder().id(id).name(name).state("TN").addEngagement(engagement).build();
  }

  private static Agency agency(AgencyId id, String name, SiteId site) {
    return Agency.builder().id(id).name(name).kind(AgencyKind.DISTRICT_OR_COUNTY_ATTORNEY)
        .jurisdictionLevel(JurisdictionLevel.LOCAL).state("TN").site(site).build();
  }

  private static Map<MemberId, String> roster(Pcop pcop) {
    return pcop.roster().stream().collect(Collectors.toMap(Membership::getMember,
        m -> m.getRole() + " " + m.getStatus()));
  }

  private static InboxMessage only(List<InboxMessage> inbox, String kind) {
    List<InboxMessage> found = inbox.stream().filter(m -> m.kind().equals(kind)).toList();
    assertEquals(1, found.size(), "messages of kind " + kind + ": " + found);
    return found.get(0);
  }

  private static CaseReference caseOf(List<Exchange> open) {
    List<Exchange> matching = open.stream().filter(x -> x.getId().equals(EXCHANGE)).toList();
    assertEquals(1, matching.size(), "open exchanges: " + open);
    assertEquals(1, matching.get(0).getCaseReferences().size());
    return matching.get(0).getCaseReferences().get(0);
  }

  private static RuleResult result(Pcop pcop, String rule, Subject subject) {
    List<RuleResult> found = pcop.evaluation().getResults().stream()
        .filter(r -> r.getRule().equals(RuleId.of(rule)) && r.getSubject().equals(subject))
        .toList();
    assertEquals(1, found.size(), "results of " + rule + " for " + subject + ": " + found);
    return found.get(0);
  }
}
