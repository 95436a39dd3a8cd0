package org.pcop.samples.cms;

import java.util.Objects;
import java.util.Optional;
import org.pcop.model.AgencyId;
import org.pcop.model.Member;
import org.pcop.model.MemberId;
import org.pcop.spi.HostUserId;

/**
 * One row of the case-management system's staff table.
 *
 * @param id the staff id, which is also the person's pcop member id
 * @param login the person's login, which is their host user id
 * @param name the person's full name
 * @param title the job title, if recorded
 * @param office the office, which is the person's agency in pcop
 * @param email the work email
 * @param phone the work phone, if recorded
 * @param role what the person does in the office
 */
public record StaffMember(MemberId id, HostUserId login, String name, Optional<String> title,
    AgencyId office, String email, Optional<String> phone, StaffRole role) {

  /**
   * Creates the row.
   *
   * @throws NullPointerException naming the field if any is null
   */
  public StaffMember {
    Objects.requireNonNull(id, "StaffMember.id: must not be null");
    Objects.requireNonNull(login, "StaffMember.login: must not be null");
    Objects.requireNonNull(name, "StaffMember.name: must not be null");
    Objects.requireNonNull(title, "StaffMember.title: must not be null");
    Objects.requireNonNull(office, "StaffMember.office: must not be null");
    Objects.requireNonNull(email, "StaffMember.email: must not be null");
    Objects.requireNonNull(phone, "StaffMember.phone: must not be null");
    Objects.requireNonNull(role, "StaffMember.role: must not be null");
  }

  /**
   * A staff member with a title and no phone.
   *
   * @param id the staff id
   * @param login the login
   * @param name the full name
   * @param title the job title
   * @param office the office
   * @param email the work email
   * @param role the role
   * @return the staff member
   */
  public static StaffMember of(String id, String login, String name, String title, String office,
      String email, StaffRole role) {
    return new StaffMember(MemberId.of(id), HostUserId.of(login), name, Optional.of(title),
        AgencyId.of(office), email, Optional.empty(), role);
  }

  /**
   * The person as a pcop member record, built (and so checked) by pcop-model.
   *
   * @return the member
   * @throws org.pcop.model.InvalidValueException if the row holds a value pcop cannot accept
   */
  public Member toMember() {
    return Member.builder().id(id).name(name).title(title).agency(office).email(email)
        .phone(phone).build();
  }
}
