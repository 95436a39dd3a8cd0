package org.pcop.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pcop.engine.World.*;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pcop.model.CaseReference;
import org.pcop.model.ExchangeId;
import org.pcop.model.RfiId;
import org.pcop.model.activity.Exchange;
import org.pcop.model.activity.ExchangeState;
import org.pcop.model.activity.RequestForInformation;
import org.pcop.model.event.ExchangeRequested;
import org.pcop.model.event.PcopEvent;
import org.pcop.model.event.RfiPosted;
import org.pcop.spi.AuditOutcome;
import org.pcop.spi.AuditRecord;
import org.pcop.engine.CommandRefusedException.Reason;

/** Following a case reference through the engine, and what each viewer sees of one. */
class PcopCaseResolutionTest {
  private static final CaseReference CASE = CaseReference.of("cms-7731", "File 2026-CR-0042");
  private static final CaseReference OTHER = CaseReference.of("cms-9001", "File 2026-CR-0077");
  private static final String LABEL = "2026-CR-0042";

  private final World world = new World();
  private final Pcop pcop = world.engine();

  @BeforeEach
  void exchangeAndRequestCarryCases() {
    world.populate(pcop);
    pcop.requestExchange(world.as(PAT),
        Exchange.builder().from(exchange("x-1")).addCaseReference(CASE).build());
    pcop.postRfi(world.as(PAT), RequestForInformation.builder().from(rfi("q-1"))
        .addCaseReference(OTHER).build());
  }

  private AuditRecord lastAudit() {
    List<AuditRecord> records = world.audit.getRecords();
    return records.get(records.size() - 1);
  }

  @Test
  void anAuthorisedUserGetsTheReferenceWithItsLabelAndTheAttemptIsAudited() {
    world.access.authoriseCase(LEAD, "cms-7731");
    world.access.authoriseCase(LEAD, "cms-9001");
    assertEquals(Optional.of(CASE),
        pcop.resolveCaseReference(CommandContext.of(LEAD, "look-1"), "cms-7731"));
    AuditRecord audited = lastAudit();
    assertEquals(List.of("look-1", Pcop.RESOLVE_COMMAND, "COMMITTED", "lead", "m-lead"),
        List.of(audited.getRequestId(), audited.getCommand(), audited.getOutcome().name(),
            audited.getUser().value(), audited.getActingAs().orElseThrow().toString()));
    assertTrue(audited.getReason().orElseThrow().contains("cms-7731"), audited.toString());
    assertFalse(audited.toString().contains(LABEL), audited.toString());
    assertEquals(List.of(), audited.getEvents());
    assertEquals(Optional.of(OTHER), pcop.resolveCaseReference(world.as(LEAD), "cms-9001"));
    assertFalse(Pcop.ACTIONS.contains(Pcop.RESOLVE_COMMAND));
  }

  @Test
  void aReferenceStillResolvesOnceItsExchangeIsClosed() {
    pcop.cancelExchange(world.as(PAT), ExchangeId.of("x-1"), "The host is not available.");
    world.access.authoriseCase(PAT, "cms-7731");
    assertEquals(ExchangeState.CANCELLED,
        pcop.exchange(ExchangeId.of("x-1")).orElseThrow().getState());
    assertEquals(Optional.of(CASE), pcop.resolveCaseReference(world.as(PAT), "cms-7731"));
  }

  @Test
  void anUnknownHandleIsEmptyForAnAuthorisedUserAndAudited() {
    world.access.authoriseCase(LEAD, "cms-0000");
    int before = world.audit.getRecords().size();
    assertEquals(Optional.empty(), pcop.resolveCaseReference(world.as(LEAD), "cms-0000"));
    assertEquals(before + 1, world.audit.getRecords().size());
    assertEquals(AuditOutcome.COMMITTED, lastAudit().getOutcome());
    assertTrue(lastAudit().getReason().orElseThrow().contains("cms-0000"));
  }

  @Test
  void aUserTheHostDoesNotAuthoriseIsDeniedAndTheDenialNamesOnlyTheHandle() {
    CommandRefusedException denied = assertThrows(CommandRefusedException.class,
        () -> pcop.resolveCaseReference(CommandContext.of(LEAD, "look-2"), "cms-7731"));
    assertEquals(Reason.DENIED, denied.getReason());
    assertTrue(denied.getProblems().get(0).contains("cms-7731"), denied.getProblems().toString());
    assertFalse(denied.toString().contains(LABEL), denied.toString());
    AuditRecord audited = lastAudit();
    assertEquals(List.of("look-2", Pcop.RESOLVE_COMMAND, "DENIED"), List.of(
        audited.getRequestId(), audited.getCommand(), audited.getOutcome().name()));
    assertFalse(audited.toString().contains(LABEL), audited.toString());
  }

  @Test
  void aRefusedUserCannotTellAKnownHandleFromAnUnknownOne() {
    CommandRefusedException unknown = assertThrows(CommandRefusedException.class,
        () -> pcop.resolveCaseReference(world.as(LEAD), "cms-0000"));
    assertEquals(Reason.DENIED, unknown.getReason());
    assertEquals(AuditOutcome.DENIED, lastAudit().getOutcome());
  }

