package org.pcop.model.taxonomy;

import jakarta.validation.constraints.Size;
import org.immutables.value.Value;
import org.pcop.model.validation.HasText;
import org.pcop.model.validation.Limits;
import org.pcop.model.validation.PlainText;

/** A topic within a core area, for example "gun crime intelligence" within gun violence. */
@Value.Immutable
public interface Topic {
  /**
   * The identifier, stable across taxonomy versions.
   *
   * @return the id
   */
  @Value.Parameter
  TopicId getId();

  /**
   * The name people read.
   *
   * @return the name
   */
  @Value.Parameter
  @HasText
  @Size(max = Limits.NAME_MAX)
  @PlainText
  String getName();

  /**
   * The core area the topic belongs to.
   *
   * @return the core area
   */
  @Value.Parameter
  CoreAreaId getCoreArea();

  /**
   * The topic with the given id and name in the given core area.
   *
   * @param id the id
   * @param name the name
   * @param coreArea the core area
   * @return the topic
   */
  static Topic of(TopicId id, String name, CoreAreaId coreArea) {
    return ImmutableTopic.of(id, name, coreArea);
  }
}
