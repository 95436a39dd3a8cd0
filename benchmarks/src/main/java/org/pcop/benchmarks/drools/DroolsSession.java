package org.pcop.benchmarks.drools;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;
import org.pcop.model.activity.Activity;
import org.pcop.model.activity.ActivityKind;
import org.pcop.model.activity.ApproverRole;
import org.pcop.model.activity.Exchange;
import org.pcop.model.activity.Participation;
import org.pcop.model.activity.RfiResponse;
import org.pcop.model.event.ActivityRecorded;
import org.pcop.model.event.ConductFlagRecorded;
import org.pcop.model.event.ConductFlagStatus;
import org.pcop.model.event.EngagementLevelChanged;
import org.pcop.model.event.ExchangeApproved;
import org.pcop.model.event.ExchangeCancelled;
import org.pcop.model.event.ExchangeDeclined;
import org.pcop.model.event.ExchangeDocumented;
import org.pcop.model.event.ExchangeHeld;
import org.pcop.model.event.ExchangeRequested;
import org.pcop.model.event.MemberEnrolled;
import org.pcop.model.event.MembershipChanged;
import org.pcop.model.event.ParticipationRecorded;
import org.pcop.model.event.PcopEvent;
import org.pcop.model.event.RfiAccepted;
import org.pcop.model.event.RfiAnswered;
import org.pcop.model.event.RfiClosed;
import org.pcop.model.event.RfiPosted;
import org.pcop.model.MembershipStatus;

/**
 * A live Drools session over one community's history: {@link #apply(PcopEvent)} turns each pcop
 * event into facts (inserted, or changed and updated), {@link #fire()} runs the rules, and {@link
 * #levels()} and {@link #breaches()} read the results the rules inserted. Events of the kinds the
 * rules do not read are skipped. Not thread-safe; close it to free the session.
 */
public final class DroolsSession implements AutoCloseable {
  private final KieSession session;
  private final ZoneId zone;
  private final Map<String, MemberFact> members = new HashMap<>();
  private final Map<String, FactHandle> memberHandles = new HashMap<>();
  private final Map<String, Activity> activities = new HashMap<>();
  private final Map<String, Set<String>> exchangeAgencies = new HashMap<>();
  private final Map<String, ExchangeFact> exchanges = new HashMap<>();
  private final Map<String, FactHandle> exchangeHandles = new HashMap<>();
  private final Map<String, Map<ApproverRole, Instant>> approvals = new HashMap<>();
  private final Map<String, RfiFact> rfis = new HashMap<>();
  private final Map<String, FactHandle> rfiHandles = new HashMap<>();

  DroolsSession(KieSession session, Instant asOf, ZoneId zone) {
    this.session = session;
    this.zone = zone;
    // Set before any fact goes in: the window constraints read them as facts arrive.
    session.setGlobal("today", LocalDate.ofInstant(asOf, zone).toEpochDay());
    session.setGlobal("now", asOf);
    session.setGlobal("zone", zone);
  }

