/**
 * Rules as data: an immutable, versioned {@link org.pcop.rules.definition.RuleSet} of rules, each
 * with an id, built in Java with fluent builders. One type per family of rules (eligibility,
 * engagement levels, points, service levels, exchange policy, coverage, dormancy) plus
 * {@link org.pcop.rules.definition.CustomRule} for kinds added by plugins.
 */
@PcopStyle
package org.pcop.rules.definition;

import org.pcop.model.PcopStyle;
