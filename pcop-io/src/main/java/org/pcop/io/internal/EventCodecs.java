package org.pcop.io.internal;

import static org.pcop.io.internal.ModelCodecs.ACTIVITY;
import static org.pcop.io.internal.ModelCodecs.AGENCY;
import static org.pcop.io.internal.ModelCodecs.APPROVER_ROLE;
import static org.pcop.io.internal.ModelCodecs.CASE_FACT_DECISION;
import static org.pcop.io.internal.ModelCodecs.COMMUNITY_ID;
import static org.pcop.io.internal.ModelCodecs.CONDUCT_FLAG_STATUS;
import static org.pcop.io.internal.ModelCodecs.EVENT_ID;
import static org.pcop.io.internal.ModelCodecs.EXCHANGE;
import static org.pcop.io.internal.ModelCodecs.EXCHANGE_ID;
import static org.pcop.io.internal.ModelCodecs.FOLLOW_UP_REPORT;
import static org.pcop.io.internal.ModelCodecs.MEMBER;
import static org.pcop.io.internal.ModelCodecs.MEMBERSHIP_ROLE;
import static org.pcop.io.internal.ModelCodecs.MEMBERSHIP_STATUS;
import static org.pcop.io.internal.ModelCodecs.MEMBER_ID;
import static org.pcop.io.internal.ModelCodecs.PARTICIPATION;
import static org.pcop.io.internal.ModelCodecs.REQUEST_FOR_INFORMATION;
import static org.pcop.io.internal.ModelCodecs.RESPONSE_ID;
import static org.pcop.io.internal.ModelCodecs.RFI_ID;
import static org.pcop.io.internal.ModelCodecs.REDACTED_SPAN;
import static org.pcop.io.internal.ModelCodecs.RFI_RESPONSE;
import static org.pcop.io.internal.ModelCodecs.SCHEDULE;
import static org.pcop.io.internal.ModelCodecs.SITE;
import static org.pcop.io.internal.ModelCodecs.TAXONOMY;
import static org.pcop.io.internal.Scalars.DATE_CODEC;
import static org.pcop.io.internal.Scalars.INSTANT_CODEC;
import static org.pcop.io.internal.Scalars.STRING;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pcop.model.MemberId;
import org.pcop.model.event.ActivityRecorded;
import org.pcop.model.event.AgencyRegistered;
import org.pcop.model.event.CaseFactsReviewed;
import org.pcop.model.event.ConductFlagRecorded;
import org.pcop.model.event.EngagementLevelChanged;
import org.pcop.model.event.EngagementLevelLocked;
import org.pcop.model.event.EventId;
import org.pcop.model.event.ExchangeApproved;
import org.pcop.model.event.ExchangeCancelled;
import org.pcop.model.event.ExchangeDeclined;
import org.pcop.model.event.ExchangeDocumented;
import org.pcop.model.event.ExchangeHeld;
import org.pcop.model.event.ExchangeRequested;
import org.pcop.model.event.ExchangeScheduled;
import org.pcop.model.event.MemberDeactivated;
import org.pcop.model.event.MemberEnrolled;
import org.pcop.model.event.MembershipChanged;
import org.pcop.model.event.ParticipationRecorded;
import org.pcop.model.event.PcopEvent;
import org.pcop.model.event.PcopEventVisitor;
import org.pcop.model.event.RfiAccepted;
import org.pcop.model.event.RfiAnswered;
import org.pcop.model.event.RfiClosed;
import org.pcop.model.event.RfiPosted;
import org.pcop.model.event.ServiceLevelWarned;
import org.pcop.model.event.SiteRegistered;
import org.pcop.model.event.TaxonomyChanged;

/**
 * The wire form of the events: one JSON object each, its {@code "type"} one of a closed list of
 * stable names ({@code "member-enrolled"}, ...), then {@code "eventId"}, {@code "actor"},
 * {@code "occurredAt"} and the properties of that kind of event. Java class names never appear.
 */
public final class EventCodecs {
  private EventCodecs() {}

  /** The common part of every event. */
  private record Envelope(EventId eventId, MemberId actor, Instant occurredAt) {}

