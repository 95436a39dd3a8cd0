package org.pcop.rules.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.pcop.model.MemberId;
import org.pcop.model.Membership;
import org.pcop.model.SiteId;
import org.pcop.model.taxonomy.CoreAreaId;
import org.pcop.rules.EngagementRecord;
import org.pcop.rules.EvaluationContext;
import org.pcop.rules.Leaderboard;
import org.pcop.rules.RecordChange;
import org.pcop.rules.RuleResult;
import org.pcop.rules.Standing;
import org.pcop.rules.Subject;
import org.pcop.rules.definition.PointsRule;
import org.pcop.rules.definition.Rule;
import org.pcop.rules.spi.RuleKind;

/** Points per member with caps and decay; leaderboards per community, site and core area. */
final class PointsKind implements RuleKind, InstantCaches {
  @Override
  public String kind() {
    return PointsRule.KIND;
  }

  @Override
  public SortedSet<Subject> subjects(Rule rule, EvaluationContext context) {
    SortedSet<Subject> subjects =
        Results.membershipSubjects(context.record(), rule.getCommunity(), m -> true);
    subjects.add(Subject.community(rule.getCommunity()));
    return subjects;
  }

  /** A member's points, in total and per core area. */
  record Tally(double total, Map<CoreAreaId, Double> byCoreArea, long participations,
      long capped) {}

  /**
   * Aggregates per record, a few (rule, instant) pairs each. A cache only: aggregates check
   * themselves against the record, so results never depend on it.
   */
  private final Map<EngagementRecord, java.util.List<PointsAggregates>> aggregates =
      java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

  private Tally cachedTally(PointsRule rule, MemberId member, EvaluationContext context) {
    java.util.List<PointsAggregates> known = aggregates.computeIfAbsent(context.record(),
        r -> new java.util.ArrayList<>());
    synchronized (known) {
      PointsAggregates found = null;
      for (PointsAggregates candidate : known) {
        if (candidate.serves(rule, context.asOf())) {
          found = candidate;
        }
      }
      if (found == null) {
        if (known.size() == 4) {
          known.remove(0);
        }
        found = new PointsAggregates(rule, context);
        known.add(found);
      }
      return found.tally(member, context.record());
    }
  }

  @Override
  public Optional<RuleResult> evaluate(Rule generic, Subject subject,
      EvaluationContext context) {
    PointsRule rule = (PointsRule) generic;
    if (subject.equals(Subject.community(rule.getCommunity()))) {
      return Optional.of(leaderboards(rule, subject, context));
    }
    Optional<MemberId> member = Results.member(subject, rule.getCommunity(), context.record())
        .filter(m -> context.record().membership(m, rule.getCommunity()).isPresent());
    if (member.isEmpty()) {
      return Optional.empty();
    }
    Tally tally = cachedTally(rule, member.get(), context);
    MemberId who = member.get();
    java.time.LocalDate day = context.day(rule.getCommunity()).orElseThrow();
    java.time.ZoneId zone = context.zone(rule.getCommunity()).orElseThrow();
    // A member's points always pass; the explanation is written when read.
    return Optional.of(Results.quiet(rule, subject).pass(null)
        .build(() -> explain(rule, subject, who, tally, day, zone)));
  }

  /** The explanation of a member's points: a pure function of its arguments. */
  private static Results explain(PointsRule rule, Subject subject, MemberId member, Tally tally,
      java.time.LocalDate day, java.time.ZoneId zone) {
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
    results.window("all time to " + day + " (" + zone + ")");
    results.pass(member + " has " + Results.round(tally.total()) + " points");
    return results;
  }

