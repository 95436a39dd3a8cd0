/**
 * Evaluating engagement rules: the compact {@link org.pcop.rules.EngagementRecord} of a
 * program's history, the {@link org.pcop.rules.RuleEngine} that evaluates a rule set over it as a
 * pure function, the {@link org.pcop.rules.IncrementalEvaluator} that re-evaluates only the
 * subjects an event touches, and the results with their explanations and findings.
 */
@PcopStyle
package org.pcop.rules;

import org.pcop.model.PcopStyle;
