package org.pcop.samples.cli.folder;

import static org.pcop.samples.cli.folder.DataFolder.FRAME_FILE;
import static org.pcop.samples.cli.folder.DataFolder.failure;
import static org.pcop.samples.cli.folder.DataFolder.firstLine;
import static org.pcop.samples.cli.folder.DataFolder.forceDirectory;
import static org.pcop.samples.cli.folder.DataFolder.open;
import static org.pcop.samples.cli.folder.DataFolder.requireCommunity;

import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The backup archive of a data folder: a zip holding the frame and the database as of one
 * instant, written beside the folder (also while another process holds it and appends) and
 * proved by restoring it once, and brought back into a new folder only once it reads. What
 * {@link DataFolder#backup(Path, Path)}, {@link DataFolder#backup(Path)} and
 * {@link DataFolder#restore(Path, Path)} do.
 */
final class FolderArchive {
  /** How long a backup waits for a folder another process is opening or closing. */
  private static final long BACKUP_WAIT_NANOS = 30_000_000_000L;

  private FolderArchive() {}

  /** See {@link DataFolder#backup(Path, Path)}. */
  static long backup(Path dir, Path file) {
    requireCommunity(dir);
    long deadline = System.nanoTime() + BACKUP_WAIT_NANOS;
    while (true) {
      Optional<Hold> mine = Hold.tryTake(dir);
      if (mine.isPresent()) {
        try (DataFolder folder = open(dir)) {
          return folder.backup(file);
        } finally {
          mine.get().release();
        }
      }
      Optional<String> url = Hold.serverUrl(dir);
      if (url.isPresent()) {
        JdbcDataSource holder = new JdbcDataSource();
        holder.setURL(url.get());
        holder.setUser("pcop");
        holder.setPassword("");
        Connection connection = null;
        try {
          connection = holder.getConnection();
        } catch (SQLException e) {
          // The holder is closing, or has ended; try again.
        }
        if (connection != null) {
          try (Connection remote = connection) {
            return write(dir, file, remote);
          } catch (SQLException e) {
            throw failure(dir, "cannot back up the data folder " + dir + " to " + file, e);
          }
        }
      }
      if (System.nanoTime() > deadline) {
        throw new DataFolderException(StorageProblem.IN_USE.describe(dir));
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new DataFolderException("the backup of the data folder " + dir
            + " was interrupted; nothing was written", e);
      }
    }
  }

  /** See {@link DataFolder#backup(Path)}: the archive of an open folder, through its connection. */
  static long write(Path dir, Path file, Connection connection)
      throws SQLException {
    Path target = file.toAbsolutePath();
    Path database = target.resolveSibling("." + target.getFileName() + ".db.tmp");
    Path staged = target.resolveSibling("." + target.getFileName() + ".tmp");
    Path check = target.resolveSibling("." + target.getFileName() + ".check");
    try {
      deleteTree(check);
      Files.deleteIfExists(database);
      try (Statement statement = connection.createStatement()) {
        statement.execute("BACKUP TO '" + database.toString().replace("'", "''") + "'");
      }
      try (FileChannel channel = FileChannel.open(staged, StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE);
          ZipOutputStream zip = new ZipOutputStream(Channels.newOutputStream(channel));
          ZipInputStream copied = new ZipInputStream(Files.newInputStream(database))) {
        zip.putNextEntry(new ZipEntry(FRAME_FILE));
        Files.copy(dir.resolve(FRAME_FILE), zip);
        zip.closeEntry();
        ZipEntry entry;
        while ((entry = copied.getNextEntry()) != null) {
          zip.putNextEntry(new ZipEntry(entry.getName()));
          copied.transferTo(zip);
          zip.closeEntry();
        }
        zip.finish();
        zip.flush();
        channel.force(true);
      }
      long events = restore(staged, check);
      Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
      if (target.getParent() != null) {
        forceDirectory(target.getParent());
      }
      return events;
    } catch (IOException e) {
      throw failure(dir, "cannot back up the data folder " + dir + " to " + file, e);
    } finally {
      try {
        Files.deleteIfExists(database);
        Files.deleteIfExists(staged);
        deleteTree(check);
      } catch (IOException e) {
        // Best effort: all are hidden and named after the archive.
      }
    }
  }

  /** See {@link DataFolder#restore(Path, Path)}. */
  static long restore(Path archive, Path dir) {
    try (java.util.stream.Stream<Path> inDir = Files.isDirectory(dir) ? Files.list(dir)
        : java.util.stream.Stream.empty()) {
      if (Files.exists(dir) && (!Files.isDirectory(dir) || inDir.findAny().isPresent())) {
        throw new DataFolderException("will not restore into " + dir + ": it exists and is not"
            + " an empty folder; give a new folder");
      }
    } catch (IOException e) {
      throw failure(dir, "cannot read " + dir, e);
    }
    Path target = dir.toAbsolutePath();
    Path staged = target.resolveSibling("." + target.getFileName() + ".restoring");
    try {
      deleteTree(staged);
      Files.createDirectories(staged);
      int files = 0;
      try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(archive))) {
        ZipEntry entry;
        while ((entry = zip.getNextEntry()) != null) {
          if (!List.of(FRAME_FILE, "pcop.mv.db").contains(entry.getName())) {
            throw new DataFolderException(archive + " is not a backup of a data folder: it"
                + " holds " + entry.getName());
          }
          try (FileChannel channel = FileChannel.open(staged.resolve(entry.getName()),
              StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            zip.transferTo(Channels.newOutputStream(channel));
            channel.force(true);
          }
          files++;
        }
      } catch (java.util.zip.ZipException e) {
        throw new DataFolderException(archive + " is not a backup of a data folder: "
            + firstLine(e.getMessage()), e);
      }
      if (files != 2) {
        throw new DataFolderException(archive + " is not a backup of a data folder: it lacks "
            + (Files.exists(staged.resolve(FRAME_FILE)) ? "the database" : FRAME_FILE));
      }
      long events;
      try (DataFolder restored = open(staged)) {
        events = restored.eventCount();
      }
      Files.deleteIfExists(target);
      Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
      if (target.getParent() != null) {
        forceDirectory(target.getParent());
      }
      return events;
    } catch (IOException | RuntimeException e) {
      try {
        deleteTree(staged);
      } catch (IOException cleanup) {
        e.addSuppressed(cleanup);
      }
      if (e instanceof DataFolderException d) {
        throw new DataFolderException(d.getMessage().replace(staged.toString(), dir.toString()),
            d);
      }
      if (e instanceof java.nio.file.NoSuchFileException) {
        throw new DataFolderException("no such file: " + archive, e);
      }
      throw failure(dir, "cannot restore " + archive + " into " + dir, e);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
