package org.pcop.samples.cms;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.pcop.model.AgencyId;
import org.pcop.model.CaseReference;
import org.pcop.model.Community;
import org.pcop.model.MemberId;
import org.pcop.model.event.EventId;
import org.pcop.model.validation.ModelValidator;
import org.pcop.samples.jdbcstore.JdbcEventStore;
import org.pcop.spi.AccessPolicy;
import org.pcop.spi.AuditOutcome;
import org.pcop.spi.AuditRecord;
import org.pcop.spi.AuditSink;
import org.pcop.spi.EventStore;
import org.pcop.spi.HostAdapter;
import org.pcop.spi.HostUserId;
import org.pcop.spi.IdentityMapping;
import org.pcop.spi.MemberDirectory;
import org.pcop.spi.NotificationSink;
import org.pcop.engine.CommandContext;
import org.pcop.engine.CommandRefusedException;
import org.pcop.engine.Pcop;
import org.pcop.engine.PcopBuilder;

/**
 * A miniature prosecutor case-management system: offices, staff, cases with their teams, role
 * permissions, an inbox and an audit table, all on one H2 database, and the pcop providers over
 * them ({@link #hostAdapter()}). It stands for the system a vendor already sells; the providers
 * are what the vendor writes to embed pcop.
 *
 * <pre>{@code
 * CaseManagementSystem cms = CaseManagementSystem.inFolder(Path.of("cms-data"), Clock.systemUTC());
 * cms.addOffice(AgencyId.of("shelby-da"), "Shelby County District Attorney General");
 * cms.hire(StaffMember.of("m-1", "jreyes", "Jordan Reyes", "ADA", "shelby-da",
 *     "jreyes@example.org", StaffRole.ATTORNEY));
 * cms.grantPcopDefaults();                       // each role's pcop actions
 * Pcop pcop = cms.pcop(community);                // the engine, wired to this system
 * // an ADMINISTRATOR's login pulls the staff table into pcop
 * pcop.syncDirectory(CommandContext.of(HostUserId.of("it-admin"), "sync-1"));
 * }</pre>
 *
 * <p>{@link #pcop(Community)} is the one place where the system's providers meet pcop's engine;
 * {@link #hostAdapter()} hands the same providers to code that builds the engine itself.
 *
 * <p>Every method runs in its own transaction; the system is thread-safe. Bad input is refused
 * with an {@link IllegalArgumentException} naming the field, and nothing is written.
 */
public final class CaseManagementSystem {
  /** The adapter's name, as pcop reports it. */
  public static final String ADAPTER_NAME = "mini-cms";

  /** The command name of an attempt to follow a case reference, as the audit table records it. */
  public static final String RESOLVE_COMMAND = "case.resolve";

  private final Database database;
  private final Clock clock;
  private final EventStore eventStore;
  private final StaffDirectory directory;
  private final StaffIdentityMapping identities;
  private final CaseTeamAccessPolicy policy;
  private final InboxNotificationSink inbox;
  private final AuditTable audit;
  /** Checks staff rows as pcop will check the member records made from them. */
  private final ModelValidator validator = ModelValidator.create();

  private CaseManagementSystem(DataSource dataSource, Clock clock) {
    this.database = new Database(dataSource);
    this.clock = clock;
    database.createSchema();
    this.eventStore = JdbcEventStore.open(dataSource, clock);
    this.directory = new StaffDirectory(database);
    this.identities = new StaffIdentityMapping(database);
    this.policy = new CaseTeamAccessPolicy(database);
    this.inbox = new InboxNotificationSink(database);
    this.audit = new AuditTable(database);
  }

  /**
   * Opens the system on a database, creating its tables and pcop's event tables if missing.
   *
   * @param dataSource an H2 database
   * @param clock the clock for pcop's event store
   * @return the system
   */
  public static CaseManagementSystem open(DataSource dataSource, Clock clock) {
    Objects.requireNonNull(dataSource, "CaseManagementSystem.open: dataSource must not be null");
    Objects.requireNonNull(clock, "CaseManagementSystem.open: clock must not be null");
    return new CaseManagementSystem(dataSource, clock);
  }

