/**
 * The demo community: the National Public Safety Partnership's sites from bundled public
 * announcements, its Prosecution Community of Practice with the shipped PSP taxonomy, and a
 * seeded, fictional roster of offices and people at those sites.
 */
@PcopStyle
package org.pcop.samples.cli.community;

import org.pcop.model.PcopStyle;
