package org.pcop.model;

import jakarta.validation.constraints.Size;
import java.util.Set;
import org.immutables.value.Value;
import org.pcop.model.validation.HasText;
import org.pcop.model.validation.Limits;
import org.pcop.model.validation.PlainText;

/**
 * The umbrella program (for example the National Public Safety Partnership): its sites and its
 * communities of practice, of which it has at least one.
 */
@Value.Immutable
public interface Program {
  /**
   * The program's identifier.
   *
   * @return the id
   */
  ProgramId getId();

  /**
   * The program's name.
   *
   * @return the name
   */
  @HasText
  @Size(max = Limits.NAME_MAX)
  @PlainText
  String getName();

  /**
   * The program's sites.
   *
   * @return the sites
   */
  Set<SiteId> getSites();

  /**
   * The program's communities of practice; never empty.
   *
   * @return the communities
   */
  Set<CommunityId> getCommunities();

  /** Refuses a program without a community. */
  @Value.Check
  default void check() {
    InvalidValueException.check(!getCommunities().isEmpty(), "Program", "communities",
        "a program has at least one community");
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static ImmutableProgram.Builder builder() {
    return ImmutableProgram.builder();
  }
}
