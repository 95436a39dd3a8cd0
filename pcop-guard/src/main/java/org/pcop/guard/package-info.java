/**
 * What users call: {@link org.pcop.guard.CaseFactGuard} scans a field's text and returns
 * {@link org.pcop.guard.Finding}s (field, kind, offsets, never the text), of the kinds in
 * {@link org.pcop.guard.CaseFactKind} or of a host's detectors;
 * {@link org.pcop.guard.CaseFactPolicy} is what a community does with findings.
 */
package org.pcop.guard;
