package org.pcop.io.schema;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.IOException;

/**
 * The JSON Schema files (draft 2020-12) of pcop's JSON formats, as resources of this package:
 * {@value #COMMUNITY_DOCUMENT} and {@value #EVENT_LINE}. Everything pcop writes validates against
 * them. They describe shape (properties, types, identifier and date patterns, the closed list of
 * event types); the rules that need the whole document, such as references between ids, are
 * checked by the readers only.
 */
public final class PcopSchemas {
  /** The resource name of the community document schema, in this package. */
  public static final String COMMUNITY_DOCUMENT = "community-document.schema.json";
  /** The resource name of the schema of one event-log line, in this package. */
  public static final String EVENT_LINE = "event-line.schema.json";

  private PcopSchemas() {}

  /**
   * Opens the community document schema.
   *
   * @return the schema's UTF-8 bytes; the caller closes the stream
   */
  public static InputStream communityDocument() {
    return open(COMMUNITY_DOCUMENT);
  }

  /**
   * Opens the schema of one event-log line.
   *
   * @return the schema's UTF-8 bytes; the caller closes the stream
   */
  public static InputStream eventLine() {
    return open(EVENT_LINE);
  }

  private static InputStream open(String name) {
    InputStream in = PcopSchemas.class.getResourceAsStream(name);
    if (in == null) {
      throw new UncheckedIOException(new IOException("pcop-io is missing its resource " + name));
    }
    return in;
  }
}