  /**
   * Opens the system on an H2 database kept in files in {@code folder}; reopening the same folder
   * finds everything stored before. pcop's events are on disk when an append returns (the event
   * store forces each commit to disk); the CMS's own tables are opened with
   * {@code WRITE_DELAY=0}, so each of their commits is written to the file when it returns
   * (a killed process loses none; without it H2 writes commits up to about half a second
   * later) and forced to the device with pcop's next append or at close.
   *
   * @param folder where the database files live
   * @param clock the clock for pcop's event store
   * @return the system
   */
  public static CaseManagementSystem inFolder(Path folder, Clock clock) {
    Objects.requireNonNull(folder, "CaseManagementSystem.inFolder: folder must not be null");
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:file:" + folder.resolve("cms").toAbsolutePath() + ";WRITE_DELAY=0");
    h2.setUser("sa");
    h2.setPassword("");
    return open(h2, clock);
  }

  /**
   * The pcop providers over this system: its staff directory, login mapping, permissions and
   * case teams, inbox, audit table, event store and clock.
   *
   * @return the adapter
   */
  public HostAdapter hostAdapter() {
    return new HostAdapter() {
      @Override
      public String getName() {
        return ADAPTER_NAME;
      }

      @Override
      public EventStore getEventStore() {
        return eventStore;
      }

      @Override
      public Optional<MemberDirectory> getMemberDirectory() {
        return Optional.of(directory);
      }

      @Override
      public Optional<IdentityMapping> getIdentityMapping() {
        return Optional.of(identities);
      }

      @Override
      public Optional<AccessPolicy> getAccessPolicy() {
        return Optional.of(policy);
      }

      @Override
      public Optional<NotificationSink> getNotificationSink() {
        return Optional.of(inbox);
      }

      @Override
      public Optional<AuditSink> getAuditSink() {
        return Optional.of(audit);
      }

      @Override
      public Clock getClock() {
        return clock;
      }

      @Override
      public String toString() {
        return ADAPTER_NAME;
      }
    };
  }

  /**
   * A builder for pcop's engine with every provider of this system set explicitly: the JDBC
   * event store on this database, the staff directory, the login mapping, the role-and-case-team
   * access policy, the inbox, the audit table and this system's clock. Set what else the
   * community needs (a rule set, a business calendar) and call {@link PcopBuilder#build()}.
   *
   * @param community the community the engine keeps
   * @return the builder
   */
  public PcopBuilder pcopBuilder(Community community) {
    Objects.requireNonNull(community,
        "CaseManagementSystem.pcopBuilder: community must not be null");
    return Pcop.builder()
        .store(eventStore)
        .community(community)
        .identities(identities)
        .access(policy)
        .audit(audit)
        .notifications(inbox)
        .directory(directory)
        .clock(clock);
  }

  /**
   * pcop's engine for one community, wired to this system (see {@link #pcopBuilder}) with the
   * default rule set. Building it replays the community's events from this database, so an
   * engine opened after a restart answers as the one before it did. Open one engine per
   * community and server; several engines over the same database stay consistent.
   *
   * @param community the community the engine keeps
   * @return the engine
   * @throws IllegalStateException if an event stored in the database cannot be read
   */
  public Pcop pcop(Community community) {
    Objects.requireNonNull(community, "CaseManagementSystem.pcop: community must not be null");
    return pcopBuilder(community).build();
  }

  /**
   * Grants every role the pcop actions it holds by default ({@link StaffRole#pcopActions()}):
   * attorneys take part, ask, answer and request exchanges; coordinators also approve, schedule
   * and hold them; administrators may do everything. Safe to call again.
   */
  public void grantPcopDefaults() {
    for (StaffRole role : StaffRole.values()) {
      grant(role, role.pcopActions().toArray(String[]::new));
    }
  }

  /**
   * Adds an office.
   *
   * @param office the office's id, its agency id in pcop
   * @param name the office's name
   * @throws IllegalArgumentException if the office exists or the name is blank
   */
  public void addOffice(AgencyId office, String name) {
    Objects.requireNonNull(office, "CaseManagementSystem.addOffice: office must not be null");
    require(name != null && !name.isBlank() && name.length() <= 200, "addOffice", "name",
        "must be 1 to 200 characters, not blank");
    update("adding office " + office, "INSERT INTO cms_office (office_id, name) VALUES (?, ?)",
        office.value(), name);
  }

