package org.pcop.model.taxonomy;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;
import org.pcop.model.InvalidValueException;
import org.pcop.model.validation.HasText;
import org.pcop.model.validation.Limits;
import org.pcop.model.validation.PlainText;

/**
 * One version of a taxonomy: its core areas, topics and aims, in effect from a date. Identifiers
 * are unique within each list, and every topic belongs to one of the core areas. A later version
 * keeps the identifiers of what it carries over, so history classified by an earlier version stays
 * meaningful.
 */
@Value.Immutable
public interface Taxonomy {
  /**
   * The taxonomy's identifier, shared by all its versions.
   *
   * @return the id
   */
  TaxonomyId getId();

  /**
   * The version number, from 1.
   *
   * @return the version
   */
  int getVersion();

  /**
   * A name for people, for example {@code PSP core areas}.
   *
   * @return the name
   */
  @HasText
  @Size(max = Limits.NAME_MAX)
  @PlainText
  String getName();

  /**
   * The first day this version is in effect.
   *
   * @return the effective date
   */
  LocalDate getEffective();

  /**
   * The core areas, in the order people read them.
   *
   * @return the core areas
   */
  List<@Valid CoreArea> getCoreAreas();

  /**
   * The topics, each within one of the core areas.
   *
   * @return the topics
   */
  List<@Valid Topic> getTopics();

  /**
   * The aims of a community that uses this taxonomy.
   *
   * @return the aims
   */
  List<@Valid Aim> getAims();

  /**
   * The core area with the given id, if this version has it.
   *
   * @param id the id
   * @return the core area
   */
  default Optional<CoreArea> coreArea(CoreAreaId id) {
    return getCoreAreas().stream().filter(c -> c.getId().equals(id)).findFirst();
  }

  /**
   * The topic with the given id, if this version has it.
   *
   * @param id the id
   * @return the topic
   */
  default Optional<Topic> topic(TopicId id) {
    return getTopics().stream().filter(t -> t.getId().equals(id)).findFirst();
  }

  /** Refuses version numbers below 1, duplicate ids and topics of unknown core areas. */
  @Value.Check
  default void check() {
    InvalidValueException.check(getVersion() >= 1, "Taxonomy", "version",
        "must be 1 or more, not %d", getVersion());
    Set<CoreAreaId> areas = new HashSet<>();
    for (int i = 0; i < getCoreAreas().size(); i++) {
      CoreAreaId id = getCoreAreas().get(i).getId();
      InvalidValueException.check(areas.add(id), "Taxonomy", "coreAreas[" + i + "]",
          "duplicate core area id %s", id);
    }
    Set<TopicId> topics = new HashSet<>();
    for (int i = 0; i < getTopics().size(); i++) {
      Topic topic = getTopics().get(i);
      InvalidValueException.check(topics.add(topic.getId()), "Taxonomy", "topics[" + i + "]",
          "duplicate topic id %s", topic.getId());
      InvalidValueException.check(areas.contains(topic.getCoreArea()), "Taxonomy",
          "topics[" + i + "].coreArea", "topic %s names core area %s, which this version lacks",
          topic.getId(), topic.getCoreArea());
    }
    Set<AimId> aims = new HashSet<>();
    for (int i = 0; i < getAims().size(); i++) {
      AimId id = getAims().get(i).getId();
      InvalidValueException.check(aims.add(id), "Taxonomy", "aims[" + i + "]",
          "duplicate aim id %s", id);
    }
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static ImmutableTaxonomy.Builder builder() {
    return ImmutableTaxonomy.builder();
  }
}
