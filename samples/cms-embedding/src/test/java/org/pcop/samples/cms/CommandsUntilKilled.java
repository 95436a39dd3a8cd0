package org.pcop.samples.cms;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;
import org.h2.jdbcx.JdbcDataSource;
import org.pcop.engine.Pcop;
import org.pcop.samples.jdbcstore.JdbcEventStore;
import org.pcop.samples.jdbcstore.JdbcSnapshotStore;

/**
 * The child process of {@link SnapshotKillTest}: an engine over an H2 file database with its
 * events in {@link JdbcEventStore} and snapshots in {@link JdbcSnapshotStore}, written every one
 * to five events, running commands forever and printing the engine's position after each, for
 * the parent to kill it at any moment, also while a snapshot is being written.
 */
public final class CommandsUntilKilled {
  private CommandsUntilKilled() {}

  /**
   * Runs commands until killed.
   *
   * @param args the database file (without {@code .mv.db}), the run number and a seed
   */
  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    JdbcDataSource database = SnapshotWorld.database(Path.of(args[0]));
    String run = args[1];
    Random random = new Random(Long.parseLong(args[2]));
    Pcop pcop = new SnapshotWorld().engine(JdbcEventStore.open(database),
        Optional.of(JdbcSnapshotStore.open(database)), 1 + random.nextInt(5));
    SnapshotWorld.populate(pcop, run);
    out.println("open " + pcop.position());
    out.flush();
    for (int n = 0; ; n++) {
      SnapshotWorld.step(pcop, run, n, random);
      out.println("acked " + pcop.position());
      out.flush();
    }
  }
}
