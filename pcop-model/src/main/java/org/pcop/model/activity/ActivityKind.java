package org.pcop.model.activity;

/** The kind of an activity members share. */
public enum ActivityKind {
  /** An online presentation with questions. */
  WEBINAR,
  /** A meeting, such as a community call. */
  MEETING,
  /** A conference. */
  CONFERENCE,
  /** A discussion forum. */
  FORUM,
  /** A peer-to-peer exchange between offices. */
  PEER_EXCHANGE,
  /** A visit to a site. */
  SITE_VISIT
}
