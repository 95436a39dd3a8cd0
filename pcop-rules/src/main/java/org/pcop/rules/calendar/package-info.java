/**
 * Business days: the {@link org.pcop.rules.calendar.BusinessCalendar} that evaluation is given,
 * and {@link org.pcop.rules.calendar.UsFederalCalendar}, weekends and US federal holidays on their
 * observed dates.
 */
@PcopStyle
package org.pcop.rules.calendar;

import org.pcop.model.PcopStyle;
