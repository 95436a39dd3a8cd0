/**
 * The provider interfaces a host case-management system implements so that pcop can live inside
 * it: the {@link org.pcop.spi.EventStore event store} (the one provider every host needs), the
 * member directory, identity mapping, access policy, notification and audit sinks, and the clock;
 * and, optionally, a {@link org.pcop.spi.SnapshotStore snapshot store} an engine starts from.
 *
 * <p>{@link org.pcop.spi.HostAdapter} is the one entry point a vendor implements: it hands out the
 * providers of one host. {@link org.pcop.spi.HostAdapters} finds it, an explicit choice first and
 * {@link java.util.ServiceLoader} as the fallback. Each interface states the guarantees an adapter
 * must keep; the conformance kit in {@code org.pcop.tck} checks them. Reference implementations
 * that keep everything in memory are in {@code org.pcop.spi.memory}.
 */
@PcopStyle
package org.pcop.spi;

import org.pcop.model.PcopStyle;
