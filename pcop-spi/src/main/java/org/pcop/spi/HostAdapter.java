package org.pcop.spi;

import java.time.Clock;
import java.util.Optional;

/**
 * The one entry point a vendor implements: the adapter of one host case-management system, handing
 * out that host's providers. Only the event store is required; the others default to empty, and
 * the engine then works without them (no directory sync, no notifications ...).
 *
 * <p>Register an implementation for {@link HostAdapters} to find: on the module path with
 * {@code provides org.pcop.spi.HostAdapter with com.example.CmsAdapter;}, on the class path with
 * the class name in {@code META-INF/services/org.pcop.spi.HostAdapter}. A registered adapter needs a
 * public no-argument constructor or a public static {@code provider()} method; it may read its own
 * configuration there. Or skip discovery and hand an adapter to the engine directly.
 *
 * <p>Time is a plain {@link Clock}: the JDK's own injectable time, with fixed and offset clocks for
 * tests, so pcop adds no wrapper of its own.
 */
public interface HostAdapter {
  /**
   * A short, stable name for this adapter, for example {@code acme-cms}; used to select it when
   * several are present and in error messages.
   *
   * @return the name
   */
  String getName();

  /**
   * The host's event store; required.
   *
   * @return the store
   */
  EventStore getEventStore();

  /**
   * The host's staff directory, if pcop should sync members from it.
   *
   * @return the directory, or empty
   */
  default Optional<MemberDirectory> getMemberDirectory() {
    return Optional.empty();
  }

  /**
   * The mapping of host users to members, if the host has users.
   *
   * @return the mapping, or empty
   */
  default Optional<IdentityMapping> getIdentityMapping() {
    return Optional.empty();
  }

  /**
   * The host's access policy, if it restricts who may see and do what.
   *
   * @return the policy, or empty
   */
  default Optional<AccessPolicy> getAccessPolicy() {
    return Optional.empty();
  }

  /**
   * Where notifications go, if the host delivers them.
   *
   * @return the sink, or empty
   */
  default Optional<NotificationSink> getNotificationSink() {
    return Optional.empty();
  }

  /**
   * Where the audit trail goes, if the host keeps one.
   *
   * @return the sink, or empty
   */
  default Optional<AuditSink> getAuditSink() {
    return Optional.empty();
  }

  /**
   * The clock the engine reads time from; the system clock in UTC unless the host says otherwise.
   *
   * @return the clock
   */
  default Clock getClock() {
    return Clock.systemUTC();
  }
}
