/**
 * The community document: a whole community of practice in one JSON file (program, sites,
 * agencies, members, communities, memberships and taxonomies), versioned by its
 * {@code schemaVersion}, read all or nothing and written so that reading gives an equal value.
 */
@PcopStyle
package org.pcop.io.document;

import org.pcop.model.PcopStyle;
