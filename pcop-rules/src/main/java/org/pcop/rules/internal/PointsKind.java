package org.pcop.rules.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.pcop.model.CommunityId;
import org.pcop.model.MemberId;
import org.pcop.model.Membership;
import org.pcop.model.SiteId;
import org.pcop.model.activity.Activity;
import org.pcop.model.taxonomy.CoreAreaId;
import org.pcop.rules.EngagementRecord;
import org.pcop.rules.EvaluationContext;
import org.pcop.rules.Leaderboard;
import org.pcop.rules.ParticipationDay;
import org.pcop.rules.RecordChange;
import org.pcop.rules.RuleResult;
import org.pcop.rules.Standing;
import org.pcop.rules.Subject;
import org.pcop.rules.definition.PointsRule;
import org.pcop.rules.definition.Rule;
import org.pcop.rules.spi.RuleKind;

/** Points per member with caps and decay; leaderboards per community, site and core area. */
final class PointsKind implements RuleKind {
  @Override
  public String kind() {
    return PointsRule.KIND;
  }

  @Override
  public SortedSet<Subject> subjects(Rule rule, EvaluationContext context) {
    SortedSet<Subject> subjects = new TreeSet<>();
    subjects.add(Subject.community(rule.getCommunity()));
    for (Membership m : context.record().memberships(rule.getCommunity())) {
      subjects.add(Subject.membership(m.getMember(), rule.getCommunity()));
    }
    return subjects;
  }

  /** A member's points, in total and per core area. */
  record Tally(double total, Map<CoreAreaId, Double> byCoreArea, long participations,
      long capped) {}

  /**
   * Tallies computed so far, per record, by rule, instant and member, with the member's version
   * in the record they were computed at. A cache only: a stale entry is recomputed, so results
   * never depend on it.
   */
  private final Map<EngagementRecord, Map<TallyKey, Versioned>> tallies =
      java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

  private record TallyKey(PointsRule rule, java.time.Instant asOf, MemberId member) {}

  private record Versioned(long version, Tally tally) {}

  private Tally cachedTally(PointsRule rule, MemberId member, EvaluationContext context) {
    Map<TallyKey, Versioned> cache = tallies.computeIfAbsent(context.record(),
        r -> new java.util.concurrent.ConcurrentHashMap<>());
    TallyKey key = new TallyKey(rule, context.asOf(), member);
    long version = context.record().memberVersion(member);
    Versioned cached = cache.get(key);
    if (cached == null || cached.version() != version) {
      if (cache.size() > 1_000_000) {
        cache.clear();
      }
      cached = new Versioned(version, tally(rule, member, context));
      cache.put(key, cached);
    }
    return cached.tally();
  }

  static Tally tally(PointsRule rule, MemberId member, EvaluationContext context) {
    CommunityId community = rule.getCommunity();
    EngagementRecord record = context.record();
    LocalDate today = context.day(community).orElseThrow();
    double total = 0;
    long participations = 0;
    long cappedAway = 0;
    Map<CoreAreaId, Double> byArea = new TreeMap<>();
    LocalDate period = null;
    long left = Long.MAX_VALUE;
    for (ParticipationDay day : record.participationDays(member, community)
        .headMap(today, true).values()) {
      LocalDate start = rule.getCapPeriod().start(day.day());
      if (!start.equals(period)) {
        period = start;
        left = rule.getCapPerPeriod().map(Integer::longValue).orElse(Long.MAX_VALUE);
      }
      long raw = 0;
      for (int i = 0; i < day.size(); i++) {
        raw += rule.getPointsPerKind().getOrDefault(day.kind(i), 0);
      }
      participations += day.size();
      long admitted = Math.min(raw, left);
      left -= admitted;
      cappedAway += raw - admitted;
      if (admitted == 0) {
        continue;
      }
      double weight = rule.getHalfLifeDays().map(h -> Math.pow(0.5,
          (double) ChronoUnit.DAYS.between(day.day(), today) / h)).orElse(1.0);
      double points = admitted * weight;
      total += points;
      double share = points / raw;
      for (int i = 0; i < day.size(); i++) {
        int each = rule.getPointsPerKind().getOrDefault(day.kind(i), 0);
        if (each == 0) {
          continue;
        }
        Optional<Activity> activity = record.activity(day.activity(i));
        if (activity.isPresent()) {
          for (CoreAreaId area : activity.get().getCoreAreas()) {
            byArea.merge(area, each * share, Double::sum);
          }
        }
      }
    }
    return new Tally(total, byArea, participations, cappedAway);
  }

