package org.pcop.io.internal;

import static org.pcop.io.internal.Scalars.BOOLEAN;
import static org.pcop.io.internal.Scalars.INT;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import org.pcop.model.CommunityId;
import org.pcop.rules.definition.AnswererInvitationRule;
import org.pcop.rules.definition.RuleId;

/**
 * The body of an answerer-invitation rule: {@code "enabled"} (whether a posted request invites
 * anyone) and {@code "answerers"} (how many of the best suggested, 1 to 10), both required, so
 * that a community says outright whether its members are invited.
 */
final class AnswererInvitationCodec {
  /** The properties of the body, in the order written. */
  static final String[] PROPERTIES = {"enabled", "answerers"};

  private AnswererInvitationCodec() {}

  static AnswererInvitationRule read(Fields f, RuleId id, CommunityId community) {
    var enabled = f.req("enabled", BOOLEAN);
    var answerers = f.req("answerers", INT);
    return f.build(() -> AnswererInvitationRule.builder().id(id).community(community)
        .enabled(enabled).answerers(answerers).build());
  }

  static void write(AnswererInvitationRule rule, JsonGenerator g) throws IOException {
    Out.field(g, "enabled", rule.isEnabled(), BOOLEAN);
    Out.field(g, "answerers", rule.getAnswerers(), INT);
  }
}
