package org.pcop.guard;

import java.util.Objects;

/**
 * One place in a field's text that looks like a case fact: the field, the kind and the character
 * offsets. A finding never holds the text found, so it can be put in a message, an audit record
 * or a log as it is; {@link #toString()} is {@link #describe()}.
 */
public final class Finding implements Comparable<Finding> {
  private final String field;
  private final String kind;
  private final String description;
  private final int start;
  private final int end;

  Finding(String field, String kind, String description, int start, int end) {
    this.field = field;
    this.kind = kind;
    this.description = description;
    this.start = start;
    this.end = end;
  }

  /**
   * The name of the field scanned, as the caller gave it (such as {@code "question"}).
   *
   * @return the field
   */
  public String field() {
    return field;
  }

  /**
   * The kind's identifier: a {@link CaseFactKind#id()} or a host detector's kind.
   *
   * @return the kind
   */
  public String kind() {
    return kind;
  }

  /**
   * The kind in words, such as {@code "a Social Security number"}.
   *
   * @return the description
   */
  public String kindDescription() {
    return description;
  }

  /**
   * The offset of the first character found, counted in UTF-16 code units from 0.
   *
   * @return the start, inclusive
   */
  public int start() {
    return start;
  }

  /**
   * The offset after the last character found.
   *
   * @return the end, exclusive
   */
  public int end() {
    return end;
  }

  /**
   * The finding in one sentence, naming the field, the kind and the offsets only, such as
   * {@code field "question" holds a Social Security number (ssn) at characters 14 to 25}.
   *
   * @return the sentence
   */
  public String describe() {
    return "field \"" + field + "\" holds " + description + " (" + kind + ") at characters "
        + start + " to " + end;
  }

  @Override
  public int compareTo(Finding other) {
    int c = Integer.compare(start, other.start);
    if (c == 0) {
      c = Integer.compare(end, other.end);
    }
    if (c == 0) {
      c = kind.compareTo(other.kind);
    }
    return c == 0 ? field.compareTo(other.field) : c;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Finding f && f.field.equals(field) && f.kind.equals(kind)
        && f.start == start && f.end == end;
  }

  @Override
  public int hashCode() {
    return Objects.hash(field, kind, start, end);
  }

  @Override
  public String toString() {
    return describe();
  }
}