  /**
   * One kind of event on the wire.
   *
   * @param <E> the event type
   */
  public static final class Kind<E extends PcopEvent> {
    private final String name;
    private final Class<E> type;
    private final String[] names;
    private final BodyReader<E> reader;
    private final ObjectCodec.Writer<E> writer;

    private Kind(String name, Class<E> type, String[] body, BodyReader<E> reader,
        ObjectCodec.Writer<E> writer) {
      this.name = name;
      this.type = type;
      List<String> all = new ArrayList<>(List.of("type", "eventId", "actor", "occurredAt"));
      all.addAll(List.of(body));
      this.names = all.toArray(new String[0]);
      this.reader = reader;
      this.writer = writer;
    }

    /**
     * The stable name on the wire.
     *
     * @return for example {@code "member-enrolled"}
     */
    public String name() {
      return name;
    }

    /**
     * The event type.
     *
     * @return the model interface
     */
    public Class<E> type() {
      return type;
    }

    /**
     * Every property of this kind, the envelope's first.
     *
     * @return the names
     */
    public List<String> propertyNames() {
      return List.of(names);
    }

    E decode(JsonNode node, String at, Decoding d) {
      Fields f = Fields.of(node, at, d, "a " + name + " event", names);
      EventId id = f.req("eventId", EVENT_ID);
      MemberId actor = f.req("actor", MEMBER_ID);
      Instant occurredAt = f.req("occurredAt", INSTANT_CODEC);
      return reader.read(f, new Envelope(id, actor, occurredAt));
    }

    void encode(E event, JsonGenerator g) throws IOException {
      g.writeStartObject();
      g.writeStringField("type", name);
      Out.field(g, "eventId", event.getEventId(), EVENT_ID);
      Out.field(g, "actor", event.getActor(), MEMBER_ID);
      Out.field(g, "occurredAt", event.getOccurredAt(), INSTANT_CODEC);
      writer.write(event, g);
      g.writeEndObject();
    }
  }

  @FunctionalInterface
  private interface BodyReader<E> {
    E read(Fields f, Envelope e);
  }

  /** {@code member-enrolled}: {@link MemberEnrolled}. */
  public static final Kind<MemberEnrolled> MEMBER_ENROLLED = new Kind<>(
      "member-enrolled", MemberEnrolled.class,
      new String[] {"member"},
      (f, e) -> {
        var member = f.req("member", MEMBER);
        return f.build(() -> MemberEnrolled.builder().eventId(e.eventId()).actor(e.actor())
            .occurredAt(e.occurredAt()).member(member).build());
      },
      (v, g) -> {
        Out.field(g, "member", v.getMember(), MEMBER);
      });

  /** {@code member-deactivated}: {@link MemberDeactivated}. */
  public static final Kind<MemberDeactivated> MEMBER_DEACTIVATED = new Kind<>(
      "member-deactivated", MemberDeactivated.class,
      new String[] {"member", "reason"},
      (f, e) -> {
        var member = f.req("member", MEMBER_ID);
        var reason = f.opt("reason", STRING);
        return f.build(() -> MemberDeactivated.builder().eventId(e.eventId()).actor(e.actor())
            .occurredAt(e.occurredAt()).member(member).reason(reason).build());
      },
      (v, g) -> {
        Out.field(g, "member", v.getMember(), MEMBER_ID);
        Out.opt(g, "reason", v.getReason(), STRING);
      });

  /** {@code agency-registered}: {@link AgencyRegistered}. */
  public static final Kind<AgencyRegistered> AGENCY_REGISTERED = new Kind<>(
      "agency-registered", AgencyRegistered.class,
      new String[] {"agency"},
      (f, e) -> {
        var agency = f.req("agency", AGENCY);
        return f.build(() -> AgencyRegistered.builder().eventId(e.eventId()).actor(e.actor())
            .occurredAt(e.occurredAt()).agency(agency).build());
      },
      (v, g) -> {
        Out.field(g, "agency", v.getAgency(), AGENCY);
      });

  /** {@code site-registered}: {@link SiteRegistered}. */
  public static final Kind<SiteRegistered> SITE_REGISTERED = new Kind<>(
      "site-registered", SiteRegistered.class,
      new String[] {"site"},
      (f, e) -> {
        var site = f.req("site", SITE);
        return f.build(() -> SiteRegistered.builder().eventId(e.eventId()).actor(e.actor())
            .occurredAt(e.occurredAt()).site(site).build());
      },
      (v, g) -> {
        Out.field(g, "site", v.getSite(), SITE);
      });