  /**
   * A standing before ranks are given: rounded points, best first, then member id. The first
   * eight characters of the id, packed into a number, settle most ties without reaching the
   * string; {@link #NO_PREFIX} when they do not fit.
   */
  private record Placed(double points, MemberId member, long prefix)
      implements Comparable<Placed> {
    static final long NO_PREFIX = -1L;

    Placed(double points, MemberId member) {
      this(points, member, prefix(member.value()));
    }

    /** The first eight characters, a byte each and zero past the end, in string order. */
    static long prefix(String id) {
      long packed = 0;
      for (int i = 0; i < 8; i++) {
        int c = i < id.length() ? id.charAt(i) : 0;
        if (c > 0xFE) {
          return NO_PREFIX;
        }
        packed = packed << 8 | c;
      }
      return packed;
    }

    @Override
    public int compareTo(Placed other) {
      int byPoints = Double.compare(other.points, points);
      if (byPoints != 0) {
        return byPoints;
      }
      if (prefix != other.prefix && prefix != NO_PREFIX && other.prefix != NO_PREFIX) {
        return Long.compareUnsigned(prefix, other.prefix);
      }
      return member.compareTo(other.member);
    }
  }

  /** Where one member stands on the boards. */
  private record Standings(Placed overall, Optional<SiteId> site, Map<CoreAreaId, Placed> areas) {}

  /**
   * One board's scope (the community, a site or a core area): how many members it ranks and
   * the best of them, as many as its board shows. Members outside the best are not kept in
   * order: a member who moves only has to be compared with the last one shown. When a member
   * shown leaves or falls, the next best is not known, so the scope is marked stale and its
   * best are found again from every member's standing when its board is next built (points
   * only rise as participations are added, so that is rare).
   *
   * <p>While not stale: fewer than {@link #size} kept means every member is kept; otherwise
   * every member not kept places after the last one kept.
   */
  private static final class Scope {
    final int size;
    final java.util.TreeSet<Placed> best = new java.util.TreeSet<>();
    int members;
    boolean stale;

    Scope(int size) {
      this.size = size;
    }

    /**
     * Moves one member's placing from {@code was} to {@code now} (either null when the member
     * is not in the scope).
     *
     * @return whether the best placings changed or must be found again
     */
    boolean move(Placed was, Placed now) {
      if (was != null && was.equals(now)) {
        return false;
      }
      members += (now == null ? 0 : 1) - (was == null ? 0 : 1);
      if (stale) {
        return true;
      }
      if (was != null && !best.isEmpty() && best.contains(was)) {
        Placed last = best.last();
        best.remove(was);
        // Everyone not kept places after `last`; `now` may rejoin only ahead of all of them.
        if (now != null && (members == best.size() + 1 || now.compareTo(last) < 0)) {
          best.add(now);
        } else if (members > best.size()) {
          stale = true;
        }
        return true;
      }
      return now != null && offer(now);
    }

    /** Keeps a placing if it is among the best {@link #size}; whether it was kept. */
    private boolean offer(Placed placed) {
      if (best.size() < size) {
        best.add(placed);
        return true;
      }
      if (placed.compareTo(best.last()) < 0) {
        best.add(placed);
        best.pollLast();
        return true;
      }
      return false;
    }

    /** Finds the best placings again from all of them. */
    void refill(Iterable<Placed> placings) {
      best.clear();
      int count = 0;
      for (Placed placed : placings) {
        count++;
        offer(placed);
      }
      members = count;
      stale = false;
    }
  }

  /**
   * The boards of one rule as of one instant over one record, kept up to date from the members
   * each event touches (seen through {@link #affected}) and rebuilt from the record whenever it
   * cannot be sure it saw every event. A cache: the boards always equal a rebuild.
   */
  private static final class Boards {
    final Scope community;
    final Map<SiteId, Scope> sites = new TreeMap<>();
    final Map<CoreAreaId, Scope> areas = new TreeMap<>();
    final Map<MemberId, Standings> members = new java.util.HashMap<>();
    final java.util.Set<MemberId> pending = new java.util.HashSet<>();
    /**
     * Boards built so far, by scope (the community's key, a site or a core area); a scope is
     * rebuilt only when its best placings changed.
     */
    final Map<Object, Leaderboard> built = new java.util.HashMap<>();
    final java.util.Set<Object> dirty = new java.util.HashSet<>();
    /** Whether a board shown changed while building the result. */
    boolean changed;
    /** The last result built, and how many members it ranked. */
    RuleResult result;
    int ranked;
    long synced = -1;
    long observed;
    boolean invalid;

