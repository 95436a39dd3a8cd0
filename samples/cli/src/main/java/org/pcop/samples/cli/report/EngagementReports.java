package org.pcop.samples.cli.report;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.pcop.model.Community;
import org.pcop.model.CommunityId;
import org.pcop.model.MemberId;
import org.pcop.model.Membership;
import org.pcop.model.MembershipStatus;
import org.pcop.model.SiteId;
import org.pcop.model.activity.Exchange;
import org.pcop.model.activity.ExchangeState;
import org.pcop.model.activity.RequestForInformation;
import org.pcop.model.activity.RfiState;
import org.pcop.model.event.EngagementLevelChanged;
import org.pcop.model.taxonomy.CoreArea;
import org.pcop.model.taxonomy.CoreAreaId;
import org.pcop.rules.AnswererSuggestions;
import org.pcop.rules.AnswererWeights;
import org.pcop.rules.DefaultRules;
import org.pcop.rules.DormancyNotice;
import org.pcop.rules.EngagementRecord;
import org.pcop.rules.Evaluation;
import org.pcop.rules.HostSuggestions;
import org.pcop.rules.HostWeights;
import org.pcop.rules.LevelChange;
import org.pcop.rules.Outcome;
import org.pcop.rules.ParticipationDay;
import org.pcop.rules.ParticipationMatrix;
import org.pcop.rules.RuleEngine;
import org.pcop.rules.RuleResult;
import org.pcop.rules.ServiceLevelBreach;
import org.pcop.rules.ServiceLevelWarning;
import org.pcop.rules.Subject;
import org.pcop.rules.SubjectKind;
import org.pcop.rules.calendar.UsFederalCalendar;
import org.pcop.rules.definition.CoverageRule;
import org.pcop.rules.definition.EngagementLevelRule;
import org.pcop.rules.definition.ExchangePolicyRule;
import org.pcop.rules.definition.Level;
import org.pcop.rules.definition.RecommendationRule;
import org.pcop.rules.definition.RuleSet;
import org.pcop.rules.definition.ServiceLevelKind;
import org.pcop.rules.definition.ServiceLevelRule;
import org.pcop.samples.cli.folder.CommunityState;

/**
 * Makes engagement reports: evaluates the default rule set over a community's state with the US
 * federal business calendar (every service level warning {@value #DUE_SOON_BUSINESS_DAYS}
 * business days ahead unless it says otherwise) and gathers what the report shows. A pure function of the state and
 * the instant.
 */
public final class EngagementReports {
  /**
   * How many business days ahead a service level is listed as due soon, when the rule set gives
   * it no warning of its own.
   */
  public static final int DUE_SOON_BUSINESS_DAYS = 2;

  /** How many answerers or hosts the report suggests for each request or exchange. */
  public static final int SUGGESTIONS = 3;

  private EngagementReports() {}

