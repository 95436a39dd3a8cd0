package org.pcop.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pcop.engine.World.*;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pcop.engine.CommandRefusedException.Reason;
import org.pcop.guard.CaseFactGuard;
import org.pcop.guard.CaseFactPolicy;
import org.pcop.guard.spi.CaseFactDetector;
import org.pcop.model.ActivityId;
import org.pcop.model.CaseReference;
import org.pcop.model.ExchangeId;
import org.pcop.model.ResponseId;
import org.pcop.model.RfiId;
import org.pcop.model.activity.Activity;
import org.pcop.model.activity.ActivityKind;
import org.pcop.model.activity.ApproverRole;
import org.pcop.model.activity.Exchange;
import org.pcop.model.activity.RequestForInformation;
import org.pcop.model.activity.Schedule;
import org.pcop.model.event.CaseFactDecision;
import org.pcop.model.event.EventId;
import org.pcop.model.event.RedactedSpan;
import org.pcop.spi.AuditOutcome;
import org.pcop.spi.AuditRecord;
import org.pcop.spi.RecordedEvent;

/**
 * The community's case-fact policy through the engine: under REFUSE a command whose free text
 * holds case facts is refused as INVALID naming the field, the kind and the offsets; under FLAG
 * it is stored, audited with the findings and its batch marked; under OFF nothing is checked.
 * No refusal message, audit record or notification ever repeats the text found.
 */
class PcopCaseFactsTest {
  private static final String SSN = "123-45-6789";
  private static final String DOB = "04/12/1988";
  private static final String NAME = "Marcus Reed";
  private static final String FACTS = "Need priors on the defendant, " + NAME + ", DOB " + DOB
      + ", SSN " + SSN + ".";
  private static final List<String> SECRETS = List.of(SSN, DOB, NAME, "6789", "Reed",
      "2026-CR-0042", "State v.");
  private static final ExchangeId X_1 = ExchangeId.of("x-1");
  private static final RfiId Q_1 = RfiId.of("q-1");

  private final World world = new World();

  private Pcop engine(CaseFactPolicy policy) {
    return builder().caseFacts(policy).build();
  }

  private PcopBuilder builder() {
    return Pcop.builder().store(world.store).community(COMMUNITY).clock(CLOCK)
        .identities(world.identities).access(world.access).audit(world.audit)
        .notifications(world.sink).directory(world.directory);
  }

  private int stored() {
    return world.memoryStore.readAll(0, 100_000).size();
  }

  private AuditRecord lastAudit() {
    List<AuditRecord> records = world.audit.getRecords();
    return records.get(records.size() - 1);
  }

  /** Nothing the engine told anyone repeats the text found. */
  private void assertNoEcho(Object... more) {
    List<String> told = new ArrayList<>();
    world.audit.getRecords().forEach(r -> told.add(r.toString()));
    world.sink.getDelivered().forEach(n -> told.add(n.toString()));
    for (Object o : more) {
      told.add(String.valueOf(o));
    }
    for (String text : told) {
      for (String secret : SECRETS) {
        assertFalse(text.contains(secret), "\"" + secret + "\" repeated in: " + text);
      }
    }
  }

  private static Activity webinar(String title) {
    Instant starts = NOW.plus(Duration.ofDays(1));
    return Activity.builder().id(ActivityId.of("w-1")).community(PCOP)
        .kind(ActivityKind.WEBINAR).title(title).startsAt(starts)
        .endsAt(starts.plus(Duration.ofHours(1))).build();
  }

  private static void approve(World w, Pcop pcop) {
    pcop.requestExchange(w.as(PAT), exchange("x-1"));
    pcop.approveExchange(w.as(ADVISOR), X_1, ApproverRole.PROGRAM_ADVISOR);
    pcop.approveExchange(w.as(LEAD), X_1, ApproverRole.HOST_SITE_LEAD);
  }

