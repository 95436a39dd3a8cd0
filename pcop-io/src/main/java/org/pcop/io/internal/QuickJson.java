package org.pcop.io.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.pcop.io.ReadLimits;

/**
 * The plain subset of JSON the quick reader reads, straight from a line's bytes: objects, arrays,
 * strings without escapes, true and false; no numbers and no null, which no event it reads needs.
 * Property names must be ones the codecs know ({@link QuickNames}); the name that followed the
 * previous one last time is tried first. Strings are kept as spans of the line's bytes
 * ({@link #start} and {@link #length} of a span). Anything else, or a size near one of the
 * careful reading's limits, throws {@link #NOT_SURE}. Bytes are scanned eight at a time. Not
 * thread-safe; one per reader.
 */
final class QuickJson {
  /** Thrown to give up on a line; the quick reader catches it, so it never escapes. */
  static final RuntimeException NOT_SURE = new RuntimeException("not sure", null, false,
      false) {
    private static final long serialVersionUID = 1L;
  };

  /** The value of a string property: its span is kept beside it. */
  static final Object TEXT = new Object();

  private final int maxStringBytes;
  private final int maxNameBytes;
  private final int maxDepth;
  private final long maxTokens;

  private final List<QuickObject> objects = new ArrayList<>();
  private final List<QuickArray> arrays = new ArrayList<>();
  private int objectsUsed;
  private int arraysUsed;

  private byte[] buf;
  private int pos;
  private int end;
  private int depth;
  private long tokens;

  QuickJson(ReadLimits limits) {
    this.maxStringBytes = limits.getMaxStringLength();
    this.maxNameBytes = limits.getMaxNameLength();
    this.maxDepth = limits.getMaxNestingDepth();
    this.maxTokens = limits.getMaxTokenCount() > 0 ? limits.getMaxTokenCount() : Long.MAX_VALUE;
  }

  /**
   * The object a line holds, surrounded by nothing but white space, or null if the line is not
   * an object; its values stay readable until the next line or {@link #release}.
   *
   * @throws RuntimeException {@link #NOT_SURE} when the line is outside the subset
   */
  QuickObject root(byte[] bytes, int offset, int length) {
    buf = bytes;
    pos = offset;
    end = offset + length;
    depth = 0;
    tokens = 0;
    objectsUsed = 0;
    arraysUsed = 0;
    lastName = FIRST_NAME;
    skipSpace();
    if (pos >= end || buf[pos] != '{') {
      return null;
    }
    QuickObject root = object();
    skipSpace();
    return pos == end ? root : null;
  }

  /** The bytes of the line being read, which spans point into. */
  byte[] bytes() {
    return buf;
  }

  /** Lets go of the line's bytes. */
  void release() {
    buf = null;
  }

  static int start(long span) {
    return (int) (span >>> 32);
  }

  static int length(long span) {
    return (int) span;
  }

  private void token() {
    if (++tokens >= maxTokens) {
      throw NOT_SURE;
    }
  }

