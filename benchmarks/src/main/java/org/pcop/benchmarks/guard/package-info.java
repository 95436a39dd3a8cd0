/**
 * What the case-fact guard costs: scanning a kilobyte of community text, clean or with case
 * facts, with every built-in detector.
 */
package org.pcop.benchmarks.guard;
