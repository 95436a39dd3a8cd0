/**
 * The events of the append-only log: every change to a community is one of these, with an event
 * id, the acting member and the time it occurred. Current state is a projection of the log.
 */
@PcopStyle
package org.pcop.model.event;

import org.pcop.model.PcopStyle;
