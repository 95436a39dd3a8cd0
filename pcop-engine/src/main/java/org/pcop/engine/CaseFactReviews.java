package org.pcop.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.pcop.model.CaseReference;
import org.pcop.model.InvalidValueException;
import org.pcop.model.ExchangeId;
import org.pcop.model.ImmutableCaseReference;
import org.pcop.model.ResponseId;
import org.pcop.model.RfiId;
import org.pcop.model.activity.Exchange;
import org.pcop.model.activity.ImmutableActivity;
import org.pcop.model.activity.ImmutableExchange;
import org.pcop.model.activity.ImmutableFollowUpReport;
import org.pcop.model.activity.ImmutableRequestForInformation;
import org.pcop.model.activity.ImmutableRfiResponse;
import org.pcop.model.activity.RequestForInformation;
import org.pcop.model.activity.RfiResponse;
import org.pcop.model.event.ActivityRecorded;
import org.pcop.model.event.CaseFactDecision;
import org.pcop.model.event.CaseFactsReviewed;
import org.pcop.model.event.ConductFlagRecorded;
import org.pcop.model.event.EventId;
import org.pcop.model.event.ExchangeCancelled;
import org.pcop.model.event.ExchangeDeclined;
import org.pcop.model.event.ExchangeDocumented;
import org.pcop.model.event.ExchangeRequested;
import org.pcop.model.event.ImmutableActivityRecorded;
import org.pcop.model.event.ImmutableConductFlagRecorded;
import org.pcop.model.event.ImmutableExchangeCancelled;
import org.pcop.model.event.ImmutableExchangeDeclined;
import org.pcop.model.event.ImmutableExchangeDocumented;
import org.pcop.model.event.ImmutableExchangeRequested;
import org.pcop.model.event.ImmutableRfiAnswered;
import org.pcop.model.event.ImmutableRfiClosed;
import org.pcop.model.event.ImmutableRfiPosted;
import org.pcop.model.event.PcopEvent;
import org.pcop.model.event.RedactedSpan;
import org.pcop.model.event.RfiAnswered;
import org.pcop.model.event.RfiClosed;
import org.pcop.model.event.RfiPosted;
import org.pcop.rules.snapshot.SnapshotBytes;
import org.pcop.spi.RecordedEvent;

/**
 * The events stored under the {@code FLAG} case-fact policy, the coordinators' reviews of them,
 * and the redactions those reviews made. Fed every event of the community's stream in log order
 * by the projection (a flagged event is known by the findings its batch carries in metadata);
 * holds only what concerns flagged events, which are few, and goes into the engine's snapshots.
 * Every read the engine serves of an exchange, a request for information or an event passes
 * through {@link #redact}: a span a review redacted
 * reads as {@value #MARK}. Not thread-safe: the engine calls it under its lock.
 */
final class CaseFactReviews {
  /** What a redacted span reads as. */
  static final String MARK = "[redacted]";

  private static final String EXCHANGE = "exchange:";
  private static final String REQUEST = "request:";
  private static final String RESPONSE = "response:";

  private final Map<EventId, CaseFactFlag> flags = new LinkedHashMap<>();
  // What each flagged event's texts belong to: "exchange:x-1", "request:q-1", "response:a-1",
  // or "" for an event whose texts only its own reads show (an activity title, a reason).
  private final Map<EventId, String> subjects = new HashMap<>();
  private final Map<EventId, CaseFactDecision> decisions = new LinkedHashMap<>();
  private final Map<EventId, List<RedactedSpan>> redactedEvents = new LinkedHashMap<>();
  private final Map<ExchangeId, List<RedactedSpan>> redactedExchanges = new HashMap<>();
  private final Map<RfiId, List<RedactedSpan>> redactedRequests = new HashMap<>();
  private final Map<ResponseId, List<RedactedSpan>> redactedResponses = new HashMap<>();

