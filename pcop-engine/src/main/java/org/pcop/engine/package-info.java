/**
 * The engine a host embeds: {@link org.pcop.engine.Pcop} takes commands, checks them against
 * the access policy, the model's validation, the current state and the rule set, appends the
 * resulting events to the host's event store and keeps a projection (rosters, histories, open
 * exchanges and requests for information, rule results) current as events arrive.
 */
@org.pcop.model.PcopStyle
package org.pcop.engine;