  /** {@code membership-changed}: {@link MembershipChanged}. */
  public static final Kind<MembershipChanged> MEMBERSHIP_CHANGED = new Kind<>(
      "membership-changed", MembershipChanged.class,
      new String[] {"member", "community", "role", "status", "sponsor", "reason", "until"},
      (f, e) -> {
        var member = f.req("member", MEMBER_ID);
        var community = f.req("community", COMMUNITY_ID);
        var role = f.req("role", MEMBERSHIP_ROLE);
        var status = f.req("status", MEMBERSHIP_STATUS);
        var sponsor = f.opt("sponsor", MEMBER_ID);
        var reason = f.opt("reason", STRING);
        var until = f.opt("until", Scalars.DATE_CODEC);
        return f.build(() -> MembershipChanged.builder().eventId(e.eventId()).actor(e.actor())
            .occurredAt(e.occurredAt()).member(member).community(community).role(role)
            .status(status).sponsor(sponsor).reason(reason).until(until).build());
      },
      (v, g) -> {
        Out.field(g, "member", v.getMember(), MEMBER_ID);
        Out.field(g, "community", v.getCommunity(), COMMUNITY_ID);
        Out.field(g, "role", v.getRole(), MEMBERSHIP_ROLE);
        Out.field(g, "status", v.getStatus(), MEMBERSHIP_STATUS);
        Out.opt(g, "sponsor", v.getSponsor(), MEMBER_ID);
        Out.opt(g, "reason", v.getReason(), STRING);
        Out.opt(g, "until", v.getUntil(), Scalars.DATE_CODEC);
      });

  /** {@code activity-recorded}: {@link ActivityRecorded}. */
  public static final Kind<ActivityRecorded> ACTIVITY_RECORDED = new Kind<>(
      "activity-recorded", ActivityRecorded.class,
      new String[] {"activity"},
      (f, e) -> {
        var activity = f.req("activity", ACTIVITY);
        return f.build(() -> ActivityRecorded.builder().eventId(e.eventId()).actor(e.actor())
            .occurredAt(e.occurredAt()).activity(activity).build());
      },
      (v, g) -> {
        Out.field(g, "activity", v.getActivity(), ACTIVITY);
      });

  /** {@code participation-recorded}: {@link ParticipationRecorded}. */
  public static final Kind<ParticipationRecorded> PARTICIPATION_RECORDED = new Kind<>(
      "participation-recorded", ParticipationRecorded.class,
      new String[] {"participation"},
      (f, e) -> {
        var participation = f.req("participation", PARTICIPATION);
        return f.build(() -> ParticipationRecorded.builder().eventId(e.eventId()).actor(e.actor())
            .occurredAt(e.occurredAt()).participation(participation).build());
      },
      (v, g) -> {
        Out.field(g, "participation", v.getParticipation(), PARTICIPATION);
      });

  /** {@code exchange-requested}: {@link ExchangeRequested}. */
  public static final Kind<ExchangeRequested> EXCHANGE_REQUESTED = new Kind<>(
      "exchange-requested", ExchangeRequested.class,
      new String[] {"exchange"},
      (f, e) -> {
        var exchange = f.req("exchange", EXCHANGE);
        return f.build(() -> ExchangeRequested.builder().eventId(e.eventId()).actor(e.actor())
            .occurredAt(e.occurredAt()).exchange(exchange).build());
      },
      (v, g) -> {
        Out.field(g, "exchange", v.getExchange(), EXCHANGE);
      });

  /** {@code exchange-approved}: {@link ExchangeApproved}. */
  public static final Kind<ExchangeApproved> EXCHANGE_APPROVED = new Kind<>(
      "exchange-approved", ExchangeApproved.class,
      new String[] {"exchange", "role"},
      (f, e) -> {
        var exchange = f.req("exchange", EXCHANGE_ID);
        var role = f.req("role", APPROVER_ROLE);
        return f.build(() -> ExchangeApproved.builder().eventId(e.eventId()).actor(e.actor())
            .occurredAt(e.occurredAt()).exchange(exchange).role(role).build());
      },
      (v, g) -> {
        Out.field(g, "exchange", v.getExchange(), EXCHANGE_ID);
        Out.field(g, "role", v.getRole(), APPROVER_ROLE);
      });

