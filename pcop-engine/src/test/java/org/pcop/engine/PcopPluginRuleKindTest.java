package org.pcop.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pcop.engine.World.*;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcop.rules.Outcome;
import org.pcop.rules.RuleResult;
import org.pcop.rules.definition.CustomRule;
import org.pcop.rules.definition.RuleId;
import org.pcop.rules.definition.RuleSet;
import org.pcop.rules.spi.RuleKindRegistry;

/**
 * A vendor's rule kind, in a plugin module of its own, evaluates inside the engine: through
 * {@link PcopBuilder#ruleKinds} for a plugin in a child module layer, and by default for a plugin
 * on the module path beside the engine (run in a child JVM, so the plugin is in the boot layer as
 * in a host's application).
 */
class PcopPluginRuleKindTest {
  private static final String DESCRIPTOR = """
      module sample.plugin {
        requires org.pcop.engine;
        provides org.pcop.rules.spi.RuleKind with sample.plugin.HasMembersKind;
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
      public final class HasMembersKind implements RuleKind {
        @Override
        public String kind() {
          return "acme-has-members";
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
  private static final String MAIN = """
      package sample.plugin;

      import java.time.ZoneId;
      import org.pcop.engine.Pcop;
      import org.pcop.model.Community;
      import org.pcop.model.CommunityId;
      import org.pcop.model.ProgramId;
      import org.pcop.model.taxonomy.TaxonomyId;
      import org.pcop.rules.RuleResult;
      import org.pcop.rules.definition.CustomRule;
      import org.pcop.rules.definition.RuleId;
      import org.pcop.rules.definition.RuleSet;
      import org.pcop.spi.memory.InMemoryAccessPolicy;
      import org.pcop.spi.memory.InMemoryAuditSink;
      import org.pcop.spi.memory.InMemoryEventStore;
      import org.pcop.spi.memory.InMemoryIdentityMapping;
      import org.pcop.spi.memory.InMemoryNotificationSink;

      /** Builds an engine with no rule kinds given and prints the plugin rule's result. */
      public final class Main {
        public static void main(String[] args) {
          CommunityId id = CommunityId.of("pcop");
          Community community = Community.builder().id(id).program(ProgramId.of("psp"))
              .name("Prosecution Community of Practice").taxonomy(TaxonomyId.of("psp"))
              .timeZone(ZoneId.of("America/Chicago")).build();
          RuleSet rules = RuleSet.builder().id("plugin").version(1).addRule(CustomRule.builder()
              .id(RuleId.of("members")).community(id).kind("acme-has-members").build()).build();
          try (Pcop pcop = Pcop.builder().store(InMemoryEventStore.create()).community(community)
              .rules(rules).identities(InMemoryIdentityMapping.create())
              .access(InMemoryAccessPolicy.create()).audit(InMemoryAuditSink.create())
              .notifications(InMemoryNotificationSink.create()).build()) {
            RuleResult result = pcop.evaluation().getResults().get(0);
            System.out.println(result.getOutcome() + ": " + result.getExplanation().getText());
          }
        }
      }
      """;

  private static final RuleSet RULES = RuleSet.builder().id("plugin").version(1)
      .addRule(CustomRule.builder().id(RuleId.of("members")).community(PCOP)
          .kind("acme-has-members").build())
      .build();

  @TempDir
  static Path dir;
  private static Path classes;

  @BeforeAll
  static void compileThePlugin() throws IOException {
    Path source = dir.resolve("src");
    Files.createDirectories(source.resolve("sample/plugin"));
    Files.writeString(source.resolve("module-info.java"), DESCRIPTOR);
    Files.writeString(source.resolve("sample/plugin/HasMembersKind.java"), KIND);
    Files.writeString(source.resolve("sample/plugin/Main.java"), MAIN);
    classes = dir.resolve("classes");
    StringWriter errors = new StringWriter();
    int status = java.util.spi.ToolProvider.findFirst("javac").orElseThrow().run(
        new PrintWriter(errors), new PrintWriter(errors), "-d", classes.toString(),
        "--module-path", System.getProperty("jdk.module.path"),
        source.resolve("module-info.java").toString(),
        source.resolve("sample/plugin/HasMembersKind.java").toString(),
        source.resolve("sample/plugin/Main.java").toString());
    assertEquals(0, status, errors.toString());
  }

  @Test
  void aPluginInAChildLayerEvaluatesInsideTheEngineThroughRuleKinds() {
    ModuleLayer boot = ModuleLayer.boot();
    Configuration configuration = boot.configuration().resolveAndBind(ModuleFinder.of(classes),
        ModuleFinder.of(), Set.of("sample.plugin"));
    ModuleLayer layer = boot.defineModulesWithOneLoader(configuration,
        ClassLoader.getSystemClassLoader());
    World world = new World();
    try (Pcop pcop = Pcop.builder().store(world.store).community(COMMUNITY).clock(CLOCK)
        .rules(RULES).ruleKinds(RuleKindRegistry.installed(layer)).identities(world.identities)
        .access(world.access).audit(world.audit).notifications(world.sink).build()) {
      world.populate(pcop);
      RuleResult result = pcop.evaluation().getResults().get(0);
      assertEquals(Outcome.PASSED, result.getOutcome(), result.getExplanation().render());
      assertEquals("3 memberships", result.getExplanation().getText());
    }
  }

  @Test
  void withoutThePluginTheRuleIsIndeterminateAndSaysWhichKindIsMissing() {
    World world = new World();
    try (Pcop pcop = Pcop.builder().store(world.store).community(COMMUNITY).clock(CLOCK)
        .rules(RULES).identities(world.identities).access(world.access).audit(world.audit)
        .notifications(world.sink).build()) {
      RuleResult result = pcop.evaluation().getResults().get(0);
      assertEquals(Outcome.INDETERMINATE, result.getOutcome());
      assertTrue(result.getExplanation().render().contains("acme-has-members"),
          result.getExplanation().render());
    }
  }

  @Test
  void aPluginOnTheModulePathIsFoundByDefault() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-p",
        System.getProperty("jdk.module.path") + File.pathSeparator + classes,
        "-m", "sample.plugin/sample.plugin.Main"));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(),
        StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the child JVM did not finish");
    assertEquals(0, process.exitValue(), output);
    assertTrue(output.contains("FAILED: 0 memberships"), output);
  }
}
