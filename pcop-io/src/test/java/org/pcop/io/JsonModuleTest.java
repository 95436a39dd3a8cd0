package org.pcop.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pcop.io.json.EventTypes;
import org.pcop.io.json.PcopJsonModule;
import org.pcop.model.Member;
import org.pcop.model.MemberId;
import org.pcop.model.activity.Exchange;
import org.pcop.model.event.MemberEnrolled;
import org.pcop.model.event.PcopEvent;

class JsonModuleTest {
  private final ObjectMapper mapper = PcopJsonModule.strictMapper(ReadLimits.defaults());

  static Stream<PcopEvent> events() {
    return Samples.events().stream();
  }

  @ParameterizedTest(name = "{index}: {0}")
  @MethodSource("events")
  void everyEventKindRoundTripsWithItsStableTypeName(PcopEvent event) throws Exception {
    String json = mapper.writeValueAsString(event);
    JsonNode tree = mapper.readTree(json);
    assertEquals(EventTypes.nameOf(event), tree.get("type").asText());
    assertFalse(json.contains("org.pcop"), json);
    assertEquals(event, mapper.readValue(json, PcopEvent.class));
  }

  @Test
  void aClosedRequestKeepsWhenItWasClosed() throws Exception {
    org.pcop.model.activity.RequestForInformation closed =
        org.pcop.model.activity.RequestForInformation.builder().from(Samples.rfi())
            .expired(true).closedAt(java.time.Instant.parse("2026-07-08T15:00:00Z")).build();
    String json = mapper.writeValueAsString(closed);
    assertTrue(json.contains("\"closedAt\":\"2026-07-08T15:00:00Z\""), json);
    assertEquals(closed,
        mapper.readValue(json, org.pcop.model.activity.RequestForInformation.class));
    String open = json.replace("\"expired\":true", "\"expired\":false");
    Exception refused = assertThrows(Exception.class,
        () -> mapper.readValue(open, org.pcop.model.activity.RequestForInformation.class));
    assertTrue(refused.getMessage().contains("closedAt"), refused.getMessage());
  }

  @Test
  void theSamplesCoverEveryEventTypeNameOnce() {
    Set<String> seen = new HashSet<>();
    Samples.events().forEach(e -> assertTrue(seen.add(EventTypes.nameOf(e))));
    assertEquals(Set.copyOf(EventTypes.names()), seen);
    assertEquals(24, EventTypes.names().size());
  }

  @Test
  void typeNamesAreKebabCaseAndMapBackToTheirInterface() {
    for (PcopEvent event : Samples.events()) {
      String name = EventTypes.nameOf(event);
      assertTrue(name.matches("[a-z]+(-[a-z]+)+"), name);
      assertTrue(EventTypes.typeOf(name).orElseThrow().isInstance(event));
    }
    assertTrue(EventTypes.typeOf("org.pcop.model.event.MemberEnrolled").isEmpty());
  }

  @Test
  void valuesRoundTripThroughTheirInterfaces() throws Exception {
    Member member = Samples.jordan();
    assertEquals(member, mapper.readValue(mapper.writeValueAsString(member), Member.class));
    Exchange exchange = Samples.exchange();
    String json = mapper.writeValueAsString(exchange);
    assertTrue(json.contains("\"travelFunding\":\"2500.00\""), json);
    assertTrue(json.contains("\"requestedAt\":\"2024-03-01T15:00:00Z\""), json);
    assertEquals(exchange, mapper.readValue(json, Exchange.class));
    assertEquals("\"m-17\"", mapper.writeValueAsString(MemberId.of("m-17")));
  }

  @Test
  void aSpecificEventTypeRefusesAnotherKind() throws Exception {
    String json = mapper.writeValueAsString(Samples.events().get(1));
    MismatchedInputException e = assertThrows(MismatchedInputException.class,
        () -> mapper.readValue(json, MemberEnrolled.class));
    assertTrue(e.getMessage().contains("expected an event of type \"member-enrolled\""),
        e.getMessage());
  }

  @Test
  void builderRefusalsNameTheJsonPointerOfTheField() {
    String json = "{\"firstDay\":\"2024-05-08\",\"lastDay\":\"2024-05-06\"}";
    MismatchedInputException e = assertThrows(MismatchedInputException.class,
        () -> mapper.readValue(json, org.pcop.model.activity.Schedule.class));
    assertTrue(e.getMessage().contains("/lastDay: 2024-05-06 is before the first day"),
        e.getMessage());
  }

  @Test
  void classNameTypeHintsAreRefusedEvenWhenLenient() {
    ObjectMapper lenient = PcopJsonModule.strictMapper(ReadLimits.builder().strict(false).build());
    String json = "{\"@class\":\"java.lang.ProcessBuilder\",\"jurisdiction\":\"TN\","
        + "\"number\":\"1\"}";
    MismatchedInputException e = assertThrows(MismatchedInputException.class,
        () -> lenient.readValue(json, org.pcop.model.BarAdmission.class));
    assertTrue(e.getMessage().contains("/@class: type hints"), e.getMessage());
  }

  @Test
  void lenientModeIgnoresUnknownProperties() throws Exception {
    ObjectMapper lenient = PcopJsonModule.strictMapper(ReadLimits.builder().strict(false).build());
    String json = "{\"jurisdiction\":\"TN\",\"number\":\"1\",\"extra\":true}";
    assertEquals(org.pcop.model.BarAdmission.of("TN", "1"),
        lenient.readValue(json, org.pcop.model.BarAdmission.class));
    assertThrows(MismatchedInputException.class,
        () -> mapper.readValue(json, org.pcop.model.BarAdmission.class));
  }

  @Test
  void propertiesOfEachTypeStartWithTheEnvelope() {
    for (String name : EventTypes.names()) {
      List<String> properties = EventTypes.propertiesOf(name).orElseThrow();
      assertEquals(List.of("type", "eventId", "actor", "occurredAt"), properties.subList(0, 4));
    }
  }
}
