/**
 * Compatibility kits for the pcop provider interfaces, one per provider with guarantees:
 * {@link org.pcop.tck.EventStoreCompatibilityKit} (R101 to R161),
 * {@link org.pcop.tck.MemberDirectoryCompatibilityKit} (R201 to R205),
 * {@link org.pcop.tck.NotificationSinkCompatibilityKit} (R301 to R303),
 * {@link org.pcop.tck.AuditSinkCompatibilityKit} (R401 to R403),
 * {@link org.pcop.tck.AccessPolicyCompatibilityKit} (R501 to R505) and
 * {@link org.pcop.tck.IdentityMappingCompatibilityKit} (R601 to R603). A vendor writes one JUnit
 * test class that extends a kit and creates its adapter; every rule of the kit then runs against
 * it. Kits over providers that mirror the host's own data (directory, policy, mapping) also ask
 * for hooks that set up that data, since the kit cannot write into the host directly.
 *
 * <p>Rules have stable ids ({@code R101} ...) that appear in each test's display name and in every
 * failure message, next to the name of the adapter under test. Rules are package-private methods
 * of the kit, grouped by guarantee, so a subclass in another package cannot switch one off, and
 * build tools file their results under the vendor's test class. Nothing passes by being skipped:
 * a rule that needs a hook (such as reopening a store) fails, naming the hook, when the hook is
 * not provided, unless the adapter declares in code that it does not offer the guarantee; a
 * declared limitation shows as a skipped rule with the adapter's reason. The adapter's name is
 * the {@link org.junit.jupiter.api.DisplayName} of its test class, so a build with several
 * adapters reports each one apart, and each kit prints one line per adapter of what was checked,
 * declared unsupported and skipped.
 */
package org.pcop.tck;
