package org.pcop.io.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.pcop.io.ImportError;

/**
 * A strict RFC 4180 CSV reader: fields separated by commas, records by CRLF or LF, fields with
 * commas, quotes or line breaks enclosed in double quotes, a quote inside doubled. A quote inside
 * an unquoted field, anything but a separator after a closing quote, an unterminated quote, a cell
 * or file beyond the limits, and malformed UTF-8 are errors naming the row and column; after an
 * error in a record the reader resumes at the next line.
 */
public final class CsvReader {
  private final TextInput in;
  private final int maxCell;
  private final long maxChars;
  private long chars;
  private long row;
  private boolean inRecord;
  private int pending = -2;

  /**
   * Reads from {@code in}.
   *
   * @param in the text
   * @param maxCell the longest cell, in characters
   * @param maxChars the largest file, in characters
   */
  public CsvReader(TextInput in, int maxCell, long maxChars) {
    this.in = in;
    this.maxCell = maxCell;
    this.maxChars = maxChars;
  }

  /** One record, or the error that refused it. */
  public static final class Record {
    /** The row, from 1. */
    public final long row;
    /** The cells, when read. */
    public final List<String> cells;
    /** The error, when refused. */
    public final ImportError error;
    /** Whether reading cannot go on (end of input in a quote, malformed text, too large). */
    public final boolean fatal;

    Record(long row, List<String> cells, ImportError error, boolean fatal) {
      this.row = row;
      this.cells = cells;
      this.error = error;
      this.fatal = fatal;
    }
  }

  private int next() throws IOException {
    if (pending != -2) {
      int c = pending;
      pending = -2;
      return c;
    }
    int c = in.read();
    if (c >= 0 && ++chars > maxChars) {
      throw new TooLarge();
    }
    return c;
  }

  private static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;
  }

  /**
   * Reads the next record.
   *
   * @return the record, or null at the end of input
   * @throws IOException if reading fails
   */
  public Record read() throws IOException {
    try {
      return readRecord();
    } catch (TextInput.Malformed e) {
      long at = inRecord ? row : row + 1;
      return new Record(at, null, ImportError.csv(at, 0, "",
          "malformed UTF-8 at line " + e.line() + ", column " + e.column()
              + "; expected UTF-8 text"), true);
    } catch (TooLarge e) {
      return new Record(row, null, ImportError.csv(row, 0, "", "the file is longer than "
          + maxChars + " characters"), true);
    }
  }

  private Record readRecord() throws IOException {
    inRecord = false;
    int c = next();
    if (c < 0) {
      return null;
    }
    row++;
    inRecord = true;
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    while (true) {
      int column = cells.size() + 1;
      if (c == '"') {
        while (true) {
          c = next();
          if (c < 0) {
            return new Record(row, null, ImportError.csv(row, column, "",
                "unterminated quoted cell; expected a closing double quote"), true);
          }
          if (c == '"') {
            c = next();
            if (c == '"') {
              append(cell, '"', column);
              continue;
            }
            break;
          }
          append(cell, (char) c, column);
        }
        if (c != ',' && c != '\n' && c != '\r' && c >= 0) {
          skipLine(c);
          return new Record(row, null, ImportError.csv(row, column, "",
              "unexpected character after a closing quote; expected a comma or the end of the"
                  + " row"), false);
        }
      } else {
        while (c >= 0 && c != ',' && c != '\n' && c != '\r') {
          if (c == '"') {
            skipLine(c);
            return new Record(row, null, ImportError.csv(row, column, "",
                "double quote inside an unquoted cell; expected the whole cell in quotes with"
                    + " inner quotes doubled"), false);
          }
          append(cell, (char) c, column);
          c = next();
        }
      }
      cells.add(cell.toString());
      cell.setLength(0);
      if (c == ',') {
        c = next();
        continue;
      }
      if (c == '\r') {
        int after = next();
        if (after != '\n' && after >= 0) {
          pending = after;
        }
      }
      return new Record(row, cells, null, false);
    }
  }

  private void append(StringBuilder cell, char c, int column) throws IOException {
    if (cell.length() >= maxCell) {
      throw new CellTooLong(column);
    }
    cell.append(c);
  }

  private void skipLine(int c) throws IOException {
    while (c >= 0 && c != '\n') {
      c = next();
    }
  }

  /**
   * Reads the next record, turning a cell beyond the limit into an error.
   *
   * @return the record, or null at the end of input
   * @throws IOException if reading fails
   */
  public Record readChecked() throws IOException {
    try {
      return read();
    } catch (CellTooLong e) {
      skipLine(0);
      return new Record(row, null, ImportError.csv(row, e.column, "", "cell is longer than "
          + maxCell + " characters"), false);
    }
  }

  private static final class CellTooLong extends IOException {
    private static final long serialVersionUID = 1L;
    final int column;

    CellTooLong(int column) {
      this.column = column;
    }
  }
}
