/**
 * A miniature case-management system (CMS) for a prosecutor's office, and the pcop providers its
 * vendor writes over its own tables.
 *
 * <p>{@link org.pcop.samples.cms.CaseManagementSystem} owns offices, staff, cases and case teams,
 * an inbox and an audit table on H2. {@link org.pcop.samples.cms.CaseManagementSystem#hostAdapter()}
 * hands pcop: a member directory over the staff table (delta sync by change number; people whose
 * account is disabled or whose row is deleted are reported inactive), an identity mapping from
 * logins to members, an access policy from role permissions and case teams, a notification sink
 * into the inbox, an audit sink into the audit table, and the sample JDBC event store on the same
 * database. {@link org.pcop.samples.cms.CaseManagementSystem#pcop(org.pcop.model.Community)}
 * builds pcop's engine from exactly these providers, and
 * {@link org.pcop.samples.cms.StaffRole#pcopActions()} says which pcop actions each role of the
 * office holds. Nothing of a case but its id (as an opaque handle) and its docket number ever
 * reaches pcop; the caption, which names the parties, stays in the CMS, and every attempt to
 * follow a case reference back to its case is written to the audit table.
 */
package org.pcop.samples.cms;
