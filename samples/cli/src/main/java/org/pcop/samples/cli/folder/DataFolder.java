package org.pcop.samples.cli.folder;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.h2.jdbcx.JdbcDataSource;
import org.pcop.io.ImportResult;
import org.pcop.io.document.CommunityDocument;
import org.pcop.io.document.CommunityDocumentFormat;
import org.pcop.model.event.PcopEvent;
import org.pcop.samples.jdbcstore.JdbcEventStore;
import org.pcop.spi.EventData;
import org.pcop.spi.EventStore;
import org.pcop.spi.ExpectedVersion;
import org.pcop.spi.RecordedEvent;
import org.pcop.spi.StoreException;
import org.pcop.spi.StreamId;

/**
 * A folder that holds one community's data: its event log in an embedded H2 database
 * ({@code pcop.mv.db}, kept by {@link JdbcEventStore}) and its frame in {@code community.json}: a
 * community document with the program, the communities and the taxonomies, which events do not
 * carry. Everything else (sites, agencies, members, memberships, activities, exchanges, requests
 * for information, levels) is in the log.
 *
 * <p>Beside the database, {@code pcop.seal} records the last event of each stream of the log and
 * its checksum, rewritten after each append is on disk; opening the folder checks that the
 * database still holds those events, so a database file cut short or garbled, which the
 * database may open as an older state, is refused as damaged instead of read as an older log.
 *
 * <p>H2 lets one process at a time open the database; a second one gets a clear error. Every
 * append is atomic, on disk when it returns (the store forces each commit to disk) and
 * idempotent by event id, so an interrupted write leaves whole batches and a rerun stores
 * nothing twice; {@link #appendAll} and {@link #create(Path, CommunityDocument, List)} store all
 * of their events or none. A failure of the disk (full, read-only), a folder in use and a
 * damaged database are reported in one plain line that says what to do. Not thread-safe.
 */
public final class DataFolder implements AutoCloseable {
  /** The file that holds the frame of the community. */
  public static final String FRAME_FILE = "community.json";

  /** The frame while a create is under way, switched in under {@link #FRAME_FILE} at its end. */
  private static final String STAGED_FRAME_FILE = FRAME_FILE + ".new";

  static {
    // The server through which another process's backup reaches a held folder's database
    // listens on the loopback interface only; H2 reads this once, when first used.
    if (System.getProperty("h2.bindAddress") == null) {
      System.setProperty("h2.bindAddress", "127.0.0.1");
    }
  }

  /** The events read or written in one round trip to the database. */
  static final int PAGE = 500;

  private final Path dir;
  private final Hold hold;
  private final CommunityDocument frame;
  private final EventStore store;
  private final Connection keepOpen;
  private final StreamId stream;
  private long version = -1;

  private DataFolder(Path dir, CommunityDocument frame, JdbcDataSource database) {
    this.dir = dir;
    this.frame = frame;
    this.hold = Hold.take(dir);
    // H2 closes a database with its last connection; the store takes a connection per call,
    // so without this one the database would be closed and reopened on every call.
    try {
      this.keepOpen = database.getConnection();
    } catch (SQLException e) {
      hold.release();
      throw failure(dir, "cannot open the database of the data folder " + dir, e);
    }
    try {
      EventStore opened = openStore(dir, database);
      FolderSeal seal;
      try {
        seal = FolderSeal.open(dir, opened);
      } catch (StoreException | IOException e) {
        throw failure(dir, "cannot open the data folder " + dir, e);
      }
      this.store = new SealedStore(opened, seal);
      hold.share(dir, keepOpen);
    } catch (DataFolderException e) {
      try {
        keepOpen.close();
      } catch (SQLException suppressed) {
        e.addSuppressed(suppressed);
      }
      hold.release();
      throw e;
    }
    // The stream the engine of pcop-spi keeps a community in, so that one can work on it.
    this.stream = StreamId.of("pcop-" + frame.getCommunities().get(0).getId().value());
  }

  /**
   * Whether {@code dir} already holds a community.
   *
   * @param dir the folder
   * @return true if it has a frame file
   */
  public static boolean exists(Path dir) {
    return Files.isRegularFile(dir.resolve(FRAME_FILE));
  }

  /**
   * Makes {@code dir} a data folder for the community of {@code frame}, creating the folder and
   * its database.
   *
   * @param dir the folder; created if missing
   * @param frame the program, communities and taxonomies (sites, agencies, members and
   *     memberships are refused here: they belong in the event log)
   * @return the open folder
   * @throws DataFolderException if the folder already holds a community, cannot be written, or
   *     the frame is not a frame
   */
  public static DataFolder create(Path dir, CommunityDocument frame) {
    return create(dir, frame, List.of());
  }

