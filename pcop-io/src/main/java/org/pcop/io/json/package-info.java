/**
 * The JSON wire format of the pcop model as a Jackson
 * {@link com.fasterxml.jackson.databind.Module}: every model value and event, written and read
 * through the model's public builders, so the model itself stays free of Jackson. Events carry a
 * stable type name from a closed list ({@link org.pcop.io.json.EventTypes}); class names never
 * appear on the wire.
 */
@PcopStyle
package org.pcop.io.json;

import org.pcop.model.PcopStyle;
