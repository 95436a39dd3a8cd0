package org.pcop.spi.memory;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.pcop.spi.AccessPolicy;
import org.pcop.spi.AuditSink;
import org.pcop.spi.HostAdapter;
import org.pcop.spi.IdentityMapping;
import org.pcop.spi.MemberDirectory;
import org.pcop.spi.NotificationSink;

/**
 * A {@link HostAdapter} named {@code in-memory} whose providers are all the in-memory reference
 * implementations, fresh and empty. Meant to be passed to the engine explicitly, for trying pcop
 * out and for tests; it is not registered with {@link java.util.ServiceLoader}, so it never
 * competes with a real adapter. The typed accessors ({@link #eventStore()} ...) return the same
 * instances as the interface's getters, for setting them up.
 */
public final class InMemoryHostAdapter implements HostAdapter {
  private final Clock clock;
  private final InMemoryEventStore eventStore;
  private final InMemoryMemberDirectory memberDirectory = InMemoryMemberDirectory.create();
  private final InMemoryIdentityMapping identityMapping = InMemoryIdentityMapping.create();
  private final InMemoryAccessPolicy accessPolicy = InMemoryAccessPolicy.create();
  private final InMemoryNotificationSink notificationSink = InMemoryNotificationSink.create();
  private final InMemoryAuditSink auditSink = InMemoryAuditSink.create();

  private InMemoryHostAdapter(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.eventStore = InMemoryEventStore.create(clock);
  }

  /**
   * An adapter on the system clock in UTC.
   *
   * @return the adapter
   */
  public static InMemoryHostAdapter create() {
    return new InMemoryHostAdapter(Clock.systemUTC());
  }

  /**
   * An adapter on the given clock (a fixed or offset clock in tests).
   *
   * @param clock the clock for the engine and the store
   * @return the adapter
   */
  public static InMemoryHostAdapter create(Clock clock) {
    return new InMemoryHostAdapter(clock);
  }

  @Override
  public String getName() {
    return "in-memory";
  }

  @Override
  public InMemoryEventStore getEventStore() {
    return eventStore;
  }

  @Override
  public Optional<MemberDirectory> getMemberDirectory() {
    return Optional.of(memberDirectory);
  }

  @Override
  public Optional<IdentityMapping> getIdentityMapping() {
    return Optional.of(identityMapping);
  }

  @Override
  public Optional<AccessPolicy> getAccessPolicy() {
    return Optional.of(accessPolicy);
  }

  @Override
  public Optional<NotificationSink> getNotificationSink() {
    return Optional.of(notificationSink);
  }

  @Override
  public Optional<AuditSink> getAuditSink() {
    return Optional.of(auditSink);
  }

  @Override
  public Clock getClock() {
    return clock;
  }

  /**
   * The event store, typed for injecting failures.
   *
   * @return the store
   */
  public InMemoryEventStore eventStore() {
    return eventStore;
  }

  /**
   * The member directory, typed for adding staff.
   *
   * @return the directory
   */
  public InMemoryMemberDirectory memberDirectory() {
    return memberDirectory;
  }

  /**
   * The identity mapping, typed for mapping users.
   *
   * @return the mapping
   */
  public InMemoryIdentityMapping identityMapping() {
    return identityMapping;
  }

  /**
   * The access policy, typed for granting access.
   *
   * @return the policy
   */
  public InMemoryAccessPolicy accessPolicy() {
    return accessPolicy;
  }

  /**
   * The notification sink, typed for reading what was delivered.
   *
   * @return the sink
   */
  public InMemoryNotificationSink notificationSink() {
    return notificationSink;
  }

  /**
   * The audit sink, typed for reading the trail.
   *
   * @return the sink
   */
  public InMemoryAuditSink auditSink() {
    return auditSink;
  }
}
