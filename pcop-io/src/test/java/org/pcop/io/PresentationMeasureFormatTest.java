package org.pcop.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pcop.io.ruleset.RuleSetFormat;
import org.pcop.model.activity.ActivityKind;
import org.pcop.rules.definition.ContributionKind;
import org.pcop.rules.definition.EngagementLevelRule;
import org.pcop.rules.definition.Measure;
import org.pcop.rules.definition.MeasureKind;
import org.pcop.rules.definition.RuleSet;
import org.pcop.rules.definition.Window;

/**
 * Presentations given and the activity filters of contribution measures in rule-set JSON: the
 * README's examples, and a filter on a request's contributions refused where it is written.
 */
class PresentationMeasureFormatTest {
  private static final RuleSetFormat FORMAT = RuleSetFormat.create();

  /** The README's two example requirements, as printed there. */
  static final String README_MEASURES = """
      {"kind": "CONTRIBUTION_COUNTERPARTIES", "contribution": "PRESENTATION_GIVEN",
       "activityKind": "WEBINAR", "window": {"days": 365}, "threshold": 3},
      {"kind": "CONTRIBUTION_SHARE", "contribution": "PRESENTATION_GIVEN", "series": "community call",
       "window": {"days": 100}, "threshold": 0.2, "cap": 2}
      """;

  private static String set(String requirements) {
    return "{\"schemaVersion\": 2, \"id\": \"s\", \"version\": 1, \"rules\": [{\"kind\":"
        + " \"engagement-level\", \"id\": \"levels\", \"community\": \"c-pcop\", \"levels\":"
        + " [{\"name\": \"speaker\", \"requirements\": [" + requirements + "]}]}]}";
  }

  @Test
  void theReadmeExamplesReadAndWriteBack() {
    RuleSet read = FORMAT.read(set(README_MEASURES)).orElseThrow();
    EngagementLevelRule rule = (EngagementLevelRule) read.getRules().get(0);
    assertEquals(java.util.List.of(
        Measure.builder().kind(MeasureKind.CONTRIBUTION_COUNTERPARTIES)
            .contribution(ContributionKind.PRESENTATION_GIVEN).activityKind(ActivityKind.WEBINAR)
            .window(Window.lastDays(365)).threshold(3).build(),
        Measure.builder().from(Measure.contributionShare(ContributionKind.PRESENTATION_GIVEN,
            Window.lastDays(100), 0.2, 2)).series("community call").build()),
        rule.getLevels().get(0).getRequirements());
    assertEquals(read, FORMAT.read(FORMAT.write(read)).orElseThrow());
  }

  @Test
  void anActivityKindOnAnswersIsRefusedWhereItIsWritten() {
    ImportResult<RuleSet> refused = FORMAT.read(set("{\"kind\": \"CONTRIBUTIONS\","
        + " \"contribution\": \"ANSWER_GIVEN\", \"activityKind\": \"WEBINAR\","
        + " \"threshold\": 3}"));
    assertTrue(refused.value().isEmpty());
    ImportError error = refused.errors().get(0);
    assertTrue(error.pointer().startsWith("/rules/0/levels/0/requirements/0"), error.pointer());
    assertTrue(error.message().contains("a request for information has no activity, so answers"
        + " given cannot be filtered by activity kind"), error.message());
  }
}
