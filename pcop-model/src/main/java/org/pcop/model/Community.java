package org.pcop.model;

import jakarta.validation.constraints.Size;
import java.time.ZoneId;
import java.util.Optional;
import org.immutables.value.Value;
import org.pcop.model.taxonomy.TaxonomyId;
import org.pcop.model.validation.HasText;
import org.pcop.model.validation.Limits;
import org.pcop.model.validation.PlainText;

/**
 * A community of practice of the program (Prosecution, Crime Analysis, ...). It chooses its
 * taxonomy and has a time zone, which fixes where its days begin and end for windows and service
 * levels.
 */
@Value.Immutable
public interface Community {
  /**
   * The community's identifier.
   *
   * @return the id
   */
  CommunityId getId();

  /**
   * The program the community belongs to.
   *
   * @return the program
   */
  ProgramId getProgram();

  /**
   * The community's name, for example {@code Prosecution Community of Practice}.
   *
   * @return the name
   */
  @HasText
  @Size(max = Limits.NAME_MAX)
  @PlainText
  String getName();

  /**
   * A short description, if any.
   *
   * @return the description
   */
  Optional<@HasText @Size(max = Limits.LONG_TEXT_MAX) @PlainText(multiline = true) String>
      getDescription();

  /**
   * The taxonomy the community classifies its work by.
   *
   * @return the taxonomy
   */
  TaxonomyId getTaxonomy();

  /**
   * The time zone of the community's days.
   *
   * @return the time zone
   */
  ZoneId getTimeZone();

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static ImmutableCommunity.Builder builder() {
    return ImmutableCommunity.builder();
  }
}
