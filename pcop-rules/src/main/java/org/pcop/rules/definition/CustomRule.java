package org.pcop.rules.definition;

import java.util.Map;
import org.immutables.value.Value;
import org.pcop.model.CommunityId;
import org.pcop.model.InvalidValueException;

/**
 * A rule of a kind added by a plugin ({@link org.pcop.rules.spi.RuleKind}): the kind's name and
 * its parameters as text, which the plugin reads. Without a plugin for the kind its results are
 * indeterminate.
 */
@Value.Immutable
public interface CustomRule extends Rule {
  @Override
  RuleId getId();

  @Override
  CommunityId getCommunity();

  /**
   * The plugin's kind name.
   *
   * @return the kind
   */
  String getKind();

  /**
   * The parameters, by name.
   *
   * @return the parameters
   */
  Map<String, String> getParameters();

  @Override
  default String kind() {
    return getKind();
  }

  /** Refuses a blank kind. */
  @Value.Check
  default void check() {
    InvalidValueException.check(!getKind().isBlank(), "CustomRule", "kind", "must not be blank");
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static ImmutableCustomRule.Builder builder() {
    return ImmutableCustomRule.builder();
  }
}
