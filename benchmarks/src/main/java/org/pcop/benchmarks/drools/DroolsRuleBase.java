package org.pcop.benchmarks.drools;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import org.kie.api.KieBase;
import org.kie.api.builder.Message;
import org.kie.api.builder.Results;
import org.kie.api.io.ResourceType;
import org.kie.internal.utils.KieHelper;

/**
 * The engagement-level and service-level rules of pcop's default rule set in Drools' rule
 * language ({@code engagement.drl} beside this class), compiled once into a rule base from which
 * any number of sessions start.
 */
public final class DroolsRuleBase {
  private final KieBase base;

  private DroolsRuleBase(KieBase base) {
    this.base = base;
  }

  /**
   * Compiles the rule file.
   *
   * @return the rule base
   * @throws IllegalStateException if Drools reports an error in the rule file, with its messages
   */
  public static DroolsRuleBase compile() {
    String drl;
    try (InputStream in = DroolsRuleBase.class.getResourceAsStream("engagement.drl")) {
      if (in == null) {
        throw new IllegalStateException("engagement.drl is missing beside "
            + DroolsRuleBase.class.getName());
      }
      drl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read engagement.drl", e);
    }
    KieHelper helper = new KieHelper().addContent(drl, ResourceType.DRL);
    Results results = helper.verify();
    if (results.hasMessages(Message.Level.ERROR)) {
      throw new IllegalStateException("engagement.drl does not compile: "
          + results.getMessages(Message.Level.ERROR));
    }
    return new DroolsRuleBase(helper.build());
  }

  /**
   * Starts an empty session evaluating as of {@code asOf}.
   *
   * @param asOf the instant evaluated as of
   * @param zone the community's time zone
   * @return the session, which the caller closes
   */
  public DroolsSession start(Instant asOf, ZoneId zone) {
    return new DroolsSession(base.newKieSession(), asOf, zone);
  }
}
