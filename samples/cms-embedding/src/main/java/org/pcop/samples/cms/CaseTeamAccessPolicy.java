package org.pcop.samples.cms;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Objects;
import java.util.Optional;
import org.pcop.model.CaseReference;
import org.pcop.model.CommunityId;
import org.pcop.spi.AccessPolicy;
import org.pcop.spi.HostUserId;

/**
 * The CMS's say on who may do what in pcop: an enabled user may take an action when their role
 * holds a permission for it ({@code cms_permission}); anything else is denied. A case reference
 * resolves only for an enabled user on that case's team. The CMS knows nothing of pcop's
 * communities, so permissions are the same in every community.
 */
final class CaseTeamAccessPolicy implements AccessPolicy {
  private final Database database;

  CaseTeamAccessPolicy(Database database) {
    this.database = database;
  }

  @Override
  public boolean allows(HostUserId user, String action, Optional<CommunityId> community) {
    Objects.requireNonNull(user, "CaseTeamAccessPolicy.allows: user must not be null");
    Objects.requireNonNull(action, "CaseTeamAccessPolicy.allows: action must not be null");
    Objects.requireNonNull(community, "CaseTeamAccessPolicy.allows: community must not be null");
    return database.inTransaction("checking a permission", connection -> {
      try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM cms_staff s"
          + " JOIN cms_permission p ON p.staff_role = s.staff_role"
          + " WHERE s.login = ? AND s.enabled AND p.action = ?")) {
        select.setString(1, user.value());
        select.setString(2, action);
        try (ResultSet row = select.executeQuery()) {
          return row.next();
        }
      }
    });
  }

  @Override
  public boolean mayResolve(HostUserId user, CaseReference reference) {
    Objects.requireNonNull(user, "CaseTeamAccessPolicy.mayResolve: user must not be null");
    Objects.requireNonNull(reference,
        "CaseTeamAccessPolicy.mayResolve: reference must not be null");
    return database.inTransaction("checking a case team", connection -> {
      try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM cms_case_team t"
          + " JOIN cms_staff s ON s.login = t.login AND s.enabled"
          + " WHERE t.case_id = ? AND t.login = ?")) {
        select.setString(1, reference.getHandle());
        select.setString(2, user.value());
        try (ResultSet row = select.executeQuery()) {
          return row.next();
        }
      }
    });
  }
}
