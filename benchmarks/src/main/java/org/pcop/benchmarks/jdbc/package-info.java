/**
 * The peer of the sample JDBC event store: plain JDBC batch inserts of the same rows into the
 * same table, on H2 and on PostgreSQL, measured beside {@code JdbcEventStore} appends of the
 * same batches.
 */
package org.pcop.benchmarks.jdbc;