  /** Takes note of one event of the stream, in log order. */
  void observe(RecordedEvent recorded, PcopEvent event) {
    String marks = recorded.getEvent().getMetadata().get(CaseFactScreen.FINDINGS_KEY);
    if (marks != null) {
      List<CaseFactFlag.Place> places = CaseFactScreen.decode(event.getEventId(), marks);
      if (!places.isEmpty()) {
        var metadata = recorded.getEvent().getMetadata();
        flags.put(event.getEventId(), new CaseFactFlag(event.getEventId(),
            recorded.getEvent().getType(), metadata.getOrDefault(EventCodec.COMMAND_KEY, ""),
            metadata.getOrDefault(EventCodec.REQUEST_KEY, ""), recorded.getPosition(), places));
        subjects.put(event.getEventId(), subject(event));
      }
    }
    if (event instanceof CaseFactsReviewed) {
      review((CaseFactsReviewed) event);
    }
  }

  /** What the texts of a flagged event belong to, as kept in {@link #subjects}. */
  private static String subject(PcopEvent event) {
    if (event instanceof ExchangeRequested) {
      return EXCHANGE + ((ExchangeRequested) event).getExchange().getId().value();
    } else if (event instanceof ExchangeDeclined) {
      return EXCHANGE + ((ExchangeDeclined) event).getExchange().value();
    } else if (event instanceof ExchangeCancelled) {
      return EXCHANGE + ((ExchangeCancelled) event).getExchange().value();
    } else if (event instanceof ExchangeDocumented) {
      return EXCHANGE + ((ExchangeDocumented) event).getExchange().value();
    } else if (event instanceof RfiPosted) {
      return REQUEST + ((RfiPosted) event).getRequest().getId().value();
    } else if (event instanceof RfiAnswered) {
      return RESPONSE + ((RfiAnswered) event).getResponse().getId().value();
    }
    return "";
  }

  private void review(CaseFactsReviewed review) {
    EventId id = review.getFlaggedEvent();
    decisions.put(id, review.getDecision());
    if (review.getDecision() == CaseFactDecision.REDACTED) {
      redacted(id, review.getRedactions());
    }
  }

  private void redacted(EventId id, List<RedactedSpan> spans) {
    redactedEvents.put(id, spans);
    String subject = subjects.getOrDefault(id, "");
    if (subject.startsWith(EXCHANGE)) {
      redactedExchanges.merge(ExchangeId.of(subject.substring(EXCHANGE.length())), spans,
          CaseFactReviews::join);
    } else if (subject.startsWith(REQUEST)) {
      redactedRequests.merge(RfiId.of(subject.substring(REQUEST.length())), spans,
          CaseFactReviews::join);
    } else if (subject.startsWith(RESPONSE)) {
      redactedResponses.merge(ResponseId.of(subject.substring(RESPONSE.length())), spans,
          CaseFactReviews::join);
    }
  }

  /** Writes the flags, what they belong to, the decisions and the redactions to a snapshot. */
  void writeTo(SnapshotBytes.Output out) {
    out.putInt(flags.size());
    for (CaseFactFlag flag : flags.values()) {
      out.putString(flag.event().value());
      out.putString(flag.eventType());
      out.putString(flag.command());
      out.putString(flag.requestId());
      out.putLong(flag.position());
      out.putString(subjects.getOrDefault(flag.event(), ""));
      out.putInt(flag.findings().size());
      for (CaseFactFlag.Place place : flag.findings()) {
        out.putString(place.field());
        out.putString(place.kind());
        out.putInt(place.start());
        out.putInt(place.end());
      }
    }
    out.putInt(decisions.size());
    decisions.forEach((event, decision) -> {
      out.putString(event.value());
      out.putString(decision.name());
    });
    out.putInt(redactedEvents.size());
    redactedEvents.forEach((event, spans) -> {
      out.putString(event.value());
      out.putInt(spans.size());
      for (RedactedSpan span : spans) {
        out.putString(span.getField());
        out.putInt(span.getStart());
        out.putInt(span.getEnd());
      }
    });
  }