  /**
   * Hires a person: adds their staff row with an enabled account.
   *
   * @param staff the row
   * @throws IllegalArgumentException if the id or login is taken, the office is unknown, or the
   *     row holds a value pcop could not accept as a member (checked by pcop-model)
   */
  public void hire(StaffMember staff) {
    Objects.requireNonNull(staff, "CaseManagementSystem.hire: staff must not be null");
    check(staff);
    update("hiring " + staff.id(), "INSERT INTO cms_staff (staff_id, login, full_name, title,"
        + " office_id, email, phone, staff_role, enabled) VALUES (?, ?, ?, ?, ?, ?, ?, ?, TRUE)",
        staff.id().value(), staff.login().value(), staff.name(), staff.title().orElse(null),
        staff.office().value(), staff.email(), staff.phone().orElse(null), staff.role().name());
  }

  /**
   * Changes a person's staff row (name, title, office, contact, role; not the login).
   *
   * @param staff the new row
   * @throws IllegalArgumentException if there is no such person or the row is not acceptable
   */
  public void change(StaffMember staff) {
    Objects.requireNonNull(staff, "CaseManagementSystem.change: staff must not be null");
    check(staff);
    int rows = update("changing " + staff.id(), "UPDATE cms_staff SET full_name = ?, title = ?,"
        + " office_id = ?, email = ?, phone = ?, staff_role = ? WHERE staff_id = ?",
        staff.name(), staff.title().orElse(null), staff.office().value(), staff.email(),
        staff.phone().orElse(null), staff.role().name(), staff.id().value());
    require(rows == 1, "change", "staff.id", "no staff member " + staff.id());
  }

  /**
   * Disables a person's account, the way the office records that someone left.
   *
   * @param member the person
   * @throws IllegalArgumentException if there is no such person
   */
  public void disableAccount(MemberId member) {
    Objects.requireNonNull(member, "CaseManagementSystem.disableAccount: member must not be null");
    int rows = update("disabling " + member,
        "UPDATE cms_staff SET enabled = FALSE WHERE staff_id = ?", member.value());
    require(rows == 1, "disableAccount", "member", "no staff member " + member);
  }

  /**
   * Deletes a person's staff row outright, as some administrators do; pcop still learns that the
   * person left.
   *
   * @param member the person
   * @throws IllegalArgumentException if there is no such person
   */
  public void deleteStaffRow(MemberId member) {
    Objects.requireNonNull(member, "CaseManagementSystem.deleteStaffRow: member must not be null");
    int rows = update("deleting " + member, "DELETE FROM cms_staff WHERE staff_id = ?",
        member.value());
    require(rows == 1, "deleteStaffRow", "member", "no staff member " + member);
  }

  /**
   * Lets a role take pcop actions (for example {@code exchange.approve}).
   *
   * @param role the role
   * @param actions the dotted action names
   */
  public void grant(StaffRole role, String... actions) {
    Objects.requireNonNull(role, "CaseManagementSystem.grant: role must not be null");
    for (String action : actions) {
      require(action != null && action.matches("[a-z][a-z0-9.-]{0,127}"), "grant", "actions",
          "must be dotted lower-case action names; got " + action);
    }
    database.inTransaction("granting " + Arrays.toString(actions), connection -> {
      try (PreparedStatement merge = connection.prepareStatement(
          "MERGE INTO cms_permission (staff_role, action) KEY (staff_role, action) VALUES (?, ?)")) {
        for (String action : actions) {
          merge.setString(1, role.name());
          merge.setString(2, action);
          merge.executeUpdate();
        }
      }
      return null;
    });
  }

  /**
   * Opens a case with its team.
   *
   * @param caseId the system's case id, which pcop sees as an opaque handle
   * @param docket the docket number, the only label pcop sees
   * @param caption the caption naming the parties; it never leaves this system
   * @param team the logins of the people on the case
   * @return the reference pcop may hold for the case
   * @throws IllegalArgumentException if the case exists or a value is blank
   */
  public CaseReference openCase(String caseId, String docket, String caption,
      HostUserId... team) {
    for (String[] field : new String[][] {{"caseId", caseId}, {"docket", docket},
        {"caption", caption}}) {
      require(field[1] != null && !field[1].isBlank(), "openCase", field[0],
          "must not be blank");
    }
    CaseReference reference = CaseReference.of(caseId, docket);
    database.inTransaction("opening case " + caseId, connection -> {
      try (PreparedStatement insert = connection.prepareStatement(
          "INSERT INTO cms_case (case_id, docket, caption) VALUES (?, ?, ?)")) {
        insert.setString(1, caseId);
        insert.setString(2, docket);
        insert.setString(3, caption);
        insert.executeUpdate();
      }
      try (PreparedStatement insert = connection.prepareStatement(
          "INSERT INTO cms_case_team (case_id, login) VALUES (?, ?)")) {
        for (HostUserId login : new LinkedHashSet<>(Arrays.asList(team))) {
          insert.setString(1, caseId);
          insert.setString(2, login.value());
          insert.executeUpdate();
        }
      }
      return null;
    });
    return reference;
  }

