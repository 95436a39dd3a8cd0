/**
 * The built-in detectors: patterns with the context that tells a case fact from a look-alike
 * (a statute citation, a grant number, an office line). Not exported.
 */
package org.pcop.guard.internal;
