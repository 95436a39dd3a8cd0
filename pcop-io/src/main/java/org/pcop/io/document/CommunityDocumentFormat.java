package org.pcop.io.document;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.pcop.io.ImportError;
import org.pcop.io.ImportResult;
import org.pcop.io.ReadLimits;
import org.pcop.io.internal.Codec;
import org.pcop.io.internal.Decoding;
import org.pcop.io.internal.DocumentMigrations;
import org.pcop.io.internal.DocumentRules;
import org.pcop.io.internal.Fields;
import org.pcop.io.internal.JsonInput;
import org.pcop.io.internal.ModelCodecs;
import org.pcop.io.internal.Out;
import org.pcop.io.internal.RuleCodecs;
import org.pcop.io.internal.Scalars;
import org.pcop.io.internal.Validators;
import org.pcop.model.Agency;
import org.pcop.model.Community;
import org.pcop.model.Member;
import org.pcop.model.Membership;
import org.pcop.model.Program;
import org.pcop.model.Site;
import org.pcop.model.taxonomy.Taxonomy;
import org.pcop.rules.definition.RuleSet;
import org.pcop.rules.spi.RuleKindRegistry;

/**
 * Reads and writes community documents (JSON).
 *
 * <p>The document is an object with {@code schemaVersion} (currently {@value #SCHEMA_VERSION}),
 * {@code program}, {@code sites}, {@code agencies}, {@code members}, {@code communities},
 * {@code memberships}, {@code taxonomies} and, optionally, {@code ruleSet} (a rule set in the
 * form of {@link org.pcop.io.ruleset.RuleSetFormat}, without a schema version of its own); its
 * JSON Schema ships in this module (see {@link org.pcop.io.schema.PcopSchemas}). Documents of
 * older schema versions are migrated on reading: version 2 (no rule set) and version 1 (members
 * under {@code "people"}, a single {@code "taxonomy"}, no rule set).
 *
 * <p>Reading is all or nothing: the result is either a complete document that every builder, the
 * {@link org.pcop.model.validation.ModelValidator} and the cross-reference rules accept, or the
 * list of every error found (up to {@link ReadLimits#getMaxErrors()}, with a count of the rest),
 * each naming its line, column and JSON pointer and what was expected. Rule kinds are those of
 * the format's {@link RuleKindRegistry} (the built-in ones unless given another).
 *
 * <pre>{@code
 * CommunityDocumentFormat format = CommunityDocumentFormat.with(ReadLimits.defaults());
 * ImportResult<CommunityDocument> result = format.read(Path.of("community.json"));
 * if (!result.isValid()) {
 *   result.errors().forEach(System.err::println); // "line 41, column 18, at /members/3/email: ..."
 * }
 * format.write(result.orElseThrow(), out);
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class CommunityDocumentFormat {
  /** The schema version written, and the newest read. */
  public static final int SCHEMA_VERSION = DocumentMigrations.CURRENT;

  private static final String WHAT = "community document";
  private static final String[] PROPERTIES = {"schemaVersion", "program", "sites", "agencies",
      "members", "communities", "memberships", "taxonomies", "ruleSet"};
  private static final Codec<Program> PROGRAM = Validators.validated(ModelCodecs.PROGRAM);
  private static final Codec<Site> SITE = Validators.validated(ModelCodecs.SITE);
  private static final Codec<Agency> AGENCY = Validators.validated(ModelCodecs.AGENCY);
  private static final Codec<Member> MEMBER = Validators.validated(ModelCodecs.MEMBER);
  private static final Codec<Community> COMMUNITY = Validators.validated(ModelCodecs.COMMUNITY);
  private static final Codec<Membership> MEMBERSHIP =
      Validators.validated(ModelCodecs.MEMBERSHIP);
  private static final Codec<Taxonomy> TAXONOMY = Validators.validated(ModelCodecs.TAXONOMY);

  private final ReadLimits limits;
  private final RuleKindRegistry registry;
  private final JsonFactory factory;
  private final Codec<RuleSet> ruleSetCodec;

  private CommunityDocumentFormat(ReadLimits limits, RuleKindRegistry registry) {
    this.limits = Objects.requireNonNull(limits, "limits");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.factory = JsonInput.factory(limits, limits.getMaxDocumentLength());
    this.ruleSetCodec = RuleCodecs.ruleSet(registry);
  }

  /**
   * A format reading under the default limits, strictly.
   *
   * @return the format
   */
  public static CommunityDocumentFormat create() {
    return new CommunityDocumentFormat(ReadLimits.defaults(), RuleKindRegistry.builtIn());
  }

  /**
   * A format reading under {@code limits}, with the built-in rule kinds.
   *
   * @param limits the limits
   * @return the format
   */
  public static CommunityDocumentFormat with(ReadLimits limits) {
    return new CommunityDocumentFormat(limits, RuleKindRegistry.builtIn());
  }

  /**
   * A format reading under {@code limits}, whose rule set may hold the kinds of
   * {@code registry} (the built-in ones and its plugins).
   *
   * @param limits the limits
   * @param registry the rule kinds that may appear
   * @return the format
   */
  public static CommunityDocumentFormat with(ReadLimits limits, RuleKindRegistry registry) {
    return new CommunityDocumentFormat(limits, registry);
  }

  /**
   * Reads a document from UTF-8 bytes; the stream is read to the end of the document but not
   * closed.
   *
   * @param in the input
   * @return the document, or every error found
   * @throws IOException if the input cannot be read
   */
  public ImportResult<CommunityDocument> read(InputStream in) throws IOException {
    JsonInput input;
    try (JsonParser p = factory.createParser(in)) {
      input = JsonInput.read(p, limits, 0);
    } catch (JsonInput.Failure e) {
      return ImportResult.invalid(WHAT, List.of(e.error()), 0);
    }
    return decode(input);
  }

  /**
   * Reads a document from a UTF-8 file.
   *
   * @param file the file
   * @return the document, or every error found
   * @throws IOException if the file cannot be read
   */
  public ImportResult<CommunityDocument> read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in);
    }
  }

  /**
   * Reads a document from text.
   *
   * @param json the document
   * @return the document, or every error found
   */
  public ImportResult<CommunityDocument> read(String json) {
    try {
      return read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ImportResult<CommunityDocument> decode(JsonInput input) {
    JsonNode root = input.root();
    Decoding check = new Decoding(limits, input);
    if (!root.isObject()) {
      check.error("", "expected a community document (a JSON object), found "
          + Fields.kind(root));
      return result(check, null);
    }
    JsonNode version = root.get("schemaVersion");
    Integer schemaVersion = version == null ? null
        : Scalars.INT.decode(version, "/schemaVersion", check);
    if (version == null) {
      check.error("/schemaVersion", "missing required property \"schemaVersion\"; expected "
          + SCHEMA_VERSION + " (or 1 or 2, which are migrated)");
    } else if (schemaVersion != null && (schemaVersion < 1 || schemaVersion > SCHEMA_VERSION)) {
      check.error("/schemaVersion", "unsupported schema version " + schemaVersion
          + "; expected 1 to " + SCHEMA_VERSION);
    }
    if (check.errorCount() > 0) {
      return result(check, null);
    }
    Decoding d;
    if (schemaVersion == 1) {
      Decoding.Locator v1 = (pointer, message) ->
          input.locate(DocumentMigrations.v2PointerToV1(pointer), message);
      d = new Decoding(limits, v1);
      root = DocumentMigrations.v1ToV2((ObjectNode) root, d, input);
      root = DocumentMigrations.v2ToV3((ObjectNode) root, d, v1);
    } else {
      d = new Decoding(limits, input);
      if (schemaVersion == 2) {
        root = DocumentMigrations.v2ToV3((ObjectNode) root, d, input);
      }
    }
    Fields f = Fields.of(root, "", d, "a community document", PROPERTIES);
    Program program = f.req("program", PROGRAM);
    List<Site> sites = f.list("sites", SITE);
    List<Agency> agencies = f.list("agencies", AGENCY);
    List<Member> members = f.list("members", MEMBER);
    List<Community> communities = f.list("communities", COMMUNITY);
    List<Membership> memberships = f.list("memberships", MEMBERSHIP);
    List<Taxonomy> taxonomies = f.list("taxonomies", TAXONOMY);
    // an older version's rule set was refused by its migration
    Optional<RuleSet> ruleSet = schemaVersion == SCHEMA_VERSION
        ? f.opt("ruleSet", ruleSetCodec) : Optional.empty();
    if (f.failed()) {
      return result(d, null);
    }
    DocumentRules.check(program, sites, agencies, members, communities, memberships, taxonomies,
        ruleSet, (path, message) -> d.error(Decoding.pathToPointer(path), message));
    CommunityDocument document = f.build(() -> CommunityDocument.builder().program(program)
        .sites(sites).agencies(agencies).members(members).communities(communities)
        .memberships(memberships).taxonomies(taxonomies).ruleSet(ruleSet).build());
    return result(d, document);
  }

  private static ImportResult<CommunityDocument> result(Decoding d, CommunityDocument document) {
    if (d.errorCount() > 0 || document == null) {
      List<ImportError> errors = d.errors();
      if (errors.isEmpty()) {
        errors = List.of(ImportError.json(0, 0, "", "the document was refused"));
      }
      return ImportResult.invalid(WHAT, errors, d.omitted());
    }
    return ImportResult.valid(WHAT, document);
  }

  /**
   * Writes a document as UTF-8 JSON of the current schema version, indented for people to read.
   * The stream is flushed, not closed.
   *
   * @param document the document
   * @param out the output
   * @throws IOException if writing fails
   * @throws IllegalArgumentException if the rule set holds a rule this format cannot read back
   *     (see {@link org.pcop.io.ruleset.RuleSetFormat#write(RuleSet, OutputStream)})
   */
  public void write(CommunityDocument document, OutputStream out) throws IOException {
    Objects.requireNonNull(document, "document");
    try (JsonGenerator g = factory.createGenerator(out, JsonEncoding.UTF8)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeNumberField("schemaVersion", SCHEMA_VERSION);
      Out.field(g, "program", document.getProgram(), ModelCodecs.PROGRAM);
      Out.array(g, "sites", document.getSites(), ModelCodecs.SITE);
      Out.array(g, "agencies", document.getAgencies(), ModelCodecs.AGENCY);
      Out.array(g, "members", document.getMembers(), ModelCodecs.MEMBER);
      Out.array(g, "communities", document.getCommunities(), ModelCodecs.COMMUNITY);
      Out.array(g, "memberships", document.getMemberships(), ModelCodecs.MEMBERSHIP);
      Out.array(g, "taxonomies", document.getTaxonomies(), ModelCodecs.TAXONOMY);
      Out.opt(g, "ruleSet", document.getRuleSet(), ruleSetCodec);
      g.writeEndObject();
      g.writeRaw('\n');
    }
    out.flush();
  }

  /**
   * Writes a document to text.
   *
   * @param document the document
   * @return the JSON text
   */
  public String write(CommunityDocument document) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      write(document, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "CommunityDocumentFormat" + limits + " with rule kinds " + registry.names();
  }

}
