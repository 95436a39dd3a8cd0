package org.pcop.rules.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.pcop.model.CommunityId;
import org.pcop.model.Membership;
import org.pcop.rules.Subject;

/**
 * A community's membership subjects in subject order, sorted once per record state and shared
 * by the rules that read that state: the sorted arrays are kept in the {@link RecordTables}
 * itself, checked against its event count, never in a static field.
 */
final class MembershipOrder {
  private MembershipOrder() {}

  /** A community's memberships and their subjects in subject order, as of an event count. */
  record Sorted(CommunityId community, long events, Subject[] subjects,
      Membership[] memberships) {}

  /**
   * The membership subjects of a community's members that {@code include} accepts, in subject
   * order: the tree is built from the sorted list without comparing.
   */
  static TreeSet<Subject> subjects(RecordTables state, CommunityId community,
      Predicate<Membership> include) {
    Sorted sorted = sorted(state, community);
    List<Subject> found = new ArrayList<>(sorted.subjects().length);
    for (int i = 0; i < sorted.subjects().length; i++) {
      if (include.test(sorted.memberships()[i])) {
        found.add(sorted.subjects()[i]);
      }
    }
    return new TreeSet<>(new SortedSubjects(found));
  }

  /**
   * The community's memberships in subject order. They are gathered in member order and sorted
   * once: the two orders differ only where one id begins another ({@code m-1} and {@code m-10}),
   * so the sort mostly meets runs already in order.
   */
  private static Sorted sorted(RecordTables state, CommunityId community) {
    Sorted known = state.sortedMemberships;
    if (known != null && known.community().equals(community)
        && known.events() == state.eventCount()) {
      return known;
    }
    List<Map.Entry<Subject, Membership>> pairs = new ArrayList<>();
    for (Membership m : state.memberships(community)) {
      pairs.add(Map.entry(Subject.membership(m.getMember(), community), m));
    }
    pairs.sort(Map.Entry.comparingByKey());
    Subject[] subjects = new Subject[pairs.size()];
    Membership[] memberships = new Membership[pairs.size()];
    for (int i = 0; i < subjects.length; i++) {
      subjects[i] = pairs.get(i).getKey();
      memberships[i] = pairs.get(i).getValue();
    }
    known = new Sorted(community, state.eventCount(), subjects, memberships);
    state.sortedMemberships = known;
    return known;
  }
}
