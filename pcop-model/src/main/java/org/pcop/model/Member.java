package org.pcop.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;
import org.pcop.model.taxonomy.TopicId;
import org.pcop.model.validation.HasText;
import org.pcop.model.validation.Limits;
import org.pcop.model.validation.PhoneNumber;
import org.pcop.model.validation.PlainText;

/**
 * A person in the program: a prosecutor, analyst, advisor or other member of staff of an agency,
 * with contact details, bar admissions and expertise. How a member maps to a user of a host system
 * is kept apart, by the identity mapping of the host.
 */
@Value.Immutable
public interface Member {
  /**
   * The member's identifier.
   *
   * @return the id
   */
  MemberId getId();

  /**
   * The member's full name as they write it.
   *
   * @return the name
   */
  @HasText
  @Size(max = Limits.NAME_MAX)
  @PlainText
  String getName();

  /**
   * The member's job title, for example {@code Assistant District Attorney}.
   *
   * @return the title
   */
  Optional<@HasText @Size(max = Limits.TITLE_MAX) @PlainText String> getTitle();

  /**
   * The agency the member works for.
   *
   * @return the agency
   */
  AgencyId getAgency();

  /**
   * The member's work email address.
   *
   * @return the email address
   */
  @HasText
  @Email
  @Size(max = Limits.EMAIL_MAX)
  String getEmail();

  /**
   * The member's work phone number, if shared.
   *
   * @return the phone number
   */
  Optional<@PhoneNumber String> getPhone();

  /**
   * The bars the member is admitted to, at most one admission per jurisdiction.
   *
   * @return the bar admissions
   */
  List<@Valid BarAdmission> getBarAdmissions();

  /**
   * The topics the member is an expert in.
   *
   * @return the topics of expertise
   */
  Set<TopicId> getExpertise();

  /** Refuses two admissions to the same bar. */
  @Value.Check
  default void check() {
    List<BarAdmission> admissions = getBarAdmissions();
    for (int i = 0; i < admissions.size(); i++) {
      for (int j = 0; j < i; j++) {
        InvalidValueException.check(
            !admissions.get(i).getJurisdiction().equals(admissions.get(j).getJurisdiction()),
            "Member", "barAdmissions[" + i + "]",
            "a second admission to the %s bar; a member has one bar number per jurisdiction",
            admissions.get(i).getJurisdiction());
      }
    }
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static ImmutableMember.Builder builder() {
    return ImmutableMember.builder();
  }
}