  /**
   * What {@link #writeTo} wrote, as a new instance.
   *
   * @throws SnapshotBytes.Unusable if the bytes do not hold it
   */
  static CaseFactReviews readFrom(SnapshotBytes.Input in) {
    CaseFactReviews read = new CaseFactReviews();
    try {
      int count = in.count();
      for (int i = 0; i < count; i++) {
        EventId event = EventId.of(in.text("a flagged event id"));
        String type = in.text("a flagged event's type");
        String command = in.text("a flagged event's command");
        String requestId = in.text("a flagged event's request id");
        long position = in.getLong();
        read.subjects.put(event, in.text("a flagged event's subject"));
        int places = in.count();
        List<CaseFactFlag.Place> findings = new ArrayList<>(places);
        for (int j = 0; j < places; j++) {
          findings.add(new CaseFactFlag.Place(in.text("a finding's field"),
              in.text("a finding's kind"), in.getInt(), in.getInt()));
        }
        read.flags.put(event, new CaseFactFlag(event, type, command, requestId, position,
            findings));
      }
      count = in.count();
      for (int i = 0; i < count; i++) {
        EventId event = EventId.of(in.text("a reviewed event id"));
        String decision = in.text("a review's decision");
        try {
          read.decisions.put(event, CaseFactDecision.valueOf(decision));
        } catch (IllegalArgumentException e) {
          throw new SnapshotBytes.Unusable("it holds a case-fact decision " + decision
              + " this engine does not know", e);
        }
      }
      count = in.count();
      for (int i = 0; i < count; i++) {
        EventId event = EventId.of(in.text("a redacted event id"));
        int n = in.count();
        List<RedactedSpan> spans = new ArrayList<>(n);
        for (int j = 0; j < n; j++) {
          spans.add(RedactedSpan.of(in.text("a redacted field"), in.getInt(), in.getInt()));
        }
        read.redacted(event, List.copyOf(spans));
      }
    } catch (InvalidValueException e) {
      throw new SnapshotBytes.Unusable("its case-fact reviews do not read: " + e.getMessage(), e);
    }
    return read;
  }

