package org.pcop.samples.cli.folder;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.pcop.spi.EventData;
import org.pcop.spi.EventStore;
import org.pcop.spi.RecordedEvent;
import org.pcop.spi.StreamId;

/**
 * The seal of a data folder, {@code pcop.seal} beside its database: for each stream of the log,
 * the version of its last event and a checksum of that event, as of the last append this folder
 * made. It is written after each append has been committed and forced to disk, to a staged file
 * that is forced and then renamed over the old one, so on disk it is always whole and never
 * claims more than the database holds.
 *
 * <p>The database may open a file that was cut short or garbled as the last state it can still
 * read: whole, but without the events stored after it. Opening the folder checks that the
 * database still holds each sealed event, unchanged; if not, the folder is damaged. A database
 * ahead of its seal is fine: the process died between a commit and the seal's rewrite.
 */
final class FolderSeal {
  /** The seal's file in the data folder. */
  static final String FILE = "pcop.seal";
  /** The seal while it is rewritten. */
  static final String STAGED_FILE = FILE + ".new";

  private static final String FIRST_LINE = "pcop-seal 1";
  private static final String LAST_LINE_START = "sum ";

  private final Path dir;
  /** The last version and the checksum of its event, by stream id, sorted. */
  private final Map<String, Mark> marks;

  /** A stream's last sealed event. */
  private record Mark(long version, String checksum) {}

  private FolderSeal(Path dir, Map<String, Mark> marks) {
    this.dir = dir;
    this.marks = marks;
  }

  /**
   * The folder's seal, checked against its store; a folder without a seal (made before seals,
   * or whose log is empty) is sealed as its store is now.
   *
   * @throws DataFolderException if the store lacks a sealed event or holds another one there,
   *     or the seal cannot be read; the folder is damaged then
   * @throws IOException if the seal cannot be written
   */
  static FolderSeal open(Path dir, EventStore store) throws IOException {
    Optional<Map<String, Mark>> read = read(dir);
    if (read.isEmpty()) {
      FolderSeal seal = new FolderSeal(dir, scan(store));
      seal.write();
      return seal;
    }
    for (Map.Entry<String, Mark> mark : read.get().entrySet()) {
      List<RecordedEvent> found = store.readStream(StreamId.of(mark.getKey()),
          mark.getValue().version() - 1, 1);
      if (found.size() != 1 || found.get(0).getVersion() != mark.getValue().version()
          || !checksum(found.get(0).getEvent()).equals(mark.getValue().checksum())) {
        throw damaged(dir);
      }
    }
    return new FolderSeal(dir, read.get());
  }

  /** Removes the seal and its staged copy, for a folder that is being made. */
  static void remove(Path dir) throws IOException {
    Files.deleteIfExists(dir.resolve(FILE));
    Files.deleteIfExists(dir.resolve(STAGED_FILE));
  }

  private static DataFolderException damaged(Path dir) {
    return new DataFolderException(StorageProblem.DAMAGED.describe(dir));
  }

  /** The last event of each stream, reading the whole log once. */
  private static Map<String, Mark> scan(EventStore store) {
    Map<String, Mark> marks = new TreeMap<>();
    long after = 0;
    List<RecordedEvent> page;
    while (!(page = store.readAll(after, DataFolder.PAGE)).isEmpty()) {
      for (RecordedEvent recorded : page) {
        marks.put(recorded.getStream().value(),
            new Mark(recorded.getVersion(), checksum(recorded.getEvent())));
      }
      after = page.get(page.size() - 1).getPosition();
    }
    return marks;
  }

  private static Optional<Map<String, Mark>> read(Path dir) {
    List<String> lines;
    try {
      lines = Files.readAllLines(dir.resolve(FILE), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw DataFolder.failure(dir, "cannot read " + dir.resolve(FILE), e);
    }
    if (lines.size() < 2 || !FIRST_LINE.equals(lines.get(0))
        || !lines.get(lines.size() - 1).equals(LAST_LINE_START
            + sum(lines.subList(0, lines.size() - 1)))) {
      throw damaged(dir);
    }
    Map<String, Mark> marks = new TreeMap<>();
    for (String line : lines.subList(1, lines.size() - 1)) {
      String[] parts = line.split(" ", -1);
      try {
        marks.put(parts[0], new Mark(Long.parseLong(parts[1]), parts[2]));
      } catch (RuntimeException e) {
        throw damaged(dir);
      }
    }
    return Optional.of(marks);
  }

  /**
   * Seals the last event of a batch just appended (committed and on disk): rewrites the seal
   * with it, forced to disk.
   *
   * @param stream the stream appended to
   * @param lastVersion the version of the batch's last event
   * @param last the batch's last event
   * @throws IOException if the seal cannot be written; the old seal stays, which the database
   *     is ahead of, and that is fine
   */
  void seal(StreamId stream, long lastVersion, EventData last) throws IOException {
    Mark mark = new Mark(lastVersion, checksum(last));
    Mark before = marks.get(stream.value());
    if (before != null && before.version() >= lastVersion) {
      return; // a retry of a batch already sealed, or an older one
    }
    marks.put(stream.value(), mark);
    write();
  }

  private void write() throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add(FIRST_LINE);
    marks.forEach((stream, mark) -> lines.add(stream + " " + mark.version() + " "
        + mark.checksum()));
    lines.add(LAST_LINE_START + sum(lines));
    Path staged = dir.resolve(STAGED_FILE);
    try (FileChannel channel = FileChannel.open(staged, StandardOpenOption.CREATE,
        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        OutputStream out = Channels.newOutputStream(channel)) {
      out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      channel.force(true);
    }
    // The rename is not forced to disk: after a crash the folder has the old seal or the new
    // one, each whole (forced before its rename) and neither ahead of the database, which is
    // all the check on open needs. Forcing the folder too cost about half as much again per
    // append in a measurement on ext4.
    Files.move(staged, dir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
  }

  /** SHA-256 of an event's id, type, format, payload and metadata, in hex. */
  static String checksum(EventData event) {
    MessageDigest digest = sha256();
    field(digest, event.getEventId().value().getBytes(StandardCharsets.UTF_8));
    field(digest, event.getType().getBytes(StandardCharsets.UTF_8));
    field(digest, event.getFormat().name().getBytes(StandardCharsets.UTF_8));
    field(digest, event.getPayload());
    new TreeMap<>(event.getMetadata()).forEach((key, value) -> {
      field(digest, key.getBytes(StandardCharsets.UTF_8));
      field(digest, value.getBytes(StandardCharsets.UTF_8));
    });
    return HexFormat.of().formatHex(digest.digest());
  }

  private static String sum(List<String> lines) {
    MessageDigest digest = sha256();
    lines.forEach(l -> field(digest, l.getBytes(StandardCharsets.UTF_8)));
    return HexFormat.of().formatHex(digest.digest());
  }

  private static void field(MessageDigest digest, byte[] bytes) {
    digest.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
    digest.update(bytes);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
