/**
 * The embedded engine at national scale: cold start against the rules' own work on the same
 * history, and the heap an engine adds.
 */
package org.pcop.benchmarks.engine;