  /** {@code exchange-declined}: {@link ExchangeDeclined}. */
  public static final Kind<ExchangeDeclined> EXCHANGE_DECLINED = new Kind<>(
      "exchange-declined", ExchangeDeclined.class,
      new String[] {"exchange", "role", "reason"},
      (f, e) -> {
        var exchange = f.req("exchange", EXCHANGE_ID);
        var role = f.req("role", APPROVER_ROLE);
        var reason = f.req("reason", STRING);
        return f.build(() -> ExchangeDeclined.builder().eventId(e.eventId()).actor(e.actor())
            .occurredAt(e.occurredAt()).exchange(exchange).role(role).reason(reason).build());
      },
      (v, g) -> {
        Out.field(g, "exchange", v.getExchange(), EXCHANGE_ID);
        Out.field(g, "role", v.getRole(), APPROVER_ROLE);
        Out.field(g, "reason", v.getReason(), STRING);
      });

  /** {@code exchange-scheduled}: {@link ExchangeScheduled}. */
  public static final Kind<ExchangeScheduled> EXCHANGE_SCHEDULED = new Kind<>(
      "exchange-scheduled", ExchangeScheduled.class,
      new String[] {"exchange", "schedule"},
      (f, e) -> {
        var exchange = f.req("exchange", EXCHANGE_ID);
        var schedule = f.req("schedule", SCHEDULE);
        return f.build(() -> ExchangeScheduled.builder().eventId(e.eventId()).actor(e.actor())
            .occurredAt(e.occurredAt()).exchange(exchange).schedule(schedule).build());
      },
      (v, g) -> {
        Out.field(g, "exchange", v.getExchange(), EXCHANGE_ID);
        Out.field(g, "schedule", v.getSchedule(), SCHEDULE);
      });

  /** {@code exchange-held}: {@link ExchangeHeld}. */
  public static final Kind<ExchangeHeld> EXCHANGE_HELD = new Kind<>(
      "exchange-held", ExchangeHeld.class,
      new String[] {"exchange", "heldOn"},
      (f, e) -> {
        var exchange = f.req("exchange", EXCHANGE_ID);
        var heldOn = f.req("heldOn", DATE_CODEC);
        return f.build(() -> ExchangeHeld.builder().eventId(e.eventId()).actor(e.actor())
            .occurredAt(e.occurredAt()).exchange(exchange).heldOn(heldOn).build());
      },
      (v, g) -> {
        Out.field(g, "exchange", v.getExchange(), EXCHANGE_ID);
        Out.field(g, "heldOn", v.getHeldOn(), DATE_CODEC);
      });

  /** {@code exchange-documented}: {@link ExchangeDocumented}. */
  public static final Kind<ExchangeDocumented> EXCHANGE_DOCUMENTED = new Kind<>(
      "exchange-documented", ExchangeDocumented.class,
      new String[] {"exchange", "report"},
      (f, e) -> {
        var exchange = f.req("exchange", EXCHANGE_ID);
        var report = f.req("report", FOLLOW_UP_REPORT);
        return f.build(() -> ExchangeDocumented.builder().eventId(e.eventId()).actor(e.actor())
            .occurredAt(e.occurredAt()).exchange(exchange).report(report).build());
      },
      (v, g) -> {
        Out.field(g, "exchange", v.getExchange(), EXCHANGE_ID);
        Out.field(g, "report", v.getReport(), FOLLOW_UP_REPORT);
      });

  /** {@code exchange-cancelled}: {@link ExchangeCancelled}. */
  public static final Kind<ExchangeCancelled> EXCHANGE_CANCELLED = new Kind<>(
      "exchange-cancelled", ExchangeCancelled.class,
      new String[] {"exchange", "reason"},
      (f, e) -> {
        var exchange = f.req("exchange", EXCHANGE_ID);
        var reason = f.req("reason", STRING);
        return f.build(() -> ExchangeCancelled.builder().eventId(e.eventId()).actor(e.actor())
            .occurredAt(e.occurredAt()).exchange(exchange).reason(reason).build());
      },
      (v, g) -> {
        Out.field(g, "exchange", v.getExchange(), EXCHANGE_ID);
        Out.field(g, "reason", v.getReason(), STRING);
      });

