package org.pcop.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pcop.io.eventlog.EventLogFormat;
import org.pcop.io.eventlog.KnownIds;
import org.pcop.io.roster.RosterCsv;
import org.pcop.io.roster.RosterEntry;
import org.pcop.model.ActivityId;
import org.pcop.model.AgencyId;
import org.pcop.model.MemberId;
import org.pcop.model.SiteId;

/**
 * An event or a roster row that names something that does not exist at that point of the
 * history is refused with its line or row, where in it, and the missing id; each kind of
 * reference once.
 */
class ReferencesTest {
  private static final String SITE = "{\"type\":\"site-registered\",\"eventId\":\"e-1\","
      + "\"actor\":\"m-c\",\"occurredAt\":\"2019-05-31T13:00:00Z\",\"site\":{\"id\":\"compton-ca\","
      + "\"name\":\"Compton\",\"state\":\"CA\",\"engagements\":[{\"kind\":\"OPERATIONS\","
      + "\"pilot\":true,\"start\":\"2017-01-01\",\"end\":\"2020-01-01\"}]}}";
  private static final String AGENCY = "{\"type\":\"agency-registered\",\"eventId\":\"e-2\","
      + "\"actor\":\"m-c\",\"occurredAt\":\"2019-05-31T13:00:00Z\",\"agency\":{\"id\":"
      + "\"a-compton-ca\",\"name\":\"DA Compton\",\"kind\":\"DISTRICT_OR_COUNTY_ATTORNEY\","
      + "\"jurisdictionLevel\":\"LOCAL\",\"state\":\"CA\",\"site\":\"compton-ca\"}}";
  private static final String MEMBER = "{\"type\":\"member-enrolled\",\"eventId\":\"e-3\","
      + "\"actor\":\"m-c\",\"occurredAt\":\"2019-05-31T14:00:00Z\",\"member\":{\"id\":\"m-1\","
      + "\"name\":\"Jamie Reyes\",\"title\":\"ADA\",\"agency\":\"a-compton-ca\",\"email\":"
      + "\"jamie@example.org\",\"barAdmissions\":[],\"expertise\":[]}}";
  private static final String PARTICIPATION = "{\"type\":\"participation-recorded\","
      + "\"eventId\":\"e-4\",\"actor\":\"m-c\",\"occurredAt\":\"2022-01-13T18:00:00Z\","
      + "\"participation\":{\"activity\":\"act-1\",\"member\":\"m-1\",\"kind\":\"ATTENDED\","
      + "\"at\":\"2022-01-13T18:00:00Z\"}}";
  private static final String APPROVAL = "{\"type\":\"exchange-approved\",\"eventId\":\"e-5\","
      + "\"actor\":\"m-1\",\"occurredAt\":\"2022-01-27T21:00:00Z\",\"exchange\":\"x-9\","
      + "\"role\":\"HOST_SITE_LEAD\"}";
  private static final String ANSWER = "{\"type\":\"rfi-answered\",\"eventId\":\"e-6\","
      + "\"actor\":\"m-1\",\"occurredAt\":\"2022-01-09T03:39:00Z\",\"request\":\"rfi-9\","
      + "\"response\":{\"id\":\"rfi-9-r1\",\"respondent\":\"m-1\",\"at\":"
      + "\"2022-01-09T03:39:00Z\",\"text\":\"Here is what we do.\"}}";
  private static final String LEVEL = "{\"type\":\"engagement-level-changed\",\"eventId\":"
      + "\"e-7\",\"actor\":\"m-c\",\"occurredAt\":\"2022-03-01T04:59:00Z\",\"member\":\"m-ghost\","
      + "\"community\":\"pcop\",\"to\":\"active\",\"reason\":\"promoted\"}";

  private static List<String> errors(KnownIds known, String... lines) throws IOException {
    ImportResult<Long> result = EventLogFormat.create().check(new ByteArrayInputStream(
        String.join("\n", lines).getBytes(StandardCharsets.UTF_8)), known);
    return result.errors().stream().map(ImportError::toString).toList();
  }

  private static String missing(String kind, String id) {
    return kind + " " + id + " does not exist at this point of the log; expected one registered"
        + " by an earlier event";
  }

  @Test
  void aLogFromTheStartResolvesWhatEarlierLinesCreate() throws IOException {
    assertEquals(List.of(), errors(KnownIds.none(), SITE, AGENCY, MEMBER));
    assertEquals(List.of(), errors(KnownIds.none().withActivities(
        Set.of(ActivityId.of("act-1"))), SITE, AGENCY, MEMBER, PARTICIPATION));
  }

