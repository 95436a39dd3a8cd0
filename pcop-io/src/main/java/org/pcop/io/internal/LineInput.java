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
import java.util.Arrays;

/**
 * The lines of UTF-8 text from a byte stream, each handed out as bytes of a reused buffer: the
 * line feed ends a line, a carriage return before it is dropped. Every line is checked to be
 * UTF-8 (an ASCII line costs one pass over its bytes) and at most a given number of characters
 * long; a longer line is skipped, never buffered whole. Holds one line at a time, never the input.
 */
public final class LineInput implements Closeable {
  /** What {@link #next()} found. */
  public enum Status {
    /** A line is ready in {@link #bytes()}. */
    LINE,
    /** The line is longer than allowed; its bytes were skipped. */
    TOO_LONG,
    /** The line is not UTF-8; {@link #malformedColumn()} says where. Nothing follows. */
    MALFORMED,
    /** The input has no more lines. */
    END
  }

  private static final int CHUNK = 1 << 16;

  private final InputStream in;
  private final int maxChars;
  private final int maxBytes;
  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT)
      .onUnmappableCharacter(CodingErrorAction.REPORT);
  private byte[] buffer = new byte[CHUNK];
  private int start;
  private int end;
  private boolean eof;
  private boolean broken;
  private int lineStart;
  private int lineLength;
  private long lineNumber;
  private long malformedColumn;
  private CharBuffer chars;
  /** Whether the bytes before the feed {@link #indexOfFeed} found last are all ASCII. */
  private boolean asciiBeforeFeed;

  /**
   * Reads lines from {@code in}, which this input closes.
   *
   * @param in the bytes
   * @param maxChars the most characters a line may have
   */
  public LineInput(InputStream in, int maxChars) {
    this.in = in;
    this.maxChars = maxChars;
    // A character takes at most 3 bytes of UTF-8 (a surrogate pair, two characters, takes 4).
    this.maxBytes = (int) Math.min(Integer.MAX_VALUE - 16, 3L * maxChars + 1);
  }

  /**
   * Moves to the next line.
   *
   * @return what was found
   * @throws IOException if reading fails
   */
  public Status next() throws IOException {
    lineLength = 0;
    if (broken) {
      return Status.END;
    }
    if (start == end && !fill()) {
      return Status.END;
    }
    lineNumber++;
    int scanned = start;
    while (true) {
      int feed = indexOfFeed(scanned, end);
      if (feed >= 0) {
        // the bytes before the feed were all looked at only if the first look found it
        return line(start, feed, feed + 1,
            scanned == start ? asciiBeforeFeed : isAscii(buffer, start, feed));
      }
      scanned = end;
      if (end - start >= maxBytes) {
        skipRestOfLine();
        return Status.TOO_LONG;
      }
      int before = end - start;
      if (!fill()) {
        return line(start, end, end, isAscii(buffer, start, end));
      }
      scanned = start + before;
    }
  }

  private static final long FEEDS = Words.ONES * '\n';

  /**
   * The first line feed from {@code from} to {@code to} in the buffer, looking at eight bytes at
   * a time, noting in {@link #asciiBeforeFeed} whether every byte before it is ASCII; -1 if none.
   */
  private int indexOfFeed(int from, int to) {
    byte[] b = buffer;
    int i = from;
    int lastWord = b.length - 8;
    long seen = 0;
    while (i < to && i <= lastWord) {
      long w = Words.at(b, i);
      long marks = Words.equal(w, FEEDS);
      if (marks != 0) {
        int before = Words.first(marks);
        int feed = i + before;
        if (feed >= to) {
          return -1; // past the bytes read
        }
        seen |= w & ((1L << (before << 3)) - 1);
        asciiBeforeFeed = (seen & Words.HIGHS) == 0;
        return feed;
      }
      seen |= w;
      i += 8;
    }
    for (; i < to; i++) {
      byte c = b[i];
      if (c == '\n') {
        asciiBeforeFeed = (seen & Words.HIGHS) == 0;
        return i;
      }
      seen |= c;
    }
    return -1;
  }

  /** Whether every byte from {@code from} to {@code to} is ASCII. */
  private static boolean isAscii(byte[] b, int from, int to) {
    int i = from;
    long any = 0;
    for (; i + 8 <= to; i += 8) {
      any |= Words.at(b, i);
    }
    for (; i < to; i++) {
      any |= b[i];
    }
    return (any & Words.HIGHS) == 0;
  }

  private Status line(int from, int to, int next, boolean ascii) {
    start = next;
    int length = to - from;
    if (length > 0 && buffer[to - 1] == '\r') {
      length--;
    }
    lineStart = from;
    lineLength = length;
    long count = length;
    if (!ascii) {
      count = decodedLength(from, to - from);
      if (count < 0) {
        lineLength = 0;
        broken = true;
        return Status.MALFORMED;
      }
      // the dropped carriage return is one character
      count -= to - from - length;
    }
    if (count > maxChars) {
      lineLength = 0;
      return Status.TOO_LONG;
    }
    return Status.LINE;
  }

  /** Decodes the bytes, returning the character count, or -1 after noting where they break. */
  private long decodedLength(int from, int length) {
    if (chars == null || chars.capacity() < length) {
      chars = CharBuffer.allocate(Math.max(length, 256));
    }
    chars.clear();
    decoder.reset();
    ByteBuffer bytes = ByteBuffer.wrap(buffer, from, length);
    CoderResult result = decoder.decode(bytes, chars, true);
    if (!result.isError()) {
      result = decoder.flush(chars);
    }
    if (result.isError()) {
      malformedColumn = chars.position() + 1L;
      return -1;
    }
    return chars.position();
  }

  private void skipRestOfLine() throws IOException {
    start = end;
    while (fill()) {
      int feed = indexOfFeed(start, end);
      if (feed >= 0) {
        start = feed + 1;
        return;
      }
      start = end;
    }
  }

  /** Reads more bytes after those kept; false at the end of input with nothing kept. */
  private boolean fill() throws IOException {
    if (eof) {
      return false;
    }
    int kept = end - start;
    if (start > 0) {
      System.arraycopy(buffer, start, buffer, 0, kept);
      start = 0;
      end = kept;
    }
    if (end == buffer.length) {
      buffer = Arrays.copyOf(buffer, (int) Math.min((long) buffer.length * 2,
          (long) maxBytes + CHUNK));
    }
    int n = in.read(buffer, end, buffer.length - end);
    while (n == 0) {
      n = in.read(buffer, end, buffer.length - end);
    }
    if (n < 0) {
      eof = true;
      return false;
    }
    end += n;
    return true;
  }

  /**
   * The buffer holding the current line; valid until the next call of {@link #next()}.
   *
   * @return the buffer
   */
  public byte[] bytes() {
    return buffer;
  }

  /**
   * Where the current line starts in {@link #bytes()}.
   *
   * @return the offset
   */
  public int offset() {
    return lineStart;
  }

  /**
   * The length of the current line in bytes, without its line feed or carriage return.
   *
   * @return the length, 0 for an empty line
   */
  public int length() {
    return lineLength;
  }

  /**
   * The current line as text.
   *
   * @return the line
   */
  public String text() {
    return new String(buffer, lineStart, lineLength, StandardCharsets.UTF_8);
  }

  /**
   * The number of the current line, from 1.
   *
   * @return the line number
   */
  public long lineNumber() {
    return lineNumber;
  }

  /**
   * The column (from 1, in characters) of the first byte that is not UTF-8, after
   * {@link Status#MALFORMED}.
   *
   * @return the column
   */
  public long malformedColumn() {
    return malformedColumn;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
