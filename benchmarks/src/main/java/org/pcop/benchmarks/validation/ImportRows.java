package org.pcop.benchmarks.validation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pcop.model.ActivityId;
import org.pcop.model.AgencyId;
import org.pcop.model.BarAdmission;
import org.pcop.model.Member;
import org.pcop.model.MemberId;
import org.pcop.model.activity.Participation;
import org.pcop.model.activity.ParticipationKind;
import org.pcop.model.event.EventId;
import org.pcop.model.event.MemberEnrolled;
import org.pcop.model.event.ParticipationRecorded;
import org.pcop.model.event.PcopEvent;
import org.pcop.model.taxonomy.TopicId;

/**
 * The fields of a bulk import, as a roster file or another system hands them over: one row per
 * member (name, title, agency, email, phone, a bar admission, expertise) and one row per
 * participation event, taken from a generated history. {@link #member(int)} and {@link
 * #event(int)} build the values from them, which is the work an import does with or without
 * validation.
 */
public final class ImportRows {
  private final List<String[]> members;
  private final List<String[]> events;

  private ImportRows(List<String[]> members, List<String[]> events) {
    this.members = members;
    this.events = events;
  }

  /**
   * The member and participation rows of a history, at most {@code limit} of each.
   *
   * @param history the history
   * @param limit at most how many rows of each kind
   * @return the rows
   */
  public static ImportRows of(Iterable<PcopEvent> history, int limit) {
    List<String[]> members = new ArrayList<>();
    List<String[]> events = new ArrayList<>();
    for (PcopEvent event : history) {
      if (members.size() >= limit && events.size() >= limit) {
        break;
      }
      if (event instanceof MemberEnrolled && members.size() < limit) {
        Member m = ((MemberEnrolled) event).getMember();
        int n = members.size();
        members.add(new String[] {m.getId().value(), m.getName(), "Assistant District Attorney",
            m.getAgency().value(), m.getEmail(),
            String.format("+1 314 555 %04d", n % 10_000), "MO", String.format("%06d", n),
            m.getExpertise().isEmpty() ? "" : m.getExpertise().iterator().next().value()});
      } else if (event instanceof ParticipationRecorded && events.size() < limit) {
        Participation p = ((ParticipationRecorded) event).getParticipation();
        events.add(new String[] {event.getEventId().value(), p.getMember().value(),
            p.getActivity().value(), p.getKind().name(), p.getAt().toString()});
      }
    }
    return new ImportRows(List.copyOf(members), List.copyOf(events));
  }

  /**
   * How many member rows there are.
   *
   * @return the count
   */
  public int memberCount() {
    return members.size();
  }

  /**
   * How many event rows there are.
   *
   * @return the count
   */
  public int eventCount() {
    return events.size();
  }

  /**
   * Builds member row {@code i}.
   *
   * @param i the row
   * @return the member
   */
  public Member member(int i) {
    String[] row = members.get(i);
    var builder = Member.builder().id(MemberId.of(row[0])).name(row[1]).title(Optional.of(row[2]))
        .agency(AgencyId.of(row[3])).email(row[4]).phone(Optional.of(row[5]))
        .addBarAdmission(BarAdmission.of(row[6], row[7]));
    if (!row[8].isEmpty()) {
      builder.addExpertise(TopicId.of(row[8]));
    }
    return builder.build();
  }

  /**
   * Builds event row {@code i}.
   *
   * @param i the row
   * @return the participation event
   */
  public ParticipationRecorded event(int i) {
    String[] row = events.get(i);
    MemberId member = MemberId.of(row[1]);
    Instant at = Instant.parse(row[4]);
    return ParticipationRecorded.builder().eventId(EventId.of(row[0])).actor(member)
        .occurredAt(at).participation(Participation.of(ActivityId.of(row[2]), member,
            ParticipationKind.valueOf(row[3]), at)).build();
  }
}