  /**
   * Follows a case reference that pcop shows (in an exchange or a request for information, open
   * or closed) to the caption of the case. The engine resolves the handle
   * ({@link Pcop#resolveCaseReference}): it asks this system's access policy (an enabled member
   * of the case team) and writes the attempt to the audit table as command
   * {@value #RESOLVE_COMMAND}, {@code COMMITTED} when allowed and {@code DENIED} when not, naming
   * the reference by its handle only. The caption itself never leaves this system.
   *
   * @param pcop the engine of the community the reference was shown in
   * @param user who asks
   * @param handle the case reference's handle, as pcop shows it to every viewer
   * @return the caption, or empty if the user may not see the case, or no exchange or request of
   *     the community carries the handle, or this system has no such case
   * @throws org.pcop.engine.CommandRefusedException if the handle is not valid or the audit
   *     table cannot be written (nothing is shown then)
   */
  public Optional<String> caption(Pcop pcop, HostUserId user, String handle) {
    Objects.requireNonNull(pcop, "CaseManagementSystem.caption: pcop must not be null");
    Objects.requireNonNull(user, "CaseManagementSystem.caption: user must not be null");
    Objects.requireNonNull(handle, "CaseManagementSystem.caption: handle must not be null");
    Optional<CaseReference> resolved;
    try {
      resolved = pcop.resolveCaseReference(CommandContext.of(user), handle);
    } catch (CommandRefusedException e) {
      if (e.getReason() == CommandRefusedException.Reason.DENIED) {
        return Optional.empty();
      }
      throw e;
    }
    return resolved.flatMap(this::captionOf);
  }

  /**
   * Follows a case reference held by this system itself (not one pcop shows: for those,
   * {@link #caption(Pcop, HostUserId, String)}): the caption of the case, for a user the access
   * policy lets resolve the reference (an enabled member of the case team). Every attempt is
   * written to the audit table as command {@value #RESOLVE_COMMAND}: {@code COMMITTED} when the
   * case is shown, {@code DENIED} when it is not. The audit row names the reference by its opaque
   * handle only, never by its label or caption.
   *
   * @param user who asks
   * @param reference the case reference
   * @return the caption, or empty if the user may not see the case or it does not exist
   */
  public Optional<String> caption(HostUserId user, CaseReference reference) {
    Objects.requireNonNull(user, "CaseManagementSystem.caption: user must not be null");
    Objects.requireNonNull(reference, "CaseManagementSystem.caption: reference must not be null");
    boolean allowed = policy.mayResolve(user, reference);
    audit.record(AuditRecord.builder().requestId("case-resolve-" + UUID.randomUUID())
        .user(user).actingAs(identities.memberOf(user)).command(RESOLVE_COMMAND)
        .at(clock.instant()).outcome(allowed ? AuditOutcome.COMMITTED : AuditOutcome.DENIED)
        .reason(allowed ? "case reference " + reference.getHandle() + " resolved"
            : "user " + user.value() + " is not on the team of case reference "
                + reference.getHandle())
        .build());
    if (!allowed) {
      return Optional.empty();
    }
    return captionOf(reference);
  }

  private Optional<String> captionOf(CaseReference reference) {
    return database.inTransaction("reading a case", connection -> {
      try (PreparedStatement select = connection.prepareStatement(
          "SELECT caption FROM cms_case WHERE case_id = ?")) {
        select.setString(1, reference.getHandle());
        try (ResultSet row = select.executeQuery()) {
          return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
        }
      }
    });
  }