  /**
   * The report of a community's state as of an instant.
   *
   * @param state the state of the data folder
   * @param asOf the instant the rules are evaluated as of
   * @return the report
   */
  public static EngagementReport of(CommunityState state, Instant asOf) {
    Community community = state.community();
    CommunityId id = community.getId();
    EngagementRecord record = state.record();
    RuleSet rules = withDueSoon(DefaultRules.forCommunity(id));
    Evaluation evaluation = RuleEngine.evaluate(rules, record, asOf,
        UsFederalCalendar.instance());
    ImmutableEngagementReport.Builder report = EngagementReport.builder().community(community)
        .asOf(asOf).eventCount(state.eventCount());

    List<String> levelNames = new ArrayList<>();
    for (var rule : rules.getRules()) {
      if (rule instanceof EngagementLevelRule levels) {
        levels.getLevels().stream().map(Level::getName).forEach(levelNames::add);
      }
    }
    levelNames.add(EngagementReport.NO_LEVEL);
    report.levelNames(levelNames);

    Map<MemberId, Optional<String>> pending = new HashMap<>();
    for (LevelChange change : evaluation.findings(LevelChange.class)) {
      pending.put(change.getMember(), change.getTo());
    }
    List<Membership> memberships = new ArrayList<>(record.memberships(id));
    memberships.sort(Comparator.comparing(Membership::getMember));
    for (Membership m : memberships) {
      Optional<String> level = pending.containsKey(m.getMember()) ? pending.get(m.getMember())
          : record.level(m.getMember(), id).level();
      report.addMember(new EngagementReport.MemberLevel(m.getMember(),
          level.orElse(EngagementReport.NO_LEVEL)));
    }
    report.levelHistory(history(state, levelNames, asOf, community.getTimeZone()));

    report.breaches(evaluation.findings(ServiceLevelBreach.class));
    List<EngagementReport.DueSoon> dueSoon = new ArrayList<>();
    for (ServiceLevelWarning warning : evaluation.findings(ServiceLevelWarning.class)) {
      dueSoon.add(new EngagementReport.DueSoon(warning.getSubject(), warning.getObligation(),
          warning.getDueAt(), List.copyOf(warning.owedBy(record))));
    }
    dueSoon.sort(Comparator.comparing(EngagementReport.DueSoon::dueAt)
        .thenComparing(EngagementReport.DueSoon::subject));
    report.dueSoon(dueSoon);
    report.dormant(dormant(record, id, memberships, evaluation));

    Map<SiteId, Map<CoreAreaId, Long>> matrix = new TreeMap<>();
    for (RuleResult result : evaluation.getResults()) {
      if (CoverageRule.KIND.equals(result.getKind())) {
        if (result.getOutcome() == Outcome.FAILED
            && result.getSubject().kind() != SubjectKind.COMMUNITY) {
          report.addGap(result);
        }
        for (ParticipationMatrix m : result.findings(ParticipationMatrix.class)) {
          matrix.putAll(m.getCounts());
        }
      }
    }
    report.matrix(matrix);

    Set<Subject> breachedRfis = new HashSet<>();
    for (ServiceLevelBreach breach : evaluation.findings(ServiceLevelBreach.class)) {
      if (breach.getSubject().kind() == SubjectKind.RFI) {
        breachedRfis.add(breach.getSubject());
      }
    }
    Optional<ServiceLevelRule> firstResponse = rules.getRules().stream()
        .filter(ServiceLevelRule.class::isInstance).map(ServiceLevelRule.class::cast)
        .filter(r -> r.getObligation() == ServiceLevelKind.RFI_FIRST_RESPONSE).findFirst();
    List<RequestForInformation> rfis = new ArrayList<>(record.rfis(id));
    rfis.sort(Comparator.comparing(RequestForInformation::getPostedAt)
        .thenComparing(RequestForInformation::getId));
    for (RequestForInformation rfi : rfis) {
      if (rfi.getPostedAt().isAfter(asOf)) {
        continue;
      }
      Optional<Instant> due = firstResponse.map(rule -> {
        LocalDate from = LocalDate.ofInstant(rfi.getPostedAt(), community.getTimeZone());
        LocalDate last = rule.isBusinessDays()
            ? UsFederalCalendar.instance().plusBusinessDays(from, rule.getDays())
            : from.plusDays(rule.getDays());
        return last.plusDays(1).atStartOfDay(community.getTimeZone()).toInstant();
      });
      report.addRfiTiming(new EngagementReport.RfiTiming(rfi.getId(), rfi.getTopic(),
          rfi.getPostedAt(), rfi.firstResponseAt().filter(t -> !t.isAfter(asOf))
              .map(t -> Duration.between(rfi.getPostedAt(), t)),
          breachedRfis.contains(Subject.rfi(rfi.getId())), due));
      report.putSubjectTitle(Subject.rfi(rfi.getId()), rfi.getQuestion());
    }
    firstResponse.ifPresent(rule -> report.firstResponseLevel("a first response within "
        + rule.getDays() + (rule.isBusinessDays() ? " business days" : " days")
        + " of posting"));
    for (var exchange : record.exchanges(id)) {
      report.putSubjectTitle(Subject.exchange(exchange.getId()), exchange.getPurpose());
    }

    Map<SiteId, String> siteNames = new LinkedHashMap<>();
    state.sites().values().forEach(s -> siteNames.put(s.getId(), s.getName() + ", "
        + s.getState()));
    report.siteNames(siteNames);
    Map<CoreAreaId, String> areaNames = new LinkedHashMap<>();
    record.taxonomy(id).ifPresent(t -> {
      for (CoreArea area : t.getCoreAreas()) {
        areaNames.put(area.getId(), area.getName());
      }
    });
    report.coreAreaNames(areaNames);
    areaNames.forEach((area, name) -> report.putSubjectTitle(Subject.coreArea(area), name));
    siteNames.forEach((site, name) -> report.putSubjectTitle(Subject.site(site), name));
    LocalDate day = LocalDate.ofInstant(asOf, community.getTimeZone());
    rules.getRules().stream().filter(CoverageRule.class::isInstance)
        .map(CoverageRule.class::cast).findFirst().ifPresent(rule -> report.matrixWindow(
            rule.getMatrixWindow().isAllTime() ? "all time, to " + day
                : rule.getMatrixWindow().getDays().get() + " days, "
                    + rule.getMatrixWindow().firstDay(day) + " to " + day));
    Map<MemberId, String> memberNames = new LinkedHashMap<>();
    state.members().values().forEach(m -> memberNames.put(m.getId(), m.getName()));
    report.memberNames(memberNames);
    suggestions(record, rules, id, rfis, asOf, report);
    return report.build();
  }

