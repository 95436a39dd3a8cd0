package org.pcop.samples.jdbcstore;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;

/**
 * A data source that hands out the real one's connections with a given isolation level and
 * auto-commit setting, as a pool configured that way would, and notes the settings each
 * connection has when it is closed, so a test can check that the store put back what it
 * changed.
 */
final class PresetConnections {
  private final int isolation;
  private final boolean autoCommit;
  private final List<String> closedWith = new CopyOnWriteArrayList<>();
  private final DataSource proxy;

  PresetConnections(DataSource real, int isolation, boolean autoCommit) {
    this.isolation = isolation;
    this.autoCommit = autoCommit;
    this.proxy = (DataSource) Proxy.newProxyInstance(PresetConnections.class.getClassLoader(),
        new Class<?>[] {DataSource.class}, (self, method, args) -> {
          Object result = FaultyDataSource.invoke(real, method, args);
          if (result instanceof Connection) {
            Connection connection = (Connection) result;
            connection.setTransactionIsolation(isolation);
            connection.setAutoCommit(autoCommit);
            return watched(connection);
          }
          return result;
        });
  }

  /** The data source to hand to the store. */
  DataSource dataSource() {
    return proxy;
  }

  /** The settings every connection should be closed with: {@code isolation=N autoCommit=B}. */
  String preset() {
    return settings(isolation, autoCommit);
  }

  /** The settings of each connection closed so far, in order. */
  List<String> closedWith() {
    return List.copyOf(closedWith);
  }

  private static String settings(int isolation, boolean autoCommit) {
    return "isolation=" + isolation + " autoCommit=" + autoCommit;
  }

  private Connection watched(Connection connection) {
    return (Connection) Proxy.newProxyInstance(PresetConnections.class.getClassLoader(),
        new Class<?>[] {Connection.class}, (self, method, args) -> {
          if (method.getName().equals("close") && method.getParameterCount() == 0
              && !connection.isClosed()) {
            closedWith.add(settings(connection.getTransactionIsolation(),
                connection.getAutoCommit()));
            if (!connection.getAutoCommit()) {
              connection.rollback(); // As a pool resets a connection it takes back.
            }
          }
          return FaultyDataSource.invoke(connection, method, args);
        });
  }

  /**
   * Whether a connection of this database can be set to an isolation level.
   *
   * @param database the database
   * @param level the level
   * @return true if the driver accepts it
   */
  static boolean supports(DataSource database, int level) {
    try (Connection connection = database.getConnection()) {
      return connection.getMetaData().supportsTransactionIsolationLevel(level);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
