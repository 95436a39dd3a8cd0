package org.pcop.samples.cms;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.pcop.model.AgencyId;
import org.pcop.model.Member;
import org.pcop.model.MemberId;
import org.pcop.spi.ChangeMarker;
import org.pcop.spi.DirectoryChanges;
import org.pcop.spi.DirectoryEntry;
import org.pcop.spi.MemberDirectory;

/**
 * pcop's member directory over the CMS's staff table.
 *
 * <p>The staff table has no change tracking of its own, and administrators sometimes delete rows
 * of people who left. So the directory keeps a snapshot of what it last reported for each person
 * ({@code pcop_directory_snapshot}) and, on every read, reconciles it with the staff table inside
 * one transaction holding the lock on {@code pcop_directory_state}: a new or changed row gets the
 * next change number; a person whose account is disabled, or whose row is gone, is marked
 * inactive with the next change number and their last known record. Reads then return snapshot
 * rows with a change number above the marker, in change-number order. The marker is the change
 * number of the last entry read ({@code seq:N}).
 *
 * <p>Reconciling reads the whole staff table, which suits an office of a few thousand people; a
 * larger system would keep a change column or a trigger-fed change table instead.
 */
final class StaffDirectory implements MemberDirectory {
  private static final String MARKER_PREFIX = "seq:";

  private final Database database;

  StaffDirectory(Database database) {
    this.database = database;
  }

  @Override
  public DirectoryChanges changesSince(Optional<ChangeMarker> since, int maxCount) {
    Objects.requireNonNull(since, "StaffDirectory.changesSince: since must not be null");
    if (maxCount < 1) {
      throw new IllegalArgumentException(
          "StaffDirectory.changesSince: maxCount must be 1 or more; got " + maxCount);
    }
    long from = since.map(StaffDirectory::parse).orElse(0L);
    return database.inTransaction("reading staff changes", connection -> {
      long last = reconcile(connection);
      if (from > last) {
        throw new IllegalArgumentException("StaffDirectory.changesSince: marker "
            + since.get().value() + " was not handed out by this directory (last change is "
            + last + ")");
      }
      List<DirectoryEntry> entries = new ArrayList<>();
      long marker = from;
      boolean more = false;
      try (PreparedStatement select = connection.prepareStatement("SELECT staff_id, change_seq,"
          + " active, full_name, title, office_id, email, phone FROM pcop_directory_snapshot"
          + " WHERE change_seq > ? ORDER BY change_seq LIMIT ?")) {
        select.setLong(1, from);
        select.setInt(2, maxCount + 1);
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            if (entries.size() == maxCount) {
              more = true;
              break;
            }
            entries.add(DirectoryEntry.of(member(rows), rows.getBoolean("active")));
            marker = rows.getLong("change_seq");
          }
        }
      }
      return DirectoryChanges.builder().entries(entries)
          .marker(ChangeMarker.of(MARKER_PREFIX + marker)).hasMore(more).build();
    });
  }

  private static long parse(ChangeMarker marker) {
    String value = marker.value();
    if (value.startsWith(MARKER_PREFIX)) {
      try {
        long seq = Long.parseLong(value.substring(MARKER_PREFIX.length()));
        if (seq >= 0) {
          return seq;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    throw new IllegalArgumentException("StaffDirectory.changesSince: marker " + value
        + " was not handed out by this directory (expected seq:N)");
  }

  /** Brings the snapshot up to date with the staff table; returns the last change number. */
  private static long reconcile(Connection connection) throws SQLException {
    long last;
    try (PreparedStatement lock = connection.prepareStatement(
        "SELECT last_seq FROM pcop_directory_state WHERE id = 1 FOR UPDATE");
        ResultSet row = lock.executeQuery()) {
      row.next();
      last = row.getLong(1);
    }
    Map<String, Snapshot> known = new HashMap<>();
    try (PreparedStatement select = connection.prepareStatement("SELECT staff_id, active,"
        + " full_name, title, office_id, email, phone FROM pcop_directory_snapshot");
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        known.put(rows.getString("staff_id"), Snapshot.of(rows, rows.getBoolean("active")));
      }
    }
    List<Snapshot> changed = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement("SELECT staff_id, enabled,"
        + " full_name, title, office_id, email, phone FROM cms_staff");
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        Snapshot now = Snapshot.of(rows, rows.getBoolean("enabled"));
        if (!now.equals(known.remove(now.staffId()))) {
          changed.add(now);
        }
      }
    }
    for (Snapshot gone : known.values()) {
      if (gone.active()) {
        changed.add(gone.deactivated());
      }
    }
    changed.sort((a, b) -> a.staffId().compareTo(b.staffId()));
    try (PreparedStatement merge = connection.prepareStatement("MERGE INTO"
        + " pcop_directory_snapshot (staff_id, change_seq, active, full_name, title, office_id,"
        + " email, phone) KEY (staff_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (Snapshot s : changed) {
        merge.setString(1, s.staffId());
        merge.setLong(2, ++last);
        merge.setBoolean(3, s.active());
        merge.setString(4, s.name());
        merge.setString(5, s.title());
        merge.setString(6, s.office());
        merge.setString(7, s.email());
        merge.setString(8, s.phone());
        merge.executeUpdate();
      }
    }
    if (!changed.isEmpty()) {
      try (PreparedStatement update = connection.prepareStatement(
          "UPDATE pcop_directory_state SET last_seq = ? WHERE id = 1")) {
        update.setLong(1, last);
        update.executeUpdate();
      }
    }
    return last;
  }

  private static Member member(ResultSet row) throws SQLException {
    return Member.builder().id(MemberId.of(row.getString("staff_id")))
        .name(row.getString("full_name")).title(Optional.ofNullable(row.getString("title")))
        .agency(AgencyId.of(row.getString("office_id"))).email(row.getString("email"))
        .phone(Optional.ofNullable(row.getString("phone"))).build();
  }

  /** What the directory reported, or would report, for one person. */
  private record Snapshot(String staffId, boolean active, String name, String title,
      String office, String email, String phone) {
    static Snapshot of(ResultSet row, boolean active) throws SQLException {
      return new Snapshot(row.getString("staff_id"), active, row.getString("full_name"),
          row.getString("title"), row.getString("office_id"), row.getString("email"),
          row.getString("phone"));
    }

    Snapshot deactivated() {
      return new Snapshot(staffId, false, name, title, office, email, phone);
    }
  }
}
