package org.pcop.rules.internal;

import com.google.common.collect.ImmutableMap;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.pcop.model.CommunityId;
import org.pcop.model.Member;
import org.pcop.model.MemberId;
import org.pcop.model.Membership;
import org.pcop.model.MembershipStatus;
import org.pcop.model.Site;
import org.pcop.model.SiteId;
import org.pcop.model.activity.RequestForInformation;
import org.pcop.model.activity.RfiState;
import org.pcop.model.taxonomy.CoreArea;
import org.pcop.model.taxonomy.CoreAreaId;
import org.pcop.model.taxonomy.Taxonomy;
import org.pcop.model.taxonomy.Topic;
import org.pcop.model.taxonomy.TopicId;
import org.pcop.rules.EngagementRecord;
import org.pcop.rules.EvaluationContext;
import org.pcop.rules.ParticipationMatrix;
import org.pcop.rules.RecordChange;
import org.pcop.rules.RuleResult;
import org.pcop.rules.Subject;
import org.pcop.rules.definition.CoverageRule;
import org.pcop.rules.definition.Rule;
import org.pcop.rules.spi.RuleKind;

/** Sites without active members, core areas short of experts, knowledge gaps, the matrix. */
final class CoverageKind implements RuleKind, InstantCaches {
  @Override
  public String kind() {
    return CoverageRule.KIND;
  }

  @Override
  public SortedSet<Subject> subjects(Rule rule, EvaluationContext context) {
    EngagementRecord record = context.record();
    CommunityId community = rule.getCommunity();
    LocalDate today = context.day(community).orElseThrow();
    SortedSet<Subject> subjects = new TreeSet<>();
    subjects.add(Subject.community(community));
    for (Site site : record.sites()) {
      if (site.isActiveOn(today)) {
        subjects.add(Subject.site(site.getId()));
      }
    }
    record.taxonomy(community).ifPresent(t -> t.getCoreAreas()
        .forEach(a -> subjects.add(Subject.coreArea(a.getId()))));
    for (TopicId topic : openByTopic(community, record).keySet()) {
      subjects.add(Subject.topic(topic));
    }
    return subjects;
  }

  private boolean applies(Subject subject, EngagementRecord record,
      CommunityId community, LocalDate today) {
    switch (subject.kind()) {
      case COMMUNITY:
        return subject.equals(Subject.community(community));
      case SITE:
        return record.site(SiteId.of(subject.id())).map(s -> s.isActiveOn(today)).orElse(false);
      case CORE_AREA:
        return record.taxonomy(community)
            .flatMap(t -> t.coreArea(CoreAreaId.of(subject.id()))).isPresent();
      case TOPIC:
        return openByTopic(community, record).containsKey(TopicId.of(subject.id()));
      default:
        return false;
    }
  }

  private static boolean isOpen(RequestForInformation rfi) {
    return rfi.getState() == RfiState.OPEN || rfi.getState() == RfiState.ANSWERED;
  }

  private static boolean isActive(EngagementRecord record, Membership m) {
    return m.getStatus() == MembershipStatus.ACTIVE && !record.isDeactivated(m.getMember());
  }

