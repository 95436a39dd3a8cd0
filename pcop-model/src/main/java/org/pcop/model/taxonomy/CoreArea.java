package org.pcop.model.taxonomy;

import jakarta.validation.constraints.Size;
import org.immutables.value.Value;
import org.pcop.model.validation.HasText;
import org.pcop.model.validation.Limits;
import org.pcop.model.validation.PlainText;

/** A core area of a taxonomy, for example gun violence or crime analysis. */
@Value.Immutable
public interface CoreArea {
  /**
   * The identifier, stable across taxonomy versions.
   *
   * @return the id
   */
  @Value.Parameter
  CoreAreaId getId();

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
  static CoreArea of(CoreAreaId id, String name) {
    return ImmutableCoreArea.of(id, name);
  }
}
