package org.pcop.io.ruleset;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.pcop.io.ImportError;
import org.pcop.io.ImportResult;
import org.pcop.io.ReadLimits;
import org.pcop.io.internal.Codec;
import org.pcop.io.internal.Decoding;
import org.pcop.io.internal.Fields;
import org.pcop.io.internal.JsonInput;
import org.pcop.io.internal.RuleCodecs;
import org.pcop.io.internal.RuleSetMigrations;
import org.pcop.io.internal.Scalars;
import org.pcop.rules.definition.Rule;
import org.pcop.rules.definition.RuleSet;
import org.pcop.rules.spi.RuleKindRegistry;

/**
 * Reads and writes rule sets (JSON), the engagement rules of pcop-rules as a file an administrator
 * edits.
 *
 * <p>The file is an object with {@code schemaVersion} (currently {@value #SCHEMA_VERSION}),
 * {@code id}, {@code version} and {@code rules}. Each rule is an object whose {@code kind} is a
 * registered kind name, then {@code id}, {@code community} and the properties of its kind:
 *
 * <pre>{@code
 * {
 *   "schemaVersion": 2,
 *   "id": "pcop-default",
 *   "version": 3,
 *   "rules": [
 *     {"kind": "dormancy", "id": "dormant-180", "community": "c-pcop", "days": 180},
 *     {"kind": "service-level", "id": "rfi-3bd", "community": "c-pcop",
 *      "obligation": "RFI_FIRST_RESPONSE", "days": 3, "businessDays": true,
 *      "warnBusinessDays": 1},
 *     {"kind": "exchange-diversity", "id": "diverse", "community": "c-pcop",
 *      "parameters": {"minAgencies": "3"}}
 *   ]
 * }
 * }</pre>
 *
 * <p>The built-in kinds ({@code eligibility}, {@code engagement-level}, {@code points},
 * {@code service-level}, {@code exchange-policy}, {@code coverage}, {@code dormancy}) have fixed
 * properties; a plugin kind ({@link org.pcop.rules.spi.RuleKind}) travels under the name it
 * registered, with its parameters as the object {@code parameters} of text values, and is read
 * into a {@link org.pcop.rules.definition.CustomRule}. A kind name the format's
 * {@link RuleKindRegistry} does not hold is refused, naming where; Java class names never appear.
 * The JSON Schema ships in this module (see {@link org.pcop.io.schema.PcopSchemas#ruleSet()}).
 *
 * <p>A rule set of an older schema version is migrated on read (see {@code RuleSetMigrations}):
 * version 1 lacks only what version 2 added (the acceptance and closure service levels and
 * {@code warnBusinessDays}), so it reads into the same rules, and writing gives version 2. A
 * version newer than {@value #SCHEMA_VERSION} is refused, saying that a newer pcop wrote it.
 *
 * <p>Reading is strict and all or nothing, as for every pcop format: unknown properties, duplicate
 * keys, trailing content and type hints are refused, the limits of {@link ReadLimits} apply, and
 * the result is either a rule set the builders accept or every error found, each with its line,
 * column and JSON pointer. Writing then reading gives an equal rule set.
 *
 * <pre>{@code
 * RuleSetFormat format = RuleSetFormat.with(ReadLimits.defaults(),
 *     RuleKindRegistry.installed(ModuleLayer.boot()));
 * RuleSet rules = format.read(Path.of("rules.json")).orElseThrow();
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class RuleSetFormat {
  /** The schema version written, and the newest read. */
  public static final int SCHEMA_VERSION = RuleSetMigrations.CURRENT;

  private static final String WHAT = "rule set";

  private final ReadLimits limits;
  private final RuleKindRegistry registry;
  private final JsonFactory factory;
  private final Codec<Rule> rule;
  private final String[] properties;

  private RuleSetFormat(ReadLimits limits, RuleKindRegistry registry) {
    this.limits = Objects.requireNonNull(limits, "limits");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.factory = JsonInput.factory(limits, limits.getMaxDocumentLength());
    this.rule = RuleCodecs.rule(registry);
    List<String> names = new ArrayList<>();
    names.add("schemaVersion");
    names.addAll(RuleCodecs.ruleSetProperties());
    this.properties = names.toArray(new String[0]);
  }

  /**
   * A format reading the built-in rule kinds under the default limits, strictly.
   *
   * @return the format
   */
  public static RuleSetFormat create() {
    return new RuleSetFormat(ReadLimits.defaults(), RuleKindRegistry.builtIn());
  }

  /**
   * A format reading the built-in rule kinds under {@code limits}.
   *
   * @param limits the limits
   * @return the format
   */
  public static RuleSetFormat with(ReadLimits limits) {
    return new RuleSetFormat(limits, RuleKindRegistry.builtIn());
  }

  /**
   * A format reading the kinds of {@code registry} (the built-in ones and its plugins) under
   * {@code limits}.
   *
   * @param limits the limits
   * @param registry the rule kinds that may appear
   * @return the format
   */
  public static RuleSetFormat with(ReadLimits limits, RuleKindRegistry registry) {
    return new RuleSetFormat(limits, registry);
  }

  /**
   * The rule kinds this format reads and writes.
   *
   * @return the registry
   */
  public RuleKindRegistry registry() {
    return registry;
  }

  /**
   * Reads a rule set from UTF-8 bytes; the stream is read to the end of the document but not
   * closed.
   *
   * @param in the input
   * @return the rule set, or every error found
   * @throws IOException if the input cannot be read
   */
  public ImportResult<RuleSet> read(InputStream in) throws IOException {
    JsonInput input;
    try (JsonParser p = factory.createParser(in)) {
      input = JsonInput.read(p, limits, 0);
    } catch (JsonInput.Failure e) {
      return ImportResult.invalid(WHAT, List.of(e.error()), 0);
    }
    JsonNode root = input.root();
    Decoding d = new Decoding(limits, input);
    if (!root.isObject()) {
      d.error("", "expected a rule set (a JSON object), found " + Fields.kind(root));
      return result(d, null);
    }
    JsonNode version = root.get("schemaVersion");
    if (version == null) {
      d.error("/schemaVersion", "missing required property \"schemaVersion\"; expected "
          + SCHEMA_VERSION);
      return result(d, null);
    }
    Integer schemaVersion = Scalars.INT.decode(version, "/schemaVersion", d);
    if (schemaVersion != null && schemaVersion > SCHEMA_VERSION) {
      d.error("/schemaVersion", "unsupported schema version " + schemaVersion + "; this"
          + " version of pcop reads rule sets of schema versions 1 to " + SCHEMA_VERSION
          + ", and a newer pcop wrote this one: read it with that version or later");
    } else if (schemaVersion != null && schemaVersion < 1) {
      d.error("/schemaVersion", "unsupported schema version " + schemaVersion + "; expected "
          + SCHEMA_VERSION + " (or 1, which is migrated)");
    }
    if (d.errorCount() > 0) {
      return result(d, null);
    }
    if (schemaVersion == 1) {
      root = RuleSetMigrations.v1ToV2((com.fasterxml.jackson.databind.node.ObjectNode) root, d);
    }
    Fields f = Fields.of(root, "", d, "a rule set", properties);
    RuleSet set = RuleCodecs.readRuleSet(f, rule);
    return result(d, set);
  }

  /**
   * Reads a rule set from a UTF-8 file.
   *
   * @param file the file
   * @return the rule set, or every error found
   * @throws IOException if the file cannot be read
   */
  public ImportResult<RuleSet> read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in);
    }
  }

  /**
   * Reads a rule set from text.
   *
   * @param json the rule set
   * @return the rule set, or every error found
   */
  public ImportResult<RuleSet> read(String json) {
    try {
      return read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ImportResult<RuleSet> result(Decoding d, RuleSet set) {
    if (d.errorCount() > 0 || set == null) {
      List<ImportError> errors = d.errors();
      if (errors.isEmpty()) {
        errors = List.of(ImportError.json(0, 0, "", "the rule set was refused"));
      }
      return ImportResult.invalid(WHAT, errors, d.omitted());
    }
    return ImportResult.valid(WHAT, set);
  }

  /**
   * Writes a rule set as UTF-8 JSON of the current schema version, indented for people to read.
   * The stream is flushed, not closed.
   *
   * @param set the rule set
   * @param out the output
   * @throws IOException if writing fails
   * @throws IllegalArgumentException if a rule cannot be written so that this format reads it
   *     back: a custom rule of a kind the registry does not hold or of a built-in kind's name, a
   *     name with control characters, a number JSON cannot carry; nothing is written then
   */
  public void write(RuleSet set, OutputStream out) throws IOException {
    Objects.requireNonNull(set, "set");
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (JsonGenerator g = factory.createGenerator(buffer, JsonEncoding.UTF8)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeNumberField("schemaVersion", SCHEMA_VERSION);
      RuleCodecs.writeRuleSet(set, g, rule);
      g.writeEndObject();
      g.writeRaw('\n');
    }
    buffer.writeTo(out);
    out.flush();
  }

  /**
   * Writes a rule set to text.
   *
   * @param set the rule set
   * @return the JSON text
   * @throws IllegalArgumentException as {@link #write(RuleSet, OutputStream)}
   */
  public String write(RuleSet set) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      write(set, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "RuleSetFormat" + limits + " with kinds " + registry.names();
  }
}
