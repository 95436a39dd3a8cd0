package org.pcop.rules;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Supplier;
import org.pcop.model.AgencyId;
import org.pcop.model.CommunityId;
import org.pcop.model.InvalidValueException;
import org.pcop.model.Member;
import org.pcop.model.MemberId;
import org.pcop.model.Membership;
import org.pcop.model.MembershipStatus;
import org.pcop.model.RfiId;
import org.pcop.model.SiteId;
import org.pcop.model.activity.RequestForInformation;
import org.pcop.model.activity.RfiResponse;
import org.pcop.model.activity.RfiState;
import org.pcop.model.taxonomy.CoreAreaId;
import org.pcop.model.taxonomy.Taxonomy;
import org.pcop.model.taxonomy.Topic;
import org.pcop.model.taxonomy.TopicId;
import org.pcop.rules.internal.AnswerStatistics;
import org.pcop.rules.internal.ExpertiseIndex;
import org.pcop.rules.internal.RecordAccess;
import org.pcop.rules.internal.RecordTables;

/**
 * Who should be asked to answer an open request for information: a pure function of the record,
 * the request, the time and the {@link AnswererWeights}, ranking members with a score and the
 * factors behind it.
 *
 * <p><b>Who is considered:</b> members of the request's community whose membership is
 * {@link MembershipStatus#ACTIVE active}, other than the asker, not deactivated and without an
 * upheld conduct flag in force. Invited, dormant (whether by their choice or by the dormancy
 * rule), suspended (until reinstated, even once the suspension's last day has passed) and
 * departed members are left out, as is any member whose membership has any other status.
 *
 * <p><b>What counts</b>, each scaled by its weight: expertise listed on the request's topic, or
 * failing that on another topic of its core area; accepted answers to earlier requests on the
 * same topic and on other topics of the core area; the median time from a request being posted
 * to the member's first answer to it; the member's current load (open requests they posted or
 * answered in the last 7 days); a recorded engagement level; dormancy (no participation and no
 * answer for {@link AnswererWeights#dormantAfterDays} days); and diversity (another site than
 * the asker's, or another agency at the same site). Only what was recorded at or before
 * {@code now} counts. Ties are broken by member id, so the order is stable.
 */
public final class AnswererSuggestions {
  private static final Duration WEEK = Duration.ofDays(7);

  private AnswererSuggestions() {}

  /**
   * Ranks the members who could answer an open request, best first.
   *
   * @param record the record
   * @param request the request
   * @param now the time of the ranking
   * @param weights the weights
   * @param limit the most suggestions to return, 1 or more
   * @return the suggestions, best first, at most {@code limit}
   * @throws InvalidValueException if the request is unknown or no longer open (resolved or
   *     expired), or the limit is below 1
   */
  public static List<AnswererSuggestion> forRequest(EngagementRecord record, RfiId request,
      Instant now, AnswererWeights weights, int limit) {
    InvalidValueException.check(record != null && request != null && now != null
        && weights != null, "AnswererSuggestions", "arguments", "must not be null");
    InvalidValueException.check(limit >= 1, "AnswererSuggestions", "limit",
        "must be 1 or more, got %d", limit);
    RequestForInformation rfi = record.rfi(request).orElseThrow(() -> new InvalidValueException(
        "AnswererSuggestions.request: no request for information " + request));
    InvalidValueException.check(rfi.getState() == RfiState.OPEN
        || rfi.getState() == RfiState.ANSWERED, "AnswererSuggestions", "request",
        "%s is %s; only an open request gets suggestions", request, rfi.getState());
    Context context = new Context(record, rfi, now);
    // Scores first, without the facts' text; then the explained suggestions of the best only.
    Best best = new Best(limit);
    Candidates candidates = new Candidates(record, rfi, context, weights, best);
    candidates.rank();
    List<AnswererSuggestion> ranked = new ArrayList<>(best.queue.size());
    for (Scored scored : best.queue) {
      ranked.add(context.score(scored.member(), weights, true));
    }
    ranked.sort(Comparator.comparingDouble(AnswererSuggestion::score).reversed()
        .thenComparing(AnswererSuggestion::member));
    return List.copyOf(ranked);
  }

  /** The best candidates scored so far, at most {@code limit}, the worst at the head. */
  private static final class Best {
    private final int limit;
    private final PriorityQueue<Scored> queue;

    Best(int limit) {
      this.limit = limit;
      this.queue = new PriorityQueue<>(Math.min(limit, 64) + 1, BEST_FIRST.reversed());
    }

    void offer(Scored scored) {
      queue.add(scored);
      if (queue.size() > limit) {
        queue.poll();
      }
    }