  private static void hold(World w, Pcop pcop) {
    approve(w, pcop);
    pcop.scheduleExchange(w.as(ADMIN), X_1,
        Schedule.of(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 7, 2)));
    pcop.holdExchange(w.as(ADMIN), X_1, LocalDate.of(2026, 7, 1));
  }

  /** A command storing one free text, the field the engine names, and what it needs first. */
  record Field(String field, Setup setup, Command command) {
    @Override
    public String toString() {
      return field;
    }
  }

  @FunctionalInterface
  interface Setup {
    void run(World w, Pcop pcop);
  }

  @FunctionalInterface
  interface Command {
    CommandResult run(World w, Pcop pcop, String text);
  }

  static Stream<Field> fields() {
    return Stream.of(
        new Field("activity.title", (w, p) -> { },
            (w, p, t) -> p.recordActivity(w.as(ADMIN), webinar(t))),
        new Field("exchange.purpose", (w, p) -> { },
            (w, p, t) -> p.requestExchange(w.as(PAT),
                Exchange.builder().from(exchange("x-1")).purpose(t).build())),
        new Field("exchange.caseReferences[0].label", (w, p) -> { },
            (w, p, t) -> p.requestExchange(w.as(PAT), Exchange.builder().from(exchange("x-1"))
                .addCaseReference(CaseReference.of("cms-7731", t)).build())),
        new Field("reason", (w, p) -> p.requestExchange(w.as(PAT), exchange("x-1")),
            (w, p, t) -> p.declineExchange(w.as(ADVISOR), X_1, ApproverRole.PROGRAM_ADVISOR,
                t)),
        new Field("reason", PcopCaseFactsTest::approve,
            (w, p, t) -> p.cancelExchange(w.as(ADMIN), X_1, t)),
        new Field("report.summary", PcopCaseFactsTest::hold,
            (w, p, t) -> p.documentExchange(w.as(ADMIN), X_1, t)),
        new Field("request.question", (w, p) -> { },
            (w, p, t) -> p.postRfi(w.as(PAT),
                RequestForInformation.builder().from(rfi("q-1")).question(t).build())),
        new Field("request.caseReferences[0].label", (w, p) -> { },
            (w, p, t) -> p.postRfi(w.as(PAT), RequestForInformation.builder().from(rfi("q-1"))
                .addCaseReference(CaseReference.of("cms-7731", t)).build())),
        new Field("response.text", (w, p) -> p.postRfi(w.as(PAT), rfi("q-1")),
            (w, p, t) -> p.answerRfi(w.as(LEAD), Q_1, ResponseId.of("a-1"), t)),
        new Field("reason", (w, p) -> p.postRfi(w.as(PAT), rfi("q-1")),
            (w, p, t) -> p.closeRfi(w.as(ADMIN), Q_1, t)),
        new Field("reason", (w, p) -> { },
            (w, p, t) -> p.raiseConductFlag(w.as(ADMIN), M_PAT, t)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fields")
  void underRefuseEveryFreeTextWithCaseFactsIsRefusedNamingFieldKindAndOffsets(Field f) {
    Pcop pcop = engine(CaseFactPolicy.REFUSE);
    world.populate(pcop);
    f.setup().run(world, pcop);
    int before = stored();
    int delivered = world.sink.getDelivered().size();
    CommandRefusedException e = assertThrows(CommandRefusedException.class,
        () -> f.command().run(world, pcop, "Victim SSN " + SSN + " per the CMS."));
    assertEquals(Reason.INVALID, e.getReason());
    int at = ("Victim SSN ").length();
    assertTrue(e.getProblems().contains("field \"" + f.field() + "\" holds a Social Security"
        + " number (ssn) at characters " + at + " to " + (at + SSN.length())),
        e.getProblems().toString());
    assertEquals(before, stored(), "nothing is stored");
    assertEquals(delivered, world.sink.getDelivered().size(), "nobody is notified");
    AuditRecord audit = lastAudit();
    assertEquals(AuditOutcome.REJECTED, audit.getOutcome());
    assertTrue(audit.getReason().orElseThrow().contains("(ssn) at characters " + at),
        audit.toString());
    assertNoEcho(e.getMessage(), e.getProblems());

    // The same command with the facts left out is stored.
    f.command().run(world, pcop, "Details are in the case-management system.");
    assertEquals(before + 1, stored());
  }

  @Test
  void aRefusalNamesEveryFindingAndHowToMendIt() {
    Pcop pcop = engine(CaseFactPolicy.REFUSE);
    world.populate(pcop);
    CommandRefusedException e = assertThrows(CommandRefusedException.class,
        () -> pcop.postRfi(world.as(PAT),
            RequestForInformation.builder().from(rfi("q-1")).question(FACTS).build()));
    assertEquals(Reason.INVALID, e.getReason());
    assertEquals("rfi.post", e.getCommand());
    List<String> problems = e.getProblems();
    assertTrue(problems.stream().anyMatch(p -> p.startsWith("field \"request.question\" holds a"
        + " date of birth (date-of-birth) at characters ")), problems.toString());
    assertTrue(problems.stream().anyMatch(p -> p.startsWith("field \"request.question\" holds a"
        + " named person in a case role (person-in-case-role) at characters ")),
        problems.toString());
    int ssn = FACTS.indexOf(SSN);
    assertTrue(problems.contains("field \"request.question\" holds a Social Security number"
        + " (ssn) at characters " + ssn + " to " + (ssn + SSN.length())), problems.toString());
    assertEquals("case facts stay in the case-management system: name the case by its case"
        + " reference and leave out its facts", problems.get(problems.size() - 1));
    assertNoEcho(e.getMessage(), e.getProblems());
  }

  @Test
  void aCaseLabelMayNameItsDocketNumberButNothingElse() {
    Pcop pcop = engine(CaseFactPolicy.REFUSE);
    world.populate(pcop);
    pcop.requestExchange(world.as(PAT), Exchange.builder().from(exchange("x-1"))
        .addCaseReference(CaseReference.of("cms-7731", "2026-CR-0042")).build());
    CommandRefusedException e = assertThrows(CommandRefusedException.class,
        () -> pcop.requestExchange(world.as(PAT), Exchange.builder().from(exchange("x-2"))
            .addCaseReference(CaseReference.of("cms-7732", "2026-CR-0042 State v. " + NAME))
            .build()));
    assertTrue(e.getProblems().get(0).startsWith("field \"exchange.caseReferences[0].label\""
        + " holds a case caption (case-caption) at characters 13 to "), e.getProblems().toString());
    assertFalse(e.getMessage().contains("(case-number)"), e.getMessage());
    assertNoEcho(e.getMessage());
  }

  @Test
  void refuseIsTheDefault() {
    Pcop pcop = builder().build();
    world.populate(pcop);
    assertThrows(CommandRefusedException.class, () -> pcop.postRfi(world.as(PAT),
        RequestForInformation.builder().from(rfi("q-1")).question(FACTS).build()));
  }

  @Test
  void underFlagTheCommandIsStoredAuditedWithTheFindingsAndItsBatchMarked() {
    Pcop pcop = engine(CaseFactPolicy.FLAG);
    world.populate(pcop);
    String label = "2026-CR-0042 State v. " + NAME;
    Exchange exchange = Exchange.builder().from(exchange("x-1")).purpose(FACTS)
        .addCaseReference(CaseReference.of("cms-7731", label)).build();
    CommandResult result = pcop.requestExchange(world.as(PAT), exchange);
    assertEquals(List.of("exchange-requested"), result.eventTypes());

    AuditRecord audit = lastAudit();
    assertEquals(AuditOutcome.COMMITTED, audit.getOutcome());
    String reason = audit.getReason().orElseThrow();
    assertTrue(reason.startsWith("flagged for a coordinator's review: "), reason);
    int ssn = FACTS.indexOf(SSN);
    assertTrue(reason.contains("field \"exchange.purpose\" holds a Social Security number (ssn)"
        + " at characters " + ssn + " to " + (ssn + SSN.length())), reason);
    assertTrue(reason.contains("field \"exchange.caseReferences[0].label\" holds a case"
        + " caption (case-caption) at characters 13 to "), reason);
    // A label names its case by docket number for those who may resolve it: not a finding.
    assertFalse(reason.contains("(case-number)"), reason);

    RecordedEvent last = world.memoryStore.readAll(0, 100_000).get(stored() - 1);
    String marks = last.getEvent().getMetadata().get(CaseFactScreen.FINDINGS_KEY);
    assertTrue(marks.contains(result.events().get(0).value()
        + " exchange.purpose ssn " + ssn + " " + (ssn + SSN.length())), marks);
    assertTrue(marks.contains(" exchange.caseReferences[0].label case-caption 13 "), marks);

    // The approvers were notified, by the case's handle only.
    assertFalse(world.sink.getDelivered().isEmpty());
    pcop.answerRfi(world.as(LEAD), postClean(pcop), ResponseId.of("a-1"),
        "Call " + NAME + " (witness) on his cell.");
    assertTrue(lastAudit().getReason().orElseThrow().contains("(person-in-case-role)"));
    assertEquals("rfi.answered", world.sink.getDelivered()
        .get(world.sink.getDelivered().size() - 1).getKind());
    assertNoEcho();
    // The text itself is stored as typed, for the review.
    assertEquals(FACTS, pcop.exchange(X_1).orElseThrow().getPurpose());

    // The review list names both flagged events and where their findings lie, and so does a
    // new engine over the same store, whatever its policy.
    List<CaseFactFlag> flags = pcop.caseFactFlags();
    assertEquals(2, flags.size(), flags.toString());
    CaseFactFlag requested = flags.get(0);
    assertEquals(result.events().get(0), requested.event());
    assertEquals("exchange-requested", requested.eventType());
    assertEquals("exchange.request", requested.command());
    assertEquals(result.requestId(), requested.requestId());
    assertTrue(requested.findings().contains(new CaseFactFlag.Place("exchange.purpose", "ssn",
        ssn, ssn + SSN.length())), requested.toString());
    assertTrue(requested.findings().stream().anyMatch(p -> p.equals(new CaseFactFlag.Place(
        "exchange.caseReferences[0].label", "case-caption", 13, p.end()))),
        requested.toString());
    assertEquals("rfi-answered", flags.get(1).eventType());
    assertEquals(List.of("response.text"), flags.get(1).findings().stream()
        .map(CaseFactFlag.Place::field).distinct().toList());
    pcop.close();
    assertEquals(flags, engine(CaseFactPolicy.OFF).caseFactFlags());
    assertNoEcho(flags);
  }

  @Test
  void aRedactionMasksEveryReadOfTheFlaggedTextsInThisAndLaterEngines() {
    Pcop pcop = engine(CaseFactPolicy.FLAG);
    world.populate(pcop);
    String label = "2026-CR-0042 State v. " + NAME;
    pcop.requestExchange(world.as(PAT), Exchange.builder().from(exchange("x-1")).purpose(FACTS)
        .addCaseReference(CaseReference.of("cms-7731", label)).build());
    pcop.answerRfi(world.as(LEAD), postClean(pcop), ResponseId.of("a-1"),
        "Call " + NAME + " (witness) on his cell.");
    List<CaseFactFlag> flags = pcop.caseFactFlags();
    assertEquals(2, flags.size(), flags.toString());

    for (CaseFactFlag flag : flags) {
      CommandResult review = pcop.reviewCaseFacts(world.as(ADMIN), flag.event(),
          CaseFactDecision.REDACTED);
      assertEquals(List.of("case-facts-reviewed"), review.eventTypes());
      assertEquals("casefacts.review", lastAudit().getCommand());
      assertEquals(AuditOutcome.COMMITTED, lastAudit().getOutcome());
    }

    assertEquals(List.of(), pcop.caseFactFlags(), "nothing awaits review");
    world.access.authoriseCase(PAT, "cms-7731");
    List<Object> reads = new ArrayList<>();
    for (Pcop engine : List.of(pcop, engine(CaseFactPolicy.OFF))) {
      Exchange read = engine.exchange(X_1).orElseThrow();
      assertTrue(read.getPurpose().startsWith("Need priors on the defendant, [redacted]"),
          read.getPurpose());
      assertTrue(read.getPurpose().contains("[redacted]"), read.getPurpose());
      assertTrue(read.getCaseReferences().get(0).getLabel().startsWith("2026-CR-0042 "
          + "[redacted]"), read.getCaseReferences().toString());
      RequestForInformation request = engine.rfi(Q_1).orElseThrow();
      assertTrue(request.getResponses().get(0).getText().contains("[redacted]"),
          request.toString());
      reads.add(read);
      reads.add(request);
      reads.add(engine.exchanges(PAT));
      reads.add(engine.openExchanges());
      reads.add(engine.rfis(LEAD));
      reads.add(engine.history(M_PAT));
      reads.add(engine.history(M_LEAD, LEAD));
      CaseReference resolved = engine.resolveCaseReference(world.as(PAT), "cms-7731")
          .orElseThrow();
      assertTrue(resolved.getLabel().contains("[redacted]"), resolved.toString());
      reads.add(resolved);
    }
    assertNoEcho();
    // The label keeps its docket number, which is what a label is for; nothing else is read.
    for (Object read : reads) {
      for (String secret : List.of(SSN, DOB, NAME, "6789", "Reed", "State v.")) {
        assertFalse(read.toString().contains(secret), "\"" + secret + "\" read in: " + read);
      }
    }
  }

  @Test
  void aClearanceLeavesTheTextAsWrittenAndTheFlagReviewed() {
    Pcop pcop = engine(CaseFactPolicy.FLAG);
    world.populate(pcop);
    pcop.requestExchange(world.as(PAT), Exchange.builder().from(exchange("x-1")).purpose(FACTS)
        .build());
    CaseFactFlag flag = pcop.caseFactFlags().get(0);

    pcop.reviewCaseFacts(world.as(ADMIN), flag.event(), CaseFactDecision.CLEARED);

    assertEquals(List.of(), pcop.caseFactFlags());
    assertEquals(FACTS, pcop.exchange(X_1).orElseThrow().getPurpose());
    int before = stored();
    CommandRefusedException again = assertThrows(CommandRefusedException.class,
        () -> pcop.reviewCaseFacts(world.as(ADMIN), flag.event(), CaseFactDecision.REDACTED));
    assertEquals(Reason.RULE, again.getReason());
    assertEquals(List.of("event " + flag.event() + " was already reviewed: CLEARED"),
        again.getProblems());
    assertEquals(before, stored());
  }

  @Test
  void onlyAFlaggedEventCanBeReviewed() {
    Pcop pcop = engine(CaseFactPolicy.FLAG);
    world.populate(pcop);
    EventId clean = pcop.postRfi(world.as(PAT), rfi("q-1")).events().get(0);
    int before = stored();

    CommandRefusedException e = assertThrows(CommandRefusedException.class,
        () -> pcop.reviewCaseFacts(world.as(ADMIN), clean, CaseFactDecision.CLEARED));

    assertEquals(Reason.RULE, e.getReason());
    assertEquals(List.of("event " + clean + " was not flagged for case-fact review"),
        e.getProblems());
    assertEquals(before, stored());
    assertEquals(AuditOutcome.REJECTED, lastAudit().getOutcome());
  }

  @Test
  void aMaskMergesOverlappingSpansAndClampsToTheText() {
    List<RedactedSpan> spans = List.of(RedactedSpan.of("f", 2, 5), RedactedSpan.of("f", 4, 7),
        RedactedSpan.of("other", 0, 1), RedactedSpan.of("f", 9, 40));
    assertEquals("ab[redacted]hi[redacted]", CaseFactReviews.mask("abcdefghijkl", "f", spans));
    assertEquals("abc", CaseFactReviews.mask("abc", "g", spans));
    assertEquals("ab[redacted]", CaseFactReviews.mask("abcd", "f", spans));
  }

  private RfiId postClean(Pcop pcop) {
    pcop.postRfi(world.as(PAT), rfi("q-1"));
    return Q_1;
  }

  @Test
  void underOffNothingIsChecked() {
    Pcop pcop = engine(CaseFactPolicy.OFF);
    world.populate(pcop);
    pcop.postRfi(world.as(PAT),
        RequestForInformation.builder().from(rfi("q-1")).question(FACTS).build());
    assertEquals(AuditOutcome.COMMITTED, lastAudit().getOutcome());
    assertEquals(Optional.empty(), lastAudit().getReason());
    RecordedEvent last = world.memoryStore.readAll(0, 100_000).get(stored() - 1);
    assertFalse(last.getEvent().getMetadata().containsKey(CaseFactScreen.FINDINGS_KEY));
    assertEquals(FACTS, pcop.rfi(Q_1).orElseThrow().getQuestion());
    assertEquals(List.of(), pcop.caseFactFlags());
  }

  @Test
  void theGuardRunsOnCommandsNeverOnReplay() {
    Pcop off = engine(CaseFactPolicy.OFF);
    world.populate(off);
    off.postRfi(world.as(PAT),
        RequestForInformation.builder().from(rfi("q-1")).question(FACTS).build());
    off.close();
    // An engine under REFUSE over the same log replays what was stored before.
    Pcop refusing = engine(CaseFactPolicy.REFUSE);
    assertEquals(FACTS, refusing.rfi(Q_1).orElseThrow().getQuestion());
    assertEquals(List.of(), refusing.refusedEvents());
  }

  @Test
  void aHostDetectorThatFailsFailsTheCommandClosedWithoutTheText() {
    CaseFactDetector broken = new CaseFactDetector() {
      @Override
      public String kind() {
        return "acme-person-id";
      }

      @Override
      public String description() {
        return "an Acme person id";
      }

      @Override
      public void detect(String text, Matches matches) {
        throw new IllegalStateException("cannot read " + text);
      }
    };
    Pcop pcop = builder().caseFactGuard(CaseFactGuard.standard().with(broken)).build();
    world.populate(pcop);
    int before = stored();
    CommandRefusedException e = assertThrows(CommandRefusedException.class,
        () -> pcop.postRfi(world.as(PAT),
            RequestForInformation.builder().from(rfi("q-1")).question(FACTS).build()));
    assertEquals(Reason.STORE_FAILURE, e.getReason());
    assertTrue(e.getProblems().get(0).contains("(kind acme-person-id) failed on field"
        + " \"request.question\""), e.getProblems().toString());
    assertEquals(before, stored());
    assertEquals(AuditOutcome.FAILED, lastAudit().getOutcome());
    assertNoEcho(e.getMessage(), e.getProblems(), e.getCause());
  }
}
