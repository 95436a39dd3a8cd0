package org.pcop.io.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 text from a byte stream, one character at a time, with the line and column of each
 * character. Malformed UTF-8 is refused with the exact line and column where it starts; the
 * characters before it are delivered first. A byte order mark at the start is skipped. Holds
 * only a small buffer, never the whole input.
 */
public final class TextInput implements Closeable {
  private final InputStream in;
  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT)
      .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final ByteBuffer bytes = ByteBuffer.allocate(8192);
  private final CharBuffer chars = CharBuffer.allocate(8192);
  private boolean eof;
  private boolean done;
  private boolean malformed;
  private long line = 1;
  private long column;
  private boolean first = true;

  /** Spreadsheet programs start UTF-8 files with one; it is skipped, not read as text. */
  private static final char BYTE_ORDER_MARK = '\uFEFF';

  /**
   * Reads from {@code in}, which this input closes.
   *
   * @param in the bytes
   */
  public TextInput(InputStream in) {
    this.in = in;
    bytes.flip();
    chars.flip();
  }

  /**
   * The next character.
   *
   * @return the character, or -1 at the end of input
   * @throws Malformed if the bytes at this point are not UTF-8
   * @throws IOException if reading fails
   */
  public int read() throws IOException {
    while (!chars.hasRemaining()) {
      if (malformed) {
        throw new Malformed(line, column + 1);
      }
      if (done) {
        return -1;
      }
      fill();
    }
    char c = chars.get();
    if (first) {
      first = false;
      if (c == BYTE_ORDER_MARK) {
        return read();
      }
    }
    if (c == '\n') {
      line++;
      column = 0;
    } else {
      column++;
    }
    return c;
  }

  /**
   * The line of the character read last (from 1).
   *
   * @return the line
   */
  public long line() {
    return line;
  }

  /**
   * The column of the character read last (from 1; 0 right after a line feed).
   *
   * @return the column
   */
  public long column() {
    return column;
  }

  private void fill() throws IOException {
    chars.clear();
    while (chars.position() == 0 && !malformed && !done) {
      if (!eof) {
        bytes.compact();
        int n = in.read(bytes.array(), bytes.arrayOffset() + bytes.position(),
            bytes.remaining());
        if (n < 0) {
          eof = true;
        } else {
          bytes.position(bytes.position() + n);
        }
        bytes.flip();
      }
      CoderResult result = decoder.decode(bytes, chars, eof);
      if (result.isError()) {
        malformed = true;
      } else if (eof && result.isUnderflow()) {
        decoder.flush(chars);
        done = true;
      }
    }
    chars.flip();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  /** Bytes that are not UTF-8, at a line and column. */
  public static final class Malformed extends IOException {
    private static final long serialVersionUID = 1L;
    private final long line;
    private final long column;

    Malformed(long line, long column) {
      super("malformed UTF-8 at line " + line + ", column " + column);
      this.line = line;
      this.column = column;
    }

    /**
     * The line.
     *
     * @return the line from 1
     */
    public long line() {
      return line;
    }

    /**
     * The column.
     *
     * @return the column from 1
     */
    public long column() {
      return column;
    }
  }
}
