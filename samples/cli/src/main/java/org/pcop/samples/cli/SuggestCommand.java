package org.pcop.samples.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.pcop.model.ExchangeId;
import org.pcop.model.RfiId;
import org.pcop.rules.AnswererSuggestion;
import org.pcop.rules.AnswererSuggestions;
import org.pcop.rules.AnswererWeights;
import org.pcop.rules.DefaultRules;
import org.pcop.rules.HostSuggestion;
import org.pcop.rules.HostSuggestions;
import org.pcop.rules.HostWeights;
import org.pcop.rules.definition.ExchangePolicyRule;
import org.pcop.rules.definition.RecommendationRule;
import org.pcop.rules.definition.RuleSet;
import org.pcop.samples.cli.folder.CommunityState;
import org.pcop.samples.cli.folder.DataFolder;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pcop suggest}: who should answer an open request for information, or which site should
 * host a requested exchange, ranked with the factors behind each score, from a data folder as of
 * an instant (the last event by default). Reads the folder only.
 */
@Command(name = "suggest", mixinStandardHelpOptions = true,
    description = "Suggest who should answer an open request for information (--rfi) or which"
        + " site should host a requested exchange (--exchange), with the reasons.")
final class SuggestCommand implements Callable<Integer> {
  @Mixin
  DataFolderOption data;

  @Mixin
  AsOfOption asOf;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Target target;

  /** Exactly one of a request and an exchange. */
  static final class Target {
    @Option(names = "--rfi", paramLabel = "ID",
        description = "An open request for information: rank members to answer it.")
    String rfi;

    @Option(names = "--exchange", paramLabel = "ID",
        description = "A requested exchange: rank sites to host it.")
    String exchange;
  }

  @Option(names = "--limit", paramLabel = "N", defaultValue = "5",
      description = "The most suggestions to print (default: ${DEFAULT-VALUE}).")
  int limit;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    try (DataFolder folder = DataFolder.open(data.dir)) {
      Optional<Instant> cut =
          asOf.cut(folder.frame().getCommunities().get(0).getTimeZone());
      CommunityState state = CommunityState.replay(folder, cut);
      Instant now = cut.or(state::lastEventAt).orElseGet(
          () -> asOf.resolve(state.community().getTimeZone(), state.lastEventAt()));
      PrintWriter out = spec.commandLine().getOut();
      RuleSet rules = DefaultRules.forCommunity(state.community().getId());
      Optional<RecommendationRule> weights = RecommendationRule.of(rules,
          state.community().getId());
      if (target.rfi != null) {
        List<AnswererSuggestion> ranked = AnswererSuggestions.forRequest(state.record(),
            RfiId.of(target.rfi), now, weights.map(RecommendationRule::getAnswererWeights)
                .orElse(AnswererWeights.DEFAULTS), limit);
        out.println("Who should answer " + target.rfi + " as of " + now + ":");
        for (int i = 0; i < ranked.size(); i++) {
          out.println((i + 1) + ". " + ranked.get(i).explanation());
        }
      } else {
        Optional<ExchangePolicyRule> policy = rules.getRules().stream()
            .filter(ExchangePolicyRule.class::isInstance).map(ExchangePolicyRule.class::cast)
            .findFirst();
        List<HostSuggestion> ranked = HostSuggestions.forExchange(state.record(),
            ExchangeId.of(target.exchange), now, policy, weights.map(
                RecommendationRule::getHostWeights).orElse(HostWeights.DEFAULTS), limit);
        out.println("Which site should host " + target.exchange + " as of " + now + ":");
        for (int i = 0; i < ranked.size(); i++) {
          out.println((i + 1) + ". " + ranked.get(i).explanation());
        }
      }
      out.flush();
    }
    return PcopCli.EXIT_OK;
  }
}