    /**
     * Whether no candidate whose score is at most {@code ceiling} can enter any more: the list
     * is full and its worst score is above the ceiling, with a margin for the rounding of a sum
     * taken in another order (a candidate equal to the worst could still enter by its id).
     */
    boolean closedTo(double ceiling) {
      if (queue.size() < limit) {
        return false;
      }
      double worst = queue.peek().score();
      return ceiling < worst - 1e-9 * (1 + Math.abs(worst));
    }
  }

  /**
   * Who is scored, in an order that lets most members go unscored: first the members with
   * accepted answers on the request's topic (best possible score first), then those with
   * accepted answers on other topics of its core area, then the members listing the topic, then
   * those listing another topic of the core area, then everyone else, each group only while its
   * best possible score could still enter the list.
   * The best possible score of a member adds, to what the group is known for, the most that the
   * factors any member may have can give (response speed, engagement level, diversity); load
   * and dormancy only take points away. The list is the same as when every member is scored:
   * only members whose score is below the list's worst are left out, and ties are broken by
   * member id whatever the order of scoring.
   */
  private static final class Candidates {
    private final EngagementRecord record;
    private final RequestForInformation rfi;
    private final Context context;
    private final AnswererWeights weights;
    private final Best best;
    private final Set<MemberId> seen = new HashSet<>();

    Candidates(EngagementRecord record, RequestForInformation rfi, Context context,
        AnswererWeights weights, Best best) {
      this.record = record;
      this.rfi = rfi;
      this.context = context;
      this.weights = weights;
      this.best = best;
    }

    void rank() {
      // With an answer dated before its request, response speed has no known ceiling.
      boolean bounded = !context.stats.hasAnswersBeforePosting();
      double anyone = bounded ? weights.responseSpeed() + weights.engagementLevel()
          + Math.max(weights.diversity(), weights.diversity() / 2) : Double.POSITIVE_INFINITY;
      double expertise = Math.max(weights.topicExpertise(), weights.areaExpertise());
      List<MemberId> answered = new ArrayList<>(context.onTopic.keySet());
      double[] ceilings = new double[answered.size()];
      Integer[] order = new Integer[answered.size()];
      for (int i = 0; i < ceilings.length; i++) {
        int[] counts = context.accepted(answered.get(i));
        ceilings[i] = expertise + weights.acceptedOnTopic()
            * Math.min(counts[0], weights.acceptedCap()) + weights.acceptedInArea()
            * Math.min(counts[1], weights.acceptedCap()) + anyone;
        order[i] = i;
      }
      Arrays.sort(order, (a, b) -> Double.compare(ceilings[b], ceilings[a]));
      for (int i : order) {
        if (best.closedTo(ceilings[i])) {
          break;
        }
        consider(answered.get(i));
      }
      // Members with accepted answers in the core area only: at most the cap's worth of them.
      if (!best.closedTo(expertise + weights.acceptedInArea() * weights.acceptedCap()
          + anyone)) {
        for (Map<MemberId, int[]> byMember : context.inArea) {
          byMember.keySet().forEach(this::consider);
        }
      }
      Set<MemberId> onTopic = context.experts.members(rfi.getTopic());
      List<TopicId> inArea = new ArrayList<>();
      if (context.area.isPresent()) {
        for (TopicId topic : context.experts.topics()) {
          if (!topic.equals(rfi.getTopic()) && context.area.equals(context.coreArea(topic))) {
            inArea.add(topic);
          }
        }
      }
      boolean topicFirst = weights.topicExpertise() >= weights.areaExpertise();
      for (int pass = 0; pass < 2; pass++) {
        if ((pass == 0) == topicFirst) {
          if (!best.closedTo(weights.topicExpertise() + anyone)) {
            onTopic.forEach(this::consider);
          }
        } else if (!best.closedTo(weights.areaExpertise() + anyone)) {
          for (TopicId topic : inArea) {
            context.experts.members(topic).forEach(this::consider);
          }
        }
      }
      if (!best.closedTo(anyone)) {
        for (Membership membership : record.memberships(rfi.getCommunity())) {
          consider(membership.getMember());
        }
      }
    }

    /** Scores a member once, if they are a candidate: an active member other than the asker. */
    private void consider(MemberId id) {
      if (!seen.add(id) || id.equals(rfi.getAskedBy())) {
        return;
      }
      Optional<Membership> membership = record.membership(id, rfi.getCommunity());
      if (membership.isEmpty() || membership.get().getStatus() != MembershipStatus.ACTIVE) {
        return;
      }
      Optional<Member> member = record.member(id);
      if (member.isEmpty() || record.isDeactivated(id) || record.hasUpheldConductFlag(id)) {
        return;
      }
      best.offer(new Scored(member.get(), context.score(member.get(), weights, false).score()));
    }
  }

