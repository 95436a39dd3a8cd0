package org.pcop.model.activity;

/** The two parties whose approvals an exchange needs. */
public enum ApproverRole {
  /** The program's advisor. */
  PROGRAM_ADVISOR,
  /** The lead of the host site. */
  HOST_SITE_LEAD
}
