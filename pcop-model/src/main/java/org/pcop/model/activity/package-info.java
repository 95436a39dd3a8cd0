/**
 * What members do together: activities (webinars, meetings, conferences, forums, peer exchanges,
 * site visits) and the participations in them; exchanges between a host office and visiting
 * offices with their approval lifecycle; and requests for information with their responses.
 */
@PcopStyle
package org.pcop.model.activity;

import org.pcop.model.PcopStyle;
