/**
 * The event log as NDJSON: one event a line, in the wire form of
 * {@link org.pcop.io.json.PcopJsonModule}, streamed in both directions so that a log of millions
 * of events is never held in memory.
 */
@PcopStyle
package org.pcop.io.eventlog;

import org.pcop.model.PcopStyle;
