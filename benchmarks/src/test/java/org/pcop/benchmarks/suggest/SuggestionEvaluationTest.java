package org.pcop.benchmarks.suggest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pcop.rules.AnswererWeights;
import org.pcop.rules.HostWeights;

/**
 * The evaluation's figures as published in README.md and BENCHMARKS.md are the ones the harness
 * gives at the published seed and scale with the default weights, so they can never drift
 * silently: a change of the ranking, the weights, the generator or the harness that moves a
 * figure fails here until the tables are regenerated.
 */
class SuggestionEvaluationTest {
  private static final Path ROOT = Path.of(System.getProperty("basedir",
      System.getProperty("user.dir"))).resolve("..").normalize();
  private static EvaluationTable fresh;

  @BeforeAll
  static void evaluate() {
    fresh = SuggestionEvaluation.evaluate(SuggestionEvaluation.history(
        SuggestionEvaluation.PUBLISHED_SEED, SuggestionEvaluation.EVENTS),
        AnswererWeights.DEFAULTS, HostWeights.DEFAULTS, SuggestionEvaluation.RANDOM_SEED);
  }

  private static EvaluationTable published(String file) throws IOException {
    return EvaluationTable.parse(Files.readAllLines(ROOT.resolve(file), StandardCharsets.UTF_8));
  }

  @Test
  void theReadmeTableIsWhatTheHarnessGivesAtThePublishedSeed() throws IOException {
    EvaluationTable readme = published("README.md");
    assertFalse(readme.rows().isEmpty(), "README.md has an empty evaluation table");
    assertEquals(String.join("\n", fresh.render()), String.join("\n", readme.render()),
        "README.md's evaluation table differs from a fresh run; regenerate it with"
            + " SuggestionEvaluation");
    assertEquals(fresh, readme);
  }

  @Test
  void theBenchmarksTableIsTheSame() throws IOException {
    assertEquals(String.join("\n", fresh.render()),
        String.join("\n", published("BENCHMARKS.md").render()),
        "BENCHMARKS.md's evaluation table differs from a fresh run");
  }

  @Test
  void everyRankingWasAskedEveryCase() {
    for (String question : List.of(SuggestionEvaluation.WHO_ANSWERS,
        SuggestionEvaluation.WHICH_SITE_HOSTS)) {
      int cases = fresh.row(question, "pcop").cases();
      fresh.rows().stream().filter(r -> r.question().equals(question))
          .forEach(r -> assertEquals(cases, r.cases(), r.toString()));
    }
  }
}
