/**
 * The rule-set format: pcop-rules' {@link org.pcop.rules.definition.RuleSet} as a JSON file, with
 * the built-in rule kinds and plugin kinds by their registered name, read strictly and all or
 * nothing.
 */
@PcopStyle
package org.pcop.io.ruleset;

import org.pcop.model.PcopStyle;
