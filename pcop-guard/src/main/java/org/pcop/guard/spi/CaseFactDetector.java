package org.pcop.guard.spi;

/**
 * Finds one kind of a host's own identifiers in text, such as its case-number format or its
 * person ids. A detector reports offsets only: the guard builds the findings, with the
 * detector's fixed kind, so no matched text can reach a finding, a message or a log.
 *
 * <p>Implementations must be thread-safe and stateless between calls, and must not keep, log or
 * throw with the text they are given. Register an implementation with
 * {@code provides org.pcop.guard.spi.CaseFactDetector with ...} in its module, or in
 * {@code META-INF/services/org.pcop.guard.spi.CaseFactDetector} on the class path; a public
 * no-argument constructor is needed for the latter.
 */
public interface CaseFactDetector {
  /**
   * The kind of finding, fixed for the detector: 1 to 40 lowercase letters, digits and hyphens,
   * starting with a letter, and not one of the built-in kinds (for example
   * {@code "acme-case-number"}).
   *
   * @return the kind
   */
  String kind();

  /**
   * The kind in a few words for messages, fixed for the detector, such as
   * {@code "an Acme case number"}: at most 80 characters, letters, digits, spaces and
   * {@code ' - .}.
   *
   * @return the description
   */
  String description();

  /**
   * Reports every match in {@code text} to {@code matches}, as character offsets.
   *
   * @param text the text, never null
   * @param matches where to report each match
   */
  void detect(String text, Matches matches);

  /** Receives the matches of a detector. */
  @FunctionalInterface
  interface Matches {
    /**
     * Reports one match, from {@code start} (inclusive) to {@code end} (exclusive).
     *
     * @param start the first character's offset
     * @param end the offset after the last character
     * @throws IllegalArgumentException if the offsets are not
     *     {@code 0 <= start < end <= text.length()}
     */
    void add(int start, int end);
  }
}
