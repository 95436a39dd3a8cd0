package org.pcop.samples.cli.folder;

import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.nio.file.ReadOnlyFileSystemException;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What kept a data folder's files from being read or written, told from the failure the
 * database or the file system gave, and what a person does about it, in one line without
 * database terms.
 */
enum StorageProblem {
  /** The file system has no space left. */
  DISK_FULL,
  /** The file system or the folder cannot be written. */
  READ_ONLY,
  /** Another process has the folder's database open. */
  IN_USE,
  /** The database file cannot be read as a database. */
  DAMAGED;

  /** H2's error code for a database another process has open. */
  private static final int H2_DATABASE_ALREADY_OPEN = 90020;
  /** H2's error code for a damaged file. */
  private static final int H2_FILE_CORRUPTED = 90030;

  /**
   * The problem behind a failure, looking through its causes and suppressed failures.
   *
   * @param failure what the database or the file system threw
   * @return the problem, or empty if it is none of these
   */
  static Optional<StorageProblem> of(Throwable failure) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Throwable> todo = new ArrayDeque<>();
    todo.add(failure);
    StorageProblem found = null;
    while (!todo.isEmpty() && seen.size() < 64) {
      Throwable t = todo.poll();
      if (!seen.add(t)) {
        continue;
      }
      StorageProblem problem = ofOne(t);
      if (problem != null && (found == null || problem.ordinal() < found.ordinal())) {
        found = problem; // a full disk explains a damaged-looking write, not the other way
      }
      if (t.getCause() != null) {
        todo.add(t.getCause());
      }
      Collections.addAll(todo, t.getSuppressed());
      if (t instanceof SQLException sql && sql.getNextException() != null) {
        todo.add(sql.getNextException());
      }
    }
    return Optional.ofNullable(found);
  }

  private static StorageProblem ofOne(Throwable t) {
    String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
    if (message.contains("no space left on device") || message.contains("disk quota exceeded")) {
      return DISK_FULL;
    }
    if (t instanceof ReadOnlyFileSystemException || t instanceof AccessDeniedException
        || message.contains("read-only file system")) {
      return READ_ONLY;
    }
    if (t instanceof SQLException sql) {
      if (sql.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
        return IN_USE;
      }
      if (sql.getErrorCode() == H2_FILE_CORRUPTED) {
        return DAMAGED;
      }
    }
    if (message.contains("file corrupted") || message.contains("unable to read the page")
        || message.contains("is not a valid h2 file")) {
      return DAMAGED;
    }
    return null;
  }

  /**
   * One line for a person: what is wrong with the folder and what to do.
   *
   * @param dir the data folder
   * @return the text, without a final full stop
   */
  String describe(Path dir) {
    switch (this) {
      case DISK_FULL:
        return "the disk that holds the data folder " + dir + " is full; free some space and"
            + " run the command again";
      case READ_ONLY:
        return "the data folder " + dir + " cannot be written (a read-only disk or no"
            + " permission); make it writable and run the command again";
      case IN_USE:
        return "the data folder " + dir + " is in use by another pcop command; wait for it to"
            + " finish and run this one again";
      case DAMAGED:
      default:
        return "the data folder " + dir + " is damaged and cannot be read; restore a backup"
            + " into a new folder with 'pcop restore --from FILE --data NEW-FOLDER'";
    }
  }
}