  /** {@code rfi-posted}: {@link RfiPosted}. */
  public static final Kind<RfiPosted> RFI_POSTED = new Kind<>(
      "rfi-posted", RfiPosted.class,
      new String[] {"request"},
      (f, e) -> {
        var request = f.req("request", REQUEST_FOR_INFORMATION);
        return f.build(() -> RfiPosted.builder().eventId(e.eventId()).actor(e.actor())
            .occurredAt(e.occurredAt()).request(request).build());
      },
      (v, g) -> {
        Out.field(g, "request", v.getRequest(), REQUEST_FOR_INFORMATION);
      });

  /** {@code rfi-answered}: {@link RfiAnswered}. */
  public static final Kind<RfiAnswered> RFI_ANSWERED = new Kind<>(
      "rfi-answered", RfiAnswered.class,
      new String[] {"request", "response"},
      (f, e) -> {
        var request = f.req("request", RFI_ID);
        var response = f.req("response", RFI_RESPONSE);
        return f.build(() -> RfiAnswered.builder().eventId(e.eventId()).actor(e.actor())
            .occurredAt(e.occurredAt()).request(request).response(response).build());
      },
      (v, g) -> {
        Out.field(g, "request", v.getRequest(), RFI_ID);
        Out.field(g, "response", v.getResponse(), RFI_RESPONSE);
      });

  /** {@code rfi-accepted}: {@link RfiAccepted}. */
  public static final Kind<RfiAccepted> RFI_ACCEPTED = new Kind<>(
      "rfi-accepted", RfiAccepted.class,
      new String[] {"request", "response"},
      (f, e) -> {
        var request = f.req("request", RFI_ID);
        var response = f.req("response", RESPONSE_ID);
        return f.build(() -> RfiAccepted.builder().eventId(e.eventId()).actor(e.actor())
            .occurredAt(e.occurredAt()).request(request).response(response).build());
      },
      (v, g) -> {
        Out.field(g, "request", v.getRequest(), RFI_ID);
        Out.field(g, "response", v.getResponse(), RESPONSE_ID);
      });

  /** {@code rfi-closed}: {@link RfiClosed}. */
  public static final Kind<RfiClosed> RFI_CLOSED = new Kind<>(
      "rfi-closed", RfiClosed.class,
      new String[] {"request", "reason"},
      (f, e) -> {
        var request = f.req("request", RFI_ID);
        var reason = f.opt("reason", STRING);
        return f.build(() -> RfiClosed.builder().eventId(e.eventId()).actor(e.actor())
            .occurredAt(e.occurredAt()).request(request).reason(reason).build());
      },
      (v, g) -> {
        Out.field(g, "request", v.getRequest(), RFI_ID);
        Out.opt(g, "reason", v.getReason(), STRING);
      });

  /** {@code taxonomy-changed}: {@link TaxonomyChanged}. */
  public static final Kind<TaxonomyChanged> TAXONOMY_CHANGED = new Kind<>(
      "taxonomy-changed", TaxonomyChanged.class,
      new String[] {"community", "taxonomy"},
      (f, e) -> {
        var community = f.req("community", COMMUNITY_ID);
        var taxonomy = f.req("taxonomy", TAXONOMY);
        return f.build(() -> TaxonomyChanged.builder().eventId(e.eventId()).actor(e.actor())
            .occurredAt(e.occurredAt()).community(community).taxonomy(taxonomy).build());
      },
      (v, g) -> {
        Out.field(g, "community", v.getCommunity(), COMMUNITY_ID);
        Out.field(g, "taxonomy", v.getTaxonomy(), TAXONOMY);
      });

