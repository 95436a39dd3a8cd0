/**
 * Rosters as CSV: one member a row with their agency and site, read strictly (every bad row
 * reported with its row and column) and written safely (cells that a spreadsheet would run as a
 * formula are neutralised).
 */
@PcopStyle
package org.pcop.io.roster;

import org.pcop.model.PcopStyle;
