/**
 * The plugin interface for a host's own identifiers: implement
 * {@link org.pcop.guard.spi.CaseFactDetector}, declare it with
 * {@code provides org.pcop.guard.spi.CaseFactDetector with ...} in your module (or in
 * {@code META-INF/services/org.pcop.guard.spi.CaseFactDetector} on the class path), and
 * {@link org.pcop.guard.CaseFactGuard#withInstalledDetectors(ModuleLayer)} runs it beside the
 * built-in detectors.
 */
package org.pcop.guard.spi;
