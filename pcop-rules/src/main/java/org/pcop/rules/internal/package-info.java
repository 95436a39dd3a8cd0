/**
 * How the built-in rule families are evaluated. Not exported: users reach them through
 * {@link org.pcop.rules.RuleEngine} and {@link org.pcop.rules.spi.RuleKindRegistry}.
 */
@PcopStyle
package org.pcop.rules.internal;

import org.pcop.model.PcopStyle;