  @Test
  void eachKindOfMissingReferenceIsNamedWithItsLine() throws IOException {
    List<String> site = errors(KnownIds.none(), AGENCY);
    assertEquals(1, site.size(), site::toString);
    assertTrue(site.get(0).contains("line 1") && site.get(0).contains("/agency/site")
        && site.get(0).contains(missing("site", "compton-ca")), site::toString);

    List<String> agency = errors(KnownIds.none(), SITE, MEMBER);
    assertTrue(agency.size() == 1 && agency.get(0).contains("line 2")
        && agency.get(0).contains("/member/agency")
        && agency.get(0).contains(missing("agency", "a-compton-ca")), agency::toString);

    List<String> activityAndMember = errors(KnownIds.none(), PARTICIPATION);
    assertEquals(2, activityAndMember.size(), activityAndMember::toString);
    assertTrue(activityAndMember.get(0).contains("/participation/activity")
        && activityAndMember.get(0).contains(missing("activity", "act-1")));
    assertTrue(activityAndMember.get(1).contains("/participation/member")
        && activityAndMember.get(1).contains(missing("member", "m-1")));

    KnownIds member = KnownIds.none().withMembers(Set.of(MemberId.of("m-1")));
    List<String> exchange = errors(member, APPROVAL);
    assertTrue(exchange.size() == 1 && exchange.get(0).contains(missing("exchange", "x-9")),
        exchange::toString);
    List<String> request = errors(member, ANSWER);
    assertTrue(request.size() == 1 && request.get(0).contains("/request")
        && request.get(0).contains(missing("request", "rfi-9")), request::toString);
    List<String> ghost = errors(member, LEVEL);
    assertTrue(ghost.size() == 1 && ghost.get(0).contains(missing("member", "m-ghost")),
        ghost::toString);
  }

  @Test
  void aTopicOutsideTheTaxonomyIsRefusedOnlyWhenTheTaxonomyIsKnown() throws IOException {
    String expert = MEMBER.replace("\"expertise\":[]", "\"expertise\":[\"no-such-topic\"]");
    KnownIds agency = KnownIds.none().withAgencies(Set.of(AgencyId.of("a-compton-ca")));
    assertEquals(List.of(), errors(agency, expert));

    List<String> topic = errors(agency.withTaxonomy(Samples.TAXONOMY), expert);

    assertTrue(topic.size() == 1 && topic.get(0).contains("/member/expertise")
        && topic.get(0).contains("topic no-such-topic does not exist at this point of the log;"
        + " expected one of the community's taxonomy"), topic::toString);
  }

  @Test
  void aRosterRowWithAnUnknownAgencySiteOrTopicIsRefusedInTheSamePassAsItsOtherErrors()
      throws IOException {
    String csv = String.join("\n",
        "member_id,name,title,email,phone,agency_id,site_id,bar_admissions,expertise",
        "m-1,Ann,ADA,not-an-email,,a-compton-ca,,,",
        "m-2,Bo,ADA,bo@example.org,,a-nowhere,s-nowhere,,no-such-topic", "");
    KnownIds known = KnownIds.none().withAgencies(Set.of(AgencyId.of("a-compton-ca")))
        .withSites(Set.of(SiteId.of("compton-ca"))).withTaxonomy(Samples.TAXONOMY);

    ImportResult<List<RosterEntry>> read = RosterCsv.create().read(
        new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), known);

    List<String> errors = read.errors().stream().map(ImportError::toString).toList();
    assertEquals(4, errors.size(), errors::toString);
    assertTrue(errors.get(0).startsWith("row 2"), errors::toString);
    assertTrue(errors.get(1).contains("row 3") && errors.get(1).contains("agency a-nowhere is"
        + " not registered; expected an agency of the community"), errors::toString);
    assertTrue(errors.get(2).contains("site s-nowhere is not registered"), errors::toString);
    assertTrue(errors.get(3).contains("topic no-such-topic is not in the community's"
        + " taxonomy"), errors::toString);
  }

  @Test
  void aRosterRowWhoseSiteIsNotItsAgencysIsRefusedWithTheOtherRows() throws IOException {
    String csv = String.join("\n",
        "member_id,name,title,email,phone,agency_id,site_id,bar_admissions,expertise",
        "m-1,Ann,ADA,not-an-email,,a-compton-ca,,,",
        "m-2,Bo,ADA,bo@example.org,,a-compton-ca,flint-mi,,",
        "m-3,Cy,ADA,cy@example.org,,a-usao-dc,compton-ca,,",
        "m-4,Di,ADA,di@example.org,,a-compton-ca,compton-ca,,", "");
    KnownIds known = KnownIds.none()
        .withAgencies(Set.of(AgencyId.of("a-compton-ca"), AgencyId.of("a-usao-dc")))
        .withSites(Set.of(SiteId.of("compton-ca"), SiteId.of("flint-mi")))
        .withAgencySites(java.util.Map.of(AgencyId.of("a-compton-ca"),
            SiteId.of("compton-ca")));

    ImportResult<List<RosterEntry>> read = RosterCsv.create().read(
        new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), known);

    assertEquals(List.of("row 2, column 4 (email): must be a well-formed email address",
        "row 3, column 7 (site_id): site flint-mi is not the site of agency a-compton-ca"
            + " (compton-ca); expected that site or an empty cell",
        "row 4, column 7 (site_id): site compton-ca is not the site of agency a-usao-dc"
            + " (none); expected an empty cell"),
        read.errors().stream().map(ImportError::toString).toList());
  }

  @Test
  void thePlainCheckResolvesReferencesFromTheStartOfTheLog() throws IOException {
    byte[] log = String.join("\n", SITE, AGENCY, MEMBER, LEVEL, APPROVAL)
        .getBytes(StandardCharsets.UTF_8);

    ImportResult<Long> result = EventLogFormat.create().check(new ByteArrayInputStream(log));

    assertEquals(List.of("line 4, at /member: " + missing("member", "m-ghost"),
        "line 5, at /exchange: " + missing("exchange", "x-9")),
        result.errors().stream().map(ImportError::toString).toList());
    assertEquals(List.of(), EventLogFormat.create().check(new ByteArrayInputStream(
        String.join("\n", SITE, AGENCY, MEMBER).getBytes(StandardCharsets.UTF_8))).errors());
  }
}