  /**
   * Turns one event into facts: inserts new ones, changes and updates existing ones.
   *
   * @param event the next event of the history
   * @throws IllegalArgumentException if the event names a member, exchange or request for
   *     information this session has not seen
   */
  public void apply(PcopEvent event) {
    if (event instanceof ParticipationRecorded) {
      participation(((ParticipationRecorded) event).getParticipation());
    } else if (event instanceof ActivityRecorded) {
      Activity activity = ((ActivityRecorded) event).getActivity();
      activities.put(activity.getId().value(), activity);
      if (activity.getKind() == ActivityKind.MEETING) {
        session.insert(new MeetingFact(activity.getId().value(), day(activity.getStartsAt()),
            activity.getStartsAt().getEpochSecond()));
      }
    } else if (event instanceof MemberEnrolled) {
      var member = ((MemberEnrolled) event).getMember();
      MemberFact fact = new MemberFact(member.getId().value(), member.getAgency().value());
      members.put(fact.getId(), fact);
      memberHandles.put(fact.getId(), session.insert(fact));
    } else if (event instanceof MembershipChanged) {
      MembershipChanged changed = (MembershipChanged) event;
      MemberFact fact = member(changed.getMember().value());
      fact.setEvaluated(changed.getStatus() == MembershipStatus.ACTIVE
          || changed.getStatus() == MembershipStatus.DORMANT);
      if (changed.getStatus() == MembershipStatus.ACTIVE
          && fact.getActiveSinceDay() == Long.MAX_VALUE) {
        fact.setActiveSinceDay(day(changed.getOccurredAt()));
      }
      session.update(memberHandles.get(fact.getId()), fact);
    } else if (event instanceof EngagementLevelChanged) {
      EngagementLevelChanged changed = (EngagementLevelChanged) event;
      MemberFact fact = member(changed.getMember().value());
      fact.setRecorded(changed.getTo().map(LevelOf.LEVELS::indexOf).orElse(-1),
          changed.getOccurredAt().plus(java.time.Duration.ofDays(LevelOf.GRACE_DAYS)));
      session.update(memberHandles.get(fact.getId()), fact);
    } else if (event instanceof ConductFlagRecorded) {
      ConductFlagRecorded flag = (ConductFlagRecorded) event;
      MemberFact fact = member(flag.getMember().value());
      if (flag.getStatus() == ConductFlagStatus.UPHELD) {
        fact.setUpheld(true);
      } else if (flag.getStatus() == ConductFlagStatus.DISMISSED) {
        fact.setUpheld(false);
      }
      session.update(memberHandles.get(fact.getId()), fact);
    } else {
      serviceLevelEvent(event);
    }
  }

  private void serviceLevelEvent(PcopEvent event) {
    if (event instanceof ExchangeRequested) {
      Exchange exchange = ((ExchangeRequested) event).getExchange();
      String id = exchange.getId().value();
      Set<String> agencies = new HashSet<>();
      agencies.add(exchange.getHostAgency().value());
      exchange.getVisitingAgencies().forEach(a -> agencies.add(a.value()));
      exchangeAgencies.put(id, agencies);
      ExchangeFact fact = new ExchangeFact(id, exchange.getRequestedAt());
      exchanges.put(id, fact);
      exchangeHandles.put(id, session.insert(fact));
    } else if (event instanceof ExchangeApproved) {
      ExchangeApproved approved = (ExchangeApproved) event;
      ExchangeFact fact = exchange(approved.getExchange().value());
      Map<ApproverRole, Instant> given = approvals.computeIfAbsent(fact.getId(),
          x -> new TreeMap<>());
      given.putIfAbsent(approved.getRole(), approved.getOccurredAt());
      if (given.keySet().containsAll(EnumSet.allOf(ApproverRole.class))) {
        fact.setApprovedAt(given.values().stream().max(Instant::compareTo).orElseThrow());
      }
      update(fact);
    } else if (event instanceof ExchangeDeclined) {
      ExchangeFact fact = exchange(((ExchangeDeclined) event).getExchange().value());
      fact.setClosed(true);
      update(fact);
    } else if (event instanceof ExchangeCancelled) {
      ExchangeFact fact = exchange(((ExchangeCancelled) event).getExchange().value());
      fact.setClosed(true);
      update(fact);
    } else if (event instanceof ExchangeHeld) {
      ExchangeHeld held = (ExchangeHeld) event;
      ExchangeFact fact = exchange(held.getExchange().value());
      fact.setHeldOn(held.getHeldOn());
      update(fact);
    } else if (event instanceof ExchangeDocumented) {
      ExchangeDocumented documented = (ExchangeDocumented) event;
      ExchangeFact fact = exchange(documented.getExchange().value());
      fact.setReportAt(documented.getReport().getSubmittedAt());
      update(fact);
    } else if (event instanceof RfiPosted) {
      var request = ((RfiPosted) event).getRequest();
      RfiFact fact = new RfiFact(request.getId().value(), request.getPostedAt());
      request.getResponses().stream().map(RfiResponse::getAt).findFirst()
          .ifPresent(fact::setFirstResponseAt);
      rfis.put(fact.getId(), fact);
      rfiHandles.put(fact.getId(), session.insert(fact));
    } else if (event instanceof RfiAnswered) {
      RfiAnswered answered = (RfiAnswered) event;
      RfiFact fact = rfi(answered.getRequest().value());
      if (fact.getFirstResponseAt() == null) {
        fact.setFirstResponseAt(answered.getResponse().getAt());
        session.update(rfiHandles.get(fact.getId()), fact);
      }
    } else if (event instanceof RfiAccepted) {
      rfi(((RfiAccepted) event).getRequest().value()).setAccepted(true);
    } else if (event instanceof RfiClosed) {
      RfiFact fact = rfi(((RfiClosed) event).getRequest().value());
      if (!fact.isAccepted()) {
        fact.setExpired(true);
        session.update(rfiHandles.get(fact.getId()), fact);
      }
    }
  }

