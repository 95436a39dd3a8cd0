/**
 * A pcop event store and snapshot store on plain JDBC. {@link org.pcop.samples.jdbcstore.JdbcEventStore} keeps
 * events in one table with a unique constraint on (stream, version) and on the event id, takes
 * global positions under a database lock so that they have no gaps, and creates its schema from
 * versioned DDL scripts shipped with it (one per supported database: H2 and PostgreSQL).
 * {@link org.pcop.samples.jdbcstore.JdbcSnapshotStore} keeps each stream's latest snapshot in one
 * row, replaced in one transaction.
 */
@PcopStyle
package org.pcop.samples.jdbcstore;

import org.pcop.model.PcopStyle;