  /** {@code conduct-flag-recorded}: {@link ConductFlagRecorded}. */
  public static final Kind<ConductFlagRecorded> CONDUCT_FLAG_RECORDED = new Kind<>(
      "conduct-flag-recorded", ConductFlagRecorded.class,
      new String[] {"member", "status", "reason"},
      (f, e) -> {
        var member = f.req("member", MEMBER_ID);
        var status = f.req("status", CONDUCT_FLAG_STATUS);
        var reason = f.opt("reason", STRING);
        return f.build(() -> ConductFlagRecorded.builder().eventId(e.eventId()).actor(e.actor())
            .occurredAt(e.occurredAt()).member(member).status(status).reason(reason).build());
      },
      (v, g) -> {
        Out.field(g, "member", v.getMember(), MEMBER_ID);
        Out.field(g, "status", v.getStatus(), CONDUCT_FLAG_STATUS);
        Out.opt(g, "reason", v.getReason(), STRING);
      });

  /** {@code engagement-level-changed}: {@link EngagementLevelChanged}. */
  public static final Kind<EngagementLevelChanged> ENGAGEMENT_LEVEL_CHANGED = new Kind<>(
      "engagement-level-changed", EngagementLevelChanged.class,
      new String[] {"member", "community", "from", "to", "reason"},
      (f, e) -> {
        var member = f.req("member", MEMBER_ID);
        var community = f.req("community", COMMUNITY_ID);
        var from = f.opt("from", STRING);
        var to = f.opt("to", STRING);
        var reason = f.req("reason", STRING);
        return f.build(() -> EngagementLevelChanged.builder().eventId(e.eventId()).actor(e.actor())
            .occurredAt(e.occurredAt()).member(member).community(community).from(from).to(to)
            .reason(reason).build());
      },
      (v, g) -> {
        Out.field(g, "member", v.getMember(), MEMBER_ID);
        Out.field(g, "community", v.getCommunity(), COMMUNITY_ID);
        Out.opt(g, "from", v.getFrom(), STRING);
        Out.opt(g, "to", v.getTo(), STRING);
        Out.field(g, "reason", v.getReason(), STRING);
      });

  /** {@code engagement-level-locked}: {@link EngagementLevelLocked}. */
  public static final Kind<EngagementLevelLocked> ENGAGEMENT_LEVEL_LOCKED = new Kind<>(
      "engagement-level-locked", EngagementLevelLocked.class,
      new String[] {"member", "community", "level"},
      (f, e) -> {
        var member = f.req("member", MEMBER_ID);
        var community = f.req("community", COMMUNITY_ID);
        var level = f.opt("level", STRING);
        return f.build(() -> EngagementLevelLocked.builder().eventId(e.eventId()).actor(e.actor())
            .occurredAt(e.occurredAt()).member(member).community(community).level(level)
            .build());
      },
      (v, g) -> {
        Out.field(g, "member", v.getMember(), MEMBER_ID);
        Out.field(g, "community", v.getCommunity(), COMMUNITY_ID);
        Out.opt(g, "level", v.getLevel(), STRING);
      });

  /** {@code case-facts-reviewed}: {@link CaseFactsReviewed}. */
  public static final Kind<CaseFactsReviewed> CASE_FACTS_REVIEWED = new Kind<>(
      "case-facts-reviewed", CaseFactsReviewed.class,
      new String[] {"community", "flaggedEvent", "decision", "redactions"},
      (f, e) -> {
        var community = f.req("community", COMMUNITY_ID);
        var flagged = f.req("flaggedEvent", EVENT_ID);
        var decision = f.req("decision", CASE_FACT_DECISION);
        var redactions = f.list("redactions", REDACTED_SPAN);
        return f.build(() -> CaseFactsReviewed.builder().eventId(e.eventId()).actor(e.actor())
            .occurredAt(e.occurredAt()).community(community).flaggedEvent(flagged)
            .decision(decision).redactions(redactions).build());
      },
      (v, g) -> {
        Out.field(g, "community", v.getCommunity(), COMMUNITY_ID);
        Out.field(g, "flaggedEvent", v.getFlaggedEvent(), EVENT_ID);
        Out.field(g, "decision", v.getDecision(), CASE_FACT_DECISION);
        Out.array(g, "redactions", v.getRedactions(), REDACTED_SPAN);
      });

