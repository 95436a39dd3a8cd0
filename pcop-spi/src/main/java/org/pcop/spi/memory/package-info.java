/**
 * Reference implementations of every provider interface that keep everything in memory: for
 * trying pcop out, for tests, and as the model a vendor's adapter is compared with. Each keeps
 * every guarantee of its interface and is thread-safe; nothing survives the process. Each also
 * offers the small set-up methods a test needs (add staff, grant access, inject a store failure).
 */
@PcopStyle
package org.pcop.spi.memory;

import org.pcop.model.PcopStyle;
