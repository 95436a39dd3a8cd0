package org.pcop.rules.internal;

import java.util.List;
import org.pcop.rules.spi.RuleKind;

/** The built-in rule families. */
public final class BuiltInKinds {
  private BuiltInKinds() {}

  /**
   * One instance of each built-in family.
   *
   * @return the kinds
   */
  public static List<RuleKind> all() {
    return List.of(new EligibilityKind(), new EngagementLevelKind(), new PointsKind(),
        new ServiceLevelKind(), new ExchangePolicyKind(), new CoverageKind(),
        new DormancyKind(),
        // Suggestions' weights (issue 21): no subjects, no results.
        new RecommendationKind(),
        // Inviting answerers when a request is posted: applied by the engine, no results.
        new AnswererInvitationKind());
  }
}
