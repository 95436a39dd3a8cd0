package org.pcop.model;

import jakarta.validation.constraints.Size;
import org.immutables.value.Value;
import org.pcop.model.validation.HasText;
import org.pcop.model.validation.Limits;
import org.pcop.model.validation.PlainText;

/**
 * An opaque handle to a case in the host case-management system, and a label for people to
 * recognise it by (such as the host's docket or file number). pcop stores this and nothing else of
 * a case: no names of defendants or victims, no facts, no criminal history. Whether a user may
 * resolve the handle is for the host's access policy to decide.
 */
@Value.Immutable
public interface CaseReference {
  /**
   * The host system's identifier of the case, opaque to pcop.
   *
   * @return the handle
   */
  @Value.Parameter
  @HasText
  @Size(max = Limits.CASE_HANDLE_MAX)
  @PlainText
  String getHandle();

  /**
   * A short label, for example a file number; never a party's name.
   *
   * @return the label
   */
  @Value.Parameter
  @HasText
  @Size(max = Limits.NAME_MAX)
  @PlainText
  String getLabel();

  /**
   * The reference with the given handle and label.
   *
   * @param handle the host system's identifier
   * @param label the label
   * @return the reference
   */
  static CaseReference of(String handle, String label) {
    return ImmutableCaseReference.of(handle, label);
  }
}