    Boards(int size) {
      community = new Scope(size);
    }

    void moveInCommunity(Placed was, Placed now) {
      if (community.move(was, now)) {
        dirty.add(COMMUNITY_BOARD);
      }
    }

    /** Moves a placing within one site or core area, which exists while it has members. */
    <K> void move(Map<K, Scope> scopes, K key, Placed was, Placed now) {
      Scope scope = scopes.get(key);
      if (scope == null) {
        if (now == null) {
          return;
        }
        scope = new Scope(community.size);
        scopes.put(key, scope);
      }
      if (scope.move(was, now)) {
        dirty.add(key);
      }
      if (scope.members == 0) {
        scopes.remove(key);
      }
    }

    /** Finds the best placings of every stale scope again from the members' standings. */
    void refillStale() {
      if (community.stale) {
        community.refill(() -> members.values().stream().map(Standings::overall).iterator());
      }
      sites.forEach((site, scope) -> {
        if (scope.stale) {
          scope.refill(() -> members.values().stream()
              .filter(s -> s.site().isPresent() && s.site().get().equals(site))
              .map(Standings::overall).iterator());
        }
      });
      areas.forEach((area, scope) -> {
        if (scope.stale) {
          scope.refill(() -> members.values().stream()
              .map(s -> s.areas().get(area)).filter(java.util.Objects::nonNull).iterator());
        }
      });
    }
  }

  private record BoardKey(PointsRule rule, java.time.Instant asOf) {}

  private final Map<EngagementRecord, Map<BoardKey, Boards>> boards =
      java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

  @Override
  public synchronized void release(EngagementRecord record, java.time.Instant asOf) {
    List<PointsAggregates> known = aggregates.getOrDefault(record, new ArrayList<>());
    synchronized (known) {
      known.removeIf(a -> a.asOf().equals(asOf));
    }
    boards.getOrDefault(record, Map.of()).keySet().removeIf(key -> key.asOf().equals(asOf));
  }

  @Override
  public synchronized java.util.Set<java.time.Instant> instants(EngagementRecord record) {
    java.util.Set<java.time.Instant> found = new TreeSet<>();
    List<PointsAggregates> known = aggregates.getOrDefault(record, new ArrayList<>());
    synchronized (known) {
      known.forEach(a -> found.add(a.asOf()));
    }
    boards.getOrDefault(record, Map.of()).keySet().forEach(key -> found.add(key.asOf()));
    return found;
  }

  private static double rounded(double points) {
    return Math.round(points * 100) / 100.0;
  }

