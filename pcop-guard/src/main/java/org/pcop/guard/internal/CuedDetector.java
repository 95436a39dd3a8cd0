package org.pcop.guard.internal;

import org.pcop.guard.CaseFactKind;
import org.pcop.guard.spi.CaseFactDetector;

/**
 * A built-in detector of one kind. Its patterns run only when the text holds one of its cues
 * (lower-case words, white space as a space, or {@link #DIGIT}), which a plain search finds far
 * faster than a pattern tried at every offset.
 */
abstract class CuedDetector implements CaseFactDetector {
  /** The cue of detectors whose matches all hold a digit. */
  static final String DIGIT = "0-9";

  private final CaseFactKind kind;
  private final String[] cues;

  CuedDetector(CaseFactKind kind, String... cues) {
    this.kind = kind;
    this.cues = cues;
  }

  @Override
  public final void detect(String text, Matches matches) {
    if (cued(text)) {
      find(text, matches);
    }
  }

  private boolean cued(String text) {
    if (cues.length == 0) {
      return true;
    }
    String lower = null;
    for (String cue : cues) {
      if (cue.equals(DIGIT)) {
        for (int i = 0; i < text.length(); i++) {
          if (Character.isDigit(text.charAt(i))) {
            return true;
          }
        }
        continue;
      }
      if (lower == null) {
        lower = Finder.lowerCase(text);
      }
      if (lower.contains(cue)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Reports the matches of a text that holds one of the cues.
   *
   * @param text the text
   * @param matches where to report
   */
  abstract void find(String text, Matches matches);

  @Override
  public final String kind() {
    return kind.id();
  }

  @Override
  public final String description() {
    return kind.description();
  }
}