  @Override
  public Optional<RuleResult> evaluate(Rule generic, Subject subject,
      EvaluationContext context) {
    PointsRule rule = (PointsRule) generic;
    if (subject.equals(Subject.community(rule.getCommunity()))) {
      return Optional.of(leaderboards(rule, subject, context));
    }
    Optional<MemberId> member = Results.member(subject, rule.getCommunity())
        .filter(m -> context.record().membership(m, rule.getCommunity()).isPresent());
    if (member.isEmpty()) {
      return Optional.empty();
    }
    Tally tally = cachedTally(rule, member.get(), context);
    Results results = new Results(rule, subject)
        .fact("participations", tally.participations())
        .fact("points capped away", tally.capped())
        .fact("points", Results.round(tally.total()));
    tally.byCoreArea().forEach((area, points) -> results.fact("points in " + area,
        Results.round(points)));
    results.threshold("points per kind " + new TreeMap<>(rule.getPointsPerKind())
        + rule.getCapPerPeriod().map(c -> ", at most " + c + " per "
            + rule.getCapPeriod().name().toLowerCase(java.util.Locale.ROOT)).orElse("")
        + rule.getHalfLifeDays().map(h -> ", half-life " + h + " days").orElse(""));
    results.window("all time to " + context.day(rule.getCommunity()).orElseThrow() + " ("
        + context.zone(rule.getCommunity()).orElseThrow() + ")");
    results.pass(member.get() + " has " + Results.round(tally.total()) + " points");
    return Optional.of(results.build());
  }

  /** A standing before ranks are given: rounded points, best first, then member id. */
  private record Placed(double points, MemberId member) implements Comparable<Placed> {
    @Override
    public int compareTo(Placed other) {
      int byPoints = Double.compare(other.points, points);
      return byPoints != 0 ? byPoints : member.compareTo(other.member);
    }
  }

  /** Where one member stands on the boards. */
  private record Standings(Placed overall, Optional<SiteId> site, Map<CoreAreaId, Placed> areas) {}

  /**
   * The boards of one rule as of one instant over one record, kept up to date from the members
   * each event touches (seen through {@link #affected}) and rebuilt from the record whenever it
   * cannot be sure it saw every event. A cache: the boards always equal a rebuild.
   */
  private static final class Boards {
    final java.util.TreeSet<Placed> community = new java.util.TreeSet<>();
    final Map<SiteId, java.util.TreeSet<Placed>> sites = new TreeMap<>();
    final Map<CoreAreaId, java.util.TreeSet<Placed>> areas = new TreeMap<>();
    final Map<MemberId, Standings> members = new java.util.HashMap<>();
    final java.util.Set<MemberId> pending = new java.util.HashSet<>();
    /** Boards built so far, by scope; a scope is rebuilt only when a member in it moved. */
    final Map<String, Leaderboard> built = new java.util.HashMap<>();
    final java.util.Set<String> dirty = new java.util.HashSet<>();
    long synced = -1;
    long observed;
    boolean invalid;
  }

  private record BoardKey(PointsRule rule, java.time.Instant asOf) {}

  private final Map<EngagementRecord, Map<BoardKey, Boards>> boards =
      java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

  private static double rounded(double points) {
    return Math.round(points * 100) / 100.0;
  }

  private void place(Boards b, PointsRule rule, MemberId member, EvaluationContext context) {
    Standings old = b.members.remove(member);
    b.dirty.add("community");
    if (old != null) {
      old.site().ifPresent(site -> b.dirty.add("site " + site));
      old.areas().keySet().forEach(area -> b.dirty.add("core area " + area));
      b.community.remove(old.overall());
      old.site().ifPresent(site -> remove(b.sites, site, old.overall()));
      old.areas().forEach((area, placed) -> remove(b.areas, area, placed));
    }
    if (context.record().membership(member, rule.getCommunity()).isEmpty()) {
      return;
    }
    Tally tally = cachedTally(rule, member, context);
    Placed overall = new Placed(rounded(tally.total()), member);
    Optional<SiteId> site = context.record().siteOf(member);
    Map<CoreAreaId, Placed> areas = new TreeMap<>();
    tally.byCoreArea().forEach((area, points) -> areas.put(area,
        new Placed(rounded(points), member)));
    site.ifPresent(x -> b.dirty.add("site " + x));
    areas.keySet().forEach(area -> b.dirty.add("core area " + area));
    b.community.add(overall);
    site.ifPresent(s -> b.sites.computeIfAbsent(s, k -> new java.util.TreeSet<>()).add(overall));
    areas.forEach((area, placed) -> b.areas.computeIfAbsent(area,
        k -> new java.util.TreeSet<>()).add(placed));
    b.members.put(member, new Standings(overall, site, areas));
  }