  /**
   * Makes {@code dir} a data folder for the community of {@code frame} whose log holds
   * {@code events}, all or nothing. The frame is written to a staged file and the events are
   * appended in one transaction, forced to disk; only then is the frame switched in under its
   * name, which is what makes the folder hold a community. If anything fails, or the process dies
   * before the switch, the folder holds no community: what was written is removed (a later
   * create also removes what a killed one left), and a folder this call created is deleted.
   *
   * @param dir the folder; created if missing
   * @param frame the program, communities and taxonomies
   * @param events the first events of the log, in order
   * @return the open folder
   * @throws DataFolderException if the folder already holds a community, cannot be written, or
   *     the frame is not a frame; nothing is left behind then
   */
  public static DataFolder create(Path dir, CommunityDocument frame,
      List<? extends PcopEvent> events) {
    refuseAFile(dir);
    if (exists(dir)) {
      throw new DataFolderException("the data folder " + dir + " already holds a community");
    }
    if (frame.getCommunities().size() != 1 || !frame.getSites().isEmpty()
        || !frame.getAgencies().isEmpty() || !frame.getMembers().isEmpty()
        || !frame.getMemberships().isEmpty()) {
      throw new DataFolderException("the frame of a data folder has one community and no sites,"
          + " agencies, members or memberships; those are events");
    }
    boolean made = !Files.exists(dir);
    Path staged = dir.resolve(STAGED_FRAME_FILE);
    DataFolder folder = null;
    try {
      Files.createDirectories(dir);
      removeUnfinished(dir);
      try (FileChannel channel = FileChannel.open(staged, StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE);
          OutputStream out = Channels.newOutputStream(channel)) {
        CommunityDocumentFormat.create().write(frame, out);
        out.flush();
        channel.force(true);
      }
      folder = new DataFolder(dir, frame, database(dir));
      if (!events.isEmpty()) {
        folder.appendAll(events);
      }
      Files.move(staged, dir.resolve(FRAME_FILE), StandardCopyOption.ATOMIC_MOVE);
      forceDirectory(dir);
      return folder;
    } catch (IOException | RuntimeException e) {
      if (folder != null) {
        folder.closeAfterFailure(e);
      }
      try {
        removeUnfinished(dir);
        if (made) {
          // The hold is released: nothing else can be using a folder this call made.
          Files.deleteIfExists(dir.resolve(Hold.LOCK_FILE));
          Files.deleteIfExists(dir);
        }
      } catch (IOException cleanup) {
        e.addSuppressed(cleanup);
      }
      if (e instanceof DataFolderException) {
        throw (DataFolderException) e;
      }
      throw failure(dir, "cannot create the data folder " + dir, e);
    }
  }

  /**
   * Removes what a create that did not finish left in a folder that holds no community: the
   * database files and the staged frame. A folder with a frame is never touched.
   */
  private static void removeUnfinished(Path dir) throws IOException {
    if (exists(dir) || !Files.isDirectory(dir)) {
      return;
    }
    for (String name : List.of(STAGED_FRAME_FILE, "pcop.mv.db", "pcop.trace.db",
        "pcop.lock.db", "pcop.mv.db.tempFile")) {
      Files.deleteIfExists(dir.resolve(name));
    }
    FolderSeal.remove(dir);
  }

