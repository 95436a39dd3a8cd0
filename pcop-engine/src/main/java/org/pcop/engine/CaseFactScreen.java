package org.pcop.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.pcop.guard.CaseFactGuard;
import org.pcop.guard.CaseFactKind;
import org.pcop.guard.CaseFactPolicy;
import org.pcop.guard.Finding;
import org.pcop.model.CaseReference;
import org.pcop.model.event.ActivityRecorded;
import org.pcop.model.event.ConductFlagRecorded;
import org.pcop.model.event.EventId;
import org.pcop.model.event.ExchangeCancelled;
import org.pcop.model.event.ExchangeDeclined;
import org.pcop.model.event.ExchangeDocumented;
import org.pcop.model.event.ExchangeRequested;
import org.pcop.model.event.PcopEvent;
import org.pcop.model.event.RfiAnswered;
import org.pcop.model.event.RfiClosed;
import org.pcop.model.event.RfiPosted;

/**
 * Applies the community's case-fact policy to the events a command would store: the guard scans
 * every free text they carry (activity titles, exchange purposes, follow-up reports, decline and
 * cancel reasons, request questions and answers, close reasons, conduct flag reasons, case
 * labels), on commands only, never on replay. In a case label, a case or docket number is what
 * the label is for and is not a finding; every other kind is. Findings name the field, the kind
 * and the offsets, never the text. Thread-safe.
 */
final class CaseFactScreen {
  /** Metadata key, on a batch the engine appends under {@code FLAG}, of what the guard found. */
  static final String FINDINGS_KEY = "caseFacts";

  private static final String LABEL = ".label";

  private final CaseFactPolicy policy;
  private final CaseFactGuard guard;

  CaseFactScreen(CaseFactPolicy policy, CaseFactGuard guard) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.guard = Objects.requireNonNull(guard, "guard");
  }

  CaseFactPolicy policy() {
    return policy;
  }

  /** A host's detector failed; the message names the detector and the field only. */
  static final class GuardFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    GuardFailure(String message) {
      super(message, null, false, false);
    }
  }

  /** One finding in one event's text. */
  static final class Found {
    final PcopEvent event;
    final Finding finding;

    Found(PcopEvent event, Finding finding) {
      this.event = event;
      this.finding = finding;
    }
  }

  /**
   * What the guard finds in the free texts of the events, in event order; empty under
   * {@code OFF}.
   *
   * @throws GuardFailure if a host's detector fails (the message names the detector and the
   *     field only)
   */
  List<Found> scan(List<PcopEvent> events) {
    List<Found> found = new ArrayList<>();
    if (!policy.scans()) {
      return found;
    }
    for (PcopEvent event : events) {
      for (String[] text : texts(event)) {
        List<Finding> findings;
        try {
          findings = guard.scan(text[0], text[1]);
        } catch (IllegalStateException e) {
          throw new GuardFailure(e.getMessage());
        }
        for (Finding finding : findings) {
          // A case reference's label names the case for those who may resolve it, by its
          // docket number as often as not: that is what it is for. Every other kind counts.
          if (!(text[0].endsWith(LABEL)
              && finding.kind().equals(CaseFactKind.CASE_NUMBER.id()))) {
            found.add(new Found(event, finding));
          }
        }
      }
    }
    return found;
  }

  /** The free texts an event stores, each as {field, text}. */
  static List<String[]> texts(PcopEvent event) {
    List<String[]> texts = new ArrayList<>();
    if (event instanceof ActivityRecorded) {
      texts.add(new String[] {"activity.title", ((ActivityRecorded) event).getActivity()
          .getTitle()});
    } else if (event instanceof ExchangeRequested) {
      ExchangeRequested requested = (ExchangeRequested) event;
      texts.add(new String[] {"exchange.purpose", requested.getExchange().getPurpose()});
      labels("exchange", requested.getExchange().getCaseReferences(), texts);
    } else if (event instanceof ExchangeDeclined) {
      texts.add(new String[] {"reason", ((ExchangeDeclined) event).getReason()});
    } else if (event instanceof ExchangeCancelled) {
      texts.add(new String[] {"reason", ((ExchangeCancelled) event).getReason()});
    } else if (event instanceof ExchangeDocumented) {
      texts.add(new String[] {"report.summary", ((ExchangeDocumented) event).getReport()
          .getSummary()});
    } else if (event instanceof RfiPosted) {
      RfiPosted posted = (RfiPosted) event;
      texts.add(new String[] {"request.question", posted.getRequest().getQuestion()});
      labels("request", posted.getRequest().getCaseReferences(), texts);
    } else if (event instanceof RfiAnswered) {
      texts.add(new String[] {"response.text", ((RfiAnswered) event).getResponse().getText()});
    } else if (event instanceof RfiClosed) {
      ((RfiClosed) event).getReason().ifPresent(r -> texts.add(new String[] {"reason", r}));
    } else if (event instanceof ConductFlagRecorded) {
      ((ConductFlagRecorded) event).getReason()
          .ifPresent(r -> texts.add(new String[] {"reason", r}));
    }
    return texts;
  }

  private static void labels(String owner, List<CaseReference> references,
      List<String[]> texts) {
    for (int i = 0; i < references.size(); i++) {
      texts.add(new String[] {owner + ".caseReferences[" + i + "].label",
          references.get(i).getLabel()});
    }
  }

  /**
   * The findings as the batch's metadata value: one line per finding,
   * {@code eventId field kind start end}, separated by spaces; no text found.
   */
  static String encode(List<Found> found) {
    StringBuilder out = new StringBuilder();
    for (Found f : found) {
      if (out.length() > 0) {
        out.append('\n');
      }
      out.append(f.event.getEventId().value()).append(' ').append(f.finding.field()).append(' ')
          .append(f.finding.kind()).append(' ').append(f.finding.start()).append(' ')
          .append(f.finding.end());
    }
    return out.toString();
  }

  /**
   * The places {@link #encode} wrote for one event, from a batch's metadata value; lines of
   * other events, and lines not written by this engine, name no place.
   */
  static List<CaseFactFlag.Place> decode(EventId id, String marks) {
    List<CaseFactFlag.Place> places = new ArrayList<>();
    for (String line : marks.split("\n")) {
      String[] parts = line.split(" ");
      if (parts.length == 5 && parts[0].equals(id.value())) {
        try {
          places.add(new CaseFactFlag.Place(parts[1], parts[2], Integer.parseInt(parts[3]),
              Integer.parseInt(parts[4])));
        } catch (NumberFormatException e) {
          // Not written by this engine; such a line names no place.
        }
      }
    }
    return places;
  }
}
