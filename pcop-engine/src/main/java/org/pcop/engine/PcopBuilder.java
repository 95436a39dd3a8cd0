package org.pcop.engine;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.pcop.guard.CaseFactGuard;
import org.pcop.guard.CaseFactPolicy;
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
import org.pcop.spi.SnapshotStore;

/**
 * Wires an engine from the host's providers, set explicitly or taken from a
 * {@link HostAdapter} (explicit settings win; with neither a store nor an adapter, the adapter is
 * discovered with {@link HostAdapters#discover()}). The store, community, identity mapping,
 * access policy, audit sink and notification sink are required; the rule set defaults to
 * {@link DefaultRules#forCommunity}, the clock to the system UTC clock, the calendar to US
 * federal business days; the member directory is optional; the case-fact policy defaults to
 * {@link CaseFactPolicy#REFUSE} (see {@link #caseFacts}).
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
  CaseFactPolicy caseFacts = CaseFactPolicy.REFUSE;
  CaseFactGuard guard;
  SnapshotStore snapshots;
  int snapshotEvery = DEFAULT_SNAPSHOT_EVERY;
  System.Logger snapshotLogger = System.getLogger(Snapshots.LOGGER);
  private HostAdapter adapter;
  private boolean clockSet;

  /** How many events apart snapshots are written unless {@link #snapshotEvery} says. */
  public static final int DEFAULT_SNAPSHOT_EVERY = 10_000;

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
   * What the engine does when the case-fact guard finds case facts (Social Security numbers,
   * dates of birth, docket numbers, captions, named people in a case role and the like) in a
   * free text a command would store: activity titles, exchange purposes, follow-up reports,
   * decline and cancel reasons, request questions and answers, close reasons, conduct flag
   * reasons and case labels (where a case or docket number is what a label is for, and not a
   * finding). The guard runs on commands only, never on replay.
   *
   * <ul>
   *   <li>{@link CaseFactPolicy#REFUSE} (the default): the command is refused as
   *       {@link CommandRefusedException.Reason#INVALID}, each problem naming the field, the
   *       kind and the character offsets; nothing is stored.
   *   <li>{@link CaseFactPolicy#FLAG}: the command is stored, its audit record names the
   *       findings, and {@link Pcop#caseFactFlags()} lists it for a coordinator's review.
   *   <li>{@link CaseFactPolicy#OFF}: nothing is checked.
   * </ul>
   *
   * <p>The default is {@code REFUSE} because the event log is append-only: text that was
   * stored stays in the log and in every copy of it, so only a refusal keeps case facts and
   * criminal-justice information out of it. A refusal names what to change, never the text
   * found, so the person can rephrase at once. Choose {@code FLAG} where refusing ordinary text
   * that merely looks like a case fact costs more than a review, and {@code OFF} only for a
   * community whose texts never leave a system cleared for such information.
   *
   * @param policy the policy
   * @return this builder
   */
  public PcopBuilder caseFacts(CaseFactPolicy policy) {
    this.caseFacts = Objects.requireNonNull(policy, "policy");
    return this;
  }

  /**
   * The case-fact guard the policy of {@link #caseFacts} applies. Defaults to the built-in
   * detectors plus every {@link org.pcop.guard.spi.CaseFactDetector} installed in the engine's
   * module layer ({@link CaseFactGuard#withInstalledDetectors(ModuleLayer)}), or, on the class
   * path, those its class loader finds. A host whose detectors live in a layer of its own
   * passes {@code CaseFactGuard.withInstalledDetectors(thatLayer)}.
   *
   * @param guard the guard
   * @return this builder
   */
  public PcopBuilder caseFactGuard(CaseFactGuard guard) {
    this.guard = Objects.requireNonNull(guard, "guard");
    return this;
  }

  /**
   * Where the engine keeps snapshots of its projection, so that a start reads the latest
   * snapshot and replays only the events after it. Optional: without a snapshot store every
   * start replays the community's whole stream.
   *
   * <p>A snapshot holds the rules' record (roster, activities, exchanges, requests, levels,
   * locks, flags and every member's participations as raw numbers), where each member's events
   * lie in the stream, the request ids of stored commands, the directory's change marker, the
   * events refused on replay and the notifications a replay would hand over again; it names
   * its stream, the stream version it covers, its format version and a fingerprint of the rule
   * set, and carries checksums. It holds no events: those stay in the event store. The engine
   * writes one when at least {@link #snapshotEvery} events were applied since the last, and when
   * it closes.
   *
   * <p>On start, a snapshot that is missing, damaged, of another format version, of another
   * rule set or of another community is not used: the engine logs one warning (on the
   * {@link System.Logger} named {@code org.pcop.engine.snapshots}) saying why and replays the
   * stream from its start, so the state is the same either way. A snapshot that cannot be saved
   * is logged and never fails a command; a crash while one is saved leaves the previous one in
   * use, as every {@link SnapshotStore} replaces snapshots atomically.
   *
   * @param store the snapshot store
   * @return this builder
   * @throws NullPointerException if {@code store} is null
   */
  public PcopBuilder snapshots(SnapshotStore store) {
    this.snapshots = Objects.requireNonNull(store, "Pcop.builder().snapshots(store): the"
        + " snapshot store must not be null; leave snapshots unset to replay on every start");
    return this;
  }

  /**
   * How many events apart the engine writes snapshots to the store set with
   * {@link #snapshots}; {@value #DEFAULT_SNAPSHOT_EVERY} by default. Writing a snapshot costs
   * about as much as reading one and happens under the engine's lock, so a smaller number makes
   * starts faster and commands now and then slower.
   *
   * @param events the number of events, from 1 to 100,000,000
   * @return this builder
   * @throws IllegalArgumentException if {@code events} is out of range; the builder is unchanged
   */
  public PcopBuilder snapshotEvery(int events) {
    if (events < 1 || events > 100_000_000) {
      throw new IllegalArgumentException("Pcop.builder().snapshotEvery(" + events + "): the"
          + " number of events between snapshots must be from 1 to 100,000,000");
    }
    this.snapshotEvery = events;
    return this;
  }

  /** The logger of snapshot warnings; tests replace it to read what was logged. */
  PcopBuilder snapshotLogger(System.Logger logger) {
    this.snapshotLogger = Objects.requireNonNull(logger, "logger");
    return this;
  }

  /**
   * Builds the engine, rebuilds its projection from the store, and hands to the notification
   * sink the notifications of events after the last recorded notified-through position (see
   * {@link Pcop}), which an engine before it may have left undelivered.
   *
   * @return the engine
   * @throws IllegalStateException naming every required provider that is missing, or if the
   *     store holds an event that cannot be read
   * @throws org.pcop.spi.DiscoveryException if no store or adapter was given and discovery
   *     finds no host adapter, or several
   * @throws org.pcop.model.InvalidValueException if the rule set holds more than one
   *     answerer-invitation policy for the community
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
    if (guard == null) {
      ModuleLayer layer = Pcop.class.getModule().getLayer();
      guard = layer != null ? CaseFactGuard.withInstalledDetectors(layer)
          : CaseFactGuard.withInstalledDetectors(Pcop.class.getClassLoader());
    }
    return new Pcop(this);
  }
}
