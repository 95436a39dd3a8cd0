package org.pcop.samples.jdbcstore;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;

/**
 * A data source that passes everything to a real one but can be told to fail the next append at
 * one point, as a database or network can: half way through writing the batch's rows, at the
 * commit (not committed), after the commit (committed, but the caller hears of a failure), or with
 * a transient error such as a deadlock on the position row.
 */
final class FaultyDataSource {
  /** Where the next append fails. */
  enum Fault {
    /**
     * The batch's first row is written in the transaction (or, where one statement inserts the
     * whole batch, all rows but the last), then the connection fails.
     */
    HALF_WAY,
    /** The commit fails without committing. */
    COMMIT_LOST,
    /** The commit succeeds but the caller gets an error, as when the connection drops. */
    AFTER_COMMIT,
    /** The first statement fails with a deadlock (SQLState 40001) once. */
    DEADLOCK_ONCE
  }

  private final DataSource real;
  private final AtomicReference<Fault> next = new AtomicReference<>();
  private final DataSource proxy;
  private volatile int rowsWrittenBeforeFault;
  private final java.util.concurrent.atomic.AtomicInteger streamVersionReads =
      new java.util.concurrent.atomic.AtomicInteger();

  FaultyDataSource(DataSource real) {
    this.real = real;
    this.proxy = proxy(DataSource.class, (self, method, args) -> {
      Object result = invoke(this.real, method, args);
      return result instanceof Connection ? connection((Connection) result) : result;
    });
  }

  /** The data source to hand to the store. */
  DataSource dataSource() {
    return proxy;
  }

  /** Arms a fault for the next append. */
  void failNext(Fault fault) {
    next.set(fault);
  }

  /** How many rows the last half-way fault had written inside its transaction. */
  int rowsWrittenBeforeFault() {
    return rowsWrittenBeforeFault;
  }

  /**
   * How many statements of their own read a stream's version so far: the store runs one only
   * when the version read with the position row's lock may be out of date or is refused.
   */
  int streamVersionReads() {
    return streamVersionReads.get();
  }

  /** Whether the armed fault has not struck yet. */
  boolean armed() {
    return next.get() != null;
  }

  private Connection connection(Connection connection) {
    return proxy(Connection.class, (self, method, args) -> {
      String name = method.getName();
      if (name.equals("commit")) {
        if (next.compareAndSet(Fault.COMMIT_LOST, null)) {
          throw new SQLException("injected: connection lost before the commit", "08006");
        }
        invoke(connection, method, args);
        if (next.compareAndSet(Fault.AFTER_COMMIT, null)) {
          throw new SQLException("injected: connection lost after the commit", "08006");
        }
        return null;
      }
      Object result = invoke(connection, method, args);
      if (result instanceof PreparedStatement) {
        return statement((PreparedStatement) result, (String) args[0]);
      }
      return result;
    });
  }

  private PreparedStatement statement(PreparedStatement statement, String sql) {
    return proxy(PreparedStatement.class, (self, method, args) -> {
      String name = method.getName();
      if (sql.equals(Dialect.STREAM_VERSION) && name.startsWith("execute")) {
        streamVersionReads.incrementAndGet();
      }
      if (sql.contains("UPDATE pcop_event_position") && name.startsWith("execute")
          && next.compareAndSet(Fault.DEADLOCK_ONCE, null)) {
        throw new SQLException("injected: deadlock detected", "40001");
      }
      if (sql.startsWith("INSERT INTO pcop_events") && name.equals("addBatch")
          && next.compareAndSet(Fault.HALF_WAY, null)) {
        // Write the batch's first row for real inside the transaction, then fail.
        invoke(statement, method, args);
        rowsWrittenBeforeFault = Arrays.stream(statement.executeBatch()).sum();
        throw new SQLException("injected: connection lost half way through the batch", "08006");
      }
      if (sql.contains("INSERT INTO pcop_events") && sql.contains("UPDATE pcop_event_position")
          && name.equals("execute") && next.compareAndSet(Fault.HALF_WAY, null)) {
        // The one statement that moves the position row and inserts the batch: its last row is
        // given a payload format the table's check constraint refuses, so the database inserts
        // the rows before it, as it checks each row when it inserts it, and then fails the
        // statement; the connection is then taken as lost.
        int rows = sql.split("\\?::bytea", -1).length - 1;
        statement.setString(5 + (rows - 1) * 5 + 3, "BROKEN");
        try {
          invoke(statement, method, args);
        } catch (SQLException e) {
          rowsWrittenBeforeFault = rows - 1;
          throw new SQLException("injected: connection lost half way through the batch", "08006",
              e);
        }
        throw new IllegalStateException("the insert with a refused payload format succeeded");
      }
      return invoke(statement, method, args);
    });
  }

  /** Calls {@code method} on {@code target} for a proxy, rethrowing what the call threw. */
  static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static <T> T proxy(Class<T> type, InvocationHandler handler) {
    return type.cast(Proxy.newProxyInstance(FaultyDataSource.class.getClassLoader(),
        new Class<?>[] {type}, handler));
  }
}