  /** A candidate and their score, before the facts are put in words. */
  private record Scored(Member member, double score) {}

  /** Higher score first, then the lower member id, as the suggestions are ranked. */
  private static final Comparator<Scored> BEST_FIRST = Comparator.comparingDouble(Scored::score)
      .reversed().thenComparing(s -> s.member().getId());

  /** Factors by the size of their effect, then by name; the score sums them in this order. */
  private static final Comparator<SuggestionFactor> BY_EFFECT = Comparator.comparingDouble(
      (SuggestionFactor f) -> -Math.abs(f.points())).thenComparing(SuggestionFactor::name);

  /** What the ranking of one request reads once, whoever the candidate. */
  private static final class Context {
    private final EngagementRecord record;
    private final RequestForInformation rfi;
    private final Instant now;
    private final CommunityId community;
    private final Optional<CoreAreaId> area;
    private final Optional<Taxonomy> taxonomy;
    private final LocalDate today;
    private final Optional<SiteId> askerSite;
    private final Optional<AgencyId> askerAgency;
    /** Accepted answers on the request's topic, and on each other topic of its core area. */
    private final Map<MemberId, int[]> onTopic;
    private final List<Map<MemberId, int[]>> inArea = new ArrayList<>();
    private final Map<MemberId, Integer> load = new HashMap<>();
    private final AnswerStatistics stats;
    private final ExpertiseIndex experts;

    Context(EngagementRecord record, RequestForInformation rfi, Instant now) {
      this.record = record;
      this.rfi = rfi;
      this.now = now;
      this.community = rfi.getCommunity();
      this.taxonomy = record.taxonomy(community);
      this.area = coreArea(rfi.getTopic());
      this.today = record.dayOf(community, now).orElseThrow();
      this.askerSite = record.siteOf(rfi.getAskedBy());
      this.askerAgency = record.member(rfi.getAskedBy()).map(Member::getAgency);
      RecordTables tables = RecordAccess.state(record);
      this.experts = tables.experts();
      AnswerStatistics kept = tables.answers(community);
      // The statistics kept serve a ranking as of their latest request or answer, or later;
      // an earlier ranking reads the requests as they stood then.
      this.stats = now.isBefore(kept.latest()) ? AnswerStatistics.upTo(record.rfis(community),
          now) : kept;
      // The request itself has no accepted answer (it is open): it adds none to these counts.
      this.onTopic = stats.acceptedOn(rfi.getTopic());
      if (area.isPresent()) {
        for (TopicId topic : stats.acceptedTopics()) {
          if (!topic.equals(rfi.getTopic()) && area.equals(coreArea(topic))) {
            inArea.add(stats.acceptedOn(topic));
          }
        }
      }
      // Only an open request posted or answered in the last 7 days adds to anyone's load.
      for (RfiId open : stats.openActiveAfter(now.minus(WEEK))) {
        if (!open.equals(rfi.getId())) {
          record.rfi(open).ifPresent(this::countLoad);
        }
      }
    }

    /** The member's accepted answers on the request's topic and on other topics of its area. */
    int[] accepted(MemberId id) {
      int[] onTopicCount = onTopic.get(id);
      int[] counts = {onTopicCount == null ? 0 : onTopicCount[0], 0};
      for (Map<MemberId, int[]> byMember : inArea) {
        int[] count = byMember.get(id);
        if (count != null) {
          counts[1] += count[0];
        }
      }
      return counts;
    }

    private Optional<CoreAreaId> coreArea(TopicId topic) {
      return taxonomy.flatMap(t -> t.topic(topic)).map(Topic::getCoreArea);
    }

    /** Counts an open request as load of its asker and of those who answered it this week. */
    private void countLoad(RequestForInformation other) {
      boolean open = other.getState() == RfiState.OPEN || other.getState() == RfiState.ANSWERED;
      if (!open || other.getPostedAt().isAfter(now)) {
        return;
      }
      Instant weekAgo = now.minus(WEEK);
      Set<MemberId> loaded = new HashSet<>();
      if (other.getPostedAt().isAfter(weekAgo)) {
        loaded.add(other.getAskedBy());
      }
      for (RfiResponse response : other.getResponses()) {
        if (response.getAt().isAfter(now)) {
          break;
        }
        if (response.getAt().isAfter(weekAgo)) {
          loaded.add(response.getRespondent());
        }
      }
      for (MemberId member : loaded) {
        load.merge(member, 1, Integer::sum);
      }
    }

