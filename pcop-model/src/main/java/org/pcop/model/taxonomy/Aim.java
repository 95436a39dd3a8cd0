package org.pcop.model.taxonomy;

import jakarta.validation.constraints.Size;
import org.immutables.value.Value;
import org.pcop.model.validation.HasText;
import org.pcop.model.validation.Limits;
import org.pcop.model.validation.PlainText;

/** An aim a community pursues, for example requests for information or peer exchanges. */
@Value.Immutable
public interface Aim {
  /**
   * The identifier, stable across taxonomy versions.
   *
   * @return the id
   */
  @Value.Parameter
  AimId getId();

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
   * The value with the given id and name.
   *
   * @param id the id
   * @param name the name
   * @return the value
   */
  static Aim of(AimId id, String name) {
    return ImmutableAim.of(id, name);
  }
}
