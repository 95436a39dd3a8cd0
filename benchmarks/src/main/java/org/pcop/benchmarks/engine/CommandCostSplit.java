package org.pcop.benchmarks.engine;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.pcop.benchmarks.NationalCommunity;
import org.pcop.benchmarks.jdbc.Database;
import org.pcop.benchmarks.jdbc.RawJdbcAppender;
import org.pcop.engine.Pcop;
import org.pcop.model.event.EventId;
import org.pcop.samples.jdbcstore.JdbcEventStore;
import org.pcop.spi.EventData;
import org.pcop.spi.ExpectedVersion;
import org.pcop.spi.RecordedEvent;
import org.pcop.spi.StreamId;
import org.pcop.spi.memory.InMemoryEventStore;

/**
 * Splits the cost of a command through the engine over {@link JdbcEventStore} into its parts,
 * one thread, no JMH: the engine alone (the same {@link CommandMix} over an
 * {@link InMemoryEventStore}), the store's append of one event expecting an exact version to one
 * long stream (as the engine appends), plain JDBC's append of the same event
 * ({@link RawJdbcAppender}), and the whole command over the store; with the statements and
 * commits each sends to the database (every statement executed and every commit or rollback is
 * one round trip to a server). The store's append and the raw append are timed in alternating
 * blocks, so a change of load affects both alike. Prints mean, p50 and p99 of each part in
 * microseconds.
 *
 * <p>Run: {@code java -p ... -m org.pcop.benchmarks/org.pcop.benchmarks.engine.CommandCostSplit
 * H2|POSTGRESQL [commands]}.
 */
public final class CommandCostSplit {
  private CommandCostSplit() {}

  /**
   * Runs the split.
   *
   * @param args the database kind, and optionally how many commands to time (default 3,200)
   */
  public static void main(String[] args) {
    Database.Kind kind = Database.Kind.valueOf(args[0].toUpperCase(Locale.ROOT));
    int count = args.length > 1 ? Integer.parseInt(args[1]) : 3200;
    count -= count % CommandMix.CYCLE;

    CommandMix memoryMix = new CommandMix("m-");
    Pcop memory = memoryMix.engine(InMemoryEventStore.create());
    memoryMix.populate(memory);
    for (int i = 0; i < count; i++) {
      memoryMix.next(memory);
    }
    long[] engineAlone = new long[count];
    for (int i = 0; i < count; i++) {
      long start = System.nanoTime();
      memoryMix.next(memory);
      engineAlone[i] = System.nanoTime() - start;
    }
    memory.close();

    try (Database db = Database.start(kind)) {
      Counting counting = new Counting(db.dataSource());
      JdbcEventStore store = JdbcEventStore.open(counting);
      CommandMix mix = new CommandMix("j-");
      Pcop pcop = mix.engine(store);
      mix.populate(pcop);
      for (int i = 0; i < count; i++) {
        mix.next(pcop);
      }
      StreamId stream = StreamId.of("pcop-" + NationalCommunity.COMMUNITY.getId());
      long version = 0;
      for (List<RecordedEvent> page = store.readStream(stream, 0, 1000); !page.isEmpty();
          page = store.readStream(stream, version, 1000)) {
        version = page.get(page.size() - 1).getVersion();
      }
      List<EventData> pool = new ArrayList<>();
      for (RecordedEvent recorded : store.readStream(stream, version - CommandMix.CYCLE,
          CommandMix.CYCLE)) {
        pool.add(recorded.getEvent());
      }
      long[] command = new long[count];
      counting.reset();
      for (int i = 0; i < count; i++) {
        long start = System.nanoTime();
        mix.next(pcop);
        command[i] = System.nanoTime() - start;
      }
      String commandTrips = counting.perCall(count);
      pcop.close();

      StreamId solo = StreamId.of("solo");
      long[] append = new long[count];
      long[] rawAppend = new long[count];
      long soloVersion = 0;
      String appendCounts = "";
      String rawCounts = "";
      for (int round = 0; round < 2; round++) { // the first round warms up
        for (int block = 0; block < count; block += 100) {
          counting.reset();
          for (int i = block; i < block + 100 && i < count; i++) {
            EventData event = EventData.builder().from(pool.get(i % pool.size()))
                .eventId(EventId.of("s-" + round + "-" + i)).build();
            long start = System.nanoTime();
            store.append(solo, soloVersion == 0 ? ExpectedVersion.noStream()
                : ExpectedVersion.exactly(soloVersion), List.of(event));
            append[i] = System.nanoTime() - start;
            soloVersion++;
          }
          appendCounts = counting.perCall(Math.min(100, count - block));
          RawJdbcAppender raw = new RawJdbcAppender(counting, db.number(
              "SELECT last_position FROM pcop_event_position"), Clock.systemUTC());
          counting.reset();
          for (int i = block; i < block + 100 && i < count; i++) {
            EventData event = EventData.builder().from(pool.get(i % pool.size()))
                .eventId(EventId.of("r-" + round + "-" + i)).build();
            long start = System.nanoTime();
            try {
              raw.append(StreamId.of("raw-" + round + "-" + i), List.of(event));
            } catch (SQLException e) {
              throw new IllegalStateException(e);
            }
            rawAppend[i] = System.nanoTime() - start;
          }
          rawCounts = counting.perCall(Math.min(100, count - block));
          // The raw side keeps its positions in memory; move the store's row past them.
          try (Connection connection = db.dataSource().getConnection();
              Statement update = connection.createStatement()) {
            update.executeUpdate("UPDATE pcop_event_position SET last_position ="
                + " (SELECT MAX(global_position) FROM pcop_events)");
          } catch (SQLException e) {
            throw new IllegalStateException(e);
          }
        }
      }
      System.out.printf("%s, %d commands (%d cycles of %d)%n", kind, count,
          count / CommandMix.CYCLE, CommandMix.CYCLE);
      print("engine alone (in-memory store)", engineAlone, "");
      print("command over JdbcEventStore", command, commandTrips);
      print("store append, one event, exact", append, appendCounts);
      print("raw JDBC append, one event", rawAppend, rawCounts);
      long[] byKind = new long[CommandMix.CYCLE];
      long[] memoryByKind = new long[CommandMix.CYCLE];
      for (int i = 0; i < count; i++) {
        byKind[i % CommandMix.CYCLE] += command[i];
        memoryByKind[i % CommandMix.CYCLE] += engineAlone[i];
      }
      int cycles = count / CommandMix.CYCLE;
      StringBuilder line = new StringBuilder("mean by step of the cycle (JDBC / memory), us:");
      for (int k = 0; k < CommandMix.CYCLE; k++) {
        line.append(String.format(" %d:%d/%d", k, byKind[k] / cycles / 1000,
            memoryByKind[k] / cycles / 1000));
      }
      System.out.println(line);
    }
  }