  private static List<RedactedSpan> join(List<RedactedSpan> a, List<RedactedSpan> b) {
    List<RedactedSpan> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  /** The flags no coordinator has reviewed yet, in log order. */
  List<CaseFactFlag> pending() {
    return flags.values().stream().filter(f -> !decisions.containsKey(f.event()))
        .collect(Collectors.toList());
  }

  /** The flag on an event, if its text was flagged. */
  Optional<CaseFactFlag> flag(EventId event) {
    return Optional.ofNullable(flags.get(event));
  }

  /** The decision a coordinator made on a flagged event, if any. */
  Optional<CaseFactDecision> decision(EventId event) {
    return Optional.ofNullable(decisions.get(event));
  }

  /** The event as it may be read: the spans a review redacted masked. */
  PcopEvent redact(PcopEvent event) {
    List<RedactedSpan> spans = redactedEvents.get(event.getEventId());
    if (spans == null) {
      return event;
    }
    if (event instanceof ActivityRecorded) {
      ActivityRecorded e = (ActivityRecorded) event;
      return ImmutableActivityRecorded.copyOf(e).withActivity(ImmutableActivity
          .copyOf(e.getActivity()).withTitle(mask(e.getActivity().getTitle(), "activity.title",
              spans)));
    } else if (event instanceof ExchangeRequested) {
      ExchangeRequested e = (ExchangeRequested) event;
      return ImmutableExchangeRequested.copyOf(e).withExchange(redact(e.getExchange(), spans));
    } else if (event instanceof ExchangeDeclined) {
      ExchangeDeclined e = (ExchangeDeclined) event;
      return ImmutableExchangeDeclined.copyOf(e).withReason(mask(e.getReason(), "reason",
          spans));
    } else if (event instanceof ExchangeCancelled) {
      ExchangeCancelled e = (ExchangeCancelled) event;
      return ImmutableExchangeCancelled.copyOf(e).withReason(mask(e.getReason(), "reason",
          spans));
    } else if (event instanceof ExchangeDocumented) {
      ExchangeDocumented e = (ExchangeDocumented) event;
      return ImmutableExchangeDocumented.copyOf(e).withReport(ImmutableFollowUpReport
          .copyOf(e.getReport()).withSummary(mask(e.getReport().getSummary(),
              "report.summary", spans)));
    } else if (event instanceof RfiPosted) {
      RfiPosted e = (RfiPosted) event;
      return ImmutableRfiPosted.copyOf(e).withRequest(redact(e.getRequest(), spans));
    } else if (event instanceof RfiAnswered) {
      RfiAnswered e = (RfiAnswered) event;
      return ImmutableRfiAnswered.copyOf(e).withResponse(redact(e.getResponse(), spans));
    } else if (event instanceof RfiClosed) {
      RfiClosed e = (RfiClosed) event;
      return ImmutableRfiClosed.copyOf(e).withReason(e.getReason()
          .map(r -> mask(r, "reason", spans)));
    } else if (event instanceof ConductFlagRecorded) {
      ConductFlagRecorded e = (ConductFlagRecorded) event;
      return ImmutableConductFlagRecorded.copyOf(e).withReason(e.getReason()
          .map(r -> mask(r, "reason", spans)));
    }
    return event;
  }

  /** The exchange as it may be read: every span a review redacted in its texts masked. */
  Exchange redact(Exchange exchange) {
    List<RedactedSpan> spans = redactedExchanges.get(exchange.getId());
    return spans == null ? exchange : redact(exchange, spans);
  }

  /** The request as it may be read: every span a review redacted in its texts masked. */
  RequestForInformation redact(RequestForInformation request) {
    List<RedactedSpan> spans = redactedRequests.get(request.getId());
    RequestForInformation read = spans == null ? request : redact(request, spans);
    if (redactedResponses.isEmpty()) {
      return read;
    }
    List<RfiResponse> responses = new ArrayList<>(read.getResponses().size());
    boolean changed = false;
    for (RfiResponse response : read.getResponses()) {
      List<RedactedSpan> masks = redactedResponses.get(response.getId());
      changed |= masks != null;
      responses.add(masks == null ? response : redact(response, masks));
    }
    return changed ? ImmutableRequestForInformation.copyOf(read).withResponses(responses) : read;
  }

  private static Exchange redact(Exchange exchange, List<RedactedSpan> spans) {
    return ImmutableExchange.copyOf(exchange)
        .withPurpose(mask(exchange.getPurpose(), "exchange.purpose", spans))
        .withCaseReferences(labels(exchange.getCaseReferences(), "exchange", spans))
        .withReport(exchange.getReport().map(r -> ImmutableFollowUpReport.copyOf(r)
            .withSummary(mask(r.getSummary(), "report.summary", spans))))
        .withClosingReason(exchange.getClosingReason().map(r -> mask(r, "reason", spans)));
  }

  private static RequestForInformation redact(RequestForInformation request,
      List<RedactedSpan> spans) {
    return ImmutableRequestForInformation.copyOf(request)
        .withQuestion(mask(request.getQuestion(), "request.question", spans))
        .withCaseReferences(labels(request.getCaseReferences(), "request", spans));
  }

  private static RfiResponse redact(RfiResponse response, List<RedactedSpan> spans) {
    return ImmutableRfiResponse.copyOf(response)
        .withText(mask(response.getText(), "response.text", spans));
  }

  private static List<CaseReference> labels(List<CaseReference> references, String owner,
      List<RedactedSpan> spans) {
    List<CaseReference> out = new ArrayList<>(references.size());
    for (int i = 0; i < references.size(); i++) {
      CaseReference reference = references.get(i);
      out.add(ImmutableCaseReference.copyOf(reference).withLabel(mask(reference.getLabel(),
          owner + ".caseReferences[" + i + "].label", spans)));
    }
    return out;
  }

  /**
   * The text with the spans of the field replaced by {@value #MARK}: overlapping spans merged,
   * offsets past the end clamped to it.
   */
  static String mask(String text, String field, List<RedactedSpan> spans) {
    List<int[]> ranges = spans.stream().filter(s -> s.getField().equals(field))
        .map(s -> new int[] {Math.min(s.getStart(), text.length()),
            Math.min(s.getEnd(), text.length())})
        .filter(r -> r[1] > r[0]).sorted(Comparator.comparingInt(r -> r[0]))
        .collect(Collectors.toList());
    if (ranges.isEmpty()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int at = 0;
    int i = 0;
    while (i < ranges.size()) {
      int start = ranges.get(i)[0];
      int end = ranges.get(i)[1];
      while (++i < ranges.size() && ranges.get(i)[0] <= end) {
        end = Math.max(end, ranges.get(i)[1]);
      }
      out.append(text, at, Math.max(at, start)).append(MARK);
      at = Math.max(at, end);
    }
    return out.append(text, at, text.length()).toString();
  }
}
