package org.pcop.engine;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.pcop.model.Community;
import org.pcop.rules.DefaultRules;
import org.pcop.rules.calendar.BusinessCalendar;
import org.pcop.rules.calendar.UsFederalCalendar;
import org.pcop.rules.definition.RuleSet;
import org.pcop.rules.spi.RuleKindRegistry;
import org.pcop.spi.AccessPolicy;
import org.pcop.spi.AuditSink;
import org.pcop.spi.EventStore;
import org.pcop.spi.HostAdapter;
import org.pcop.spi.HostAdapters;
import org.pcop.spi.IdentityMapping;
import org.pcop.spi.MemberDirectory;
import org.pcop.spi.NotificationSink;

/**
 * Wires an engine from the host's providers, set explicitly or taken from a
 * {@link HostAdapter} (explicit settings win; with neither a store nor an adapter, the adapter is
 * discovered with {@link HostAdapters#discover()}). The store, community, identity mapping,
 * access policy, audit sink and notification sink are required; the rule set defaults to
 * {@link DefaultRules#forCommunity}, the clock to the system UTC clock, the calendar to US
 * federal business days; the member directory is optional.
 */
public final class PcopBuilder {
  EventStore store;
  Community community;
  RuleSet rules;
  RuleKindRegistry kinds;
  BusinessCalendar calendar = UsFederalCalendar.instance();
  Clock clock = Clock.systemUTC();
  IdentityMapping identities;
  AccessPolicy access;
  AuditSink audit;
  NotificationSink notifications;
  MemberDirectory directory;
  private HostAdapter adapter;
  private boolean clockSet;

  PcopBuilder() {}

  /**
   * Takes every provider not set explicitly on this builder from a host adapter (its store,
   * directory, identity mapping, access policy, sinks and clock). Without an adapter and without
   * a store, {@link #build()} falls back to {@link HostAdapters#discover()}.
   *
   * @param adapter the host's adapter
   * @return this builder
   */
  public PcopBuilder adapter(HostAdapter adapter) {
    this.adapter = Objects.requireNonNull(adapter, "adapter");
    return this;
  }

  /**
   * The event store. Required.
   *
   * @param store the store
   * @return this builder
   */
  public PcopBuilder store(EventStore store) {
    this.store = store;
    return this;
  }

  /**
   * The community kept, whose time zone fixes the days of participations. Required.
   *
   * @param community the community
   * @return this builder
   */
  public PcopBuilder community(Community community) {
    this.community = community;
    return this;
  }

  /**
   * The rule set; defaults to {@link DefaultRules#forCommunity}.
   *
   * @param rules the rule set
   * @return this builder
   */
  public PcopBuilder rules(RuleSet rules) {
    this.rules = rules;
    return this;
  }

  /**
   * The rule kinds the rule set is evaluated with: the built-in kinds and the plugins a host
   * installs. Defaults to the kinds installed in the engine's module layer
   * ({@link RuleKindRegistry#installed(ModuleLayer)}), or, on the class path, those its class
   * loader finds; a rule of a kind the registry lacks evaluates as indeterminate.
   *
   * @param kinds the registry
   * @return this builder
   */
  public PcopBuilder ruleKinds(RuleKindRegistry kinds) {
    this.kinds = kinds;
    return this;
  }

  /**
   * The business calendar for service levels; defaults to US federal business days.
   *
   * @param calendar the calendar
   * @return this builder
   */
  public PcopBuilder calendar(BusinessCalendar calendar) {
    this.calendar = calendar;
    return this;
  }

  /**
   * The clock commands and evaluations use; defaults to the system UTC clock.
   *
   * @param clock the clock
   * @return this builder
   */
  public PcopBuilder clock(Clock clock) {
    this.clock = clock;
    this.clockSet = true;
    return this;
  }

  /**
   * Maps host users to members. Required.
   *
   * @param identities the identity mapping
   * @return this builder
   */
  public PcopBuilder identities(IdentityMapping identities) {
    this.identities = identities;
    return this;
  }

  /**
   * Says who may do what. Required.
   *
   * @param access the access policy
   * @return this builder
   */
  public PcopBuilder access(AccessPolicy access) {
    this.access = access;
    return this;
  }

  /**
   * Keeps the audit trail. Required.
   *
   * @param audit the audit sink
   * @return this builder
   */
  public PcopBuilder audit(AuditSink audit) {
    this.audit = audit;
    return this;
  }

  /**
   * Receives notifications after commit. Required.
   *
   * @param notifications the notification sink
   * @return this builder
   */
  public PcopBuilder notifications(NotificationSink notifications) {
    this.notifications = notifications;
    return this;
  }

  /**
   * The host's staff directory for {@link Pcop#syncDirectory}. Optional.
   *
   * @param directory the directory
   * @return this builder
   */
  public PcopBuilder directory(MemberDirectory directory) {
    this.directory = directory;
    return this;
  }

  /**
   * Builds the engine, rebuilds its projection from the store, and hands to the notification
   * sink the notifications of events after the last recorded notified-through position (see {@link Pcop}), which an engine before it may have left undelivered.
   *
   * @return the engine
   * @throws IllegalStateException naming every required provider that is missing, or if the
   *     store holds an event that cannot be read
   * @throws org.pcop.spi.DiscoveryException if no store or adapter was given and discovery
   *     finds no host adapter, or several
   */
  public Pcop build() {
    HostAdapter from = adapter != null ? adapter
        : store == null ? HostAdapters.discover() : null;
    if (from != null) {
      store = store != null ? store : from.getEventStore();
      directory = directory != null ? directory : from.getMemberDirectory().orElse(null);
      identities = identities != null ? identities
          : from.getIdentityMapping().orElse(null);
      access = access != null ? access : from.getAccessPolicy().orElse(null);
      audit = audit != null ? audit : from.getAuditSink().orElse(null);
      notifications = notifications != null ? notifications
          : from.getNotificationSink().orElse(null);
      clock = clockSet ? clock : from.getClock();
    }
    List<String> missing = new ArrayList<>();
    Map<String, Object> required = new java.util.LinkedHashMap<>();
    required.put("store", store);
    required.put("community", community);
    required.put("identities", identities);
    required.put("access", access);
    required.put("audit", audit);
    required.put("notifications", notifications);
    required.put("calendar", calendar);
    required.put("clock", clock);
    required.forEach((name, v) -> {
      if (v == null) {
        missing.add(name);
      }
    });
    if (!missing.isEmpty()) {
      throw new IllegalStateException("Pcop.builder(): missing " + String.join(", ", missing)
          + "; set each with the builder method of that name");
    }
    if (rules == null) {
      rules = DefaultRules.forCommunity(community.getId());
    }
    if (kinds == null) {
      ModuleLayer layer = Pcop.class.getModule().getLayer();
      kinds = layer != null ? RuleKindRegistry.installed(layer)
          : RuleKindRegistry.installed(Pcop.class.getClassLoader());
    }
    return new Pcop(this);
  }
}
