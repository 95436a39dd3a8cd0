/**
 * A year in the life of the demo community, simulated from a seed: monthly calls, webinars, an
 * annual meeting, peer exchanges and site visits through their whole lifecycle, requests for
 * information with their responses, and the month-end rule evaluations that move members between
 * engagement levels and mark quiet memberships dormant.
 */
@PcopStyle
package org.pcop.samples.cli.simulation;

import org.pcop.model.PcopStyle;
