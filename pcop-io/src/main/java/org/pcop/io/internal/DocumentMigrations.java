package org.pcop.io.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Migrates community documents of an older schema version to the current one, on the JSON tree
 * before decoding, and maps pointers of the migrated tree back to the input so that errors name
 * the place in the file as written.
 *
 * <p>Version 1 differs from version 2 in two places: the members were under {@code "people"}, and
 * the document held at most one taxonomy version, as the object {@code "taxonomy"} (version 2 has
 * the array {@code "taxonomies"}). Version 3 added the optional rule set ({@code "ruleSet"});
 * older versions carry none. Migrations run in order, 1 to 2 to 3.
 */
public final class DocumentMigrations {
  /** The schema version this code writes. */
  public static final int CURRENT = 3;

  private DocumentMigrations() {}

  /**
   * Migrates a version 1 document to version 2.
   *
   * @param v1 the root of a version 1 document, left unchanged
   * @param d records what cannot be migrated
   * @param source locates errors in the version 1 input as written
   * @return the root of the equivalent version 2 document
   */
  public static ObjectNode v1ToV2(ObjectNode v1, Decoding d, Decoding.Locator source) {
    ObjectNode v2 = v1.deepCopy();
    if (v2.has("members")) {
      d.add(source.locate("/members", "a version 1 document keeps its members under"
          + " \"people\"; expected no \"members\" property with schemaVersion 1"));
    }
    if (v2.has("taxonomies")) {
      d.add(source.locate("/taxonomies", "a version 1 document has a single"
          + " \"taxonomy\"; expected no \"taxonomies\" property with schemaVersion 1"));
    }
    JsonNode people = v2.remove("people");
    if (people != null) {
      v2.set("members", people);
    }
    JsonNode taxonomy = v2.remove("taxonomy");
    if (taxonomy != null) {
      v2.putArray("taxonomies").add(taxonomy);
    }
    v2.put("schemaVersion", 2);
    return v2;
  }

  /**
   * Migrates a version 2 document to version 3, which added the optional {@code "ruleSet"}: the
   * content is the same, and a version 2 document may not carry a rule set.
   *
   * @param v2 the root of a version 2 document, left unchanged
   * @param d records what cannot be migrated
   * @param source locates errors in the input as written
   * @return the root of the equivalent version 3 document
   */
  public static ObjectNode v2ToV3(ObjectNode v2, Decoding d, Decoding.Locator source) {
    ObjectNode v3 = v2.deepCopy();
    if (v3.has("ruleSet")) {
      d.add(source.locate("/ruleSet", "rule sets came with schema version 3; expected no"
          + " \"ruleSet\" property with schemaVersion " + v2.path("schemaVersion").asInt()
          + " (or schemaVersion 3)"));
    }
    v3.put("schemaVersion", CURRENT);
    return v3;
  }

  /**
   * Maps a pointer of the migrated version 2 tree to the version 1 input.
   *
   * @param pointer a pointer into the version 2 tree
   * @return the pointer into the version 1 input
   */
  public static String v2PointerToV1(String pointer) {
    if (pointer.equals("/members") || pointer.startsWith("/members/")) {
      return "/people" + pointer.substring("/members".length());
    }
    if (pointer.equals("/taxonomies/0") || pointer.startsWith("/taxonomies/0/")) {
      return "/taxonomy" + pointer.substring("/taxonomies/0".length());
    }
    if (pointer.equals("/taxonomies")) {
      return "/taxonomy";
    }
    return pointer;
  }
}