  @Test
  void anUnmappedUserIsDeniedEvenForACaseTheHostWouldShowThem() {
    world.access.authoriseCase(STRANGER, "cms-7731");
    CommandRefusedException denied = assertThrows(CommandRefusedException.class,
        () -> pcop.resolveCaseReference(world.as(STRANGER), "cms-7731"));
    assertEquals(Reason.DENIED, denied.getReason());
    assertTrue(denied.getProblems().get(0).contains("not mapped"), denied.getProblems().toString());
    assertEquals(AuditOutcome.DENIED, lastAudit().getOutcome());
    assertEquals(Optional.empty(), lastAudit().getActingAs());
  }

  @Test
  void aBlankHandleIsInvalidAndAudited() {
    CommandRefusedException invalid = assertThrows(CommandRefusedException.class,
        () -> pcop.resolveCaseReference(world.as(LEAD), " "));
    assertEquals(Reason.INVALID, invalid.getReason());
    assertTrue(invalid.getProblems().get(0).contains("handle"), invalid.getProblems().toString());
    assertEquals(AuditOutcome.REJECTED, lastAudit().getOutcome());
  }

  @Test
  void aFailingAuditSinkFailsTheResolutionClosed() {
    world.access.authoriseCase(LEAD, "cms-7731");
    world.audit.failNext(1);
    CommandRefusedException failed = assertThrows(CommandRefusedException.class,
        () -> pcop.resolveCaseReference(world.as(LEAD), "cms-7731"));
    assertEquals(Reason.STORE_FAILURE, failed.getReason());
    assertTrue(failed.getProblems().get(0).contains("audit sink"),
        failed.getProblems().toString());
    assertFalse(failed.toString().contains(LABEL), failed.toString());
  }

  @Test
  void viewerAwareQueriesShowTheLabelOnlyToTheCaseTeam() {
    pcop.cancelExchange(world.as(PAT), ExchangeId.of("x-1"), "The host is not available.");
    assertEquals(CASE, pcop.exchange(ExchangeId.of("x-1")).orElseThrow()
        .getCaseReferences().get(0), "the trusted query keeps the label");
    assertTrue(pcop.openExchanges(LEAD).isEmpty());

    CaseReference redacted = CaseReference.of("cms-7731", "cms-7731");
    assertEquals(redacted, pcop.exchange(ExchangeId.of("x-1"), LEAD).orElseThrow()
        .getCaseReferences().get(0));
    assertEquals(List.of(List.of(redacted)), pcop.exchanges(LEAD).stream()
        .map(Exchange::getCaseReferences).toList(), "a cancelled exchange is listed too");
    assertEquals(CaseReference.of("cms-9001", "cms-9001"),
        pcop.rfi(RfiId.of("q-1"), LEAD).orElseThrow().getCaseReferences().get(0));
    assertEquals(CaseReference.of("cms-9001", "cms-9001"),
        pcop.rfis(LEAD).get(0).getCaseReferences().get(0));
    assertEquals(Optional.empty(), pcop.exchange(ExchangeId.of("x-none"), LEAD));
    assertEquals(Optional.empty(), pcop.rfi(RfiId.of("q-none"), LEAD));

    world.access.authoriseCase(LEAD, "cms-7731");
    assertEquals(CASE, pcop.exchange(ExchangeId.of("x-1"), LEAD).orElseThrow()
        .getCaseReferences().get(0));
    assertEquals(CASE, pcop.exchanges(LEAD).get(0).getCaseReferences().get(0));
    assertEquals(CaseReference.of("cms-9001", "cms-9001"),
        pcop.rfi(RfiId.of("q-1"), LEAD).orElseThrow().getCaseReferences().get(0),
        "one case's grant does not reveal another's label");
  }

  @Test
  void aHistoryShowsCaseLabelsOnlyToTheCaseTeam() {
    assertTrue(pcop.history(M_PAT).toString().contains(LABEL), "the trusted query keeps it");
    List<PcopEvent> seenByLead = pcop.history(M_PAT, LEAD);
    assertEquals(pcop.history(M_PAT).size(), seenByLead.size());
    assertFalse(seenByLead.toString().contains(LABEL), seenByLead.toString());
    assertFalse(seenByLead.toString().contains("2026-CR-0077"), seenByLead.toString());
    assertTrue(seenByLead.stream().anyMatch(e -> e instanceof ExchangeRequested
        && ((ExchangeRequested) e).getExchange().getCaseReferences().get(0).getLabel()
            .equals("cms-7731")));
    assertTrue(seenByLead.stream().anyMatch(e -> e instanceof RfiPosted
        && ((RfiPosted) e).getRequest().getCaseReferences().get(0).getLabel()
            .equals("cms-9001")));

    world.access.authoriseCase(LEAD, "cms-7731");
    world.access.authoriseCase(LEAD, "cms-9001");
    assertEquals(pcop.history(M_PAT), pcop.history(M_PAT, LEAD));
  }
}
