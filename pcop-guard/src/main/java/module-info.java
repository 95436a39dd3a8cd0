/**
 * The case-fact guard: finds, in free text, what looks like case facts or criminal-justice
 * information (Social Security numbers, dates of birth, docket numbers, captions, named people in
 * a case role and the like) and reports only the field, the kind and the character offsets,
 * never the text found. Depends on nothing but java.base, so that any pcop module or host can
 * use it.
 */
module org.pcop.guard {
  exports org.pcop.guard;
  exports org.pcop.guard.spi;

  // Detectors of a host's own identifiers are plugins, found with ServiceLoader by
  // CaseFactGuard.withInstalledDetectors.
  uses org.pcop.guard.spi.CaseFactDetector;
}
