package org.pcop.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.pcop.model.CommunityId;
import org.pcop.model.ExchangeId;
import org.pcop.model.MemberId;
import org.pcop.model.RfiId;
import org.pcop.model.event.EventId;
import org.pcop.model.event.ServiceLevelWarned;
import org.pcop.rules.Evaluation;
import org.pcop.rules.ServiceLevelWarning;
import org.pcop.rules.SubjectKind;
import org.pcop.rules.definition.Rule;
import org.pcop.rules.definition.RuleId;
import org.pcop.rules.definition.RuleSet;

/**
 * The service-level warnings an evaluation holds that were not yet recorded, as
 * {@link ServiceLevelWarned} events, and the text of their notification. A warning is recorded
 * once per rule, subject and due instant, and only when someone owes the action: one that nobody
 * owes yet is recorded when someone does.
 */
final class DueSoonWarnings {
  private DueSoonWarnings() {}

  static List<ServiceLevelWarned> events(Evaluation evaluation, RuleSet rules,
      CommunityId community, Projection projection, MemberId actor, Instant at,
      Supplier<EventId> ids) {
    Map<RuleId, CommunityId> communityOf = new HashMap<>();
    for (Rule rule : rules.getRules()) {
      communityOf.put(rule.getId(), rule.getCommunity());
    }
    List<ServiceLevelWarned> events = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (ServiceLevelWarning warning : evaluation.findings(ServiceLevelWarning.class)) {
      if (!community.equals(communityOf.get(warning.getRule()))) {
        continue;
      }
      Set<MemberId> owed = warning.owedBy(projection.record());
      if (owed.isEmpty()) {
        continue;
      }
      boolean request = warning.getSubject().kind() == SubjectKind.RFI;
      String key = Projection.warningKey(warning.getRule().value(),
          (request ? "rfi:" : "exchange:") + warning.getSubject().id(), warning.getDueAt());
      if (projection.warned(key) || !seen.add(key)) {
        continue;
      }
      var event = ServiceLevelWarned.builder().eventId(ids.get()).actor(actor).occurredAt(at)
          .community(community).rule(warning.getRule().value())
          .obligation(warning.getObligation()).dueAt(warning.getDueAt())
          .owedBy(owed);
      if (request) {
        event.request(RfiId.of(warning.getSubject().id()));
      } else {
        event.exchange(ExchangeId.of(warning.getSubject().id()));
      }
      events.add(event.build());
    }
    return events;
  }

  /** The notification's text: what is due, of which request or exchange, by which day. */
  static String text(ServiceLevelWarned warned, ZoneId zone) {
    // Due at the start of the day after the last allowed day.
    LocalDate lastDay = warned.getDueAt().atZone(zone).minusNanos(1).toLocalDate();
    String subject = warned.getRequest().map(r -> "request " + r)
        .orElseGet(() -> "exchange " + warned.getExchange().orElseThrow());
    return "Due soon: the " + warned.getObligation() + " of " + subject + " is due by the end of "
        + lastDay + " (" + zone + ")";
  }
}