  /** {@code service-level-warned}: {@link ServiceLevelWarned}. */
  public static final Kind<ServiceLevelWarned> SERVICE_LEVEL_WARNED = new Kind<>(
      "service-level-warned", ServiceLevelWarned.class,
      new String[] {"community", "rule", "request", "exchange", "obligation", "dueAt",
          "owedBy"},
      (f, e) -> {
        var community = f.req("community", COMMUNITY_ID);
        var rule = f.req("rule", STRING);
        var request = f.opt("request", RFI_ID);
        var exchange = f.opt("exchange", EXCHANGE_ID);
        var obligation = f.req("obligation", STRING);
        var dueAt = f.req("dueAt", INSTANT_CODEC);
        var owedBy = f.list("owedBy", MEMBER_ID);
        return f.build(() -> ServiceLevelWarned.builder().eventId(e.eventId()).actor(e.actor())
            .occurredAt(e.occurredAt()).community(community).rule(rule).request(request)
            .exchange(exchange).obligation(obligation).dueAt(dueAt).owedBy(owedBy).build());
      },
      (v, g) -> {
        Out.field(g, "community", v.getCommunity(), COMMUNITY_ID);
        Out.field(g, "rule", v.getRule(), STRING);
        Out.opt(g, "request", v.getRequest(), RFI_ID);
        Out.opt(g, "exchange", v.getExchange(), EXCHANGE_ID);
        Out.field(g, "obligation", v.getObligation(), STRING);
        Out.field(g, "dueAt", v.getDueAt(), INSTANT_CODEC);
        Out.array(g, "owedBy", v.getOwedBy(), MEMBER_ID);
      });

  private static final Map<String, Kind<?>> BY_NAME;

  static {
    Map<String, Kind<?>> byName = new LinkedHashMap<>();
    for (Kind<?> kind : List.<Kind<?>>of(
        MEMBER_ENROLLED, MEMBER_DEACTIVATED, AGENCY_REGISTERED, SITE_REGISTERED,
        MEMBERSHIP_CHANGED, ACTIVITY_RECORDED, PARTICIPATION_RECORDED, EXCHANGE_REQUESTED,
        EXCHANGE_APPROVED, EXCHANGE_DECLINED, EXCHANGE_SCHEDULED, EXCHANGE_HELD,
        EXCHANGE_DOCUMENTED, EXCHANGE_CANCELLED, RFI_POSTED, RFI_ANSWERED, RFI_ACCEPTED,
        RFI_CLOSED, TAXONOMY_CHANGED, CONDUCT_FLAG_RECORDED, ENGAGEMENT_LEVEL_CHANGED,
        ENGAGEMENT_LEVEL_LOCKED, CASE_FACTS_REVIEWED, SERVICE_LEVEL_WARNED)) {
      byName.put(kind.name(), kind);
    }
    BY_NAME = Collections.unmodifiableMap(byName);
  }

  /**
   * Every kind of event, by its stable name, in the order of the model's visitor.
   *
   * @return the kinds
   */
  public static Map<String, Kind<?>> kinds() {
    return BY_NAME;
  }

