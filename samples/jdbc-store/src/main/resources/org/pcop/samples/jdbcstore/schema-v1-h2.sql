-- pcop JDBC event store, schema version 1, for H2 2.x.
-- Applied by JdbcEventStore when the database has no pcop_schema_version table yet.
-- Statements end with a semicolon at the end of a line; lines starting with -- are comments.

-- The events: one row per event, never updated or deleted.
CREATE TABLE pcop_events (
  -- Position in the whole store: 1, 2, 3 ... in commit order, without gaps.
  global_position BIGINT NOT NULL,
  stream_id VARCHAR(128) NOT NULL,
  -- Version in the stream: 1 for its first event, then one more for each.
  stream_version BIGINT NOT NULL,
  event_id VARCHAR(64) NOT NULL,
  event_type VARCHAR(200) NOT NULL,
  payload_format VARCHAR(6) NOT NULL,
  -- The payload byte for byte (JSON text is kept as its UTF-8 bytes, never re-encoded).
  payload VARBINARY(1048576) NOT NULL,
  -- Metadata as a JSON object of strings, in the order given.
  metadata VARCHAR(400000) NOT NULL,
  recorded_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  CONSTRAINT pcop_events_pk PRIMARY KEY (global_position),
  -- Two writers at the same stream version conflict here.
  CONSTRAINT pcop_events_stream_version_uq UNIQUE (stream_id, stream_version),
  -- An event id names one event forever: a retry can never store it twice.
  CONSTRAINT pcop_events_event_id_uq UNIQUE (event_id),
  CONSTRAINT pcop_events_position_ck CHECK (global_position >= 1),
  CONSTRAINT pcop_events_version_ck CHECK (stream_version >= 1),
  CONSTRAINT pcop_events_format_ck CHECK (payload_format IN ('JSON', 'BINARY'))
);

-- The last global position handed out; exactly one row. Every append updates this row first, so
-- the row lock serialises appends and positions follow commit order without gaps.
CREATE TABLE pcop_event_position (
  id SMALLINT NOT NULL,
  last_position BIGINT NOT NULL,
  CONSTRAINT pcop_event_position_pk PRIMARY KEY (id),
  CONSTRAINT pcop_event_position_one_row_ck CHECK (id = 1),
  CONSTRAINT pcop_event_position_ck CHECK (last_position >= 0)
);
INSERT INTO pcop_event_position (id, last_position) VALUES (1, 0);

-- Which schema versions have been applied.
CREATE TABLE pcop_schema_version (
  version INT NOT NULL,
  description VARCHAR(200) NOT NULL,
  applied_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  CONSTRAINT pcop_schema_version_pk PRIMARY KEY (version)
);
INSERT INTO pcop_schema_version (version, description, applied_at)
  VALUES (1, 'events table, position row', CURRENT_TIMESTAMP);
