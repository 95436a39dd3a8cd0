/**
 * The engagement report of a community as of an instant: engagement levels now and month by month,
 * service-level breaches, dormant memberships, knowledge gaps and coverage shortfalls, the site by
 * core-area participation matrix and the response times of requests for information; rendered as
 * plain text or as a self-contained HTML page with inline SVG charts.
 */
@PcopStyle
package org.pcop.samples.cli.report;

import org.pcop.model.PcopStyle;
