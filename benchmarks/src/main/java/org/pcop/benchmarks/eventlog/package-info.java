/**
 * JMH benchmark of reading an NDJSON event log: pcop's strict reader into validated model events
 * beside a raw Jackson streaming pass over the same file, both in lines per second.
 */
package org.pcop.benchmarks.eventlog;
