/**
 * Compatibility kits for the pcop provider interfaces: {@link
 * org.pcop.tck.EventStoreCompatibilityKit}, {@link org.pcop.tck.MemberDirectoryCompatibilityKit}
 * and {@link org.pcop.tck.NotificationSinkCompatibilityKit}. A vendor writes one JUnit test class
 * that extends a kit and creates its adapter; every rule of the kit then runs against it.
 *
 * <p>Rules have stable ids ({@code R101} ...) that appear in each test's display name and in every
 * failure message, next to the name of the adapter under test. Rules are package-private nested
 * classes, so a subclass cannot switch one off; rules that need an optional hook (such as
 * reopening a store) are skipped, not failed, when the hook is not provided.
 */
package org.pcop.tck;
