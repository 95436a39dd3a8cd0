package org.pcop.samples.cms;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Objects;
import java.util.Optional;
import org.pcop.model.MemberId;
import org.pcop.spi.HostUserId;
import org.pcop.spi.IdentityMapping;

/**
 * Logins to members: a login is the member whose staff row it is, while the account is enabled.
 * A person acts as themselves; a coordinator may also act for enabled colleagues of the same
 * office (entering attendance for them, for example).
 */
final class StaffIdentityMapping implements IdentityMapping {
  private final Database database;

  StaffIdentityMapping(Database database) {
    this.database = database;
  }

  @Override
  public Optional<MemberId> memberOf(HostUserId user) {
    Objects.requireNonNull(user, "StaffIdentityMapping.memberOf: user must not be null");
    return database.inTransaction("mapping a login", connection -> {
      try (PreparedStatement select = connection.prepareStatement(
          "SELECT staff_id FROM cms_staff WHERE login = ? AND enabled")) {
        select.setString(1, user.value());
        try (ResultSet row = select.executeQuery()) {
          return row.next() ? Optional.of(MemberId.of(row.getString(1))) : Optional.empty();
        }
      }
    });
  }

  @Override
  public boolean mayActAs(HostUserId user, MemberId member) {
    Objects.requireNonNull(user, "StaffIdentityMapping.mayActAs: user must not be null");
    Objects.requireNonNull(member, "StaffIdentityMapping.mayActAs: member must not be null");
    return database.inTransaction("checking who a login may act as", connection -> {
      try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM cms_staff u"
          + " JOIN cms_staff m ON m.staff_id = ? AND m.enabled"
          + " WHERE u.login = ? AND u.enabled AND (u.staff_id = m.staff_id"
          + " OR (u.staff_role = 'COORDINATOR' AND u.office_id = m.office_id))")) {
        select.setString(1, member.value());
        select.setString(2, user.value());
        try (ResultSet row = select.executeQuery()) {
          return row.next();
        }
      }
    });
  }
}
