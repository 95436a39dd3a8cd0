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
    /**
     * Boards built so far, by scope (the community's key, a site or a core area); a scope is
     * rebuilt only when a member in it moved.
     */
    final Map<Object, Leaderboard> built = new java.util.HashMap<>();
    final java.util.Set<Object> dirty = new java.util.HashSet<>();
    /**
     * Per board built, the last placing it shows when it shows as many as it can (null when it
     * shows everyone): a placing after it neither enters nor leaves the board.
     */
    final Map<Object, Placed> cutoffs = new java.util.HashMap<>();
    /** Whether a board shown changed while building the result. */
    boolean changed;

    /**
     * Marks a board to rebuild when a member's placing on it moves from {@code was} to
     * {@code now} (either null when not on it), unless both lie after the last placing the
     * built board shows, which leaves it as it is.
     */
    void touch(Object key, Placed was, Placed now) {
      if (dirty.contains(key)) {
        return;
      }
      Placed cutoff = cutoffs.get(key);
      if (cutoff != null && built.containsKey(key)
          && (was == null || was.compareTo(cutoff) > 0)
          && (now == null || now.compareTo(cutoff) > 0)) {
        return;
      }
      dirty.add(key);
    }
    /** The last result built, and how many members it ranked. */
    RuleResult result;
    int ranked;
    long synced = -1;
    long observed;
    boolean invalid;
    /**
     * While the boards are built from nothing: the placings gathered per scope, sorted and
     * turned into the sets at once when the build ends (sorting once costs far less than
     * keeping every set sorted along the way).
     */
    List<Placed> bulkCommunity;
    Map<SiteId, List<Placed>> bulkSites;
    Map<CoreAreaId, List<Placed>> bulkAreas;

    void startBulk() {
      bulkCommunity = new ArrayList<>();
      bulkSites = new java.util.HashMap<>();
      bulkAreas = new java.util.HashMap<>();
    }

    void addCommunity(Placed placed) {
      if (bulkCommunity != null) {
        bulkCommunity.add(placed);
      } else {
        community.add(placed);
      }
    }

    void addSite(SiteId site, Placed placed) {
      if (bulkSites != null) {
        bulkSites.computeIfAbsent(site, k -> new ArrayList<>()).add(placed);
      } else {
        sites.computeIfAbsent(site, k -> new java.util.TreeSet<>()).add(placed);
      }
    }

    void addArea(CoreAreaId area, Placed placed) {
      if (bulkAreas != null) {
        bulkAreas.computeIfAbsent(area, k -> new ArrayList<>()).add(placed);
      } else {
        areas.computeIfAbsent(area, k -> new java.util.TreeSet<>()).add(placed);
      }
    }

    void finishBulk() {
      community.addAll(sorted(bulkCommunity));
      bulkSites.forEach((site, placed) -> sites.put(site, new java.util.TreeSet<>(
          sorted(placed))));
      bulkAreas.forEach((area, placed) -> areas.put(area, new java.util.TreeSet<>(
          sorted(placed))));
      bulkCommunity = null;
      bulkSites = null;
      bulkAreas = null;
    }

    /** The placings sorted, as a sorted set a tree set is built from in linear time. */
    private static SortedSet<Placed> sorted(List<Placed> placed) {
      placed.sort(null);
      return new SortedList(placed);
    }
  }

  /**
   * A list of distinct placings in their natural order, seen as a sorted set: what a
   * {@link java.util.TreeSet} copies without comparing. Iteration and size only.
   */
  private static final class SortedList extends java.util.AbstractSet<Placed>
      implements SortedSet<Placed> {
    private final List<Placed> placed;

    SortedList(List<Placed> placed) {
      this.placed = placed;
    }

    @Override
    public java.util.Iterator<Placed> iterator() {
      return placed.iterator();
    }

    @Override
    public int size() {
      return placed.size();
    }

    @Override
    public java.util.Comparator<? super Placed> comparator() {
      return null;
    }

    @Override
    public SortedSet<Placed> subSet(Placed from, Placed to) {
      throw new UnsupportedOperationException();
    }

    @Override
    public SortedSet<Placed> headSet(Placed to) {
      throw new UnsupportedOperationException();
    }

    @Override
    public SortedSet<Placed> tailSet(Placed from) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Placed first() {
      return placed.get(0);
    }

    @Override
    public Placed last() {
      return placed.get(placed.size() - 1);
    }
  }

  private record BoardKey(PointsRule rule, java.time.Instant asOf) {}

  private final Map<EngagementRecord, Map<BoardKey, Boards>> boards =
      java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

  private static double rounded(double points) {
    return Math.round(points * 100) / 100.0;
  }

  /**
   * Puts a member where their current points place them on the boards, moving them only on the
   * boards where their rounded points or their site changed, and marking those boards dirty.
   */
  private void place(Boards b, PointsRule rule, MemberId member, EvaluationContext context) {
    Standings old = b.members.remove(member);
    if (context.record().membership(member, rule.getCommunity()).isEmpty()) {
      if (old != null) {
        b.touch(COMMUNITY_BOARD, old.overall(), null);
        b.community.remove(old.overall());
        old.site().ifPresent(site -> {
          b.touch(site, old.overall(), null);
          remove(b.sites, site, old.overall());
        });
        old.areas().forEach((area, placed) -> {
          b.touch(area, placed, null);
          remove(b.areas, area, placed);
        });
      }
      return;
    }
    Tally tally = cachedTally(rule, member, context);
    Placed overall = new Placed(rounded(tally.total()), member);
    Optional<SiteId> site = context.record().siteOf(member);
    if (old == null || !old.overall().equals(overall)) {
      b.touch(COMMUNITY_BOARD, old == null ? null : old.overall(), overall);
      if (old != null) {
        b.community.remove(old.overall());
      }
      b.addCommunity(overall);
    }
    if (old == null || !old.overall().equals(overall) || !old.site().equals(site)) {
      if (old != null) {
        old.site().ifPresent(x -> {
          b.touch(x, old.overall(), site.equals(old.site()) ? overall : null);
          remove(b.sites, x, old.overall());
        });
      }
      site.ifPresent(x -> {
        b.touch(x, old != null && site.equals(old.site()) ? old.overall() : null, overall);
        b.addSite(x, overall);
      });
    }
    Map<CoreAreaId, Placed> before = old == null ? Map.of() : old.areas();
    Map<CoreAreaId, Placed> areas = new java.util.HashMap<>();
    tally.byCoreArea().forEach((area, points) -> {
      Placed placed = new Placed(rounded(points), member);
      Placed was = before.get(area);
      if (placed.equals(was)) {
        areas.put(area, was);
        return;
      }
      b.touch(area, was, placed);
      if (was != null) {
        remove(b.areas, area, was);
      }
      b.addArea(area, placed);
      areas.put(area, placed);
    });
    before.forEach((area, was) -> {
      if (!areas.containsKey(area)) {
        b.touch(area, was, null);
        remove(b.areas, area, was);
      }
    });
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
      b.startBulk();
      for (Membership m : record.memberships(rule.getCommunity())) {
        place(b, rule, m.getMember(), context);
      }
      b.finishBulk();
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
    if (b.dirty.isEmpty() && b.result != null && b.ranked == b.community.size()) {
      // No board shown moved, and every scope added or removed would have marked one.
      return b.result;
    }
    b.changed = false;
    List<Leaderboard> built = new ArrayList<>(1 + b.sites.size() + b.areas.size());
    built.add(board(b, COMMUNITY_BOARD, "community " + rule.getCommunity(), b.community,
        rule.getLeaderboardSize()));
    b.sites.forEach((site, placed) -> built.add(board(b, site, "site ", placed,
        rule.getLeaderboardSize())));
    b.areas.forEach((area, placed) -> built.add(board(b, area, "core area ", placed,
        rule.getLeaderboardSize())));
    b.dirty.clear();
    if (b.built.size() > built.size()) {
      // Forget the boards of scopes nobody is in any more, so a scope that comes back is built
      // afresh.
      java.util.function.Predicate<Object> gone = key -> key instanceof SiteId
          ? !b.sites.containsKey(key) : key instanceof CoreAreaId && !b.areas.containsKey(key);
      b.built.keySet().removeIf(gone);
      b.cutoffs.keySet().removeIf(gone);
    }
    if (!b.changed && b.result != null && b.result.getFindings().size() == built.size()
        && b.ranked == b.community.size()) {
      // Nobody moved on any board shown: the result is the one built last time.
      return b.result;
    }
    Results results = new Results(rule, subject).fact("members ranked", b.community.size());
    built.forEach(results::finding);
    results.pass("leaderboards for the community, " + b.sites.size() + " sites and "
        + b.areas.size() + " core areas");
    b.result = results.build();
    b.ranked = b.community.size();
    return b.result;
  }

  /** The key of the community's own board among the built boards. */
  private static final Object COMMUNITY_BOARD = new Object();

  private static Leaderboard board(Boards b, Object key, String scope,
      java.util.TreeSet<Placed> ranked, int size) {
    Leaderboard built = b.built.get(key);
    if (built == null || b.dirty.contains(key)) {
      Leaderboard before = built;
      built = board(key == COMMUNITY_BOARD ? scope : scope + key, ranked, size);
      b.cutoffs.put(key, cutoff(ranked, size));
      if (!built.equals(before)) {
        b.changed = true;
        b.built.put(key, built);
      } else {
        built = before;
      }
    }
    return built;
  }

  /** The last placing a board of {@code size} shows, or null when it shows all of them. */
  private static Placed cutoff(java.util.TreeSet<Placed> ranked, int size) {
    if (ranked.size() <= size) {
      return null;
    }
    int i = 0;
    for (Placed placed : ranked) {
      if (++i == size) {
        return placed;
      }
    }
    return null;
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
