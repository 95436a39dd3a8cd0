-- pcop JDBC snapshot store, table version 1, for H2 2.x.
-- Applied by JdbcSnapshotStore when the database has no pcop_snapshots table yet.
-- Statements end with a semicolon at the end of a line; lines starting with -- are comments.

-- The latest snapshot of each stream: one row per stream, replaced in one transaction.
CREATE TABLE IF NOT EXISTS pcop_snapshots (
  stream_id VARCHAR(128) NOT NULL,
  -- The stream version the snapshot covers.
  stream_version BIGINT NOT NULL,
  format_version INT NOT NULL,
  rule_set_fingerprint VARCHAR(128) NOT NULL,
  -- The snapshot byte for byte, and how many bytes it has, to tell a cut-short value.
  bytes BLOB NOT NULL,
  byte_count INT NOT NULL,
  saved_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  CONSTRAINT pcop_snapshots_pk PRIMARY KEY (stream_id),
  CONSTRAINT pcop_snapshots_version_ck CHECK (stream_version >= 0),
  CONSTRAINT pcop_snapshots_format_ck CHECK (format_version >= 1),
  CONSTRAINT pcop_snapshots_count_ck CHECK (byte_count >= 0)
);
