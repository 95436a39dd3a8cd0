package org.pcop.model.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pcop.model.Fixtures.T0;
import static org.pcop.model.Fixtures.response;
import static org.pcop.model.ValueAssertions.assertMissing;
import static org.pcop.model.ValueAssertions.assertRefused;
import static org.pcop.model.ValueAssertions.assertValid;
import static org.pcop.model.ValueAssertions.assertValueEquality;
import static org.pcop.model.ValueAssertions.violationPaths;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.pcop.model.CaseReference;
import org.pcop.model.Fixtures;
import org.pcop.model.ResponseId;
import org.pcop.model.RfiId;

class RequestForInformationTest {
  @Nested
  @DisplayName("State")
  class State {
    @Test
    void isOpenWithoutResponses() {
      RequestForInformation rfi = Fixtures.rfi().build();
      assertEquals(RfiState.OPEN, rfi.getState());
      assertEquals(Optional.empty(), rfi.firstResponseAt());
      assertValid(rfi);
    }

    @Test
    void isAnsweredWithResponsesAndNoneAccepted() {
      RequestForInformation rfi = Fixtures.rfi().addResponse(response("r-1", 60).build())
          .addResponse(response("r-2", 120).build()).build();
      assertEquals(RfiState.ANSWERED, rfi.getState());
      assertEquals(Optional.of(T0.plusSeconds(60)), rfi.firstResponseAt());
    }

    @Test
    void isResolvedOnceAResponseIsAccepted() {
      RequestForInformation rfi = Fixtures.rfi().addResponse(response("r-1", 60).build())
          .addResponse(response("r-2", 120).build())
          .acceptedResponse(ResponseId.of("r-2")).build();
      assertEquals(RfiState.RESOLVED, rfi.getState());
      assertValid(rfi);
    }

    @Test
    void isExpiredWhenClosedWithoutAnAcceptedResponse() {
      assertEquals(RfiState.EXPIRED, Fixtures.rfi().expired(true).build().getState());
      assertEquals(RfiState.EXPIRED, Fixtures.rfi().addResponse(response("r-1", 60).build())
          .expired(true).build().getState());
    }

    @Test
    void refusesAnExpiredRequestWithAnAcceptedResponse() {
      assertRefused("RequestForInformation.expired: a request with an accepted response has not"
              + " expired",
          () -> Fixtures.rfi().addResponse(response("r-1", 60).build())
              .acceptedResponse(ResponseId.of("r-1")).expired(true).build());
    }
  }

  @Nested
  @DisplayName("Responses")
  class Responses {
    @Test
    void refusesAnAcceptedResponseThatIsNotAmongTheResponses() {
      assertRefused("RequestForInformation.acceptedResponse: r-9 is not among the responses",
          () -> Fixtures.rfi().addResponse(response("r-1", 60).build())
              .acceptedResponse(ResponseId.of("r-9")).build());
      assertRefused("RequestForInformation.acceptedResponse: r-1 is not among the responses",
          () -> Fixtures.rfi().acceptedResponse(ResponseId.of("r-1")).build());
    }

    @Test
    void refusesAResponseBeforeTheQuestion() {
      assertRefused("RequestForInformation.responses[0].at: 2026-03-02T14:59:59Z is before"
              + " 2026-03-02T15:00:00Z; responses come after the question, in order",
          () -> Fixtures.rfi().addResponse(response("r-1", -1).build()).build());
    }

    @Test
    void refusesResponsesOutOfOrder() {
      assertRefused("RequestForInformation.responses[1].at: 2026-03-02T15:01:00Z is before"
              + " 2026-03-02T15:02:00Z; responses come after the question, in order",
          () -> Fixtures.rfi().addResponse(response("r-1", 120).build())
              .addResponse(response("r-2", 60).build()).build());
    }

    @Test
    void acceptsAResponseAtTheInstantOfTheQuestionAndTwoAtOneInstant() {
      assertValid(Fixtures.rfi().addResponse(response("r-1", 0).build())
          .addResponse(response("r-2", 0).build()).build());
    }

    @Test
    void refusesDuplicateResponseIds() {
      assertRefused("RequestForInformation.responses[1].id: duplicate response id r-1",
          () -> Fixtures.rfi().addResponse(response("r-1", 60).build())
              .addResponse(response("r-1", 120).build()).build());
    }
  }

  @Test
  void refusesMissingAndNullFieldsNamingThem() {
    assertMissing("RequestForInformation.community, RequestForInformation.askedBy, "
        + "RequestForInformation.topic, RequestForInformation.question, "
        + "RequestForInformation.postedAt: must be set",
        () -> RequestForInformation.builder().id(RfiId.of("rfi-1")).build());
    assertMissing("question: must not be null", () -> Fixtures.rfi().question(null));
    assertMissing("acceptedResponse: must not be null",
        () -> Fixtures.rfi().acceptedResponse((ResponseId) null));
  }

  @Test
  void equalRequestsHashAlike() {
    assertValueEquality(() -> Fixtures.rfi().build(), Fixtures.rfi().expired(true).build());
    assertValueEquality(() -> Fixtures.rfi().addResponse(response("r-1", 60).build()).build(),
        Fixtures.rfi().addResponse(response("r-1", 61).build()).build());
  }

  @Test
  void aQuestionMaySpanLines() {
    assertValid(Fixtures.rfi().question("Two questions:\n1. How?\n2. Why?").build());
  }

  @Test
  void reportsEveryTypingMistakeAtOnceWithPaths() {
    RequestForInformation rfi = Fixtures.rfi()
        .question("q".repeat(4001))
        .addCaseReference(CaseReference.of(" ", "CR-1"))
        .addResponse(response("r-1", 60).text("").build())
        .addResponse(response("r-2", 61).text("bidi \u202e").build())
        .build();
    assertEquals(List.of("caseReferences[0].handle", "question", "responses[0].text",
        "responses[1].text"), violationPaths(rfi));
  }
}
