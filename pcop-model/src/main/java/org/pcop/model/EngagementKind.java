package org.pcop.model;

/** The kind of a site's engagement with the program. */
public enum EngagementKind {
  /** A diagnostic engagement: the program assesses the site's needs. */
  DIAGNOSTIC,
  /** An operations engagement: the program works with the site on its strategy. */
  OPERATIONS,
  /** The site has completed an engagement and stays in the program's network. */
  ALUMNI
}
