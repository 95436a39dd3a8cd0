package org.pcop.engine;

import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import org.pcop.rules.definition.RuleSet;
import org.pcop.rules.snapshot.SnapshotBytes;
import org.pcop.spi.Snapshot;
import org.pcop.spi.SnapshotStore;
import org.pcop.spi.StreamId;

/**
 * When the engine writes snapshots of its projection and whether it starts from one. With a
 * {@link SnapshotStore}, a snapshot is written once at least {@code every} events were applied
 * since the last one (checked after each catch-up, so after every command and query that found
 * new events, and after start-up) and when the engine closes. On start, the stream's latest
 * snapshot is used if it is of this format version, of this rule set (by fingerprint), of this
 * community and whole (checksums); otherwise exactly one warning says why and the stream is
 * replayed from its start. A snapshot that cannot be written is logged as a warning and never
 * fails a command: the events are in the store, and the next snapshot is tried after as many
 * events again. Not thread-safe: the engine calls it under its lock.
 */
final class Snapshots {
  /**
   * The version of the engine snapshot's format, which holds the rules' record in its own
   * format; raised whenever either changes. Version 6 holds the record's parts in place, under
   * the engine snapshot's checksum, where version 5 held the record's own snapshot as one array,
   * and the record's format 5, with its model values in parts of a few thousand.
   */
  static final int FORMAT = 6;

  /** The logger of the snapshot warnings. */
  static final String LOGGER = "org.pcop.engine.snapshots";

  /** No snapshots: every start replays the stream, nothing is written. */
  static final Snapshots NONE = new Snapshots(null, StreamId.of("none"), Integer.MAX_VALUE,
      "none", System.getLogger(LOGGER));

  private final SnapshotStore store;
  private final StreamId stream;
  private final int every;
  private final String fingerprint;
  private final System.Logger logger;
  private final ModelValues values = new ModelValues();
  private long lastVersion;

  Snapshots(SnapshotStore store, StreamId stream, int every, String fingerprint,
      System.Logger logger) {
    this.store = store;
    this.stream = stream;
    this.every = every;
    this.fingerprint = fingerprint;
    this.logger = logger;
  }

  /**
   * What a rule set is known by in snapshots: a SHA-256 of its whole definition, so that any
   * change to a rule, a threshold or the set's version makes earlier snapshots foreign.
   */
  static String fingerprint(RuleSet rules) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(rules.toString().getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder("sha256:");
      for (byte b : digest) {
        hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
      }
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /**
   * Gives the projection the state of the stream's latest snapshot, if it is usable; otherwise
   * logs one warning saying why and leaves the projection at the stream's start.
   */
  void restore(Projection projection) {
    if (store == null) {
      return;
    }
    Optional<Snapshot> found;
    try {
      found = store.load(stream);
    } catch (RuntimeException e) {
      warn("the snapshot store could not be read (" + e.getMessage() + ")");
      return;
    }
    if (found.isEmpty()) {
      warn("the snapshot store holds no snapshot of it");
      return;
    }
    Snapshot snapshot = found.get();
    String unusable = null;
    if (!snapshot.stream().equals(stream)) {
      unusable = "the snapshot store returned a snapshot of stream " + snapshot.stream();
    } else if (snapshot.formatVersion() != FORMAT) {
      unusable = "its snapshot at version " + snapshot.version() + " is of format version "
          + snapshot.formatVersion() + ", and this engine reads version " + FORMAT;
    } else if (!snapshot.ruleSetFingerprint().equals(fingerprint)) {
      unusable = "its snapshot at version " + snapshot.version() + " was taken under another"
          + " rule set (" + snapshot.ruleSetFingerprint() + ", the engine's is " + fingerprint
          + ")";
    } else {
      try {
        projection.readSnapshot(snapshot.bytes(), snapshot.version(), values);
        lastVersion = snapshot.version();
        return;
      } catch (SnapshotBytes.Unusable e) {
        unusable = "its snapshot at version " + snapshot.version() + " cannot be used: "
            + e.getMessage();
      } catch (RuntimeException e) {
        unusable = "its snapshot at version " + snapshot.version() + " cannot be read: " + e;
      }
    }
    warn(unusable);
  }

  private void warn(String why) {
    logger.log(Level.WARNING, "pcop engine: stream " + stream + " is replayed from its start"
        + " because " + why);
  }

  /** Writes a snapshot if at least {@code every} events were applied since the last one. */
  void afterCatchUp(Projection projection) {
    if (store != null && projection.version() - lastVersion >= every) {
      save(projection);
    }
  }

  /** Writes a snapshot if events were applied since the last one. */
  void onClose(Projection projection) {
    if (store != null && projection.version() > lastVersion) {
      save(projection);
    }
  }

  private void save(Projection projection) {
    long version = projection.version();
    // Tried again only after as many events again, whether or not this one is stored.
    lastVersion = version;
    try {
      // Written in pieces and handed over as they are: the state is never one array.
      Snapshot.Writer writer = Snapshot.writer();
      projection.writeSnapshot(values, writer);
      store.save(writer.toSnapshot(stream, version, FORMAT, fingerprint));
    } catch (RuntimeException e) {
      logger.log(Level.WARNING, "pcop engine: the snapshot of stream " + stream + " at version "
          + version + " was not saved; the previous one stays in use: " + e.getMessage());
    }
  }
}
