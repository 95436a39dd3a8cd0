package org.pcop.samples.cms;

/** What a person does in the office, as the case-management system records it. */
public enum StaffRole {
  /** A prosecutor: takes part, asks and answers, requests exchanges. */
  ATTORNEY,
  /** A coordinator: also approves exchanges and enters attendance for colleagues. */
  COORDINATOR,
  /** A system administrator: everything, including directory sync. */
  ADMINISTRATOR
}
