package org.pcop.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.pcop.model.EngagementKind;
import org.pcop.model.Member;
import org.pcop.model.MemberId;
import org.pcop.model.MembershipRole;
import org.pcop.model.MembershipStatus;
import org.pcop.model.RfiId;
import org.pcop.model.activity.RequestForInformation;
import org.pcop.model.activity.RfiResponse;
import org.pcop.model.activity.RfiState;
import org.pcop.model.event.TaxonomyChanged;
import org.pcop.model.taxonomy.CoreArea;
import org.pcop.model.taxonomy.CoreAreaId;
import org.pcop.model.taxonomy.Taxonomy;
import org.pcop.model.taxonomy.TaxonomyId;
import org.pcop.model.taxonomy.Topic;
import org.pcop.model.taxonomy.TopicId;
import org.pcop.rules.internal.AnswerStatistics;
import org.pcop.rules.internal.RecordAccess;
import org.junit.jupiter.api.Test;

/**
 * The answer statistics and the expertise index a record keeps as events arrive equal the ones
 * computed from its requests and members from scratch, after every event of seeded random
 * histories and after a snapshot round trip; and answerer suggestions, which score only the
 * members who could still enter the list, give the head of the ranking of every member.
 */
class AnswerStatisticsTest {
  private static final long SEED = 21_021L;
  private static final String[] TOPICS = {"gun-violence.nibin", "gun-violence.tracing",
      "gun-violence.shootings", "victim-services.notification", "unlisted.topic"};
  private static final Taxonomy TAXONOMY = Taxonomy.builder().id(TaxonomyId.of("psp"))
      .version(2).name("PSP core areas").effective(LocalDate.of(2019, 1, 1))
      .addCoreArea(CoreArea.of(CoreAreaId.of("gun-violence"), "Gun violence"))
      .addCoreArea(CoreArea.of(CoreAreaId.of("victim-services"), "Victim services"))
      .addTopic(Topic.of(TopicId.of(TOPICS[0]), "NIBIN leads", CoreAreaId.of("gun-violence")))
      .addTopic(Topic.of(TopicId.of(TOPICS[1]), "Tracing", CoreAreaId.of("gun-violence")))
      .addTopic(Topic.of(TopicId.of(TOPICS[2]), "Shootings", CoreAreaId.of("gun-violence")))
      .addTopic(Topic.of(TopicId.of(TOPICS[3]), "Victim notification",
          CoreAreaId.of("victim-services")))
      .build();
  private static final int MEMBERS = 24;

  @Test
  void keptStatisticsEqualOnesComputedFromScratchAfterEveryEvent() {
    for (int attempt = 0; attempt < 8; attempt++) {
      SplittableRandom random = new SplittableRandom(SEED + attempt);
      History history = new History(random);
      EngagementRecord restored = null;
      int snapshotAt = 40 + random.nextInt(200);
      for (int step = 0; step < 300; step++) {
        history.step();
        String when = "seed " + (SEED + attempt) + ", step " + step;
        assertSameAsFromScratch(history.s.record, when);
        if (step == snapshotAt) {
          RecordSnapshotTest.KeptValues values = new RecordSnapshotTest.KeptValues();
          restored = RecordSnapshot.read(RecordSnapshot.write(history.s.record, values),
              values);
          assertEquals(kept(history.s.record), kept(restored), when + ", read back");
          history.follow(restored);
        }
        if (restored != null) {
          assertEquals(kept(history.s.record), kept(restored), when + ", after a read back");
        }
        if (step % 10 == 9) {
          assertPrunedRankingIsTheHeadOfTheFullOne(history.s.record, history.now, when);
        }
      }
      assertTrue(history.accepted > 10 && history.reaccepted > 0 && history.repeated > 0,
          "the history exercises acceptance, changed acceptance and second answers");
    }
  }

  private static void assertSameAsFromScratch(EngagementRecord record, String when) {
    AnswerStatistics fromScratch = AnswerStatistics.upTo(record.rfis(Scenario.PCOP),
        Instant.MAX);
    assertEquals(fromScratch.canonical(),
        RecordAccess.state(record).answers(Scenario.PCOP).canonical(), when);
    Map<TopicId, TreeSet<MemberId>> experts = new TreeMap<>();
    for (int m = 0; m < MEMBERS; m++) {
      MemberId id = MemberId.of("m-" + m);
      record.member(id).map(Member::getExpertise).orElse(java.util.Set.of())
          .forEach(topic -> experts.computeIfAbsent(topic, t -> new TreeSet<>())
              .add(id));
    }
    assertEquals(experts.toString(), RecordAccess.state(record).experts().canonical(), when);
  }

  private static String kept(EngagementRecord record) {
    return RecordAccess.state(record).answers(Scenario.PCOP).canonical()
        + RecordAccess.state(record).experts().canonical();
  }

