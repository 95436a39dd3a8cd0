package org.pcop.samples.cli.folder;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.h2.tools.Server;

/**
 * One process's hold on a data folder: a lock on {@code pcop.lock} in the folder, which the
 * operating system releases when the process ends however it ends, so a second process is told
 * the folder is in use; and, while the database is open, a database server on the loopback
 * interface through which another process's {@code pcop backup} asks this process's database for
 * a consistent copy. The server serves only this folder's database, under a random key that
 * only {@code pcop.server} in the folder holds (readable by its owner alone where the file
 * system has permissions), and refuses connections from other machines.
 *
 * <p>Opening one folder more than once in a process shares one hold.
 */
final class Hold {
  /** The file whose lock marks the folder held; never deleted, so every process locks one. */
  static final String LOCK_FILE = "pcop.lock";
  /** How a backup in another process reaches the holder's database: address and key. */
  static final String SERVER_FILE = "pcop.server";

  private static final Map<Path, Hold> HOLDS = new HashMap<>();

  private final Path dir;
  private final FileChannel channel;
  private final FileLock lock;
  private int count;
  private Server server;

  private Hold(Path dir, FileChannel channel, FileLock lock) {
    this.dir = dir;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the hold on {@code dir}, or joins this process's.
   *
   * @throws DataFolderException if another process holds the folder
   */
  static Hold take(Path dir) {
    return tryTake(dir).orElseThrow(() ->
        new DataFolderException(StorageProblem.IN_USE.describe(dir)));
  }

  /** The hold on {@code dir}, or empty if another process has it. */
  static Optional<Hold> tryTake(Path dir) {
    Path key = dir.toAbsolutePath().normalize();
    synchronized (HOLDS) {
      Hold held = HOLDS.get(key);
      if (held != null) {
        held.count++;
        return Optional.of(held);
      }
      FileChannel channel = null;
      try {
        channel = FileChannel.open(key.resolve(LOCK_FILE), StandardOpenOption.CREATE,
            StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock();
        if (lock == null) {
          channel.close();
          return Optional.empty();
        }
        Hold hold = new Hold(key, channel, lock);
        hold.count = 1;
        HOLDS.put(key, hold);
        return Optional.of(hold);
      } catch (OverlappingFileLockException e) {
        closeQuietly(channel);
        return Optional.empty();
      } catch (IOException e) {
        closeQuietly(channel);
        throw DataFolder.failure(dir, "cannot open the data folder " + dir, e);
      }
    }
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // Nothing was locked through it.
      }
    }
  }

  /**
   * Once the folder's database is open: lets a backup in another process reach it, by starting
   * the server and writing {@code pcop.server}. Does nothing if this process did so already.
   *
   * @param open a connection to the open database, whose name the server maps its key to
   */
  void share(Path shown, Connection open) {
    synchronized (HOLDS) {
      if (server != null) {
        return;
      }
      try {
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        String key = HexFormat.of().formatHex(random);
        String database = open.getMetaData().getURL().replaceFirst("^jdbc:h2:", "")
            .replaceFirst(";.*$", "");
        // No -tcpAllowOthers: connections from other machines are refused; daemon threads, so
        // a command that forgets to close still ends.
        Server started = Server.createTcpServer("-tcpPort", "0", "-tcpDaemon", "-ifExists",
            "-key", key, database).start();
        try {
          Path staged = dir.resolve(SERVER_FILE + ".new");
          Files.deleteIfExists(staged);
          try {
            Files.createFile(staged, PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rw-------")));
          } catch (UnsupportedOperationException e) {
            Files.createFile(staged);
          }
          Files.write(staged, List.of("127.0.0.1:" + started.getPort(), key),
              StandardCharsets.UTF_8);
          Files.move(staged, dir.resolve(SERVER_FILE), StandardCopyOption.ATOMIC_MOVE,
              StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
          started.stop();
          throw e;
        }
        server = started;
      } catch (SQLException | IOException e) {
        throw DataFolder.failure(shown, "cannot open the data folder " + shown, e);
      }
    }
  }

  /**
   * Leaves the hold; the last to leave stops the server and removes {@code pcop.server}.
   *
   * @return whether this was the last: the database is closed next, then {@link #unlock()}
   */
  boolean leave() {
    synchronized (HOLDS) {
      if (--count > 0) {
        return false;
      }
      if (server != null) {
        server.stop();
        server = null;
      }
      try {
        Files.deleteIfExists(dir.resolve(SERVER_FILE));
      } catch (IOException e) {
        // A stale file is harmless: a backup finds the folder unlocked and opens it itself.
      }
      return true;
    }
  }

  /** After the last {@link #leave()} and the database's close: releases the lock. */
  void unlock() {
    synchronized (HOLDS) {
      HOLDS.remove(dir);
      try {
        lock.release();
        channel.close();
      } catch (IOException e) {
        // Closing the channel releases the lock; the process's end does at the latest.
      }
    }
  }

  /** Leaves and, if last, unlocks: for a folder whose database did not open. */
  void release() {
    if (leave()) {
      unlock();
    }
  }

  /**
   * Where another process that holds {@code dir} serves its database: the JDBC URL, or empty
   * if none does (no process holds it, or the holder has not opened it yet or is closing).
   */
  static Optional<String> serverUrl(Path dir) {
    try {
      List<String> lines = Files.readAllLines(dir.resolve(SERVER_FILE), StandardCharsets.UTF_8);
      if (lines.size() != 2 || !lines.get(1).matches("[0-9a-f]{32}")
          || !lines.get(0).matches("127\\.0\\.0\\.1:[0-9]{1,5}")) {
        return Optional.empty();
      }
      return Optional.of("jdbc:h2:tcp://" + lines.get(0) + "/" + lines.get(1));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
