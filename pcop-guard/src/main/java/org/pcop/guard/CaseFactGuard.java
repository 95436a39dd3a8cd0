package org.pcop.guard;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.regex.Pattern;
import org.pcop.guard.internal.StandardDetectors;
import org.pcop.guard.spi.CaseFactDetector;

/**
 * Finds, in the free text of one field, what looks like case facts or criminal-justice
 * information, and returns where, never what: each {@link Finding} names the field, the kind and
 * the character offsets. No method, message or exception of the guard repeats the text scanned.
 *
 * <pre>{@code
 * CaseFactGuard guard = CaseFactGuard.withInstalledDetectors(ModuleLayer.boot());
 * for (Finding finding : guard.scan("question", question)) {
 *   problems.add(finding.describe()); // field "question" holds a date of birth (...) at ...
 * }
 * }</pre>
 *
 * <p>The built-in detectors are those of {@link CaseFactKind}; a host adds detectors of its own
 * identifiers with {@link CaseFactDetector}. Instances are immutable and thread-safe.
 */
public final class CaseFactGuard {
  private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9-]{0,39}");
  private static final Pattern DESCRIPTION =
      Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} '.-]{0,79}");
  private static final int FIELD_MAX = 100;
  private static final CaseFactGuard STANDARD = new CaseFactGuard(StandardDetectors.all(),
      List.of());

  private final List<CaseFactDetector> detectors;
  private final Map<String, String> descriptions;
  private final List<String> problems;

  private CaseFactGuard(List<CaseFactDetector> detectors, List<String> problems) {
    this.detectors = List.copyOf(detectors);
    Map<String, String> map = new LinkedHashMap<>();
    for (CaseFactDetector detector : detectors) {
      map.put(detector.kind(), detector.description());
    }
    this.descriptions = Collections.unmodifiableMap(map);
    this.problems = List.copyOf(problems);
  }

  /**
   * The guard with the built-in detectors only (every {@link CaseFactKind}).
   *
   * @return the guard
   */
  public static CaseFactGuard standard() {
    return STANDARD;
  }

  /**
   * The built-in detectors plus every {@link CaseFactDetector} that {@link ServiceLoader} finds
   * in {@code layer} and its parents. A detector that fails to load, or whose kind or
   * description is not allowed or already taken, is left out and reported by
   * {@link #problems()}; it never stops the others.
   *
   * @param layer the layer, for example {@code ModuleLayer.boot()}
   * @return the guard
   */
  public static CaseFactGuard withInstalledDetectors(ModuleLayer layer) {
    Objects.requireNonNull(layer, "layer");
    return discover(ServiceLoader.load(layer, CaseFactDetector.class));
  }

  /**
   * The built-in detectors plus every {@link CaseFactDetector} that {@link ServiceLoader} finds
   * through {@code loader} (named modules of the boot layer and {@code META-INF/services} on its
   * class path); problems as for {@link #withInstalledDetectors(ModuleLayer)}.
   *
   * @param loader the class loader, for example the application's
   * @return the guard
   */
  public static CaseFactGuard withInstalledDetectors(ClassLoader loader) {
    Objects.requireNonNull(loader, "loader");
    return discover(ServiceLoader.load(CaseFactDetector.class, loader));
  }

  private static CaseFactGuard discover(ServiceLoader<CaseFactDetector> loader) {
    List<CaseFactDetector> all = new ArrayList<>(STANDARD.detectors);
    List<String> problems = new ArrayList<>();
    var iterator = loader.iterator();
    while (true) {
      CaseFactDetector detector;
      try {
        if (!iterator.hasNext()) {
          break;
        }
        detector = iterator.next();
      } catch (ServiceConfigurationError e) {
        problems.add("a case-fact detector failed to load: " + e.getMessage());
        continue;
      }
      String problem = problemWith(detector, all);
      if (problem == null) {
        all.add(detector);
      } else {
        problems.add("case-fact detector " + detector.getClass().getName() + " is left out: "
            + problem);
      }
    }
    return new CaseFactGuard(all, problems);
  }

  private static String problemWith(CaseFactDetector detector, List<CaseFactDetector> taken) {
    String kind;
    String description;
    try {
      kind = detector.kind();
      description = detector.description();
    } catch (RuntimeException e) {
      return "its kind or description failed with " + e.getClass().getName();
    }
    if (kind == null || !KIND.matcher(kind).matches()) {
      return "its kind must be 1 to 40 lowercase letters, digits and hyphens, starting with a"
          + " letter";
    }
    if (description == null || !DESCRIPTION.matcher(description).matches()) {
      return "the description of kind '" + kind + "' must be 1 to 80 letters, digits, spaces"
          + " and ' - .";
    }
    for (CaseFactDetector other : taken) {
      if (other.kind().equals(kind)) {
        return "the kind '" + kind + "' is taken by " + other.getClass().getName();
      }
    }
    return null;
  }

  /**
   * This guard plus the given detectors.
   *
   * @param added the detectors
   * @return the new guard
   * @throws IllegalArgumentException if a detector's kind or description is not allowed (see
   *     {@link CaseFactDetector#kind()}) or its kind is already taken
   */
  public CaseFactGuard with(CaseFactDetector... added) {
    List<CaseFactDetector> all = new ArrayList<>(detectors);
    for (CaseFactDetector detector : added) {
      Objects.requireNonNull(detector, "detector");
      String problem = problemWith(detector, all);
      if (problem != null) {
        throw new IllegalArgumentException("case-fact detector " + detector.getClass().getName()
            + " cannot be added: " + problem);
      }
      all.add(detector);
    }
    return new CaseFactGuard(all, problems);
  }

  /**
   * The kinds this guard finds, built-in first, then the hosts' in the order found.
   *
   * @return the kind identifiers
   */
  public List<String> kinds() {
    return List.copyOf(descriptions.keySet());
  }

  /**
   * What went wrong while discovering detectors, one sentence each; empty when nothing did.
   *
   * @return the problems
   */
  public List<String> problems() {
    return problems;
  }

  /**
   * Scans the text of one field. Findings of one kind that overlap are joined; findings of
   * different kinds may overlap.
   *
   * @param field the field's name, for messages (such as {@code "question"}); 1 to 100
   *     characters without control characters
   * @param text the text; may be empty
   * @return the findings, ordered by start offset; empty when the text looks clean
   * @throws IllegalArgumentException if {@code field} is blank, too long or holds control
   *     characters
   * @throws IllegalStateException if a host's detector fails or reports offsets outside the
   *     text; the message names the detector and the field only
   */
  public List<Finding> scan(String field, String text) {
    checkField(field);
    Objects.requireNonNull(text, "text");
    if (text.isEmpty()) {
      return List.of();
    }
    List<Finding> findings = new ArrayList<>();
    for (CaseFactDetector detector : detectors) {
      String kind = detector.kind();
      List<int[]> spans = new ArrayList<>();
      int length = text.length();
      CaseFactDetector.Matches matches = (start, end) -> {
        if (start < 0 || start >= end || end > length) {
          throw new OffsetsOutside("offsets " + start + " to " + end
              + " are outside a text of " + length + " characters");
        }
        spans.add(new int[] {start, end});
      };
      try {
        detector.detect(text, matches);
      } catch (OffsetsOutside e) {
        throw new IllegalStateException("case-fact detector " + detector.getClass().getName()
            + " (kind " + kind + ") reported " + e.getMessage() + " in field \"" + field
            + "\"");
      } catch (RuntimeException e) {
        throw failed(detector, kind, field, e);
      }
      spans.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0])
          : Integer.compare(a[1], b[1]));
      int[] open = null;
      String description = descriptions.get(kind);
      for (int[] span : spans) {
        if (open != null && span[0] < open[1]) {
          open[1] = Math.max(open[1], span[1]);
          continue;
        }
        if (open != null) {
          findings.add(new Finding(field, kind, description, open[0], open[1]));
        }
        open = span.clone();
      }
      if (open != null) {
        findings.add(new Finding(field, kind, description, open[0], open[1]));
      }
    }
    Collections.sort(findings);
    return List.copyOf(findings);
  }

  /**
   * Whether the text of one field looks clean: {@link #scan(String, String)} is empty.
   *
   * @param field the field's name
   * @param text the text
   * @return true when nothing was found
   */
  public boolean isClean(String field, String text) {
    return scan(field, text).isEmpty();
  }

  /** Offsets a detector reported outside the text; the message holds numbers only. */
  private static final class OffsetsOutside extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    OffsetsOutside(String message) {
      super(message);
    }
  }

  // The cause is left out on purpose: a detector's exception may carry the text it was given.
  private static IllegalStateException failed(CaseFactDetector detector, String kind,
      String field, RuntimeException e) {
    return new IllegalStateException("case-fact detector " + detector.getClass().getName()
        + " (kind " + kind + ") failed on field \"" + field + "\" with "
        + e.getClass().getName());
  }

  private static void checkField(String field) {
    Objects.requireNonNull(field, "field");
    if (field.isBlank() || field.length() > FIELD_MAX
        || field.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("a scanned field's name must be 1 to " + FIELD_MAX
          + " characters without control characters (it was " + field.length()
          + " characters)");
    }
  }

  @Override
  public String toString() {
    return "CaseFactGuard" + kinds();
  }
}