  private void skipSpace() {
    while (pos < end) {
      byte c = buf[pos];
      if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
        return;
      }
      pos++;
    }
  }

  private byte next() {
    skipSpace();
    if (pos >= end) {
      throw NOT_SURE;
    }
    return buf[pos++];
  }

  /**
   * Reads a value: {@link #TEXT} (its span in {@link #span}), a {@link QuickObject}, a
   * {@link QuickArray} or a {@link Boolean}.
   */
  private Object value() {
    skipSpace();
    if (pos >= end) {
      throw NOT_SURE;
    }
    switch (buf[pos]) {
      case '"': {
        token();
        int from = pos + 1;
        int to = endOfText();
        pos = to + 1;
        if (to - from >= maxStringBytes) {
          throw NOT_SURE;
        }
        span = ((long) from << 32) | (to - from);
        return TEXT;
      }
      case '{':
        return object();
      case '[':
        return array();
      case 't':
        token();
        literal("true");
        return Boolean.TRUE;
      case 'f':
        token();
        literal("false");
        return Boolean.FALSE;
      default:
        throw NOT_SURE; // null, numbers, anything else
    }
  }

  private long span;

  /** The number of the name read last, as {@link QuickNames#NAMES} numbers them. */
  private int nameIndex;

  /** Where {@link #lastName} is at the start of a line. */
  private static final int FIRST_NAME = QuickLookup.SLOTS;
  /** The slot in {@link QuickNames#NAMES} of the name read last in this line. */
  private int lastName;
  /** By the slot of a name, the slot of the name that followed it last time; -1 if none yet. */
  private final int[] nextNames = noNames();

  private static int[] noNames() {
    int[] out = new int[QuickLookup.SLOTS + 1];
    Arrays.fill(out, -1);
    return out;
  }

  private void literal(String word) {
    if (end - pos < word.length()) {
      throw NOT_SURE;
    }
    for (int i = 0; i < word.length(); i++) {
      if (buf[pos + i] != word.charAt(i)) {
        throw NOT_SURE;
      }
    }
    pos += word.length();
  }

  private void open() {
    pos++;
    token();
    if (++depth >= maxDepth) {
      throw NOT_SURE;
    }
  }

  private void close() {
    depth--;
    token();
  }

  private QuickObject object() {
    open();
    QuickObject o;
    if (objectsUsed < objects.size()) {
      o = objects.get(objectsUsed);
      o.clear();
    } else {
      o = new QuickObject();
      objects.add(o);
    }
    objectsUsed++;
    skipSpace();
    if (pos < end && buf[pos] == '}') {
      pos++;
      close();
      return o;
    }
    while (true) {
      if (next() != '"') {
        throw NOT_SURE;
      }
      pos--;
      token();
      String name = name();
      int index = nameIndex;
      if (next() != ':') {
        throw NOT_SURE;
      }
      Object v = value();
      o.put(name, index, v, span);
      byte c = next();
      if (c == '}') {
        close();
        return o;
      }
      if (c != ',') {
        throw NOT_SURE;
      }
    }
  }

  private QuickArray array() {
    open();
    QuickArray a;
    if (arraysUsed < arrays.size()) {
      a = arrays.get(arraysUsed);
      a.size = 0;
    } else {
      a = new QuickArray();
      arrays.add(a);
    }
    arraysUsed++;
    skipSpace();
    if (pos < end && buf[pos] == ']') {
      pos++;
      close();
      return a;
    }
    while (true) {
      Object v = value();
      a.add(v, span);
      byte c = next();
      if (c == ']') {
        close();
        return a;
      }
      if (c != ',') {
        throw NOT_SURE;
      }
    }
  }

  /**
   * The end of a string without escapes or control characters, after its opening quote. Eight
   * bytes are looked at together while the buffer has them (they may run past the line, never
   * past the buffer); the first quote, backslash or control character among them decides.
   */
  private int endOfText() {
    int i = ++pos;
    byte[] b = buf;
    int n = end;
    int lastWord = b.length - 8;
    while (i < n && i <= lastWord) {
      long w = Words.at(b, i);
      long marks = Words.equal(w, QUOTES) | Words.equal(w, BACKSLASHES)
          | Words.below(w, SPACES);
      if (marks != 0) {
        int k = i + Words.first(marks);
        if (k < n && b[k] == '"') {
          return k;
        }
        throw NOT_SURE; // an escape, a control character, or the end of the line
      }
      i += 8;
    }
    while (i < n) {
      byte c = b[i];
      if (c == '"') {
        return i;
      }
      if (c == '\\' || (c >= 0 && c < 0x20)) {
        throw NOT_SURE;
      }
      i++;
    }
    throw NOT_SURE;
  }

  private static final long QUOTES = Words.ONES * '"';
  private static final long BACKSLASHES = Words.ONES * '\\';
  private static final long SPACES = Words.ONES * ' ';

  /**
   * Reads a property name, at its opening quote. Lines written the same way name the same
   * properties in the same order, so the name that followed the previous one last time is tried
   * first: when the line holds exactly its bytes and then a quote, that is the name (its bytes
   * hold no quote, backslash or control character). Otherwise the name is read and looked up.
   */
  private String name() {
    int from = pos + 1;
    int slot = nextNames[lastName];
    int length;
    if (slot >= 0 && QuickNames.NAMES.isAt(slot, buf, from, end)) {
      length = QuickNames.NAMES.length(slot);
      pos = from + length + 1;
    } else {
      int to = endOfText();
      pos = to + 1;
      length = to - from;
      slot = QuickNames.NAMES.slot(buf, from, length);
      if (slot < 0) {
        throw NOT_SURE;
      }
      nextNames[lastName] = slot;
    }
    if (length >= maxNameBytes) {
      throw NOT_SURE;
    }
    lastName = slot;
    nameIndex = QuickNames.NAMES.index(slot);
    return QuickNames.NAMES.value(slot);
  }
}
