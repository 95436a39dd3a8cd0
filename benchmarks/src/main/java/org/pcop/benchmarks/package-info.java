/**
 * JMH benchmarks of rule evaluation: full evaluation beside a hand-written single pass, and
 * incremental evaluation after one event at two history sizes, over {@link
 * org.pcop.benchmarks.NationalCommunity}.
 */
package org.pcop.benchmarks;
