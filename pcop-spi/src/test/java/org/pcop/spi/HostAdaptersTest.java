package org.pcop.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcop.spi.memory.InMemoryHostAdapter;

/**
 * Discovery on the module path (the boot layer, where nothing provides an adapter) and on a class
 * path (a class loader whose {@code META-INF/services} registers the fixture adapters, defined in
 * its unnamed module).
 */
class HostAdaptersTest {
  private static final String FIXTURE = "org.pcop.spi.fixture.";

  @TempDir
  Path dir;

  @Test
  void findsNoneOnTheModulePathAndSaysHowToAddOne() {
    DiscoveryException e = assertThrows(DiscoveryException.class, HostAdapters::discover);
    assertEquals("PCOP-SPI-101", e.getCode());
    assertEquals("PCOP-SPI-101 no host adapter found: nothing provides org.pcop.spi.HostAdapter."
        + " Add the jar of your case-management system's pcop adapter (on the module path it"
        + " declares 'provides org.pcop.spi.HostAdapter with ...'; on the class path it lists its"
        + " class in META-INF/services/org.pcop.spi.HostAdapter), or pass an adapter to the"
        + " engine explicitly, such as org.pcop.spi.memory.InMemoryHostAdapter to try pcop out.",
        e.getMessage());
  }

  @Test
  void findsNoneOnAnEmptyClassPath() throws IOException {
    DiscoveryException e = assertThrows(DiscoveryException.class,
        () -> HostAdapters.discover(registering(), Optional.empty()));
    assertEquals(DiscoveryException.NONE_FOUND, e.getCode());
  }

  @Test
  void prefersTheExplicitChoice() throws IOException {
    InMemoryHostAdapter explicit = InMemoryHostAdapter.create();
    assertSame(explicit, HostAdapters.explicitOrDiscovered(Optional.of(explicit)));
    DiscoveryException e = assertThrows(DiscoveryException.class,
        () -> HostAdapters.explicitOrDiscovered(Optional.empty()));
    assertEquals(DiscoveryException.NONE_FOUND, e.getCode());
  }

  @Test
  void findsTheOneRegisteredOnTheClassPath() throws IOException {
    HostAdapter adapter = HostAdapters.discover(registering("OracleAdapter"), Optional.empty());
    assertEquals("oracle", adapter.getName());
    assertEquals(FIXTURE + "OracleAdapter", adapter.getClass().getName());
    assertTrue(!adapter.getClass().getModule().isNamed(), "loaded from the class path");
  }

  @Test
  void listsEveryCandidateWhenSeveralAreFound() throws IOException {
    DiscoveryException e = assertThrows(DiscoveryException.class, () -> HostAdapters.discover(
        registering("OracleAdapter", "SqlserverAdapter"), Optional.empty()));
    assertEquals("PCOP-SPI-102", e.getCode());
    assertEquals("PCOP-SPI-102 several host adapters found: \"oracle\""
        + " (org.pcop.spi.fixture.OracleAdapter), \"sqlserver\""
        + " (org.pcop.spi.fixture.SqlserverAdapter). Remove all but one, or select one by name,"
        + " for example HostAdapters.discover(\"oracle\").", e.getMessage());
  }

  @Test
  void selectsOneOfSeveralByName() throws IOException {
    ClassLoader loader = registering("OracleAdapter", "SqlserverAdapter");
    assertEquals("sqlserver", HostAdapters.discover(loader, Optional.of("sqlserver")).getName());
    assertEquals("oracle", HostAdapters.discover(loader, Optional.of("oracle")).getName());
  }

  @Test
  void namesTheCandidatesWhenTheSelectedNameIsMissing() throws IOException {
    DiscoveryException e = assertThrows(DiscoveryException.class, () -> HostAdapters.discover(
        registering("OracleAdapter", "SqlserverAdapter"), Optional.of("db2")));
    assertEquals("PCOP-SPI-103", e.getCode());
    assertEquals("PCOP-SPI-103 no host adapter is named \"db2\"; found \"oracle\""
        + " (org.pcop.spi.fixture.OracleAdapter), \"sqlserver\""
        + " (org.pcop.spi.fixture.SqlserverAdapter). Select one of the names found, or add the"
        + " jar of the adapter named \"db2\".", e.getMessage());
  }

  @Test
  void refusesTwoAdaptersWithTheSelectedName() throws IOException {
    DiscoveryException e = assertThrows(DiscoveryException.class, () -> HostAdapters.discover(
        registering("OracleAdapter", "SecondOracleAdapter"), Optional.of("oracle")));
    assertEquals("PCOP-SPI-102 several host adapters are named \"oracle\": \"oracle\""
        + " (org.pcop.spi.fixture.OracleAdapter), \"oracle\""
        + " (org.pcop.spi.fixture.SecondOracleAdapter). Remove all but one of them.",
        e.getMessage());
  }

  @Test
  void namesAnAdapterThatFailsToLoad() throws IOException {
    DiscoveryException e = assertThrows(DiscoveryException.class, () -> HostAdapters.discover(
        registering("BrokenAdapter"), Optional.empty()));
    assertEquals("PCOP-SPI-104", e.getCode());
    assertTrue(e.getMessage().startsWith("PCOP-SPI-104 a registered host adapter failed to load:"
        + " org.pcop.spi.HostAdapter: Provider org.pcop.spi.fixture.BrokenAdapter could not be"
        + " instantiated. Fix the adapter's registration"), e.getMessage());
    assertEquals("acme.datasource is not configured", e.getCause().getCause().getMessage());
  }

  @Test
  void codesAreDistinct() {
    List<String> codes = List.of(DiscoveryException.NONE_FOUND, DiscoveryException.SEVERAL_FOUND,
        DiscoveryException.NAME_NOT_FOUND, DiscoveryException.FAILED_TO_LOAD);
    assertEquals(codes.size(), codes.stream().distinct().count());
    assertNotEquals(codes.get(0), codes.get(1));
  }

  /**
   * A class loader that registers the given fixture adapters in
   * {@code META-INF/services/org.pcop.spi.HostAdapter} and defines them itself, in its unnamed
   * module, the way a jar on a host's class path would.
   */
  private ClassLoader registering(String... simpleNames) throws IOException {
    Path services = dir.resolve("META-INF/services");
    Files.createDirectories(services);
    StringBuilder lines = new StringBuilder("# fixture adapters\n");
    for (String name : simpleNames) {
      lines.append(FIXTURE).append(name).append('\n');
    }
    Files.writeString(services.resolve(HostAdapter.class.getName()), lines);
    URL[] urls = {dir.toUri().toURL(), Path.of("target", "test-classes").toUri().toURL()};
    return new URLClassLoader(urls, HostAdaptersTest.class.getClassLoader()) {
      @Override
      protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.startsWith(FIXTURE)) {
          return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
          Class<?> loaded = findLoadedClass(name);
          return loaded != null ? loaded : findClass(name);
        }
      }
    };
  }
}
