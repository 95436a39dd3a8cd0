package org.pcop.io.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.pcop.io.Samples;
import org.pcop.model.CommunityId;
import org.pcop.model.InvalidValueException;
import org.pcop.model.MemberId;
import org.pcop.model.ResponseId;
import org.pcop.model.activity.Activity;
import org.pcop.model.activity.RequestForInformation;
import org.pcop.model.activity.RfiResponse;
import org.pcop.model.event.EngagementLevelChanged;
import org.pcop.model.event.EventId;
import org.pcop.model.event.PcopEvent;

/**
 * Validation skipped for a value the metadata check vouches for gives the validator's own answer:
 * nothing for valid values, and every violation (with its message) for the rest.
 */
class SurelyValidTest {
  private static void add(List<Object> values, Supplier<Object> build) {
    try {
      values.add(build.get());
    } catch (InvalidValueException | IllegalStateException e) {
      // the builder refuses it before any validation: nothing to compare
    }
  }

  private static List<Object> values() {
    List<Object> values = new ArrayList<>(Samples.events());
    values.add(Samples.jordan());
    values.add(Samples.memphis());
    values.add(Samples.exchange());
    for (String text : List.of("ok", " ", "", "a\tb", "a\nb", "a\u0007b", "a\u202Eb", "\uFEFF",
        "\uD800", "x".repeat(200), "x".repeat(201), "x".repeat(4001), "caf\u00e9", "\u2603",
        "\u00a0", "\u0085", "\u200b", "\u3000", "\u00a0x")) {
      add(values, () -> Activity.builder()
          .from(((org.pcop.model.event.ActivityRecorded) Samples.events().get(5)).getActivity())
          .title(text).build());
      add(values, () -> EngagementLevelChanged.builder().eventId(EventId.of("e-1"))
          .actor(MemberId.of("m-1")).occurredAt(Samples.T0).member(MemberId.of("m-2"))
          .community(CommunityId.of("c-1")).from(text).to(text).reason(text).build());
      add(values, () -> RequestForInformation.builder().from(Samples.rfi()).question(text)
          .addResponses(RfiResponse.builder().id(ResponseId.of("resp-1"))
              .respondent(MemberId.of("m-2")).at(Samples.T0).text(text).build()).build());
    }
    return values;
  }

  @Test
  void theAnswerIsAlwaysTheValidatorsOwn() {
    int refused = 0;
    int vouched = 0;
    for (Object value : values()) {
      var expected = Validators.shared().validate(value);
      assertEquals(expected, Validators.validate(value), value.toString());
      if (!expected.isEmpty()) {
        refused++;
        assertFalse(SurelyValid.test(value), value.toString());
      }
      if (SurelyValid.test(value) && Validators.isConstrained(value.getClass())) {
        vouched++;
      }
    }
    assertTrue(refused >= 10, "some values are refused: " + refused);
    assertTrue(vouched >= 5, "valid constrained values are vouched for: " + vouched);
  }

  @Test
  void typesItDoesNotKnowAreLeftToTheValidator() {
    // a member carries an email and a phone number, constraints this check does not know
    assertFalse(SurelyValid.test(Samples.jordan()));
    for (PcopEvent event : Samples.events()) {
      assertEquals(Validators.shared().validate(event), Validators.validate(event));
    }
  }
}
