/**
 * The plugin interface for custom rule kinds: implement {@link org.pcop.rules.spi.RuleKind},
 * declare it with {@code provides org.pcop.rules.spi.RuleKind with ...} in your module (or in
 * {@code META-INF/services} on the class path), and rules of that kind
 * ({@link org.pcop.rules.definition.CustomRule}) are evaluated like the built-in ones.
 * {@link org.pcop.rules.spi.RuleKindRegistry} finds and holds the kinds.
 */
@PcopStyle
package org.pcop.rules.spi;

import org.pcop.model.PcopStyle;
