/**
 * The conformance kit: abstract JUnit test classes a vendor extends to prove that an adapter keeps
 * the guarantees of the pcop provider interfaces.
 */
module org.pcop.tck {
  exports org.pcop.tck;

  // The kit's classes take and return the provider interfaces under test.
  requires transitive org.pcop.spi;
  // Vendors extend the kit's JUnit test classes, so JUnit's API is part of ours.
  requires transitive org.junit.jupiter.api;

  // JUnit instantiates the kit's package-private @Nested rule classes and calls their
  // package-private test methods reflectively; nothing else needs deep access.
  opens org.pcop.tck to org.junit.platform.commons;
}
