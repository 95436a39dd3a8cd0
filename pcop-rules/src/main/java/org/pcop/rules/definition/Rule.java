package org.pcop.rules.definition;

import org.pcop.model.CommunityId;

/**
 * One rule of a rule set: an id unique in the set, the community it governs and its kind. The
 * built-in kinds are the types of this package; {@link CustomRule} carries kinds added by plugins.
 */
public interface Rule {
  /**
   * The rule's id, unique within its rule set.
   *
   * @return the id
   */
  RuleId getId();

  /**
   * The community the rule governs; its time zone fixes the rule's days.
   *
   * @return the community
   */
  CommunityId getCommunity();

  /**
   * The kind of rule, for example {@code engagement-level}; a plugin's kind for a custom rule.
   *
   * @return the kind
   */
  String kind();
}