  private static void assertPrunedRankingIsTheHeadOfTheFullOne(EngagementRecord record,
      Instant now, String when) {
    for (RequestForInformation rfi : record.rfis(Scenario.PCOP)) {
      if (rfi.getState() != RfiState.OPEN && rfi.getState() != RfiState.ANSWERED) {
        continue;
      }
      for (AnswererWeights weights : List.of(AnswererWeights.DEFAULTS,
          AnswererWeights.DEFAULTS.with(Map.of("areaExpertise", 4.0, "diversity", 0.0)),
          AnswererWeights.DEFAULTS.with(Map.of("acceptedInArea", 6.0, "acceptedOnTopic", 1.0,
              "topicExpertise", 0.5, "areaExpertise", 0.0)))) {
        List<AnswererSuggestion> all = AnswererSuggestions.forRequest(record, rfi.getId(), now,
            weights, 1_000);
        for (int limit = 1; limit <= 4; limit++) {
          assertEquals(all.subList(0, Math.min(limit, all.size())),
              AnswererSuggestions.forRequest(record, rfi.getId(), now, weights, limit),
              when + ", " + rfi.getId() + ", top " + limit);
        }
      }
    }
  }

  /** A random history of members, requests, answers, acceptances and closings. */
  private static final class History {
    private final SplittableRandom random;
    private final Scenario s = new Scenario();
    private final List<EngagementRecord> followers = new ArrayList<>();
    private final Map<String, List<String>> responses = new HashMap<>();
    private Instant now = Scenario.at("2026-01-05T09:00");
    private int rfis;
    private int answers;
    private int accepted;
    private int reaccepted;
    private int repeated;

    History(SplittableRandom random) {
      this.random = random;
      s.apply(TaxonomyChanged.builder().eventId(s.nextId()).actor(Scenario.SYSTEM)
          .occurredAt(now).community(Scenario.PCOP).taxonomy(TAXONOMY).build());
      s.site("s-kc", EngagementKind.OPERATIONS, LocalDate.of(2025, 1, 1), now)
          .site("s-mem", EngagementKind.OPERATIONS, LocalDate.of(2025, 1, 1), now)
          .localAgency("a-kc", "s-kc", now).localAgency("a-mem", "s-mem", now)
          .localAgency("a-kc2", "s-kc", now);
      for (int m = 0; m < MEMBERS; m++) {
        enrol(m);
        s.membership("m-" + m, MembershipRole.MEMBER, m % 7 == 6 ? MembershipStatus.DORMANT
            : MembershipStatus.ACTIVE, now);
      }
    }

    /** Later events go to a record read back from a snapshot as well. */
    void follow(EngagementRecord record) {
      followers.add(record);
    }

    private void enrol(int m) {
      List<String> expertise = new ArrayList<>();
      for (String topic : TOPICS) {
        if (random.nextInt(4) == 0) {
          expertise.add(topic);
        }
      }
      String[] agencies = {"a-kc", "a-mem", "a-kc2"};
      s.member("m-" + m, agencies[random.nextInt(3)], now, expertise.toArray(new String[0]));
    }

    void step() {
      int before = s.log.size();
      now = now.plusSeconds(random.nextInt(3 * 86_400));
      String member = "m-" + random.nextInt(MEMBERS);
      int pick = random.nextInt(20);
      List<String> open = new ArrayList<>();
      for (RequestForInformation rfi : s.record.rfis(Scenario.PCOP)) {
        if (rfi.getAcceptedResponse().isEmpty() && !rfi.isExpired()) {
          open.add(rfi.getId().value());
        }
      }
      if (pick < 2) {
        enrol(random.nextInt(MEMBERS));
      } else if (pick < 7 || open.isEmpty()) {
        String id = "rfi-" + rfis++;
        s.rfi(id, member, TOPICS[random.nextInt(TOPICS.length)], now);
        responses.put(id, new ArrayList<>());
      } else if (pick < 14) {
        String rfi = open.get(random.nextInt(open.size()));
        RequestForInformation request = s.record.rfi(RfiId.of(rfi)).orElseThrow();
        for (RfiResponse response : request.getResponses()) {
          if (response.getRespondent().value().equals(member)) {
            repeated++;
            break;
          }
        }
        String response = "r-" + answers++;
        s.answered(rfi, response, member, now);
        responses.get(rfi).add(response);
      } else if (pick < 17) {
        List<String> answered = new ArrayList<>();
        for (Map.Entry<String, List<String>> entry : responses.entrySet()) {
          if (!entry.getValue().isEmpty()
              && !s.record.rfi(RfiId.of(entry.getKey())).orElseThrow().isExpired()) {
            answered.add(entry.getKey());
          }
        }
        answered.sort(null);
        if (!answered.isEmpty()) {
          String rfi = answered.get(random.nextInt(answered.size()));
          List<String> to = responses.get(rfi);
          RequestForInformation request = s.record.rfi(RfiId.of(rfi)).orElseThrow();
          if (request.getAcceptedResponse().isPresent()) {
            reaccepted++;
          }
          accepted++;
          s.accepted(rfi, to.get(random.nextInt(to.size())), request.getAskedBy().value(), now);
        }
      } else {
        s.closed(open.get(random.nextInt(open.size())), member, now);
      }
      for (EngagementRecord follower : followers) {
        s.log.subList(before, s.log.size()).forEach(follower::apply);
      }
    }
  }
}
