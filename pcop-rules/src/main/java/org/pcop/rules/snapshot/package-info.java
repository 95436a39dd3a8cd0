/**
 * The binary parts snapshots are written in, shared by the rules' record snapshot and the
 * engine's snapshot around it; exported to the engine only.
 */
package org.pcop.rules.snapshot;