  @Override
  public Optional<RuleResult> evaluate(Rule generic, Subject subject,
      EvaluationContext context) {
    CoverageRule rule = (CoverageRule) generic;
    EngagementRecord record = context.record();
    CommunityId community = rule.getCommunity();
    LocalDate today = context.day(community).orElseThrow();
    if (!applies(subject, record, community, today)) {
      return Optional.empty();
    }
    Results results = new Results(rule, subject);
    switch (subject.kind()) {
      case COMMUNITY: {
        ParticipationMatrix matrix = matrix(rule, context, today);
        results.window(windowText(rule.getMatrixWindow(), today,
            context.zone(community).orElseThrow()))
            .fact("sites with participation", matrix.getCounts().size())
            .finding(matrix);
        if (record.taxonomy(community).isEmpty()) {
          results.undecided("no taxonomy is recorded for " + community
              + ", so its core areas cannot be checked");
        } else {
          results.pass("participation by site and core area");
        }
        break;
      }
      case SITE: {
        SiteId site = SiteId.of(subject.id());
        SortedSet<MemberId> active = roster(community, record).activeBySite()
            .getOrDefault(site, new TreeSet<>());
        results.fact("active members", active).threshold("at least 1 active member");
        if (active.isEmpty()) {
          results.fail("the actively engaged site " + site + " has no active member in "
              + community);
        } else {
          results.pass(active.size() + " active members");
        }
        break;
      }
      case CORE_AREA: {
        Taxonomy taxonomy = record.taxonomy(community).orElseThrow();
        CoreAreaId area = CoreAreaId.of(subject.id());
        SortedSet<MemberId> experts = roster(community, record).expertsByArea()
            .getOrDefault(area, new TreeSet<>());
        String name = taxonomy.coreArea(area).map(CoreArea::getName).orElse(area.value());
        results.fact("experts", experts)
            .threshold("at least " + rule.getMinExperts() + " experts");
        if (experts.size() < rule.getMinExperts()) {
          results.fail(name + " has " + experts.size() + " active experts, fewer than "
              + rule.getMinExperts());
        } else {
          results.pass(name + " has " + experts.size() + " active experts");
        }
        break;
      }
      default: {
        TopicId topic = TopicId.of(subject.id());
        SortedSet<String> open = openByTopic(community, record).get(topic);
        SortedSet<MemberId> experts = roster(community, record).expertsByTopic()
            .getOrDefault(topic, new TreeSet<>());
        results.fact("open requests", open).fact("experts", experts)
            .threshold("at least 1 active expert for a topic with open requests");
        if (experts.isEmpty()) {
          results.fail("knowledge gap: " + open.size() + " open requests on " + topic
              + " and no active expert");
        } else {
          results.pass(experts.size() + " active experts on " + topic);
        }
        break;
      }
    }
    return Optional.of(results.build());
  }

  /** A window described for one day and zone. */
  private record WindowText(org.pcop.rules.definition.Window window, LocalDate day,
      java.time.ZoneId zone, String text) {}

  /** The window text described last: a cache only, checked against its inputs. */
  private volatile WindowText windowText;

  private String windowText(org.pcop.rules.definition.Window window, LocalDate day,
      java.time.ZoneId zone) {
    WindowText known = windowText;
    if (known == null || !known.window().equals(window) || !known.day().equals(day)
        || !known.zone().equals(zone)) {
      known = new WindowText(window, day, zone, window.describe(day, zone));
      windowText = known;
    }
    return known.text();
  }

  /**
   * The active members of a community by site, and its active experts by core area and topic,
   * for one record at one event count.
   */
  private record Roster(java.lang.ref.WeakReference<EngagementRecord> record,
      CommunityId community, long events, Map<SiteId, SortedSet<MemberId>> activeBySite,
      Map<CoreAreaId, SortedSet<MemberId>> expertsByArea,
      Map<TopicId, SortedSet<MemberId>> expertsByTopic) {}

  /** A community's open requests by topic, for one record at one event count. */
  private record OpenRequests(java.lang.ref.WeakReference<EngagementRecord> record,
      CommunityId community, long events, Map<TopicId, SortedSet<String>> byTopic) {}

  /**
   * The open requests found last: a cache only, checked against the record and its event count,
   * so that the topics' results of one evaluation read the requests once, not once per topic.
   */
  private volatile OpenRequests openRequests;

  /** The ids of the community's open requests (open or answered) by topic, immutable. */
  private Map<TopicId, SortedSet<String>> openByTopic(CommunityId community,
      EngagementRecord record) {
    OpenRequests known = openRequests;
    if (known != null && known.record().get() == record && known.community().equals(community)
        && known.events() == record.eventCount()) {
      return known.byTopic();
    }
    Map<TopicId, SortedSet<String>> byTopic = new java.util.HashMap<>();
    for (RequestForInformation rfi : record.rfis(community)) {
      if (isOpen(rfi)) {
        byTopic.computeIfAbsent(rfi.getTopic(), k -> new TreeSet<>()).add(rfi.getId().value());
      }
    }
    byTopic.replaceAll((topic, ids) -> java.util.Collections.unmodifiableSortedSet(ids));
    known = new OpenRequests(new java.lang.ref.WeakReference<>(record), community,
        record.eventCount(), java.util.Collections.unmodifiableMap(byTopic));
    openRequests = known;
    return known.byTopic();
  }

  /** The roster computed last: a cache only, checked against the record and its event count. */
  private volatile Roster roster;