    /**
     * The member's suggestion; with {@code explain} false the factors carry no fact (no text is
     * built) and only the score is to be read, the same score as with {@code explain} true.
     */
    AnswererSuggestion score(Member member, AnswererWeights w, boolean explain) {
      MemberId id = member.getId();
      List<SuggestionFactor> factors = new ArrayList<>(4);
      TopicId topic = rfi.getTopic();
      if (member.getExpertise().contains(topic)) {
        add(factors, explain, "topicExpertise", () -> "lists " + topic + " as expertise",
            w.topicExpertise());
      } else if (area.isPresent() && !member.getExpertise().isEmpty()) {
        member.getExpertise().stream().filter(t -> area.equals(coreArea(t))).sorted(
            Comparator.comparing(TopicId::value)).findFirst().ifPresent(t -> add(factors,
                explain, "areaExpertise", () -> "lists " + t + " in core area "
                    + area.get().value() + " as expertise", w.areaExpertise()));
      }
      int[] counts = accepted(id);
      if (counts[0] > 0) {
        add(factors, explain, "acceptedOnTopic", () -> counts[0] + " accepted answer(s) on "
            + topic, w.acceptedOnTopic() * Math.min(counts[0], w.acceptedCap()));
      }
      if (counts[1] > 0) {
        add(factors, explain, "acceptedInArea", () -> counts[1] + " accepted answer(s) in core"
            + " area " + area.get().value(),
            w.acceptedInArea() * Math.min(counts[1], w.acceptedCap()));
      }
      AnswerStatistics.Answerer answers = stats.answerer(id);
      int answered = answers == null ? 0
          : answers.size() - (answers.answered(rfi.getId()) ? 1 : 0);
      if (answered > 0) {
        double hours = answers.medianMinutes(rfi.getId()) / 60.0;
        add(factors, explain, "responseSpeed", () -> String.format(Locale.ROOT,
            "first answers after a median of %.1f hours over %d request(s)", hours,
            answered), w.responseSpeed() * 24.0 / (24.0 + hours));
      }
      int open = load.getOrDefault(id, 0);
      if (open > 0) {
        add(factors, explain, "load", () -> open + " open request(s) asked or answered in the"
            + " last 7 days", -w.loadPerRequest() * open);
      }
      record.level(id, community).level().ifPresent(level -> add(factors, explain,
          "engagementLevel", () -> "engagement level " + level, w.engagementLevel()));
      Optional<LocalDate> last = lastActive(id);
      long idle = last.map(day -> ChronoUnit.DAYS.between(day, today)).orElse(Long.MAX_VALUE);
      if (idle > w.dormantAfterDays()) {
        add(factors, explain, "dormancy", () -> last.map(day -> "no participation or answer"
            + " since " + day + " (" + ChronoUnit.DAYS.between(day, today) + " days)")
            .orElse("no participation or answer recorded"), -w.dormancy());
      }
      Optional<SiteId> site = record.siteOf(id);
      if (askerSite.isPresent() && site.isPresent() && !site.equals(askerSite)) {
        add(factors, explain, "diversity", () -> "site " + site.get().value()
            + ", not the asker's " + askerSite.get().value(), w.diversity());
      } else if (askerAgency.isPresent() && !askerAgency.get().equals(member.getAgency())) {
        add(factors, explain, "diversity", () -> "agency " + member.getAgency().value()
            + ", not the asker's " + askerAgency.get().value(), w.diversity() / 2);
      }
      factors.sort(BY_EFFECT);
      double score = 0;
      for (SuggestionFactor factor : factors) {
        score += factor.points();
      }
      return new AnswererSuggestion(id, score, factors);
    }

    private Optional<LocalDate> lastActive(MemberId id) {
      Optional<LocalDate> participated = record.lastParticipationDay(id, community, today);
      AnswerStatistics.Answerer answers = stats.answerer(id);
      Optional<LocalDate> answered = Optional.ofNullable(answers == null ? null
          : answers.lastAnswer(rfi.getId())).flatMap(at -> record.dayOf(community, at));
      if (participated.isEmpty()) {
        return answered;
      }
      if (answered.isEmpty()) {
        return participated;
      }
      return participated.get().isAfter(answered.get()) ? participated : answered;
    }

    private static void add(List<SuggestionFactor> factors, boolean explain, String name,
        Supplier<String> fact, double points) {
      if (points != 0) {
        factors.add(new SuggestionFactor(name, explain ? fact.get() : "", points));
      }
    }
  }
}
