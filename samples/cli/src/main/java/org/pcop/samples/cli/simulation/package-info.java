/**
 * A year in the life of the demo community, simulated from a seed: monthly calls, webinars, an
 * annual meeting, peer exchanges and site visits through their whole lifecycle, requests for
 * information with their responses, and the month-end rule evaluations that move members between
 * engagement levels and mark quiet memberships dormant. {@link
 * org.pcop.samples.cli.simulation.YearSimulation} plans the year; {@link
 * org.pcop.samples.cli.simulation.EngineSimulation} carries the plan out as the commands a host
 * system issues to the pcop engine.
 */
@PcopStyle
package org.pcop.samples.cli.simulation;

import org.pcop.model.PcopStyle;