  private Roster roster(CommunityId community, EngagementRecord record) {
    Roster known = roster;
    if (known != null && known.record().get() == record && known.community().equals(community)
        && known.events() == record.eventCount()) {
      return known;
    }
    Map<SiteId, SortedSet<MemberId>> bySite = new java.util.HashMap<>();
    Map<CoreAreaId, SortedSet<MemberId>> byArea = new java.util.HashMap<>();
    Map<TopicId, SortedSet<MemberId>> byTopic = new java.util.HashMap<>();
    Optional<Taxonomy> taxonomy = record.taxonomy(community);
    for (Membership m : record.memberships(community)) {
      if (!isActive(record, m)) {
        continue;
      }
      Optional<Member> member = record.member(m.getMember());
      if (member.isEmpty()) {
        continue;
      }
      record.agency(member.get().getAgency()).flatMap(a -> a.getSite()).ifPresent(site ->
          bySite.computeIfAbsent(site, k -> new TreeSet<>()).add(m.getMember()));
      for (TopicId topic : member.get().getExpertise()) {
        byTopic.computeIfAbsent(topic, k -> new TreeSet<>()).add(m.getMember());
        taxonomy.flatMap(t -> t.topic(topic)).map(Topic::getCoreArea).ifPresent(area ->
            byArea.computeIfAbsent(area, k -> new TreeSet<>()).add(m.getMember()));
      }
    }
    known = new Roster(new java.lang.ref.WeakReference<>(record), community,
        record.eventCount(), bySite, byArea, byTopic);
    roster = known;
    return known;
  }

  /**
   * The participation matrix of one rule as of one instant over one record, kept up to date from
   * the participations each event adds (seen through {@link #affected}) and rebuilt from the
   * record whenever anything else happened or an event went unseen. A cache: the matrix always
   * equals a rebuild.
   */
  private static final class Matrix {
    Map<SiteId, Map<CoreAreaId, Long>> counts;
    /** Immutable copies of the rows of {@link #counts}, renewed when a row changes. */
    final Map<SiteId, Map<CoreAreaId, Long>> frozen = new java.util.TreeMap<>();
    /** The finding built from {@link #frozen}; null until built and whenever a row changes. */
    ParticipationMatrix built;
    final java.util.List<Map.Entry<SiteId, java.util.Set<CoreAreaId>>> pending =
        new java.util.ArrayList<>();
    long synced;
    long observed;
    boolean invalid;
  }

  private record MatrixKey(CoverageRule rule, java.time.Instant asOf) {}

  private final Map<EngagementRecord, Map<MatrixKey, Matrix>> matrices =
      java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

  @Override
  public synchronized void release(EngagementRecord record, java.time.Instant asOf) {
    Map<MatrixKey, Matrix> byKey = matrices.get(record);
    if (byKey != null) {
      byKey.keySet().removeIf(key -> key.asOf().equals(asOf));
    }
  }

  @Override
  public synchronized java.util.Set<java.time.Instant> instants(EngagementRecord record) {
    java.util.Set<java.time.Instant> found = new java.util.TreeSet<>();
    Map<MatrixKey, Matrix> byKey = matrices.get(record);
    if (byKey != null) {
      byKey.keySet().forEach(key -> found.add(key.asOf()));
    }
    return found;
  }

  private synchronized ParticipationMatrix matrix(CoverageRule rule,
      EvaluationContext context, LocalDate today) {
    EngagementRecord record = context.record();
    Map<MatrixKey, Matrix> byKey = matrices.computeIfAbsent(record,
        r -> new java.util.concurrent.ConcurrentHashMap<>());
    MatrixKey key = new MatrixKey(rule, context.asOf());
    Matrix m = byKey.get(key);
    if (m != null && !m.invalid && m.synced + m.observed == record.eventCount()) {
      for (Map.Entry<SiteId, java.util.Set<CoreAreaId>> added : m.pending) {
        for (CoreAreaId area : added.getValue()) {
          m.counts.computeIfAbsent(added.getKey(), k -> new java.util.TreeMap<>())
              .merge(area, 1L, Long::sum);
        }
        m.frozen.put(added.getKey(), ImmutableMap.copyOf(m.counts.get(added.getKey())));
        m.built = null;
      }
    } else {
      Map<SiteId, Map<CoreAreaId, Long>> counts = new java.util.TreeMap<>();
      record.participationMatrix(rule.getCommunity(), rule.getMatrixWindow().firstDay(today),
          today).forEach((site, areas) -> counts.put(site, new java.util.TreeMap<>(areas)));
      m = new Matrix();
      m.counts = counts;
      for (Map.Entry<SiteId, Map<CoreAreaId, Long>> row : counts.entrySet()) {
        m.frozen.put(row.getKey(), ImmutableMap.copyOf(row.getValue()));
      }
      byKey.put(key, m);
    }
    m.pending.clear();
    m.synced = record.eventCount();
    m.observed = 0;
    if (m.built == null) {
      // The rows are already immutable and sorted; the builder copies only the outer map.
      m.built = ParticipationMatrix.builder().counts(m.frozen).build();
    }
    return m.built;
  }

