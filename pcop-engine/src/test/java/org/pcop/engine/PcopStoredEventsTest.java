package org.pcop.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pcop.model.MemberId;
import org.pcop.model.event.EventId;
import org.pcop.spi.EventData;
import org.pcop.spi.ExpectedVersion;
import org.pcop.spi.StreamId;

/**
 * A replay reads stored payloads the quick way for the kinds a history mostly holds
 * (enrolments and exchanges among them): a stored event that cannot be read still stops the
 * start with an error naming its position and what is wrong, and an event accepted under looser
 * typing constraints than today's is still replayed.
 */
class PcopStoredEventsTest {
  private static final StreamId STREAM = StreamId.of("pcop-" + World.PCOP);

  private final World world = new World();

  /** Appends an enrolment of {@code m-99} with the given JSON value for its e-mail address. */
  private long appendEnrolment(String id, String email) {
    String payload = "{\"type\":\"member-enrolled\",\"eventId\":\"" + id + "\",\"actor\":\""
        + World.M_ADVISOR + "\",\"occurredAt\":\"2025-06-01T12:00:00Z\",\"member\":{"
        + "\"id\":\"m-99\",\"name\":\"Person m-99\",\"agency\":\"" + World.A_STL
        + "\",\"email\":" + email + ",\"barAdmissions\":[],\"expertise\":[]}}";
    return world.memoryStore.append(STREAM, ExpectedVersion.any(),
        List.of(EventData.json(EventId.of(id), "member-enrolled", payload))).getLastPosition();
  }

  @Test
  void aStoredEventThatCannotBeReadStopsTheStartNamingItsPositionAndWhatIsWrong() {
    world.populate(world.engine());
    long position = appendEnrolment("e-broken", "99");
    IllegalStateException e = assertThrows(IllegalStateException.class, world::engine);
    assertTrue(e.getMessage().contains("event at position " + position + " cannot be read"),
        e.getMessage());
    assertTrue(e.getMessage().contains("/member/email"), e.getMessage());
  }

  @Test
  void anEnrolmentAcceptedUnderLooserConstraintsIsStillReplayed() {
    world.populate(world.engine());
    appendEnrolment("e-old", "\"not an address\"");
    try (Pcop again = world.engine()) {
      assertEquals("not an address", again.member(MemberId.of("m-99")).orElseThrow().getEmail());
    }
  }
}
