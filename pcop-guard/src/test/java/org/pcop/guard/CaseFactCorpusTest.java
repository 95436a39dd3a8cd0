package org.pcop.guard;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of the built-in detectors on the labelled corpus, per kind, counted by
 * span: a finding is right when it overlaps a labelled span of its kind, and a labelled span is
 * recalled when a finding of its kind overlaps it. Prints the table (for the README) and holds
 * recall of at least 0.95 for SSNs, dates of birth, docket numbers and captions, and at most 2%
 * of clean and look-alike texts flagged.
 */
class CaseFactCorpusTest {
  private static final List<CaseFactKind> HELD = List.of(CaseFactKind.SSN,
      CaseFactKind.DATE_OF_BIRTH, CaseFactKind.CASE_NUMBER, CaseFactKind.CASE_CAPTION);

  /** Counts of one kind. */
  private static final class Counts {
    int labels;
    int recalled;
    int findings;
    int right;

    double recall() {
      return labels == 0 ? Double.NaN : (double) recalled / labels;
    }

    double precision() {
      return findings == 0 ? Double.NaN : (double) right / findings;
    }
  }

  @Test
  void precisionAndRecallPerKindHold() {
    CaseFactGuard guard = CaseFactGuard.standard();
    List<Corpus.Text> texts = Corpus.load();
    Map<String, Counts> counts = new TreeMap<>();
    for (CaseFactKind kind : CaseFactKind.values()) {
      counts.put(kind.id(), new Counts());
    }
    int clean = 0;
    int cleanFlagged = 0;
    int facts = 0;
    List<String> flaggedCleanLines = new ArrayList<>();
    for (Corpus.Text text : texts) {
      List<Finding> findings = guard.scan("text", text.text());
      for (Corpus.Label label : text.labels()) {
        Counts c = counts.get(label.kind());
        c.labels++;
        if (findings.stream().anyMatch(label::overlaps)) {
          c.recalled++;
        }
      }
      for (Finding finding : findings) {
        Counts c = counts.get(finding.kind());
        c.findings++;
        if (text.labels().stream().anyMatch(l -> l.overlaps(finding))) {
          c.right++;
        }
      }
      if (text.clean()) {
        clean++;
        if (!findings.isEmpty()) {
          cleanFlagged++;
          flaggedCleanLines.add("line " + text.line() + " " + findings.get(0).kind());
        }
      } else {
        facts++;
      }
    }
    double flaggedShare = (double) cleanFlagged / clean;

    StringBuilder table = new StringBuilder();
    table.append(String.format(Locale.ROOT, "Case-fact corpus: %d texts (%d with case facts,"
        + " %d clean or look-alike)%n", texts.size(), facts, clean));
    table.append("| Kind | Labelled | Recall | Findings | Precision |\n");
    table.append("|---|---:|---:|---:|---:|\n");
    for (Map.Entry<String, Counts> e : orderedByKind(counts)) {
      Counts c = e.getValue();
      table.append(String.format(Locale.ROOT, "| %s | %d | %s | %d | %s |%n", e.getKey(),
          c.labels, ratio(c.recall()), c.findings, ratio(c.precision())));
    }
    table.append(String.format(Locale.ROOT, "Clean and look-alike texts flagged: %d of %d"
        + " (%.1f%%)%n", cleanFlagged, clean, 100 * flaggedShare));
    System.out.print(table);

    assertTrue(texts.size() >= 500, "the corpus has " + texts.size() + " texts");
    for (CaseFactKind kind : CaseFactKind.values()) {
      assertTrue(counts.get(kind.id()).labels >= 10, kind.id() + " has fewer than 10 labels");
    }
    for (CaseFactKind kind : HELD) {
      Counts c = counts.get(kind.id());
      assertTrue(c.recall() >= 0.95, kind.id() + " recall " + c.recall() + "\n" + table);
    }
    assertTrue(flaggedShare <= 0.02, "clean texts flagged: " + flaggedCleanLines + "\n" + table);
  }

  private static List<Map.Entry<String, Counts>> orderedByKind(Map<String, Counts> counts) {
    List<Map.Entry<String, Counts>> ordered = new ArrayList<>();
    for (CaseFactKind kind : CaseFactKind.values()) {
      ordered.add(Map.entry(kind.id(), counts.get(kind.id())));
    }
    return ordered;
  }

  private static String ratio(double value) {
    return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.3f", value);
  }
}
