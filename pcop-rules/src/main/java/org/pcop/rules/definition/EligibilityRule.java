package org.pcop.rules.definition;

import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;
import org.pcop.model.AgencyKind;
import org.pcop.model.CommunityId;
import org.pcop.model.InvalidValueException;
import org.pcop.model.JurisdictionLevel;
import org.pcop.model.MembershipRole;

/**
 * Who may join a community: the roles, agency kinds and jurisdiction levels admitted (empty
 * admits all), the engagement status of the candidate's site (active, or alumni for a number of
 * years), and for outside experts (members of agencies at no program site) a sponsor who is an
 * active member. A refusal lists every unmet condition.
 */
@Value.Immutable
public interface EligibilityRule extends Rule {
  /** The kind name. */
  String KIND = "eligibility";

  @Override
  RuleId getId();

  @Override
  CommunityId getCommunity();

  /**
   * The roles admitted; empty admits every role.
   *
   * @return the roles
   */
  Set<MembershipRole> getAllowedRoles();

  /**
   * The agency kinds admitted; empty admits every kind.
   *
   * @return the agency kinds
   */
  Set<AgencyKind> getAllowedAgencyKinds();

  /**
   * The jurisdiction levels admitted; empty admits every level.
   *
   * @return the levels
   */
  Set<JurisdictionLevel> getAllowedJurisdictionLevels();

  /**
   * For a candidate whose agency is at a site: for how many years after its alumni engagement
   * began an alumni site still qualifies; empty admits active sites only.
   *
   * @return the years
   */
  Optional<Integer> getAlumniYears();

  /**
   * Whether members of agencies at no program site may join as subject-matter experts with an
   * active member as sponsor.
   *
   * @return true to admit sponsored outside experts
   */
  @Value.Default
  default boolean isOutsideExpertsAllowed() {
    return true;
  }

  @Override
  default String kind() {
    return KIND;
  }

  /** Refuses a negative number of alumni years. */
  @Value.Check
  default void check() {
    getAlumniYears().ifPresent(y -> InvalidValueException.check(y >= 0, "EligibilityRule",
        "alumniYears", "must not be negative, got %d", y));
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static ImmutableEligibilityRule.Builder builder() {
    return ImmutableEligibilityRule.builder();
  }
}
