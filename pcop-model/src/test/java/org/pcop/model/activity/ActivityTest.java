package org.pcop.model.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pcop.model.Fixtures.T0;
import static org.pcop.model.ValueAssertions.assertMissing;
import static org.pcop.model.ValueAssertions.assertRefused;
import static org.pcop.model.ValueAssertions.assertValid;
import static org.pcop.model.ValueAssertions.assertValueEquality;
import static org.pcop.model.ValueAssertions.violationPaths;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pcop.model.ActivityId;
import org.pcop.model.ExchangeId;
import org.pcop.model.Fixtures;
import org.pcop.model.SiteId;

class ActivityTest {
  @Test
  void buildsAValidActivity() {
    Activity activity = Fixtures.activity().hostSite(SiteId.of("kansas-city-mo")).build();
    assertEquals(ActivityKind.WEBINAR, activity.getKind());
    assertValid(activity);
  }

  @Test
  void mayEndTheInstantItStarts() {
    assertValid(Fixtures.activity().endsAt(T0).build());
  }

  @Test
  void refusesAnEndBeforeTheStart() {
    assertRefused("Activity.endsAt: 2026-03-02T14:59:59Z is before the start"
            + " 2026-03-02T15:00:00Z",
        () -> Fixtures.activity().endsAt(T0.minusSeconds(1)).build());
  }

  @ParameterizedTest(name = "a {0} carries out an exchange")
  @EnumSource(value = ActivityKind.class, names = {"PEER_EXCHANGE", "SITE_VISIT"})
  void aPeerExchangeOrSiteVisitCarriesOutAnExchange(ActivityKind kind) {
    assertValid(Fixtures.activity().kind(kind).exchange(ExchangeId.of("x-1")).build());
  }

  @ParameterizedTest(name = "a {0} carries out no exchange")
  @EnumSource(value = ActivityKind.class, names = {"PEER_EXCHANGE", "SITE_VISIT"},
      mode = EnumSource.Mode.EXCLUDE)
  void otherKindsCarryOutNoExchange(ActivityKind kind) {
    assertRefused("Activity.exchange: only a peer exchange or site visit carries out an"
            + " exchange, not a " + kind,
        () -> Fixtures.activity().kind(kind).exchange(ExchangeId.of("x-1")).build());
  }

  @Test
  void refusesMissingAndNullFieldsNamingThem() {
    assertMissing("Activity.community, Activity.kind, Activity.title, Activity.startsAt, "
        + "Activity.endsAt: must be set",
        () -> Activity.builder().id(ActivityId.of("act")).build());
    assertMissing("endsAt: must not be null", () -> Fixtures.activity().endsAt(null));
  }

  @Test
  void equalActivitiesHashAlike() {
    assertValueEquality(() -> Fixtures.activity().build(),
        Fixtures.activity().kind(ActivityKind.MEETING).build());
  }

  @Test
  void reportsEveryTypingMistakeAtOnceWithPaths() {
    assertEquals(List.of("title", "title"),
        violationPaths(Fixtures.activity().title("\u0000" + "t".repeat(200)).build()));
  }

  @Test
  void mayBelongToANamedSeries() {
    Activity call = Fixtures.activity().kind(ActivityKind.MEETING).series("community call")
        .build();
    assertEquals(java.util.Optional.of("community call"), call.getSeries());
    assertValid(call);
    assertEquals(java.util.Optional.empty(), Fixtures.activity().build().getSeries());
  }

  @Test
  void aSeriesNameIsVisiblePlainAndShort() {
    assertEquals(List.of("series", "series"),
        violationPaths(Fixtures.activity().series("\u0000" + "s".repeat(200)).build()));
    assertEquals(List.of("series"), violationPaths(Fixtures.activity().series(" ").build()));
  }
}