  /**
   * Puts a member where their current points place them on the boards, moving them only on the
   * boards where their rounded points or their site changed.
   */
  private void place(Boards b, PointsRule rule, MemberId member, EvaluationContext context) {
    Standings old = b.members.remove(member);
    if (context.record().membership(member, rule.getCommunity()).isEmpty()) {
      if (old != null) {
        b.moveInCommunity(old.overall(), null);
        old.site().ifPresent(site -> b.move(b.sites, site, old.overall(), null));
        old.areas().forEach((area, placed) -> b.move(b.areas, area, placed, null));
      }
      return;
    }
    Tally tally = cachedTally(rule, member, context);
    Placed overall = new Placed(rounded(tally.total()), member);
    if (old != null && old.overall().equals(overall)) {
      // Keep the placing already on the boards: it is the one the scopes hold.
      overall = old.overall();
    }
    Optional<SiteId> site = context.record().siteOf(member);
    Placed was = old == null ? null : old.overall();
    b.moveInCommunity(was, overall);
    boolean sameSite = old != null && old.site().equals(site);
    if (old != null && old.site().isPresent() && !sameSite) {
      b.move(b.sites, old.site().get(), was, null);
    }
    if (site.isPresent()) {
      b.move(b.sites, site.get(), sameSite ? was : null, overall);
    }
    Map<CoreAreaId, Placed> before = old == null ? Map.of() : old.areas();
    // Most events move a member in one core area at most: the map of placings is copied only
    // when one changes, and a placing is made only for an area whose rounded points changed.
    Map<CoreAreaId, Placed> areas = before;
    int kept = 0;
    for (Map.Entry<CoreAreaId, Double> entry : tally.byCoreArea().entrySet()) {
      double points = rounded(entry.getValue());
      Placed previous = before.get(entry.getKey());
      if (previous != null) {
        kept++;
        if (Double.compare(previous.points(), points) == 0) {
          continue;
        }
      }
      Placed placed = new Placed(points, member);
      b.move(b.areas, entry.getKey(), previous, placed);
      if (areas == before) {
        areas = new java.util.HashMap<>(before);
      }
      areas.put(entry.getKey(), placed);
    }
    if (kept < before.size()) {
      for (Map.Entry<CoreAreaId, Placed> entry : before.entrySet()) {
        if (!tally.byCoreArea().containsKey(entry.getKey())) {
          b.move(b.areas, entry.getKey(), entry.getValue(), null);
          if (areas == before) {
            areas = new java.util.HashMap<>(before);
          }
          areas.remove(entry.getKey());
        }
      }
    }
    b.members.put(member, new Standings(overall, site, areas));
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
      b = new Boards(rule.getLeaderboardSize());
      for (Membership m : record.memberships(rule.getCommunity())) {
        place(b, rule, m.getMember(), context);
      }
      byKey.put(key, b);
    }
    b.refillStale();
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
    if (b.dirty.isEmpty() && b.result != null && b.ranked == b.community.members) {
      // No board's best placings changed, and every scope added or removed changed one.
      return b.result;
    }
    b.changed = false;
    List<Leaderboard> built = new ArrayList<>(1 + b.sites.size() + b.areas.size());
    built.add(board(b, COMMUNITY_BOARD, "community " + rule.getCommunity(), b.community));
    b.sites.forEach((site, scope) -> built.add(board(b, site, "site ", scope)));
    b.areas.forEach((area, scope) -> built.add(board(b, area, "core area ", scope)));
    b.dirty.clear();
    if (b.built.size() > built.size()) {
      // Forget the boards of scopes nobody is in any more, so a scope that comes back is built
      // afresh.
      b.built.keySet().removeIf(key -> key instanceof SiteId
          ? !b.sites.containsKey(key) : key instanceof CoreAreaId && !b.areas.containsKey(key));
    }
    if (!b.changed && b.result != null && b.result.getFindings().size() == built.size()
        && b.ranked == b.community.members) {
      // Nobody moved on any board shown: the result is the one built last time.
      return b.result;
    }
    Results results = new Results(rule, subject).fact("members ranked", b.community.members);
    built.forEach(results::finding);
    results.pass("leaderboards for the community, " + b.sites.size() + " sites and "
        + b.areas.size() + " core areas");
    b.result = results.build();
    b.ranked = b.community.members;
    return b.result;
  }

  /** The key of the community's own board among the built boards. */
  private static final Object COMMUNITY_BOARD = new Object();

  private static Leaderboard board(Boards b, Object key, String scope, Scope ranked) {
    Leaderboard built = b.built.get(key);
    if (built == null || b.dirty.contains(key)) {
      Leaderboard before = built;
      built = board(key == COMMUNITY_BOARD ? scope : scope + key, ranked.best, ranked.size);
      if (!built.equals(before)) {
        b.changed = true;
        b.built.put(key, built);
      } else {
        built = before;
      }
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
