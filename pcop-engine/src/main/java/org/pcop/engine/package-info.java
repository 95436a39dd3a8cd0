/**
 * The engine a host embeds: {@link org.pcop.engine.Pcop} takes commands, checks them against
 * the access policy, the model's validation, the current state and the rule set, appends the
 * resulting events to the host's event store and keeps a projection (rosters, histories, open
 * exchanges and requests for information, rule results) current as events arrive.
 *
 * <p>Implementation note: one part per job. {@code Pcop} keeps the entry point's own contract
 * (its guarantees, the builder, start, close and evaluation); the rest of its public methods are
 * declared by area in package-private parts it extends ({@code PcopCommunityCommands},
 * {@code PcopActivityCommands}, {@code PcopQueries}), which javadoc shows as {@code Pcop}'s own.
 * {@code EngineParts} wires one engine from its builder: the projection of the community's
 * stream, the notification outbox, the command pipeline ({@code CommandPipeline}) and the command
 * handlers by area.
 */
@org.pcop.model.PcopStyle
package org.pcop.engine;
