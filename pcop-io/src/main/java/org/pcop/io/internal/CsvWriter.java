package org.pcop.io.internal;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes RFC 4180 CSV (CRLF line ends, cells quoted when they hold a comma, quote or line break)
 * and neutralises spreadsheet formulas: a cell that starts with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab, a carriage return or an apostrophe gets an apostrophe in front, which
 * spreadsheets show as text and {@link #unneutralise} removes on import.
 */
public final class CsvWriter {
  private final Writer out;

  /**
   * Writes to {@code out}.
   *
   * @param out the text output
   */
  public CsvWriter(Writer out) {
    this.out = out;
  }

  /**
   * Writes one record.
   *
   * @param cells the cells
   * @throws IOException if writing fails
   */
  public void write(List<String> cells) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(quote(neutralise(cells.get(i))));
    }
    out.write("\r\n");
  }

  /**
   * Neutralises a cell that a spreadsheet would take for a formula.
   *
   * @param cell the cell
   * @return the cell, with an apostrophe in front when it starts with a formula character
   */
  public static String neutralise(String cell) {
    if (!cell.isEmpty() && "=+-@\t\r'".indexOf(cell.charAt(0)) >= 0) {
      return "'" + cell;
    }
    return cell;
  }

  /**
   * Undoes {@link #neutralise}: removes one leading apostrophe.
   *
   * @param cell the cell as read
   * @return the cell as meant
   */
  public static String unneutralise(String cell) {
    return cell.startsWith("'") ? cell.substring(1) : cell;
  }

  private static String quote(String cell) {
    if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0
        && cell.indexOf('\r') < 0) {
      return cell;
    }
    return '"' + cell.replace("\"", "\"\"") + '"';
  }
}
