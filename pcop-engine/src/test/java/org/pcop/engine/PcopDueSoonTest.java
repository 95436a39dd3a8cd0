package org.pcop.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pcop.engine.World.*;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.pcop.model.ResponseId;
import org.pcop.model.RfiId;
import org.pcop.model.activity.ApproverRole;
import org.pcop.model.ExchangeId;
import org.pcop.rules.ServiceLevelWarning;
import org.pcop.rules.definition.RuleId;
import org.pcop.rules.definition.RuleSet;
import org.pcop.rules.definition.ServiceLevelKind;
import org.pcop.rules.definition.ServiceLevelRule;
import org.pcop.spi.Notification;
import org.pcop.spi.memory.InMemorySnapshotStore;

/**
 * A service level due soon is recorded once by {@code applyRuleResults} and its notification
 * goes to whoever owes the action, once, also after a restart and after a start from a snapshot.
 */
class PcopDueSoonTest {
  // World.NOW is Monday 1 June 2026, 10:00 in Chicago. A request answered that day owes an
  // acceptance by the end of Wednesday the 3rd (two business days), warned from the 3rd; an
  // exchange requested that day owes both approvals by the end of Thursday the 4th, warned from
  // Wednesday the 3rd.
  private static final RuleSet RULES = RuleSet.builder().id("deadlines").version(1)
      .addRule(ServiceLevelRule.builder().id(RuleId.of("acceptance")).community(PCOP)
          .obligation(ServiceLevelKind.RFI_ACCEPTANCE).days(2).businessDays(true)
          .warnBusinessDays(1).build())
      .addRule(ServiceLevelRule.builder().id(RuleId.of("approval")).community(PCOP)
          .obligation(ServiceLevelKind.EXCHANGE_APPROVAL).days(3).warnBusinessDays(2).build())
      .build();
  private static final Instant WARNED = Instant.parse("2026-06-03T14:00:00Z");

  private final World world = new World();
  private final MovingClock clock = new MovingClock();

  private Pcop engine() {
    return Pcop.builder().store(world.store).community(COMMUNITY).clock(clock).rules(RULES)
        .identities(world.identities).access(world.access).audit(world.audit)
        .notifications(world.sink).build();
  }

  private Pcop engine(InMemorySnapshotStore snapshots) {
    return Pcop.builder().store(world.store).community(COMMUNITY).clock(clock).rules(RULES)
        .identities(world.identities).access(world.access).audit(world.audit)
        .notifications(world.sink).snapshots(snapshots).snapshotEvery(1).build();
  }

  private List<Notification> dueSoon() {
    return world.sink.getDelivered().stream()
        .filter(n -> n.getKind().equals("service-level.due-soon")).collect(Collectors.toList());
  }

  private void answeredAndRequested(Pcop pcop) {
    world.populate(pcop);
    pcop.postRfi(world.as(PAT), rfi("q-1"));
    pcop.answerRfi(world.as(LEAD), RfiId.of("q-1"), ResponseId.of("a-1"), "Daily triage.");
    pcop.requestExchange(world.as(PAT), exchange("x-1"));
  }

  @Test
  void aWarningIsRecordedOnceAndTellsWhoOwesTheAction() {
    Pcop pcop = engine();
    answeredAndRequested(pcop);
    clock.set(Instant.parse("2026-06-02T14:00:00Z"));
    assertEquals(List.of(), pcop.applyRuleResults(world.as(ADMIN)).events(),
        "nothing is due soon yet");

    clock.set(WARNED);
    assertEquals(2, pcop.evaluation().findings(ServiceLevelWarning.class).size());
    CommandResult warned = pcop.applyRuleResults(world.as(ADMIN));
    assertEquals(List.of("service-level-warned", "service-level-warned"),
        warned.eventTypes());
    List<Notification> sent = dueSoon();
    assertEquals(2, sent.size(), sent.toString());
    Notification acceptance = sent.stream().filter(n -> n.getText().contains("q-1"))
        .findFirst().orElseThrow();
    assertEquals(Set.of(M_PAT), acceptance.getRecipients());
    assertEquals("Due soon: the acceptance of an answer of request q-1 is due by the end of"
        + " 2026-06-03 (America/Chicago)", acceptance.getText());
    Notification approval = sent.stream().filter(n -> n.getText().contains("x-1"))
        .findFirst().orElseThrow();
    assertEquals(Set.of(M_ADVISOR, M_LEAD), approval.getRecipients());

    clock.set(WARNED.plusSeconds(3600));
    assertEquals(List.of(), pcop.applyRuleResults(world.as(ADMIN)).events(),
        "the same warnings are not recorded again");
    assertEquals(2, dueSoon().size());

    // After one approval only the host site's lead still owes it, but the warning was given.
    pcop.approveExchange(world.as(ADVISOR), ExchangeId.of("x-1"), ApproverRole.PROGRAM_ADVISOR);
    assertEquals(List.of(), pcop.applyRuleResults(world.as(ADMIN)).events());
  }

