package org.pcop.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcop.model.MembershipRole;
import org.pcop.model.MembershipStatus;
import org.pcop.rules.calendar.UsFederalCalendar;
import org.pcop.rules.definition.CustomRule;
import org.pcop.rules.definition.RuleId;
import org.pcop.rules.definition.RuleSet;
import org.pcop.rules.spi.RuleKindRegistry;

/**
 * A plugin in its own named module, found by {@link java.util.ServiceLoader} through
 * {@code provides} in its descriptor: the test compiles the module, puts it in a child module
 * layer and asks {@link RuleKindRegistry#installed(ModuleLayer)} for the kinds there.
 */
class ModuleLayerPluginTest {
  private static final String DESCRIPTOR = """
      module sample.plugin {
        requires org.pcop.rules;
        provides org.pcop.rules.spi.RuleKind with sample.plugin.SiteCountKind;
      }
      """;
  private static final String KIND = """
      package sample.plugin;

      import java.util.Optional;
      import java.util.SortedSet;
      import java.util.TreeSet;
      import org.pcop.rules.EvaluationContext;
      import org.pcop.rules.Explanation;
      import org.pcop.rules.Outcome;
      import org.pcop.rules.RuleResult;
      import org.pcop.rules.Subject;
      import org.pcop.rules.definition.Rule;
      import org.pcop.rules.spi.RuleKind;

      /** Passes while the community has at least one membership. */
      public final class SiteCountKind implements RuleKind {
        @Override
        public String kind() {
          return "has-members";
        }

        @Override
        public SortedSet<Subject> subjects(Rule rule, EvaluationContext context) {
          return new TreeSet<>(java.util.Set.of(Subject.community(rule.getCommunity())));
        }

        @Override
        public Optional<RuleResult> evaluate(Rule rule, Subject subject,
            EvaluationContext context) {
          int n = context.record().memberships(rule.getCommunity()).size();
          return Optional.of(RuleResult.builder().rule(rule.getId()).kind(kind())
              .subject(subject).explanation(Explanation.builder()
                  .outcome(n > 0 ? Outcome.PASSED : Outcome.FAILED)
                  .text(n + " memberships").build()).build());
        }
      }
      """;

  @Test
  void serviceLoaderFindsAPluginModuleInAChildLayer(@TempDir Path dir) throws IOException {
    Path source = dir.resolve("src");
    Files.createDirectories(source.resolve("sample/plugin"));
    Files.writeString(source.resolve("module-info.java"), DESCRIPTOR);
    Files.writeString(source.resolve("sample/plugin/SiteCountKind.java"), KIND);
    Path classes = dir.resolve("classes");
    StringWriter errors = new StringWriter();
    int status = java.util.spi.ToolProvider.findFirst("javac").orElseThrow().run(
        new PrintWriter(errors), new PrintWriter(errors), "-d", classes.toString(),
        "--module-path", System.getProperty("jdk.module.path"),
        source.resolve("module-info.java").toString(),
        source.resolve("sample/plugin/SiteCountKind.java").toString());
    assertEquals(0, status, errors.toString());

    ModuleLayer boot = ModuleLayer.boot();
    assertTrue(boot.findModule("org.pcop.rules").isPresent(), "the rules run as a named module");
    Configuration configuration = boot.configuration().resolveAndBind(ModuleFinder.of(classes),
        ModuleFinder.of(), Set.of("sample.plugin"));
    ModuleLayer layer = boot.defineModulesWithOneLoader(configuration,
        ClassLoader.getSystemClassLoader());

    RuleKindRegistry kinds = RuleKindRegistry.installed(layer);
    assertEquals(List.of(), kinds.problems());
    assertTrue(kinds.names().contains("has-members"), kinds.names().toString());
    assertEquals("sample.plugin", kinds.kind("has-members").orElseThrow().getClass()
        .getModule().getName());

    RuleSet rules = RuleSet.builder().id("plugin").version(1).addRule(CustomRule.builder()
        .id(RuleId.of("has-members")).community(Scenario.PCOP).kind("has-members").build())
        .build();
    Instant t = Scenario.at("2026-01-05T09:00");
    Scenario s = new Scenario().membership("m-1", MembershipRole.MEMBER,
        MembershipStatus.ACTIVE, t);
    RuleResult result = RuleEngine.evaluate(rules, s.record, t, UsFederalCalendar.instance(),
        kinds).getResults().get(0);
    assertEquals(Outcome.PASSED, result.getOutcome());
    assertEquals("1 memberships", result.getExplanation().getText());
  }
}