  /** Forces a rename in {@code dir} to disk, where the file system allows it. */
  static void forceDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Not every platform opens a directory; the rename is durable with the next sync there.
    }
  }

  /**
   * A failure of the folder's storage as one line: the storage problem in plain words when it
   * is one (full disk, read-only, in use, damaged), otherwise {@code what} and the first line of
   * the cause.
   */
  static DataFolderException failure(Path dir, String what, Throwable cause) {
    return new DataFolderException(StorageProblem.of(cause).map(p -> p.describe(dir))
        .orElseGet(() -> what + ": " + firstLine(cause.getMessage())), cause);
  }

  /**
   * One line for any failure of a command on a data folder: the storage problem in plain words
   * when the failure comes from one (full disk, read-only, in use, damaged), or empty.
   *
   * @param dir the data folder
   * @param failure what was thrown
   * @return the line, without a final full stop, or empty
   */
  public static Optional<String> storageProblem(Path dir, Throwable failure) {
    return StorageProblem.of(failure).map(p -> p.describe(dir));
  }

  /** Refuses a path that is a file, where a data folder (existing or to be made) is meant. */
  private static void refuseAFile(Path dir) {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new DataFolderException("the data folder " + dir + " is a file; --data names a"
          + " folder (demo and import create it)");
    }
  }

  /**
   * Opens an existing data folder.
   *
   * @param dir the folder
   * @return the open folder
   * @throws DataFolderException if the folder holds no community, its frame is invalid or its
   *     database cannot be opened (for example because another process has it open)
   */
  public static DataFolder open(Path dir) {
    requireCommunity(dir);
    ImportResult<CommunityDocument> read;
    try {
      read = CommunityDocumentFormat.create().read(dir.resolve(FRAME_FILE));
    } catch (IOException e) {
      throw new DataFolderException("cannot read " + dir.resolve(FRAME_FILE) + ": " + e, e);
    }
    if (!read.isValid()) {
      throw new DataFolderException(dir.resolve(FRAME_FILE) + " is not a valid community"
          + " document: " + read.errors().get(0));
    }
    return new DataFolder(dir, read.orElseThrow(), database(dir));
  }

  /** Refuses a path that is a file, or a folder that holds no community. */
  static void requireCommunity(Path dir) {
    refuseAFile(dir);
    if (!exists(dir)) {
      throw new DataFolderException("the data folder " + dir + " holds no community (no "
          + FRAME_FILE + "); run 'pcop demo --data " + dir + "' or 'pcop import --data " + dir
          + " --document FILE' first");
    }
  }

  private static JdbcDataSource database(Path dir) {
    JdbcDataSource dataSource = new JdbcDataSource();
    // No trace file: a failure is reported to the user, not logged beside the database.
    dataSource.setURL("jdbc:h2:file:" + dir.toAbsolutePath().resolve("pcop")
        + ";TRACE_LEVEL_FILE=0");
    dataSource.setUser("pcop");
    dataSource.setPassword("");
    return dataSource;
  }

  private static EventStore openStore(Path dir, JdbcDataSource dataSource) {
    try {
      return JdbcEventStore.open(dataSource);
    } catch (StoreException | IllegalStateException e) {
      throw failure(dir, "cannot open the database of the data folder " + dir, e);
    }
  }

  /**
   * The folder.
   *
   * @return the path
   */
  public Path dir() {
    return dir;
  }

  /**
   * The frame: program, community and taxonomies.
   *
   * @return the frame document
   */
  public CommunityDocument frame() {
    return frame;
  }

  /**
   * The store that holds the log, for an engine to work on.
   *
   * @return the store
   */
  public EventStore store() {
    return store;
  }

  /**
   * How many events the log holds.
   *
   * @return the count
   */
  public long eventCount() {
    return version();
  }

  private long version() {
    if (version < 0) {
      long last = 0;
      List<RecordedEvent> page;
      while (!(page = page(last)).isEmpty()) {
        last = page.get(page.size() - 1).getVersion();
      }
      version = last;
    }
    return version;
  }

  private List<RecordedEvent> page(long after) {
    try {
      return store.readStream(stream, after, PAGE);
    } catch (StoreException e) {
      throw failure(dir, "cannot read the data folder " + dir, e);
    }
  }

  /**
   * Reads the log in order, a page at a time, without holding it whole.
   *
   * @param consumer receives each event
   * @throws DataFolderException if a stored payload is not a pcop event
   */
  public void forEachEvent(Consumer<PcopEvent> consumer) {
    long after = 0;
    List<RecordedEvent> page;
    while (!(page = page(after)).isEmpty()) {
      for (RecordedEvent recorded : page) {
        consumer.accept(EventJson.fromData(recorded));
      }
      after = page.get(page.size() - 1).getVersion();
    }
  }

  /**
   * The request ids the engine stored with the log's events (metadata {@code requestId}), in log
   * order, once each; an event stored without one (by an import, for example) gives an empty
   * string.
   *
   * @return the request ids
   */
  public Set<String> requestIds() {
    Set<String> ids = new LinkedHashSet<>();
    long after = 0;
    List<RecordedEvent> page;
    while (!(page = page(after)).isEmpty()) {
      for (RecordedEvent recorded : page) {
        ids.add(recorded.getEvent().getMetadata().getOrDefault("requestId", ""));
      }
      after = page.get(page.size() - 1).getVersion();
    }
    return ids;
  }

  /**
   * Appends events to the log in order, all or nothing: one transaction, on disk when this
   * returns.
   *
   * @param events the events
   * @throws DataFolderException if the store refuses them or cannot write; nothing is stored
   */
  public void appendAll(List<? extends PcopEvent> events) {
    if (events.isEmpty()) {
      return;
    }
    List<EventData> all = new ArrayList<>(events.size());
    for (PcopEvent event : events) {
      all.add(EventJson.toData(event));
    }
    flush(all);
  }

  /**
   * Appends events to the log in order, in atomic batches.
   *
   * @param events the events
   * @param progress receives the number of events appended so far after each batch
   * @throws DataFolderException if the store refuses a batch; the batches before it stay stored
   */
  public void append(List<? extends PcopEvent> events, LongConsumer progress) {
    List<EventData> batch = new ArrayList<>(PAGE);
    long done = 0;
    for (PcopEvent event : events) {
      batch.add(EventJson.toData(event));
      if (batch.size() == PAGE) {
        done += flush(batch);
        progress.accept(done);
      }
    }
    if (!batch.isEmpty()) {
      done += flush(batch);
      progress.accept(done);
    }
  }

  private int flush(List<EventData> batch) {
    long expected = version();
    try {
      store.append(stream, expected == 0 ? ExpectedVersion.noStream()
          : ExpectedVersion.exactly(expected), List.copyOf(batch));
    } catch (StoreException e) {
      version = -1;
      throw failure(dir, "cannot append to the data folder " + dir, e);
    }
    version = expected + batch.size();
    int size = batch.size();
    batch.clear();
    return size;
  }

  /**
   * Writes a consistent copy of the folder in {@code dir} to {@code file}, also while another
   * process holds the folder and appends to it. If no other process holds it, this one opens it;
   * if another does, this one asks that process's database, through the server it keeps on the
   * loopback interface while it holds the folder, for the copy. Either way the database is
   * copied by H2's online {@code BACKUP}, which sees only committed transactions, so the copy
   * is the log as of one instant: every event acknowledged before the backup began, and no
   * part of a batch. See {@link #backup(Path)} for the archive.
   *
   * @param dir the data folder
   * @param file the archive to write; must not exist
   * @return the number of events the archive holds
   * @throws DataFolderException if the folder holds no community or the archive cannot be
   *     written; nothing is left behind then
   */
  public static long backup(Path dir, Path file) {
    return FolderArchive.backup(dir, file);
  }

  /**
   * Writes a consistent copy of the folder to {@code file}, a zip archive holding the frame and
   * the database as of one instant, while appends may go on: the database is copied by H2's
   * online {@code BACKUP}, which sees only committed transactions. The archive is written to a
   * staged file, forced to disk, restored once into a scratch folder to prove that it reads
   * (which also counts its events), and then renamed, so {@code file} is whole or absent.
   *
   * @param file the archive to write; must not exist
   * @return the number of events the archive holds
   * @throws DataFolderException if it cannot be written
   */
  public long backup(Path file) {
    try {
      return FolderArchive.write(dir, file, keepOpen);
    } catch (SQLException e) {
      throw failure(dir, "cannot back up the data folder " + dir + " to " + file, e);
    }
  }

  /**
   * Brings a data folder back from an archive {@link #backup(Path)} wrote: unpacks it into a
   * staged folder beside {@code dir}, opens it to check that it reads, and only then renames it
   * to {@code dir}.
   *
   * @param archive the archive
   * @param dir the folder to restore into; must not exist, or be empty
   * @return the number of events the restored log holds
   * @throws DataFolderException if {@code dir} holds something, or the archive is not a backup of
   *     a data folder; nothing is left behind then
   */
  public static long restore(Path archive, Path dir) {
    return FolderArchive.restore(archive, dir);
  }

  /**
   * Closes the folder's database, writing everything to its file, so that the folder can be
   * copied or opened by another process.
   *
   * @throws DataFolderException if the database cannot be closed
   */
  @Override
  public void close() {
    version = -1;
    boolean last = hold.leave();
    try (Connection connection = keepOpen; Statement statement = connection.createStatement()) {
      if (last) {
        statement.execute("SHUTDOWN");
      }
    } catch (SQLException e) {
      throw failure(dir, "cannot close the database of the data folder " + dir, e);
    } finally {
      if (last) {
        hold.unlock();
      }
    }
  }

  /** Closes after a failure, keeping that failure first: a database that failed may not close. */
  private void closeAfterFailure(Exception failure) {
    try {
      close();
    } catch (RuntimeException e) {
      failure.addSuppressed(e);
    }
  }

  static String firstLine(String text) {
    if (text == null) {
      return "no detail";
    }
    int end = text.indexOf('\n');
    return end < 0 ? text : text.substring(0, end);
  }
}