  private static final PcopEventVisitor<Kind<?>> KIND_OF = new PcopEventVisitor<>() {
    @Override
    public Kind<?> visit(MemberEnrolled event) {
      return MEMBER_ENROLLED;
    }

    @Override
    public Kind<?> visit(MemberDeactivated event) {
      return MEMBER_DEACTIVATED;
    }

    @Override
    public Kind<?> visit(AgencyRegistered event) {
      return AGENCY_REGISTERED;
    }

    @Override
    public Kind<?> visit(SiteRegistered event) {
      return SITE_REGISTERED;
    }

    @Override
    public Kind<?> visit(MembershipChanged event) {
      return MEMBERSHIP_CHANGED;
    }

    @Override
    public Kind<?> visit(ActivityRecorded event) {
      return ACTIVITY_RECORDED;
    }

    @Override
    public Kind<?> visit(ParticipationRecorded event) {
      return PARTICIPATION_RECORDED;
    }

    @Override
    public Kind<?> visit(ExchangeRequested event) {
      return EXCHANGE_REQUESTED;
    }

    @Override
    public Kind<?> visit(ExchangeApproved event) {
      return EXCHANGE_APPROVED;
    }

    @Override
    public Kind<?> visit(ExchangeDeclined event) {
      return EXCHANGE_DECLINED;
    }

    @Override
    public Kind<?> visit(ExchangeScheduled event) {
      return EXCHANGE_SCHEDULED;
    }

    @Override
    public Kind<?> visit(ExchangeHeld event) {
      return EXCHANGE_HELD;
    }

    @Override
    public Kind<?> visit(ExchangeDocumented event) {
      return EXCHANGE_DOCUMENTED;
    }

    @Override
    public Kind<?> visit(ExchangeCancelled event) {
      return EXCHANGE_CANCELLED;
    }

    @Override
    public Kind<?> visit(RfiPosted event) {
      return RFI_POSTED;
    }

    @Override
    public Kind<?> visit(RfiAnswered event) {
      return RFI_ANSWERED;
    }

    @Override
    public Kind<?> visit(RfiAccepted event) {
      return RFI_ACCEPTED;
    }

    @Override
    public Kind<?> visit(RfiClosed event) {
      return RFI_CLOSED;
    }

    @Override
    public Kind<?> visit(TaxonomyChanged event) {
      return TAXONOMY_CHANGED;
    }

    @Override
    public Kind<?> visit(ConductFlagRecorded event) {
      return CONDUCT_FLAG_RECORDED;
    }

    @Override
    public Kind<?> visit(EngagementLevelChanged event) {
      return ENGAGEMENT_LEVEL_CHANGED;
    }

    @Override
    public Kind<?> visit(EngagementLevelLocked event) {
      return ENGAGEMENT_LEVEL_LOCKED;
    }

    @Override
    public Kind<?> visit(CaseFactsReviewed event) {
      return CASE_FACTS_REVIEWED;
    }


    @Override
    public Kind<?> visit(ServiceLevelWarned event) {
      return SERVICE_LEVEL_WARNED;
    }
  };

  /**
   * The kind of an event.
   *
   * @param event the event
   * @return its kind
   */
  public static Kind<?> kindOf(PcopEvent event) {
    return event.accept(KIND_OF);
  }

  /** Any event, dispatched on its {@code "type"}. */
  public static final Codec<PcopEvent> EVENT = new Codec<>() {
    @Override
    public PcopEvent decode(JsonNode node, String at, Decoding d) {
      if (!node.isObject()) {
        d.error(at, "expected an event (a JSON object), found " + Fields.kind(node));
        return null;
      }
      JsonNode type = node.get("type");
      if (type == null || !type.isTextual()) {
        d.error(at + "/type", (type == null ? "missing required property \"type\"" :
            "expected the event type as a string, found " + Fields.kind(type))
            + "; expected one of " + String.join(", ", BY_NAME.keySet()));
        return null;
      }
      Kind<?> kind = BY_NAME.get(type.textValue());
      if (kind == null) {
        d.error(at + "/type", "unknown event type " + Texts.quote(type.textValue())
            + "; expected one of " + String.join(", ", BY_NAME.keySet()));
        return null;
      }
      return kind.decode(node, at, d);
    }

    @Override
    public void encode(PcopEvent value, JsonGenerator g) throws IOException {
      write(kindOf(value), value, g);
    }

    @Override
    public String expected() {
      return "an event";
    }
  };

  /**
   * A codec of one kind of event only, refusing other kinds.
   *
   * @param kind the kind
   * @param <E> the event type
   * @return the codec
   */
  public static <E extends PcopEvent> Codec<E> only(Kind<E> kind) {
    return new Codec<>() {
      @Override
      public E decode(JsonNode node, String at, Decoding d) {
        PcopEvent event = EVENT.decode(node, at, d);
        if (event == null) {
          return null;
        }
        if (!kind.type().isInstance(event)) {
          d.error(at + "/type", "expected an event of type \"" + kind.name() + "\", found \""
              + kindOf(event).name() + "\"");
          return null;
        }
        return kind.type().cast(event);
      }

      @Override
      public void encode(E value, JsonGenerator g) throws IOException {
        kind.encode(value, g);
      }

      @Override
      public String expected() {
        return "a " + kind.name() + " event";
      }
    };
  }

  @SuppressWarnings("unchecked")
  private static <E extends PcopEvent> void write(Kind<E> kind, PcopEvent event, JsonGenerator g)
      throws IOException {
    kind.encode((E) event, g);
  }
}
