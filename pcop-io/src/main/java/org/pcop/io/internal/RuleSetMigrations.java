package org.pcop.io.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * Migrates rule sets of an older schema version to the current one, on the JSON tree before
 * decoding. The pointers of the migrated tree are those of the input.
 *
 * <p>Version 2 added deadlines ahead: the service-level obligations {@code RFI_ACCEPTANCE} and
 * {@code RFI_CLOSURE}, and a service level's {@code warnBusinessDays}; and the rule kind
 * {@code answerer-invitation}. Every version 1 rule set
 * means the same in version 2, so the migration keeps its rules as they are; a version 1 file
 * that uses what version 2 added is refused, naming the place, since no release that wrote
 * version 1 could have written it.
 */
public final class RuleSetMigrations {
  /** The schema version this code writes. */
  public static final int CURRENT = 2;

  private static final Set<String> OBLIGATIONS_OF_V2 = Set.of("RFI_ACCEPTANCE", "RFI_CLOSURE");

  private RuleSetMigrations() {}

  /**
   * Migrates a version 1 rule set to version 2.
   *
   * @param v1 the root of a version 1 rule set, left unchanged
   * @param d records what cannot be migrated, at the input's pointers
   * @return the root of the equivalent version 2 rule set
   */
  public static ObjectNode v1ToV2(ObjectNode v1, Decoding d) {
    ObjectNode v2 = v1.deepCopy();
    JsonNode rules = v2.get("rules");
    if (rules != null && rules.isArray()) {
      for (int i = 0; i < rules.size(); i++) {
        JsonNode rule = rules.get(i);
        String at = "/rules/" + i;
        if (rule.isObject() && "answerer-invitation".equals(rule.path("kind").asText())) {
          d.error(at + "/kind", "the rule kind answerer-invitation came with schema version 2;"
              + " expected it with schemaVersion 2 only");
        }
        if (!rule.isObject() || !"service-level".equals(rule.path("kind").asText())) {
          continue;
        }
        if (rule.has("warnBusinessDays")) {
          d.error(at + "/warnBusinessDays", "warnings before a due time came with schema"
              + " version 2; expected no \"warnBusinessDays\" with schemaVersion 1 (or"
              + " schemaVersion 2)");
        }
        JsonNode obligation = rule.get("obligation");
        if (obligation != null && obligation.isTextual()
            && OBLIGATIONS_OF_V2.contains(obligation.textValue())) {
          d.error(at + "/obligation", "the obligation " + obligation.textValue() + " came with"
              + " schema version 2; expected RFI_FIRST_RESPONSE, EXCHANGE_APPROVAL or"
              + " FOLLOW_UP_REPORT with schemaVersion 1 (or schemaVersion 2)");
        }
      }
    }
    v2.put("schemaVersion", 2);
    return v2;
  }
}