  /**
   * Every message in the inbox, in the order delivered.
   *
   * @return the messages
   */
  public List<InboxMessage> inbox() {
    return database.inTransaction("reading the inbox", connection -> {
      Map<String, InboxMessage> messages = new LinkedHashMap<>();
      try (PreparedStatement select = connection.prepareStatement("SELECT m.notification_id,"
          + " m.kind, m.text, m.caused_by, m.created_at, r.staff_id FROM cms_inbox_message m"
          + " JOIN cms_inbox_recipient r ON r.notification_id = m.notification_id"
          + " ORDER BY m.delivery_seq, r.staff_id");
          ResultSet rows = select.executeQuery()) {
        Map<String, Set<MemberId>> recipients = new LinkedHashMap<>();
        Map<String, Object[]> fields = new LinkedHashMap<>();
        while (rows.next()) {
          String id = rows.getString(1);
          fields.putIfAbsent(id, new Object[] {rows.getString(2), rows.getString(3),
              rows.getString(4), rows.getObject(5, OffsetDateTime.class)});
          recipients.computeIfAbsent(id, k -> new LinkedHashSet<>())
              .add(MemberId.of(rows.getString(6)));
        }
        fields.forEach((id, f) -> {
          List<EventId> causes = new ArrayList<>();
          for (String cause : ((String) f[2]).split(",")) {
            causes.add(EventId.of(cause));
          }
          messages.put(id, new InboxMessage(id, (String) f[0], (String) f[1],
              recipients.get(id), causes, ((OffsetDateTime) f[3]).toInstant()));
        });
      }
      return List.copyOf(messages.values());
    });
  }

  /**
   * The messages one person received, in the order delivered.
   *
   * @param member the person
   * @return the messages
   */
  public List<InboxMessage> inboxOf(MemberId member) {
    return inbox().stream().filter(m -> m.recipients().contains(member)).toList();
  }

  /**
   * The audit trail, oldest first.
   *
   * @return every audit record kept
   */
  public List<AuditRecord> auditTrail() {
    return database.inTransaction("reading the audit trail", connection -> {
      List<AuditRecord> records = new ArrayList<>();
      try (PreparedStatement select = connection.prepareStatement("SELECT request_id, login,"
          + " acting_as, command, decided_at, outcome, reason, events FROM cms_audit"
          + " ORDER BY audit_seq");
          ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          records.add(audit(rows));
        }
      }
      return List.copyOf(records);
    });
  }

  private static AuditRecord audit(ResultSet row) throws SQLException {
    List<EventId> events = new ArrayList<>();
    for (String id : row.getString("events").split(",")) {
      if (!id.isEmpty()) {
        events.add(EventId.of(id));
      }
    }
    return AuditRecord.builder().requestId(row.getString("request_id"))
        .user(HostUserId.of(row.getString("login")))
        .actingAs(Optional.ofNullable(row.getString("acting_as")).map(MemberId::of))
        .command(row.getString("command"))
        .at(row.getObject("decided_at", OffsetDateTime.class).toInstant())
        .outcome(AuditOutcome.valueOf(row.getString("outcome")))
        .reason(Optional.ofNullable(row.getString("reason"))).events(events).build();
  }

  private void check(StaffMember staff) {
    try {
      validator.requireValid(staff.toMember());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("CaseManagementSystem: staff member " + staff.id()
          + " cannot be a pcop member: " + e.getMessage(), e);
    }
  }

  private int update(String what, String sql, Object... values) {
    try {
      return database.inTransaction(what, connection -> {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
          for (int i = 0; i < values.length; i++) {
            statement.setObject(i + 1, values[i]);
          }
          return statement.executeUpdate();
        }
      });
    } catch (CmsException e) {
      if (e.getCause() instanceof SQLException cause && cause.getSQLState() != null
          && cause.getSQLState().startsWith("23")) {
        throw new IllegalArgumentException("CaseManagementSystem: " + what + " refused: "
            + constraint(cause), e);
      }
      throw e;
    }
  }

  private static String constraint(SQLException e) {
    String state = e.getSQLState();
    return switch (state) {
      case "23505" -> "the id or login is already taken";
      case "23506" -> "it refers to an office or case that does not exist";
      default -> "a constraint of the database is broken (" + state + ")";
    };
  }

  private static void require(boolean condition, String method, String field, String message) {
    if (!condition) {
      throw new IllegalArgumentException(
          "CaseManagementSystem." + method + ": " + field + " " + message);
    }
  }
}