  private static <K> void remove(Map<K, java.util.TreeSet<Placed>> scopes, K key,
      Placed placed) {
    java.util.TreeSet<Placed> set = scopes.get(key);
    if (set != null) {
      set.remove(placed);
      if (set.isEmpty()) {
        scopes.remove(key);
      }
    }
  }

  private Boards currentBoards(PointsRule rule, EvaluationContext context) {
    EngagementRecord record = context.record();
    Map<BoardKey, Boards> byKey = boards.computeIfAbsent(record,
        r -> new java.util.concurrent.ConcurrentHashMap<>());
    BoardKey key = new BoardKey(rule, context.asOf());
    Boards b = byKey.get(key);
    if (b != null && !b.invalid && b.synced + b.observed == record.eventCount()) {
      for (MemberId member : new TreeSet<>(b.pending)) {
        place(b, rule, member, context);
      }
    } else {
      b = new Boards();
      for (Membership m : record.memberships(rule.getCommunity())) {
        place(b, rule, m.getMember(), context);
      }
      byKey.put(key, b);
    }
    b.pending.clear();
    b.synced = record.eventCount();
    b.observed = 0;
    return b;
  }

  private synchronized void observe(PointsRule rule, RecordChange change,
      EvaluationContext context) {
    Map<BoardKey, Boards> byKey = boards.get(context.record());
    Boards b = byKey == null ? null : byKey.get(new BoardKey(rule, context.asOf()));
    if (b != null) {
      b.observed++;
      b.pending.addAll(change.members());
      if (change.everything().contains(rule.getCommunity())) {
        b.invalid = true;
      }
    }
  }

  private synchronized RuleResult leaderboards(PointsRule rule, Subject subject,
      EvaluationContext context) {
    Boards b = currentBoards(rule, context);
    Results results = new Results(rule, subject).fact("members ranked", b.community.size());
    results.finding(board(b, "community", "community " + rule.getCommunity(), b.community,
        rule.getLeaderboardSize()));
    b.sites.forEach((site, placed) -> results.finding(board(b, "site " + site, "site " + site,
        placed, rule.getLeaderboardSize())));
    b.areas.forEach((area, placed) -> results.finding(board(b, "core area " + area,
        "core area " + area, placed, rule.getLeaderboardSize())));
    b.dirty.clear();
    results.pass("leaderboards for the community, " + b.sites.size() + " sites and "
        + b.areas.size() + " core areas");
    return results.build();
  }

  private static Leaderboard board(Boards b, String key, String scope,
      java.util.TreeSet<Placed> ranked, int size) {
    Leaderboard built = b.built.get(key);
    if (built == null || b.dirty.contains(key)) {
      built = board(scope, ranked, size);
      b.built.put(key, built);
    }
    return built;
  }

  private static Leaderboard board(String scope, java.util.TreeSet<Placed> ranked, int size) {
    org.pcop.rules.ImmutableLeaderboard.Builder board = Leaderboard.builder().scope(scope);
    int rank = 0;
    int i = 0;
    double previous = Double.NaN;
    for (Placed placed : ranked) {
      if (i == size) {
        break;
      }
      if (placed.points() != previous) {
        rank = i + 1;
        previous = placed.points();
      }
      board.addStanding(Standing.of(rank, placed.member(), placed.points()));
      i++;
    }
    return board.build();
  }

  @Override
  public Optional<SortedSet<Subject>> affected(Rule rule, RecordChange change,
      EvaluationContext context) {
    observe((PointsRule) rule, change, context);
    Optional<SortedSet<Subject>> members = Results.touchedMembers(rule, change);
    if (members.isEmpty()) {
      return members;
    }
    SortedSet<Subject> subjects = members.get();
    if (!subjects.isEmpty() || change.rosterCommunities().contains(rule.getCommunity())
        || change.participationCommunities().contains(rule.getCommunity())) {
      subjects.add(Subject.community(rule.getCommunity()));
    }
    return Optional.of(subjects);
  }
}