  private void participation(Participation participation) {
    String member = participation.getMember().value();
    String activityId = participation.getActivity().value();
    long day = day(participation.getAt());
    Activity activity = activities.get(activityId);
    String site = activity == null ? null
        : activity.getHostSite().map(s -> s.value()).orElse(null);
    session.insert(new ParticipationFact(member, activityId, participation.getKind(), day, site));
    if (activity != null && activity.getExchange().isPresent()) {
      for (String agency : exchangeAgencies.getOrDefault(activity.getExchange().get().value(),
          Set.of())) {
        session.insert(new ExchangeContact(member, agency, day));
      }
    }
  }

  private long day(Instant at) {
    return LocalDate.ofInstant(at, zone).toEpochDay();
  }

  private MemberFact member(String id) {
    MemberFact fact = members.get(id);
    if (fact == null) {
      throw new IllegalArgumentException("member " + id + " is not enrolled in this session");
    }
    return fact;
  }

  private ExchangeFact exchange(String id) {
    ExchangeFact fact = exchanges.get(id);
    if (fact == null) {
      throw new IllegalArgumentException("exchange " + id + " was not requested in this session");
    }
    return fact;
  }

  private RfiFact rfi(String id) {
    RfiFact fact = rfis.get(id);
    if (fact == null) {
      throw new IllegalArgumentException("request for information " + id
          + " was not posted in this session");
    }
    return fact;
  }

  private void update(ExchangeFact fact) {
    session.update(exchangeHandles.get(fact.getId()), fact);
  }

  /**
   * Runs the rules until nothing more fires.
   *
   * @return how many rule firings it took
   */
  public int fire() {
    return session.fireAllRules();
  }

  /**
   * The level of every member at one, as the rules last fired.
   *
   * @return level name by member id
   */
  public Map<String, String> levels() {
    Map<String, String> levels = new TreeMap<>();
    for (Object fact : session.getObjects(o -> o instanceof LevelOf)) {
      LevelOf level = (LevelOf) fact;
      levels.put(level.getMember(), level.getLevel());
    }
    return levels;
  }

  /**
   * The missed service levels, as the rules last fired.
   *
   * @return the breaches
   */
  public Set<Breach> breaches() {
    Set<Breach> breaches = new HashSet<>();
    for (Object fact : session.getObjects(o -> o instanceof Breach)) {
      breaches.add((Breach) fact);
    }
    return breaches;
  }

  /**
   * How many facts the session holds, results included.
   *
   * @return the count
   */
  public long factCount() {
    return session.getFactCount();
  }

  /** Frees the session. */
  @Override
  public void close() {
    session.dispose();
  }

  /**
   * Feeds a whole history into a new session and fires the rules once.
   *
   * @param base the rule base
   * @param events the history
   * @param asOf the instant evaluated as of
   * @param zone the community's time zone
   * @return the session, fired, which the caller closes
   */
  public static DroolsSession evaluate(DroolsRuleBase base, Iterable<PcopEvent> events,
      Instant asOf, ZoneId zone) {
    DroolsSession session = base.start(asOf, zone);
    for (PcopEvent event : events) {
      session.apply(event);
    }
    session.fire();
    return session;
  }
}