  @Test
  void theAdministratorWhoRunsTheRulesIsToldWhatTheyOweToo() {
    Pcop pcop = engine();
    world.populate(pcop);
    pcop.postRfi(world.as(ADVISOR), org.pcop.model.activity.RequestForInformation.builder()
        .from(rfi("q-1")).askedBy(M_ADVISOR).build());
    pcop.answerRfi(world.as(LEAD), RfiId.of("q-1"), ResponseId.of("a-1"), "Daily triage.");
    clock.set(WARNED);
    pcop.applyRuleResults(world.as(ADVISOR));
    assertEquals(Set.of(M_ADVISOR), dueSoon().get(0).getRecipients());
  }

  @Test
  void aRestartNeitherRecordsNorSendsAWarningAgain() {
    Pcop first = engine();
    answeredAndRequested(first);
    clock.set(WARNED);
    first.applyRuleResults(world.as(ADMIN));
    assertEquals(2, dueSoon().size());

    Pcop second = engine();
    assertEquals(2, dueSoon().size(), "a restart sends nothing again");
    assertEquals(List.of(), second.applyRuleResults(world.as(ADMIN)).events());
    assertEquals(2, dueSoon().size());
  }

  @Test
  void aStartFromASnapshotKnowsWhichWarningsWereGiven() {
    InMemorySnapshotStore snapshots = InMemorySnapshotStore.create();
    Pcop first = engine(snapshots);
    answeredAndRequested(first);
    clock.set(WARNED);
    first.applyRuleResults(world.as(ADMIN));
    first.close();
    assertTrue(snapshots.load(org.pcop.spi.StreamId.of("pcop-" + PCOP.value())).isPresent(),
        "the engine wrote a snapshot");

    Pcop second = engine(snapshots);
    assertEquals(List.of(), second.applyRuleResults(world.as(ADMIN)).events(),
        "the snapshot holds the warnings given");
    assertEquals(2, dueSoon().size());
  }

  @Test
  void aWarningTheSinkRefusedIsDeliveredOnceByTheNextEngine() {
    Pcop first = engine();
    answeredAndRequested(first);
    clock.set(WARNED);
    world.sink.failNext(6); // each of the two is tried three times
    first.applyRuleResults(world.as(ADMIN));
    assertEquals(List.of(), dueSoon(), "the sink refused them");

    engine();
    assertEquals(2, dueSoon().size());
    engine();
    assertEquals(2, dueSoon().size(), "once however often they are handed over");
  }

  @Test
  void aWarningNobodyOwesIsNotRecorded() {
    Pcop pcop = engine();
    world.populate(pcop);
    pcop.requestExchange(world.as(PAT), exchange("x-1"));
    pcop.changeMembership(world.as(ADMIN), M_ADVISOR, org.pcop.model.MembershipRole.MEMBER,
        org.pcop.model.MembershipStatus.ACTIVE, java.util.Optional.empty());
    pcop.changeMembership(world.as(ADMIN), M_LEAD, org.pcop.model.MembershipRole.MEMBER,
        org.pcop.model.MembershipStatus.ACTIVE, java.util.Optional.empty());
    clock.set(WARNED);
    assertEquals(List.of(), pcop.applyRuleResults(world.as(ADMIN)).events());
    pcop.changeMembership(world.as(ADMIN), M_LEAD, org.pcop.model.MembershipRole.SITE_LEAD,
        org.pcop.model.MembershipStatus.ACTIVE, java.util.Optional.empty());
    assertEquals(List.of("service-level-warned"),
        pcop.applyRuleResults(world.as(ADMIN)).eventTypes());
    assertEquals(Set.of(M_LEAD), dueSoon().get(0).getRecipients());
  }
}