  private static void print(String what, long[] nanos, String trips) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    double mean = Arrays.stream(sorted).average().orElse(0) / 1000;
    System.out.printf("%-34s mean %7.1f us  p50 %7.1f  p99 %8.1f  max %8.1f  %s%n", what, mean,
        sorted[sorted.length / 2] / 1000.0, sorted[(int) (sorted.length * 0.99)] / 1000.0,
        sorted[sorted.length - 1] / 1000.0, trips);
  }

  /** A data source counting the statements its connection executes and its commits. */
  private static final class Counting implements DataSource {
    private final DataSource target;
    private long statements;
    private long commits;
    private long rollbacks;

    Counting(DataSource target) {
      this.target = target;
    }

    void reset() {
      statements = 0;
      commits = 0;
      rollbacks = 0;
    }

    String perCall(int calls) {
      return String.format("statements %.2f, commits %.2f, rollbacks %.2f a call",
          statements / (double) calls, commits / (double) calls, rollbacks / (double) calls);
    }

    @Override
    public Connection getConnection() throws SQLException {
      Connection connection = target.getConnection();
      return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
          new Class<?>[] {Connection.class}, (proxy, method, args) -> {
            if (method.getName().equals("commit")) {
              commits++;
            } else if (method.getName().equals("rollback")) {
              rollbacks++;
            }
            Object result = invoke(method, connection, args);
            if (result instanceof Statement) {
              Class<?> type = method.getReturnType();
              Statement statement = (Statement) result;
              return Proxy.newProxyInstance(Connection.class.getClassLoader(),
                  new Class<?>[] {type}, (p, m, a) -> {
                    if (m.getName().startsWith("execute")) {
                      statements++;
                    }
                    return invoke(m, statement, a);
                  });
            }
            return result;
          });
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args)
        throws Throwable {
      try {
        return method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
      // Nothing to log.
    }

    @Override
    public void setLoginTimeout(int seconds) {
      // The connection is open already.
    }

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      throw new SQLFeatureNotSupportedException("no logger");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
      throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
      return false;
    }
  }
}
