package org.pcop.io.json;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.pcop.io.internal.EventCodecs;
import org.pcop.model.event.PcopEvent;

/**
 * The closed list of event type names on the wire, one per kind of {@link PcopEvent}: for example
 * {@code "member-enrolled"} for {@link org.pcop.model.event.MemberEnrolled}. These names are
 * stable: they are part of the format, not derived from Java class names, and a reader refuses any
 * other name.
 */
public final class EventTypes {
  private EventTypes() {}

  /**
   * Every type name, in the order of {@link org.pcop.model.event.PcopEventVisitor}.
   *
   * @return the 22 names
   */
  public static List<String> names() {
    return List.copyOf(EventCodecs.kinds().keySet());
  }

  /**
   * The type name of an event.
   *
   * @param event the event
   * @return its name on the wire
   */
  public static String nameOf(PcopEvent event) {
    return EventCodecs.kindOf(Objects.requireNonNull(event, "event")).name();
  }

  /**
   * The event interface a type name stands for.
   *
   * @param name a type name
   * @return the model interface, or empty for a name not on the list
   */
  public static Optional<Class<? extends PcopEvent>> typeOf(String name) {
    return Optional.ofNullable(EventCodecs.kinds().get(name)).map(EventCodecs.Kind::type);
  }

  /**
   * The properties an event of the given type has on the wire, the envelope's first
   * ({@code type}, {@code eventId}, {@code actor}, {@code occurredAt}).
   *
   * @param name a type name
   * @return the property names, or empty for a name not on the list
   */
  public static Optional<List<String>> propertiesOf(String name) {
    return Optional.ofNullable(EventCodecs.kinds().get(name))
        .map(EventCodecs.Kind::propertyNames);
  }
}
