/**
 * Taxonomies: versioned reference data of core areas, topics and aims that a community chooses to
 * classify its work by, and the shipped taxonomy of the PSP program.
 */
@PcopStyle
package org.pcop.model.taxonomy;

import org.pcop.model.PcopStyle;
