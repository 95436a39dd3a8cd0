package org.pcop.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pcop.engine.World.*;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pcop.engine.CommandRefusedException.Reason;
import org.pcop.model.event.ConductFlagRecorded;
import org.pcop.model.event.ConductFlagStatus;
import org.pcop.model.event.EngagementLevelChanged;
import org.pcop.model.event.EngagementLevelLocked;
import org.pcop.model.event.PcopEvent;
import org.pcop.rules.definition.EngagementLevelRule;
import org.pcop.rules.definition.Level;
import org.pcop.rules.definition.Measure;
import org.pcop.rules.definition.RuleId;
import org.pcop.rules.definition.RuleSet;
import org.pcop.spi.AuditOutcome;
import org.pcop.spi.AuditRecord;

/**
 * The decisions people make that the rules read: a coordinator locks and unlocks a member's level,
 * and raises, upholds or dismisses a conduct flag; each changes what the rules decide, and each is
 * audited like every command.
 */
class PcopHumanDecisionsTest {
  /** One level, held by anyone without an upheld conduct flag; demoted at once. */
  private static final RuleSet TRUST = RuleSet.builder().id("trust").version(1)
      .addRule(EngagementLevelRule.builder().id(RuleId.of("levels")).community(PCOP)
          .addLevel(Level.of("trusted", Measure.noUpheldConductFlag()))
          .addLevel(Level.of("steward", Measure.tenureDays(10_000)))
          .demotionFraction(1.0).graceDays(0).build())
      .build();

  private final World world = new World();
  private final MovingClock clock = new MovingClock();
  private final Pcop pcop = Pcop.builder().store(world.store).community(COMMUNITY).clock(clock)
      .rules(TRUST).identities(world.identities).access(world.access).audit(world.audit)
      .notifications(world.sink).build();

  private Optional<String> levelChangeOf(CommandResult result) {
    return pcop.history(M_ADMIN).stream().filter(e -> result.events().contains(e.getEventId()))
        .filter(EngagementLevelChanged.class::isInstance).map(EngagementLevelChanged.class::cast)
        .filter(e -> e.getMember().equals(M_PAT)).map(EngagementLevelChanged::getTo)
        .findFirst().orElseThrow(() -> new AssertionError("no level change for Pat in "
            + result));
  }

  private AuditRecord lastAudit() {
    List<AuditRecord> records = world.audit.getRecords();
    return records.get(records.size() - 1);
  }

  @Test
  void anUpheldFlagCostsALevelAndADismissalGivesItBack() {
    world.populate(pcop);
    assertEquals(Optional.of("trusted"), levelChangeOf(pcop.applyRuleResults(world.as(ADMIN))));

    pcop.raiseConductFlag(world.as(ADMIN), M_PAT, "Shared a document marked internal.");
    clock.advance(Duration.ofDays(1));
    CommandResult stillTrusted = pcop.applyRuleResults(world.as(ADMIN));
    assertTrue(stillTrusted.events().isEmpty(), "a raised flag changes nothing: "
        + stillTrusted);

    CommandResult upheld = pcop.upholdConductFlag(world.as(ADMIN), M_PAT, "Confirmed.");
    assertEquals(List.of("conduct-flag-recorded"), upheld.eventTypes());
    assertEquals("conduct.upheld", lastAudit().getCommand());
    assertEquals(AuditOutcome.COMMITTED, lastAudit().getOutcome());
    clock.advance(Duration.ofDays(1));
    assertEquals(Optional.empty(), levelChangeOf(pcop.applyRuleResults(world.as(ADMIN))));

    pcop.dismissConductFlag(world.as(ADMIN), M_PAT, "Overturned on review.");
    clock.advance(Duration.ofDays(1));
    assertEquals(Optional.of("trusted"), levelChangeOf(pcop.applyRuleResults(world.as(ADMIN))));
    PcopEvent last = pcop.history(M_PAT).stream().filter(ConductFlagRecorded.class::isInstance)
        .reduce((a, b) -> b).orElseThrow();
    assertEquals(ConductFlagStatus.DISMISSED, ((ConductFlagRecorded) last).getStatus());
  }

  @Test
  void aLockedLevelHoldsUntilUnlocked() {
    world.populate(pcop);
    CommandResult locked = pcop.lockLevel(world.as(ADMIN), M_PAT, "steward");
    assertEquals(List.of("engagement-level-locked"), locked.eventTypes());
    assertEquals(Optional.of("steward"), levelChangeOf(pcop.applyRuleResults(world.as(ADMIN))));

    pcop.unlockLevel(world.as(ADMIN), M_PAT);
    clock.advance(Duration.ofDays(1));
    assertEquals(Optional.of("trusted"), levelChangeOf(pcop.applyRuleResults(world.as(ADMIN))));
    assertEquals("rules.apply", lastAudit().getCommand());
    assertTrue(pcop.history(M_ADMIN).stream().anyMatch(e -> e instanceof EngagementLevelLocked
        && ((EngagementLevelLocked) e).getLevel().isEmpty()), "the unlock is in the log");
  }

  @Test
  void decisionsThatDoNotFitTheStateAreRefusedAndAudited() {
    world.populate(pcop);
    CommandRefusedException unknownLevel = assertThrows(CommandRefusedException.class,
        () -> pcop.lockLevel(world.as(ADMIN), M_PAT, "grandmaster"));
    assertEquals(Reason.RULE, unknownLevel.getReason());
    assertEquals(List.of("level: grandmaster is not a level of the engagement level rules of"
        + " pcop (trusted, steward)"), unknownLevel.getProblems());
    assertEquals(AuditOutcome.REJECTED, lastAudit().getOutcome());

    CommandRefusedException notLocked = assertThrows(CommandRefusedException.class,
        () -> pcop.unlockLevel(world.as(ADMIN), M_PAT));
    assertEquals(List.of("member m-pat has no locked level in pcop"), notLocked.getProblems());

    CommandRefusedException nothingRaised = assertThrows(CommandRefusedException.class,
        () -> pcop.upholdConductFlag(world.as(ADMIN), M_PAT, null));
    assertEquals(List.of("member m-pat has no raised conduct flag to uphold"),
        nothingRaised.getProblems());

    CommandRefusedException denied = assertThrows(CommandRefusedException.class,
        () -> pcop.raiseConductFlag(world.as(STRANGER), M_PAT, null));
    assertEquals(Reason.DENIED, denied.getReason());
    assertEquals(AuditOutcome.DENIED, lastAudit().getOutcome());
    assertEquals("conduct.raised", lastAudit().getCommand());
  }
}
