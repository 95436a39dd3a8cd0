/**
 * The people and places of a community of practice: the program, its sites and their engagement
 * history, agencies (prosecutors' offices), members and their bar admissions, communities,
 * memberships with their role and status history, case references, and the typed identifiers of
 * them all.
 */
@PcopStyle
package org.pcop.model;
