/**
 * What every pcop format shares: the limits a reader applies to untrusted input
 * ({@link org.pcop.io.ReadLimits}), and the outcome of an import, which is either a complete valid
 * value or a list of located errors ({@link org.pcop.io.ImportResult},
 * {@link org.pcop.io.ImportError}).
 */
@PcopStyle
package org.pcop.io;

import org.pcop.model.PcopStyle;
