package org.pcop.rules.definition;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;
import org.pcop.model.InvalidValueException;

/**
 * An immutable, versioned set of rules, each with an id unique in the set. The order of the rules
 * is the order of their results. Build one with {@link #builder()}:
 *
 * <pre>{@code
 * RuleSet rules = RuleSet.builder().id("pcop").version(3)
 *     .addRule(DormancyRule.builder().id(RuleId.of("dormant-180")).community(pcop)
 *         .days(180).build())
 *     .build();
 * }</pre>
 */
@Value.Immutable
public interface RuleSet {
  /**
   * The rule set's name, for example {@code pcop-default}.
   *
   * @return the name
   */
  String getId();

  /**
   * The version, 1 or more; a changed rule set gets a new version.
   *
   * @return the version
   */
  int getVersion();

  /**
   * The rules, in the order their results are listed.
   *
   * @return the rules
   */
  List<Rule> getRules();

  /**
   * The rule with {@code id}, if any.
   *
   * @param id the id
   * @return the rule
   */
  default Optional<Rule> rule(RuleId id) {
    return getRules().stream().filter(r -> r.getId().equals(id)).findFirst();
  }

  /** Refuses a blank id, a version below 1 and two rules with the same id. */
  @Value.Check
  default void check() {
    InvalidValueException.check(!getId().isBlank(), "RuleSet", "id", "must not be blank");
    InvalidValueException.check(getVersion() >= 1, "RuleSet", "version",
        "must be 1 or more, got %d", getVersion());
    Set<RuleId> ids = new HashSet<>();
    for (int i = 0; i < getRules().size(); i++) {
      RuleId id = getRules().get(i).getId();
      InvalidValueException.check(ids.add(id), "RuleSet", "rules[" + i + "].id",
          "duplicate rule id %s; every rule of a set needs its own id", id);
    }
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static ImmutableRuleSet.Builder builder() {
    return ImmutableRuleSet.builder();
  }
}
