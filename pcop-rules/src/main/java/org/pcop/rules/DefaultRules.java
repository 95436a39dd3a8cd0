package org.pcop.rules;

import java.math.BigDecimal;
import org.pcop.model.CommunityId;
import org.pcop.model.activity.ActivityKind;
import org.pcop.model.activity.ParticipationKind;
import org.pcop.rules.definition.AnswererInvitationRule;
import org.pcop.rules.definition.CalendarPeriod;
import org.pcop.rules.definition.ContributionKind;
import org.pcop.rules.definition.CoverageRule;
import org.pcop.rules.definition.DormancyRule;
import org.pcop.rules.definition.EligibilityRule;
import org.pcop.rules.definition.EngagementLevelRule;
import org.pcop.rules.definition.ExchangePolicyRule;
import org.pcop.rules.definition.Level;
import org.pcop.rules.definition.Measure;
import org.pcop.rules.definition.PointsRule;
import org.pcop.rules.definition.RuleId;
import org.pcop.rules.definition.RuleSet;
import org.pcop.rules.definition.ServiceLevelKind;
import org.pcop.rules.definition.ServiceLevelRule;
import org.pcop.rules.definition.Window;

/**
 * A starting rule set for a community with all seven families that judge members, requests and
 * exchanges, modelled on how the Prosecution Community of Practice runs: active members attend
 * half the monthly calls, mentors present and take part in exchanges, stewards answer other
 * members' requests (accepted by several askers, on several days), keep coming to the community
 * calls and their agency hosts exchanges; first responses to requests for information within
 * three business days; a member holds no level while a suspension is in force, and a steward
 * none with an upheld conduct flag in the last year. Programs adjust it or write their own. It holds no
 * recommendation rule, so suggestions use {@link AnswererWeights#DEFAULTS} and
 * {@link HostWeights#DEFAULTS}; a program tunes them by adding one. Inviting answerers to a
 * posted request is written out but switched off, so that no one is notified until a community
 * turns it on.
 */
public final class DefaultRules {
  /** The rule set's id. */
  public static final String ID = "pcop-default";

  /**
   * The series of the community calls whose attendance the steward level counts: a community
   * records its calls with this series, or changes the level to name its own.
   */
  public static final String COMMUNITY_CALL = "community call";

  private DefaultRules() {}

  /**
   * The default rule set for {@code community}, version 1.
   *
   * @param community the community governed
   * @return the rule set
   */
  public static RuleSet forCommunity(CommunityId community) {
    return RuleSet.builder().id(ID).version(1)
        .addRule(EligibilityRule.builder().id(RuleId.of("eligibility")).community(community)
            .alumniYears(3).build())
        .addRule(EngagementLevelRule.builder().id(RuleId.of("levels")).community(community)
            .addLevel(Level.of("active",
                Measure.attendanceRatio(ActivityKind.MEETING, Window.lastDays(100), 0.5, 20),
                Measure.distinctDays(Window.lastDays(180), 3),
                Measure.notSuspended()))
            .addLevel(Level.of("contributor",
                Measure.participations(Window.lastDays(365), 2, ParticipationKind.PRESENTED,
                    ParticipationKind.HOSTED),
                Measure.distinctActivities(Window.lastDays(365), 8),
                Measure.tenureDays(180),
                Measure.noUpheldConductFlag(),
                Measure.notSuspended()))
            .addLevel(Level.of("mentor",
                Measure.participations(Window.lastDays(365), 4, ParticipationKind.PRESENTED,
                    ParticipationKind.HOSTED),
                Measure.distinctSites(Window.lastDays(730), 3),
                Measure.distinctAgencies(Window.lastDays(730), 2),
                Measure.tenureDays(365),
                Measure.noUpheldConductFlag(),
                Measure.notSuspended()))
            .addLevel(Level.of("steward",
                Measure.contributionCounterparties(ContributionKind.ACCEPTED_ANSWER_RECEIVED,
                    Window.lastDays(365), 3),
                Measure.contributionDays(ContributionKind.ANSWER_GIVEN, Window.lastDays(180),
                    5),
                Measure.contributions(ContributionKind.EXCHANGE_HOSTED, Window.lastDays(730), 1),
                Measure.attendanceRatio(COMMUNITY_CALL, Window.lastDays(100), 0.5, 12),
                Measure.upheldConductFlags(Window.lastDays(365), 0),
                Measure.notSuspended()))
            .demotionFraction(0.9).graceDays(90).build())
        .addRule(PointsRule.builder().id(RuleId.of("points")).community(community)
            .putPointsPerKind(ParticipationKind.ATTENDED, 1)
            .putPointsPerKind(ParticipationKind.PRESENTED, 5)
            .putPointsPerKind(ParticipationKind.HOSTED, 8)
            .capPerPeriod(40).capPeriod(CalendarPeriod.MONTH).halfLifeDays(365).build())
        .addRule(ServiceLevelRule.builder().id(RuleId.of("rfi-first-response"))
            .community(community).obligation(ServiceLevelKind.RFI_FIRST_RESPONSE).days(3)
            .businessDays(true).build())
        .addRule(ServiceLevelRule.builder().id(RuleId.of("exchange-approval"))
            .community(community).obligation(ServiceLevelKind.EXCHANGE_APPROVAL).days(14)
            .build())
        .addRule(ServiceLevelRule.builder().id(RuleId.of("follow-up-report"))
            .community(community).obligation(ServiceLevelKind.FOLLOW_UP_REPORT).days(30)
            .build())
        .addRule(ExchangePolicyRule.builder().id(RuleId.of("exchange-policy"))
            .community(community).hostCapacity(2).capacityPeriod(CalendarPeriod.QUARTER)
            .travelFundingCap(new BigDecimal("25000")).build())
        .addRule(CoverageRule.builder().id(RuleId.of("coverage")).community(community)
            .minExperts(2).matrixWindow(Window.lastDays(365)).build())
        .addRule(DormancyRule.builder().id(RuleId.of("dormancy")).community(community)
            .days(180).build())
        .addRule(AnswererInvitationRule.builder().id(RuleId.of("answerer-invitation"))
            .community(community).enabled(false).answerers(3).build())
        .build();
  }

}
