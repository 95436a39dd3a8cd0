package org.pcop.io.schema;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.IOException;

/**
 * The JSON Schema files (draft 2020-12) of pcop's JSON formats, as resources of this package:
 * {@value #COMMUNITY_DOCUMENT}, {@value #EVENT_LINE} and {@value #RULE_SET}. Everything pcop
 * writes validates against them. They describe shape (properties, types, identifier and date
 * patterns, the closed lists of event types and built-in rule kinds); the rules that need the
 * whole document, such as references between ids, unique rule ids or whether a plugin rule kind
 * is installed, are checked by the readers only. The community document schema holds a copy of
 * the rule-set definitions, so that each file stands alone.
 */
public final class PcopSchemas {
  /** The resource name of the community document schema, in this package. */
  public static final String COMMUNITY_DOCUMENT = "community-document.schema.json";
  /** The resource name of the schema of one event-log line, in this package. */
  public static final String EVENT_LINE = "event-line.schema.json";
  /** The resource name of the rule set schema, in this package. */
  public static final String RULE_SET = "rule-set.schema.json";

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

  /**
   * Opens the rule set schema (a file of {@link org.pcop.io.ruleset.RuleSetFormat}).
   *
   * @return the schema's UTF-8 bytes; the caller closes the stream
   */
  public static InputStream ruleSet() {
    return open(RULE_SET);
  }

  private static InputStream open(String name) {
    InputStream in = PcopSchemas.class.getResourceAsStream(name);
    if (in == null) {
      throw new UncheckedIOException(new IOException("pcop-io is missing its resource " + name));
    }
    return in;
  }
}