  /**
   * The rule set with a warning {@value #DUE_SOON_BUSINESS_DAYS} business days ahead on every
   * service level that has none, so that the report lists what is due soon.
   */
  static RuleSet withDueSoon(RuleSet rules) {
    List<org.pcop.rules.definition.Rule> all = new ArrayList<>();
    for (org.pcop.rules.definition.Rule rule : rules.getRules()) {
      if (rule instanceof ServiceLevelRule level && level.getWarnBusinessDays().isEmpty()) {
        all.add(org.pcop.rules.definition.ImmutableServiceLevelRule.copyOf(level)
            .withWarnBusinessDays(DUE_SOON_BUSINESS_DAYS));
      } else {
        all.add(rule);
      }
    }
    return RuleSet.builder().from(rules).rules(all).build();
  }

  /**
   * The suggested answerers of every open request and hosts of every exchange awaiting
   * approval, ranked as {@code pcop suggest} ranks them, as of the report.
   */
  private static void suggestions(EngagementRecord record, RuleSet rules, CommunityId id,
      List<RequestForInformation> rfis, Instant asOf, ImmutableEngagementReport.Builder report) {
    Optional<RecommendationRule> weights = RecommendationRule.of(rules, id);
    for (RequestForInformation rfi : rfis) {
      if (!rfi.getPostedAt().isAfter(asOf) && (rfi.getState() == RfiState.OPEN
          || rfi.getState() == RfiState.ANSWERED)) {
        report.addAnswerers(new EngagementReport.AnswerersFor(rfi.getId(), rfi.getTopic(),
            AnswererSuggestions.forRequest(record, rfi.getId(), asOf, weights.map(
                RecommendationRule::getAnswererWeights).orElse(AnswererWeights.DEFAULTS),
                SUGGESTIONS)));
      }
    }
    Optional<ExchangePolicyRule> policy = rules.getRules().stream()
        .filter(ExchangePolicyRule.class::isInstance).map(ExchangePolicyRule.class::cast)
        .filter(r -> r.getCommunity().equals(id)).findFirst();
    List<Exchange> exchanges = new ArrayList<>(record.exchanges(id));
    exchanges.sort(Comparator.comparing(Exchange::getRequestedAt)
        .thenComparing(Exchange::getId));
    for (Exchange exchange : exchanges) {
      if (!exchange.getRequestedAt().isAfter(asOf)
          && exchange.getState() == ExchangeState.REQUESTED) {
        report.addHosts(new EngagementReport.HostsFor(exchange.getId(), exchange.getHostSite(),
            HostSuggestions.forExchange(record, exchange.getId(), asOf, policy, weights.map(
                RecommendationRule::getHostWeights).orElse(HostWeights.DEFAULTS), SUGGESTIONS)));
      }
    }
  }

