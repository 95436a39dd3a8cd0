package org.pcop.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pcop.engine.World.*;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.pcop.model.InvalidValueException;
import org.pcop.model.Member;
import org.pcop.model.MemberId;
import org.pcop.model.MembershipRole;
import org.pcop.model.MembershipStatus;
import org.pcop.model.RfiId;
import org.pcop.model.event.EventId;
import org.pcop.rules.AnswererSuggestion;
import org.pcop.rules.AnswererWeights;
import org.pcop.rules.DefaultRules;
import org.pcop.rules.definition.AnswererInvitationRule;
import org.pcop.rules.definition.RecommendationRule;
import org.pcop.rules.definition.RuleId;
import org.pcop.rules.definition.RuleSet;
import org.pcop.spi.Notification;
import org.pcop.spi.memory.InMemoryNotificationSink;
import org.pcop.spi.memory.InMemorySnapshotStore;

/**
 * A posted request invites its best suggested answerers when the community's policy says so:
 * never by default, as many as the policy names, never the asker or a member left out of the
 * suggestions, once each across a restart, a retried post and a start from a snapshot.
 */
class PcopAnswererInvitationTest {
  private static final int ONE_FLUSH = HandOvers.ONE_FLUSH;
  private static final MemberId M_EXPERT = MemberId.of("m-expert");
  private static final MemberId M_NEIGHBOUR = MemberId.of("m-neighbour");
  private static final MemberId M_AWAY = MemberId.of("m-away");
  private static final String QUESTION = "How do you handle NIBIN leads?";

  private final World world = new World();
  private final HandOvers handOvers = new HandOvers(world.sink);

  private static RuleSet inviting(boolean enabled, int answerers) {
    RuleSet defaults = DefaultRules.forCommunity(PCOP);
    List<org.pcop.rules.definition.Rule> rules = defaults.getRules().stream()
        .filter(r -> !(r instanceof AnswererInvitationRule)).collect(Collectors.toList());
    rules.add(AnswererInvitationRule.builder().id(RuleId.of("invite")).community(PCOP)
        .enabled(enabled).answerers(answerers).build());
    return RuleSet.builder().from(defaults).rules(rules).build();
  }

  private PcopBuilder builder(RuleSet rules) {
    return world.builder(handOvers).rules(rules);
  }

  private Pcop engine(RuleSet rules) {
    return builder(rules).build();
  }

  /**
   * The world's advisor, lead and Pat, and three more: an expert on the request's topic at
   * another site than Pat's (the best answerer), a neighbour at Pat's own office (last), and an
   * expert who is away (dormant, so left out).
   */
  private void populate(Pcop pcop) {
    world.populate(pcop);
    enrol(pcop, Member.builder().from(member(M_EXPERT, A_KC)).addExpertise(TOPIC).build(),
        MembershipStatus.ACTIVE);
    enrol(pcop, member(M_NEIGHBOUR, A_STL), MembershipStatus.ACTIVE);
    enrol(pcop, Member.builder().from(member(M_AWAY, A_KC)).addExpertise(TOPIC).build(),
        MembershipStatus.DORMANT);
  }

  private void enrol(Pcop pcop, Member member, MembershipStatus status) {
    pcop.enrolMember(world.as(ADMIN), member);
    pcop.changeMembership(world.as(ADMIN), member.getId(), MembershipRole.MEMBER, status,
        Optional.empty());
  }

  private List<Notification> invitationsKept() {
    return world.sink.getDelivered().stream()
        .filter(n -> n.getKind().equals(AnswererInvitations.KIND)).collect(Collectors.toList());
  }