  /**
   * Keeps the roster for the next event count when the event cannot change it: requests,
   * exchanges, activities and participations leave memberships, members, agencies and the
   * taxonomy as they were. Only a roster of the event count just before is kept, so a roster
   * that missed an event is rebuilt.
   */
  private void keepRoster(RecordChange change, EngagementRecord record) {
    Roster known = roster;
    Object event = change.event();
    if (known == null || known.record().get() != record
        || known.events() != record.eventCount() - 1) {
      return;
    }
    if (event instanceof org.pcop.model.event.RfiPosted
        || event instanceof org.pcop.model.event.RfiAnswered
        || event instanceof org.pcop.model.event.RfiAccepted
        || event instanceof org.pcop.model.event.RfiClosed
        || event instanceof org.pcop.model.event.ParticipationRecorded
        || event instanceof org.pcop.model.event.ActivityRecorded
        || event instanceof org.pcop.model.event.ExchangeRequested
        || event instanceof org.pcop.model.event.ExchangeApproved
        || event instanceof org.pcop.model.event.ExchangeScheduled
        || event instanceof org.pcop.model.event.ExchangeHeld
        || event instanceof org.pcop.model.event.ExchangeDocumented) {
      roster = new Roster(known.record(), known.community(), record.eventCount(),
          known.activeBySite(), known.expertsByArea(), known.expertsByTopic());
    }
  }

  private synchronized void observe(CoverageRule rule, RecordChange change,
      EvaluationContext context) {
    keepRoster(change, context.record());
    Map<MatrixKey, Matrix> byKey = matrices.get(context.record());
    Matrix m = byKey == null ? null : byKey.get(new MatrixKey(rule, context.asOf()));
    if (m == null) {
      return;
    }
    m.observed++;
    if (change.event() instanceof org.pcop.model.event.ActivityRecorded) {
      return;
    }
    if (!(change.event() instanceof org.pcop.model.event.ParticipationRecorded)) {
      m.invalid = true;
      return;
    }
    var participation = ((org.pcop.model.event.ParticipationRecorded) change.event())
        .getParticipation();
    EngagementRecord record = context.record();
    var activity = record.activity(participation.getActivity());
    Optional<SiteId> site = record.siteOf(participation.getMember());
    if (activity.isEmpty() || site.isEmpty()
        || !activity.get().getCommunity().equals(rule.getCommunity())
        || activity.get().getCoreAreas().isEmpty()) {
      return;
    }
    LocalDate today = context.day(rule.getCommunity()).orElseThrow();
    LocalDate day = record.dayOf(rule.getCommunity(), participation.getAt()).orElseThrow();
    if (day.isBefore(rule.getMatrixWindow().firstDay(today)) || day.isAfter(today)) {
      return;
    }
    m.pending.add(Map.entry(site.get(), activity.get().getCoreAreas()));
  }

  @Override
  public Optional<SortedSet<Subject>> affected(Rule rule, RecordChange change,
      EvaluationContext context) {
    observe((CoverageRule) rule, change, context);
    if (change.everything().contains(rule.getCommunity())
        || change.rosterCommunities().contains(rule.getCommunity())) {
      return Optional.empty();
    }
    SortedSet<Subject> subjects = new TreeSet<>();
    if (change.participationCommunities().contains(rule.getCommunity())) {
      subjects.add(Subject.community(rule.getCommunity()));
    }
    return Optional.of(subjects);
  }
}