  private static List<EngagementReport.DormantMembership> dormant(EngagementRecord record,
      CommunityId id, List<Membership> memberships, Evaluation evaluation) {
    Map<MemberId, EngagementReport.DormantMembership> dormant = new TreeMap<>();
    for (Membership m : memberships) {
      if (m.getStatus() == MembershipStatus.DORMANT) {
        NavigableMap<LocalDate, ParticipationDay> days =
            record.participationDays(m.getMember(), id);
        dormant.put(m.getMember(), new EngagementReport.DormantMembership(m.getMember(),
            record.siteOf(m.getMember()),
            Optional.of(m.getHistory().get(m.getHistory().size() - 1).getAt()),
            days.isEmpty() ? Optional.empty() : Optional.of(days.lastKey())));
      }
    }
    for (DormancyNotice notice : evaluation.findings(DormancyNotice.class)) {
      dormant.putIfAbsent(notice.getMember(), new EngagementReport.DormantMembership(
          notice.getMember(), notice.getSite(), Optional.empty(),
          notice.getLastParticipation()));
    }
    return new ArrayList<>(dormant.values());
  }

  private static List<EngagementReport.LevelSnapshot> history(CommunityState state,
      List<String> levelNames, Instant asOf, ZoneId zone) {
    List<EngagementLevelChanged> changes = state.levelChanges();
    List<EngagementReport.LevelSnapshot> history = new ArrayList<>();
    if (changes.isEmpty()) {
      return history;
    }
    // The twelve month ends up to the as-of month (fewer when the first membership began
    // later), so that months before the first level change, which is recorded at a month's
    // end, show their members too.
    YearMonth last = YearMonth.from(asOf.atZone(zone));
    Instant first = changes.get(0).getOccurredAt();
    for (Membership m : state.record().memberships(state.community().getId())) {
      if (!m.getHistory().isEmpty() && m.getHistory().get(0).getAt().isBefore(first)) {
        first = m.getHistory().get(0).getAt();
      }
    }
    YearMonth month = YearMonth.from(first.atZone(zone));
    if (month.isBefore(last.minusMonths(11))) {
      month = last.minusMonths(11);
    }
    Set<MemberId> members = new HashSet<>();
    state.record().memberships(state.community().getId())
        .forEach(m -> members.add(m.getMember()));
    Map<MemberId, String> levels = new HashMap<>();
    int next = 0;
    while (!month.isAfter(last)) {
      Instant end = month.atEndOfMonth().plusDays(1).atStartOfDay(zone).toInstant();
      if (end.isAfter(asOf)) {
        end = asOf.plusNanos(1);
      }
      while (next < changes.size() && changes.get(next).getOccurredAt().isBefore(end)) {
        EngagementLevelChanged change = changes.get(next++);
        levels.put(change.getMember(), change.getTo().orElse(EngagementReport.NO_LEVEL));
      }
      Map<String, Long> counts = new LinkedHashMap<>();
      levelNames.forEach(name -> counts.put(name, 0L));
      for (MemberId member : members) {
        counts.merge(levels.getOrDefault(member, EngagementReport.NO_LEVEL), 1L, Long::sum);
      }
      history.add(new EngagementReport.LevelSnapshot(month.atEndOfMonth(), counts));
      month = month.plusMonths(1);
    }
    return history;
  }
}
