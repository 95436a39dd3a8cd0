package org.pcop.benchmarks.suggest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The evaluation's figures as a Markdown table, one row per question and ranking, and the table
 * read back from Markdown (so that the figures published in the documentation can be compared
 * with a fresh run).
 *
 * @param rows the rows, in order
 */
public record EvaluationTable(List<Row> rows) {
  /** The header line of the table as rendered. */
  public static final String HEADER = "| question | ranking | cases | hit rate at 1 | hit rate at 3"
      + " | hit rate at 5 | mean reciprocal rank |";

  /**
   * Copies the rows.
   */
  public EvaluationTable {
    rows = List.copyOf(rows);
  }

  /**
   * One row: how a ranking did on a question, its rates rounded to three decimals.
   *
   * @param question {@code who answers} or {@code which site hosts}
   * @param ranking the ranking: {@code pcop} or a baseline's name
   * @param cases how many requests or exchanges were ranked
   * @param at1 hit rate at 1
   * @param at3 hit rate at 3
   * @param at5 hit rate at 5
   * @param meanReciprocalRank the mean reciprocal rank
   */
  public record Row(String question, String ranking, int cases, double at1, double at3,
      double at5, double meanReciprocalRank) {
    /**
     * A row from scores, rounded as published.
     *
     * @param question the question
     * @param ranking the ranking
     * @param scores its scores
     * @return the row
     */
    public static Row of(String question, String ranking, Scores scores) {
      return new Row(question, ranking, scores.cases(), round(scores.hitRate(1)),
          round(scores.hitRate(3)), round(scores.hitRate(5)),
          round(scores.meanReciprocalRank()));
    }

    private static double round(double value) {
      return Math.round(value * 1000) / 1000.0;
    }

    String render() {
      return String.format(Locale.ROOT, "| %s | %s | %d | %.3f | %.3f | %.3f | %.3f |", question,
          ranking, cases, at1, at3, at5, meanReciprocalRank);
    }
  }

  /**
   * The row of a question and ranking.
   *
   * @param question the question
   * @param ranking the ranking
   * @return the row
   * @throws IllegalArgumentException if the table has none
   */
  public Row row(String question, String ranking) {
    return rows.stream().filter(r -> r.question().equals(question)
        && r.ranking().equals(ranking)).findFirst().orElseThrow(() ->
            new IllegalArgumentException("the table has no row for " + question + " / "
                + ranking));
  }

  /**
   * The table in Markdown, header first.
   *
   * @return the lines
   */
  public List<String> render() {
    List<String> lines = new ArrayList<>();
    lines.add(HEADER);
    lines.add("| --- | --- | ---: | ---: | ---: | ---: | ---: |");
    for (Row row : rows) {
      lines.add(row.render());
    }
    return lines;
  }

  /**
   * Reads the first table with this header from Markdown text: its rows up to the first line
   * that is not a table line.
   *
   * @param lines the text's lines
   * @return the table
   * @throws IllegalArgumentException naming the line that is not a row of seven cells, or when
   *     no line is the header
   */
  public static EvaluationTable parse(List<String> lines) {
    int start = lines.indexOf(HEADER);
    if (start < 0) {
      throw new IllegalArgumentException("no line is the evaluation table's header " + HEADER);
    }
    List<Row> rows = new ArrayList<>();
    for (int i = start + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
      String line = lines.get(i);
      String[] cells = line.substring(1, line.length() - (line.endsWith("|") ? 1 : 0))
          .split("\\|");
      if (cells.length != 7) {
        throw new IllegalArgumentException("line " + (i + 1) + " has " + cells.length
            + " cells, not 7: " + line);
      }
      try {
        rows.add(new Row(cells[0].strip(), cells[1].strip(), Integer.parseInt(cells[2].strip()),
            Double.parseDouble(cells[3].strip()), Double.parseDouble(cells[4].strip()),
            Double.parseDouble(cells[5].strip()), Double.parseDouble(cells[6].strip())));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("line " + (i + 1) + " has a cell that is not a"
            + " number: " + line, e);
      }
    }
    return new EvaluationTable(rows);
  }
}
