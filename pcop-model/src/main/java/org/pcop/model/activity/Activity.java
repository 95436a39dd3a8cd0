package org.pcop.model.activity;

import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;
import org.pcop.model.CommunityId;
import org.pcop.model.ExchangeId;
import org.pcop.model.InvalidValueException;
import org.pcop.model.SiteId;
import org.pcop.model.ActivityId;
import org.pcop.model.taxonomy.CoreAreaId;
import org.pcop.model.taxonomy.TopicId;
import org.pcop.model.validation.HasText;
import org.pcop.model.validation.Limits;
import org.pcop.model.validation.PlainText;

/**
 * Something members of a community do together, from a start to an end. A peer exchange or site
 * visit refers to the exchange it carries out; a recurring activity may name the series it belongs
 * to.
 */
@Value.Immutable
public interface Activity {
  /**
   * The activity's identifier.
   *
   * @return the id
   */
  ActivityId getId();

  /**
   * The community the activity belongs to.
   *
   * @return the community
   */
  CommunityId getCommunity();

  /**
   * The kind of activity.
   *
   * @return the kind
   */
  ActivityKind getKind();

  /**
   * The title people see.
   *
   * @return the title
   */
  @HasText
  @Size(max = Limits.NAME_MAX)
  @PlainText
  String getTitle();

  /**
   * When it starts.
   *
   * @return the start
   */
  Instant getStartsAt();

  /**
   * When it ends; not before the start.
   *
   * @return the end
   */
  Instant getEndsAt();

  /**
   * The site that hosts it, if any.
   *
   * @return the host site
   */
  Optional<SiteId> getHostSite();

  /**
   * The core areas it covers.
   *
   * @return the core areas
   */
  Set<CoreAreaId> getCoreAreas();

  /**
   * The topics it covers.
   *
   * @return the topics
   */
  Set<TopicId> getTopics();

  /**
   * The exchange a peer exchange or site visit carries out; empty for other kinds.
   *
   * @return the exchange
   */
  Optional<ExchangeId> getExchange();

  /**
   * The named series the activity belongs to, if any, for example {@code community call}: the
   * recurring activities a community counts together (an attendance ratio over community calls
   * rather than over every meeting). Names compare exactly.
   *
   * @return the series
   */
  Optional<@HasText @Size(max = Limits.NAME_MAX) @PlainText String> getSeries();

  /** Refuses an end before the start and an exchange on an activity of another kind. */
  @Value.Check
  default void check() {
    InvalidValueException.check(!getEndsAt().isBefore(getStartsAt()), "Activity", "endsAt",
        "%s is before the start %s", getEndsAt(), getStartsAt());
    InvalidValueException.check(getExchange().isEmpty()
            || getKind() == ActivityKind.PEER_EXCHANGE || getKind() == ActivityKind.SITE_VISIT,
        "Activity", "exchange", "only a peer exchange or site visit carries out an exchange, not"
            + " a %s", getKind());
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static ImmutableActivity.Builder builder() {
    return ImmutableActivity.builder();
  }
}