  private static String readTextOf(java.nio.file.Path file) {
    try {
      return java.nio.file.Files.readString(file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private List<String> kept() {
    return invitationsKept().stream().map(Notification::getId).collect(Collectors.toList());
  }

  private static List<MemberId> recipients(List<Notification> notifications) {
    return notifications.stream().map(n -> n.getRecipients().iterator().next())
        .collect(Collectors.toList());
  }

  @Test
  void noOneIsInvitedUnderTheDefaultRulesOrAPolicySwitchedOff() {
    Pcop pcop = engine(DefaultRules.forCommunity(PCOP));
    populate(pcop);
    pcop.postRfi(CommandContext.of(PAT, "ask-q-1"), rfi("q-1"));
    assertEquals(List.of(), invitationsKept(), "the default rules invite no one");

    Pcop off = engine(inviting(false, 5));
    off.postRfi(CommandContext.of(PAT, "ask-q-2"), rfi("q-2"));
    assertEquals(List.of(), invitationsKept(), "a policy switched off invites no one");
  }

  @Test
  void theBestSuggestedAnswerersAreInvitedAsManyAsThePolicySays() {
    Pcop pcop = engine(inviting(true, 2));
    populate(pcop);
    pcop.postRfi(CommandContext.of(PAT, "ask-q-1"), rfi("q-1"));

    List<AnswererSuggestion> best = pcop.suggestAnswerers(RfiId.of("q-1"), LEAD, 2);
    List<Notification> invited = invitationsKept();
    assertEquals(best.stream().map(AnswererSuggestion::member).collect(Collectors.toList()),
        recipients(invited), "ranked as the suggestions rank them");
    assertEquals(M_EXPERT, recipients(invited).get(0));
    assertEquals(List.of("n-ask-q-1.0:m-expert", "n-ask-q-1.0:" + best.get(1).member()),
        invited.stream().map(Notification::getId).collect(Collectors.toList()));
    Notification first = invited.get(0);
    assertEquals(List.of(EventId.of("ask-q-1.0")), first.getCausedBy());
    assertEquals("You are invited to answer request q-1 on topic " + TOPIC
        + ": suggested answerer 1 of 2, score 1.00: lists " + TOPIC + " as expertise (+2.00);"
        + " no participation or answer recorded (-1.50); site s-kc, not the asker's s-stl"
        + " (+0.50)", first.getText());
    assertTrue(first.getText().endsWith(best.get(0).explanation().substring(
        best.get(0).explanation().indexOf(": score 1.00: ") + ": score 1.00".length())),
        "the factors as the suggestion explains them: " + best.get(0).explanation());
    java.nio.file.Path readme = java.nio.file.Path.of(System.getProperty("basedir",
        System.getProperty("user.dir"))).resolve("..").normalize().resolve("README.md");
    assertTrue(readTextOf(readme).contains("\n" + first.getText() + "\n"),
        "README.md shows the invitation this test sees: " + first.getText());
    for (Notification n : invited) {
      assertEquals(1, n.getRecipients().size());
      assertFalse(n.getText().contains(QUESTION), "never the question: " + n.getText());
      assertFalse(n.getText().contains("NIBIN leads"), n.getText());
    }
  }

  @Test
  void invitationsRankByTheRuleSetsWeightsAsTheSuggestionsDo() {
    // Weights that care only for another site than the asker's: the expert's expertise counts
    // for nothing, so the advisor (the lowest id at another site) comes first.
    RuleSet weighted = RuleSet.builder().from(inviting(true, 1))
        .addRule(RecommendationRule.builder().id(RuleId.of("weights")).community(PCOP)
            .answererWeights(AnswererWeights.DEFAULTS.with(java.util.Map.of(
                "topicExpertise", 0, "areaExpertise", 0, "dormancy", 0)))
            .build()).build();
    Pcop pcop = engine(weighted);
    populate(pcop);
    pcop.postRfi(CommandContext.of(PAT, "ask-q-1"), rfi("q-1"));
    assertEquals(pcop.suggestAnswerers(RfiId.of("q-1"), LEAD, 1).stream()
        .map(AnswererSuggestion::member).collect(Collectors.toList()),
        recipients(invitationsKept()));
    assertEquals(List.of(M_ADVISOR), recipients(invitationsKept()),
        "not the expert, whose expertise these weights ignore");
  }

  @Test
  void theAskerAndMembersLeftOutOfTheSuggestionsAreNeverInvited() {
    Pcop pcop = engine(inviting(true, 10));
    populate(pcop);
    pcop.suspendMember(world.as(ADMIN), M_ADVISOR, "Under review.", LocalDate.of(2026, 12, 31));
    pcop.postRfi(CommandContext.of(PAT, "ask-q-1"), rfi("q-1"));

    List<MemberId> invited = recipients(invitationsKept());
    assertEquals(List.of(M_EXPERT, M_LEAD, M_NEIGHBOUR), invited,
        "ten asked for, three to ask: not the asker, the suspended advisor nor the dormant"
            + " expert");
    assertEquals(invited, pcop.suggestAnswerers(RfiId.of("q-1"), LEAD, 10).stream()
        .map(AnswererSuggestion::member).collect(Collectors.toList()));
  }

  @Test
  void invitationsTheSinkRefusedAreHandedOverOnceByTheNextEngine() {
    Pcop first = engine(inviting(true, 2));
    populate(first);
    world.sink.failNext(2 * ONE_FLUSH);
    first.postRfi(CommandContext.of(PAT, "ask-q-1"), rfi("q-1"));
    assertEquals(List.of(), invitationsKept(), "the sink refused them");
    // The first engine stops without a flush (the process ends).

    engine(inviting(true, 2));
    List<String> ids = List.of("n-ask-q-1.0:m-expert", "n-ask-q-1.0:m-advisor");
    assertEquals(ids, kept());
    assertEquals(ids, handOvers.invitations(), "handed over once each");
    Pcop third = engine(inviting(true, 2));
    assertEquals(ids, kept(), "kept once however often they are handed over");
    third.postRfi(CommandContext.of(PAT, "ask-q-2"), rfi("q-2"));
    List<String> withSecond = handOvers.invitations();
    engine(inviting(true, 2));
    assertEquals(List.of("n-ask-q-2.0:m-expert", "n-ask-q-2.0:m-advisor"),
        handOvers.invitations().subList(withSecond.size(), handOvers.invitations().size()),
        "the batch after them vouches for them: only the last command's are handed over again");
    assertEquals(4, kept().size(), kept().toString());
  }

  @Test
  void aRetriedPostInvitesNoOneTwice() {
    Pcop pcop = engine(inviting(true, 2));
    populate(pcop);
    pcop.postRfi(CommandContext.of(PAT, "ask-q-1"), rfi("q-1"));
    List<String> once = handOvers.invitations();
    assertEquals(2, once.size(), once.toString());
    CommandResult retried = pcop.postRfi(CommandContext.of(PAT, "ask-q-1"), rfi("q-1"));
    assertTrue(retried.retry());
    assertEquals(once, handOvers.invitations(), "the retry is acknowledged, no one invited");

    // A retry after the sink refused the invitations hands them over once, then never again.
    world.sink.failNext(2 * ONE_FLUSH);
    pcop.postRfi(CommandContext.of(PAT, "ask-q-2"), rfi("q-2"));
    assertEquals(once, handOvers.invitations());
    pcop.postRfi(CommandContext.of(PAT, "ask-q-2"), rfi("q-2"));
    pcop.postRfi(CommandContext.of(PAT, "ask-q-2"), rfi("q-2"));
    assertEquals(List.of("n-ask-q-1.0:m-expert", "n-ask-q-1.0:m-advisor",
        "n-ask-q-2.0:m-expert", "n-ask-q-2.0:m-advisor"), handOvers.invitations());
  }

  @Test
  void anEngineStartedFromASnapshotHandsOverTheSameWaitingInvitations() {
    InMemorySnapshotStore snapshots = InMemorySnapshotStore.create();
    PcopSnapshotTest.Warnings warnings = new PcopSnapshotTest.Warnings();
    Pcop writer = builder(inviting(true, 3)).snapshots(snapshots).snapshotEvery(1)
        .snapshotLogger(warnings).build();
    populate(writer);
    world.sink.failNext(3 * ONE_FLUSH);
    writer.postRfi(CommandContext.of(PAT, "ask-q-1"), rfi("q-1"));
    assertEquals(List.of(), invitationsKept(), "the sink refused them");
    long version = snapshots.load(SnapshotHistory.STREAM).orElseThrow().version();
    assertEquals(world.store.readStream(SnapshotHistory.STREAM, 0, 1000).size(), version,
        "the snapshot holds the post");
    // The writer stops without a flush; the invitations wait in the snapshot's outbox.

    InMemoryNotificationSink fromSnapshot = InMemoryNotificationSink.create();
    PcopSnapshotTest.Warnings used = new PcopSnapshotTest.Warnings();
    world.builder(fromSnapshot).rules(inviting(true, 3)).snapshots(snapshots)
        .snapshotLogger(used).build();
    assertEquals(List.of(), used.logged, "the snapshot must be used");
    InMemoryNotificationSink replayed = InMemoryNotificationSink.create();
    world.builder(replayed).rules(inviting(true, 3)).build();
    List<String> expected = SnapshotHistory.notifications(replayed);
    assertEquals(3, expected.size(), expected.toString());
    assertTrue(expected.stream().allMatch(n -> n.contains(" rfi.invited ")), expected.toString());
    assertEquals(expected, SnapshotHistory.notifications(fromSnapshot));
  }

  @Test
  void randomHistoriesUnderThePolicyStartFromASnapshotAsTheyReplay() {
    int invitations = 0;
    for (int attempt = 0; attempt < 4; attempt++) {
      SplittableRandom random = new SplittableRandom(21_300L + attempt);
      SnapshotHistory history = new SnapshotHistory();
      InMemorySnapshotStore snapshots = InMemorySnapshotStore.create();
      int every = 1 + random.nextInt(20);
      InMemoryNotificationSink writerSink = InMemoryNotificationSink.create();
      Pcop writer = history.engine(Optional.of(snapshots), every,
          new PcopSnapshotTest.Warnings(), writerSink, inviting(true, 2));
      history.world.populate(writer);
      writerSink.failNext(random.nextInt(4) * ONE_FLUSH);
      history.run(writer, random, 60 + random.nextInt(100));
      String when = "seed " + (21_300L + attempt) + ", snapshots every " + every;

      PcopSnapshotTest.Warnings warnings = new PcopSnapshotTest.Warnings();
      InMemoryNotificationSink fromSnapshotSink = InMemoryNotificationSink.create();
      InMemoryNotificationSink replayedSink = InMemoryNotificationSink.create();
      Pcop fromSnapshot = history.engine(Optional.of(snapshots), 1_000_000, warnings,
          fromSnapshotSink, inviting(true, 2));
      history.engine(Optional.empty(), 1, new PcopSnapshotTest.Warnings(), replayedSink,
          inviting(true, 2));
      assertEquals(List.of(), warnings.logged, when + ": the snapshot must be used");
      assertEquals(SnapshotHistory.notifications(replayedSink),
          SnapshotHistory.notifications(fromSnapshotSink), when);
      invitations += (int) replayedSink.getDelivered().stream()
          .filter(n -> n.getKind().equals(AnswererInvitations.KIND)).count()
          + (int) writerSink.getDelivered().stream()
          .filter(n -> n.getKind().equals(AnswererInvitations.KIND)).count();
      fromSnapshot.close();
    }
    assertTrue(invitations > 0, "the histories invite someone");
  }

  @Test
  void theBuilderRefusesTwoPoliciesForTheCommunity() {
    RuleSet twice = RuleSet.builder().from(inviting(true, 2))
        .addRule(AnswererInvitationRule.builder().id(RuleId.of("invite-again")).community(PCOP)
            .enabled(false).answerers(1).build()).build();
    InvalidValueException e = assertThrows(InvalidValueException.class,
        () -> engine(twice));
    assertTrue(e.getMessage().contains("2 answerer-invitation rules for community pcop (invite,"
        + " invite-again)"), e.getMessage());
  }

  @Test
  void anIdTooLongForTheMemberIsCutToAHash() {
    EventId event = EventId.of("e".repeat(60) + ".0");
    MemberId member = MemberId.of("m".repeat(64));
    String id = AnswererInvitations.id(event, member);
    assertTrue(id.length() <= 128, id);
    assertTrue(Notification.ID.matcher(id).matches(), id);
    assertFalse(id.equals(AnswererInvitations.id(event, MemberId.of("n".repeat(64)))));
  }
}
