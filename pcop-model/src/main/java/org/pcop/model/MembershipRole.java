package org.pcop.model;

/** The role a member holds in a community. */
public enum MembershipRole {
  /** A member taking part in the community. */
  MEMBER,
  /** The lead of a site's participation; approves exchanges the site hosts. */
  SITE_LEAD,
  /** A subject-matter expert who answers requests for information and presents. */
  SUBJECT_MATTER_EXPERT,
  /** Organises the community's activities. */
  COORDINATOR,
  /** The program's advisor; approves exchanges for the program. */
  PROGRAM_ADVISOR,
  /** A liaison to a partner organisation. */
  LIAISON
}
