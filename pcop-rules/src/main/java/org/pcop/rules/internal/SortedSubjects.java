package org.pcop.rules.internal;

import java.util.AbstractSet;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.SortedSet;
import org.pcop.rules.Subject;

/**
 * A list of distinct subjects in their natural order, seen as the sorted set a
 * {@link java.util.TreeSet} copies in linear time (its copy constructor builds the tree without
 * comparing when handed a {@link SortedSet}). Iteration, size, first and last only.
 */
final class SortedSubjects extends AbstractSet<Subject> implements SortedSet<Subject> {
  private final List<Subject> subjects;

  /** The subjects, which must be distinct and in natural order. */
  SortedSubjects(List<Subject> subjects) {
    this.subjects = subjects;
  }

  @Override
  public Iterator<Subject> iterator() {
    return subjects.iterator();
  }

  @Override
  public int size() {
    return subjects.size();
  }

  @Override
  public Comparator<? super Subject> comparator() {
    return null;
  }

  @Override
  public SortedSet<Subject> subSet(Subject from, Subject to) {
    throw new UnsupportedOperationException();
  }

  @Override
  public SortedSet<Subject> headSet(Subject to) {
    throw new UnsupportedOperationException();
  }

  @Override
  public SortedSet<Subject> tailSet(Subject from) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Subject first() {
    return subjects.get(0);
  }

  @Override
  public Subject last() {
    return subjects.get(subjects.size() - 1);
  }
}
