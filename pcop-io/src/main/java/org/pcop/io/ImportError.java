package org.pcop.io;

import java.util.Objects;

/**
 * One reason input was refused: where (a JSON pointer, a line and column, or a CSV row and column)
 * and what was expected there. The offending input is quoted only in part and with control
 * characters escaped, so an error can be logged safely.
 *
 * @param where the location in words, for example {@code /members/3/email},
 *     {@code line 12, column 40, at /member/name} or {@code row 5, column 4 (email)}
 * @param message what is wrong and what was expected
 * @param line the line (JSON, NDJSON) or row (CSV) from 1; 0 when unknown
 * @param column the column from 1; 0 when unknown
 * @param pointer the JSON pointer of the value at fault, or the CSV column's header name; empty
 *     when unknown
 */
public record ImportError(String where, String message, long line, long column, String pointer) {
  /**
   * Creates an error.
   *
   * @throws NullPointerException if a text component is null
   */
  public ImportError {
    Objects.requireNonNull(where, "where");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(pointer, "pointer");
  }

  /**
   * An error at a place in a JSON document, with its line and column when known.
   *
   * @param line the line from 1, or 0 when unknown
   * @param column the column from 1, or 0 when unknown
   * @param pointer the JSON pointer, empty for the whole document
   * @param message what is wrong
   * @return the error
   */
  public static ImportError json(long line, long column, String pointer, String message) {
    StringBuilder where = new StringBuilder();
    if (line > 0) {
      where.append("line ").append(line);
      if (column > 0) {
        where.append(", column ").append(column);
      }
    }
    if (!pointer.isEmpty() || where.length() == 0) {
      if (where.length() > 0) {
        where.append(", at ");
      }
      where.append(pointer.isEmpty() ? "(document)" : pointer);
    }
    return new ImportError(where.toString(), message, line, column, pointer);
  }

  /**
   * An error in a cell of a CSV file.
   *
   * @param row the row from 1 (the header row is row 1)
   * @param column the column from 1, or 0 for the row as a whole
   * @param header the column's header name, empty when unknown
   * @param message what is wrong
   * @return the error
   */
  public static ImportError csv(long row, long column, String header, String message) {
    String where = "row " + row + (column > 0 ? ", column " + column : "")
        + (header.isEmpty() ? "" : " (" + header + ")");
    return new ImportError(where, message, row, column, header);
  }

  @Override
  public String toString() {
    return where + ": " + message;
  }
}
