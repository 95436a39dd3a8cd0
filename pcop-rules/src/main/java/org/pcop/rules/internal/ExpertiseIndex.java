package org.pcop.rules.internal;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.pcop.model.Member;
import org.pcop.model.MemberId;
import org.pcop.model.taxonomy.TopicId;

/**
 * The members listing each topic as expertise, as last enrolled, kept as members enrol: who
 * answerer suggestions look at first.
 */
public final class ExpertiseIndex {
  private final Map<TopicId, Set<MemberId>> byTopic = new HashMap<>();

  ExpertiseIndex() {}

  /** Moves a member from the topics of {@code before} (null at first enrolment) to theirs now. */
  void enrolled(Member before, Member after) {
    if (before != null) {
      for (TopicId topic : before.getExpertise()) {
        Set<MemberId> members = byTopic.get(topic);
        if (members != null) {
          members.remove(before.getId());
          if (members.isEmpty()) {
            byTopic.remove(topic);
          }
        }
      }
    }
    for (TopicId topic : after.getExpertise()) {
      byTopic.computeIfAbsent(topic, t -> new HashSet<>()).add(after.getId());
    }
  }

  /**
   * The topics some member lists.
   *
   * @return the topics, read-only
   */
  public Set<TopicId> topics() {
    return Collections.unmodifiableSet(byTopic.keySet());
  }

  /**
   * The members listing the topic.
   *
   * @param topic the topic
   * @return the members, unordered, read-only
   */
  public Set<MemberId> members(TopicId topic) {
    return Collections.unmodifiableSet(byTopic.getOrDefault(topic, Set.of()));
  }

  /**
   * Every topic's members, sorted: equal for equal indexes however they were built.
   *
   * @return a description
   */
  public String canonical() {
    Map<TopicId, Set<MemberId>> sorted = new TreeMap<>();
    byTopic.forEach((topic, members) -> sorted.put(topic, new TreeSet<>(members)));
    return sorted.toString();
  }
}
