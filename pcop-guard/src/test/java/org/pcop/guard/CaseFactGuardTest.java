package org.pcop.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each kind is found with its offsets right, and each look-alike passes. */
class CaseFactGuardTest {
  private final CaseFactGuard guard = CaseFactGuard.standard();

  /**
   * Asserts that scanning {@code text} finds exactly the given kinds at the given parts, each
   * part written as {@code kind=found text}; the offsets are those of the part's first
   * occurrence.
   */
  private void assertFinds(String text, String... parts) {
    List<String> expected = new ArrayList<>();
    for (String part : parts) {
      String kind = part.substring(0, part.indexOf('='));
      String found = part.substring(part.indexOf('=') + 1);
      int start = text.indexOf(found);
      assertTrue(start >= 0, found + " is not in the text");
      expected.add(kind + "@" + start + "-" + (start + found.length()));
    }
    List<String> actual = guard.scan("text", text).stream()
        .map(f -> f.kind() + "@" + f.start() + "-" + f.end()).collect(Collectors.toList());
    assertEquals(expected.stream().sorted().toList(), actual.stream().sorted().toList(),
        () -> "in: " + text + "\nfound: " + guard.scan("text", text).stream()
            .map(f -> f.kind() + "=" + text.substring(f.start(), f.end())).toList());
  }

  @Nested
  class EachKindIsFoundAtItsOffsets {
    @Test
    void socialSecurityNumbers() {
      assertFinds("Victim's SSN is 123-45-6789, please redact.", "ssn=123-45-6789");
      assertFinds("his social security number is 317 34 1252 per intake", "ssn=317 34 1252");
      assertFinds("SSN: 317341252.", "ssn=317341252");
      assertFinds("Only the last four: xxx-xx-4417.", "ssn=xxx-xx-4417");
    }

    @Test
    void datesOfBirth() {
      assertFinds("DOB 04/12/1988, per the roster.", "date-of-birth=04/12/1988");
      assertFinds("date of birth: March 3, 1991.", "date-of-birth=March 3, 1991");
      assertFinds("She was born on 14 July 2009 in Mesa.", "date-of-birth=14 July 2009");
      assertFinds("(D.O.B. 2009-07-14)", "date-of-birth=2009-07-14");
    }

    @Test
    void caseAndDocketNumbers() {
      assertFinds("Motion in 2026-CR-0042 was granted.", "case-number=2026-CR-0042");
      assertFinds("Re CR-2025-001234: continued.", "case-number=CR-2025-001234");
      assertFinds("Sentencing in 1:24-cr-00123-JMS.", "case-number=1:24-cr-00123-JMS");
      assertFinds("Our Case No. 24-1187 is set.", "case-number=24-1187");
      assertFinds("Docket 2023-1187 was continued.", "case-number=2023-1187");
      assertFinds("Cause No. F-2301234 is on the list.", "case-number=F-2301234");
    }

    @Test
    void captions() {
      assertFinds("2026-CR-0042 State v. John Smith", "case-number=2026-CR-0042",
          "case-caption=State v. John Smith");
      assertFinds("We tried People v. Alvarez last week.", "case-caption=People v. Alvarez");
      assertFinds("Commonwealth v. Kevin O'Brien is next.",
          "case-caption=Commonwealth v. Kevin O'Brien");
      assertFinds("United States v. Tyler Brooks Monday.",
          "case-caption=United States v. Tyler Brooks");
      assertFinds("State of Ohio v. Reed goes first.", "case-caption=State of Ohio v. Reed");
      assertFinds("Follow-up on In re J.M. next week.", "case-caption=In re J.M.");
      assertFinds("Reed v. State is on appeal.", "case-caption=Reed v. State");
      assertFinds("Trial in State\nv. Reed starts.", "case-caption=State\nv. Reed");
    }

    @Test
    void namedPeopleInACaseRole() {
      assertFinds("The defendant, Marcus Reed, will plead.", "person-in-case-role=Marcus Reed");
      assertFinds("Witness Dana Whitfield moved away.", "person-in-case-role=Dana Whitfield");
      assertFinds("Marcus Reed (suspect) fled.", "person-in-case-role=Marcus Reed");
      assertFinds("The juvenile, J.M., was detained.", "person-in-case-role=J.M.");
      assertFinds("Please call Ms. Alvarez, the victim, today.",
          "person-in-case-role=Ms. Alvarez");
      assertFinds("victim named Keisha Okafor Thursday", "person-in-case-role=Keisha Okafor");
      assertFinds("Call McKay Reed, the victim.", "person-in-case-role=McKay Reed");
    }

    @Test
    void streetAddresses() {
      assertFinds("He lives at 1420 W Elm Street, Apt 4B, with his aunt.",
          "street-address=1420 W Elm Street, Apt 4B");
      assertFinds("Search at 88 Cactus Wren Dr went fine.", "street-address=88 Cactus Wren Dr");
    }

    @Test
    void licencePlateAndRecordNumbers() {
      assertFinds("his DL D08954796 is suspended", "drivers-licence=D08954796");
      assertFinds("Driver's license number 123456789 came back.",
          "drivers-licence=123456789");
      assertFinds("ALPR hit on plate CKR-4417 near the scene.", "plate=CKR-4417");
      assertFinds("Tag: 7ABC123, silver sedan.", "plate=7ABC123");
      assertFinds("FBI No. 736542KA4 on the rap sheet.", "fbi-number=736542KA4");
      assertFinds("SID AZ12345678 shows priors.", "state-id=AZ12345678");
      assertFinds("NCIC W123456789 is the warrant.", "ncic-number=W123456789");
      assertFinds("NIC M123456789 is the order.", "ncic-number=M123456789");
    }

    @Test
    void personalPhonesAndEmails() {
      assertFinds("Her cell is 480-555-0199.", "personal-phone=480-555-0199");
      assertFinds("You can reach Bryce Gundersen at (503) 555-4989 after six.",
          "personal-phone=(503) 555-4989");
      assertFinds("Send it to Quentin Pruitt at quentin.pruitt7@gmail.com.",
          "personal-email=quentin.pruitt7@gmail.com");
      assertFinds("The victim writes from kp1988@example.net only.",
          "personal-email=kp1988@example.net");
    }
  }

  @Nested
  class LookAlikesPass {
    @ParameterizedTest
    @ValueSource(strings = {
        "Under A.R.S. § 13-1204 aggravated assault is a class 3 felony.",
        "See 18 U.S.C. § 922(g)(1) and RCW 9A.44.073 before charging.",
        "Colo. Rev. Stat. § 18-3-102 and Rule 404(b) notices.",
        "Grant No. 2019-DC-BX-0042 covers travel for 12 members (37%).",
        "Funded by award 15PBJA-23-GG-01234-MUMU.",
        "Call the front desk at (602) 555-0100 for registration.",
        "Victim services hotline: 1-800-555-0199, around the clock.",
        "Dana Whitfield, office line 602-555-0142, ext. 204, can help.",
        "Training is on March 14, 2026 in Room 204.",
        "The session is at 1500 Capitol Avenue, Suite 300, in the Ballroom.",
        "We closed 1,204 cases in 2025, 37% of them by plea, up 12% from 2024.",
        "In State v. Henderson, 208 N.J. 208 (2011), the court rewrote the instruction.",
        "The supreme court held in State v. Reed that the exception does not apply.",
        "Miranda v. Arizona, 384 U.S. 436 (1966), frames the module.",
        "Victim Services will host a webinar on Tuesday.",
        "The Victim Witness Coordinator, Maria Lopez, will present.",
        "Maria Lopez, the victim advocate at our office, will present.",
        "The form asks for DOB and SSN; we removed both fields.",
        "FBI UCR data for 2023 show 380 incidents per 100,000 residents.",
        "NCIC 2000 training for support staff is on 4/14/2026.",
        "Driver's license suspensions dropped 40% after HB 2451 passed.",
        "License plate reader policy: retention is 90 days.",
        "Please send the sheet to Noelle Reed at nreed@franklin.example.gov by Friday.",
        "Questions? Write to info@cop.example.org or call the office at 602-555-0100.",
        "The agenda runs 9:00-10:30, then 10:45-12:15, lunch in Room 4B.",
        "Bar number 012345 is required on the CLE sign-in sheet.",
        "See NCJ 254321 for the national survey.",
        "Our state ID program helped 240 reentry clients.",
        "Case No. format varies by county; we only store the handle.",
        ""})
    void passes(String text) {
      List<Finding> findings = guard.scan("text", text);
      assertEquals(List.of(), findings.stream()
          .map(f -> f.kind() + "=" + text.substring(f.start(), f.end())).toList(), text);
      assertTrue(guard.isClean("text", text));
    }
  }

  @Test
  void overlappingMatchesOfOneKindAreJoinedAndFindingsAreOrdered() {
    String text = "SSN 123-45-6789 and DOB 1/2/1990; SSN 123456789.";
    List<Finding> findings = guard.scan("notes", text);
    assertEquals(List.of("ssn", "date-of-birth", "ssn"),
        findings.stream().map(Finding::kind).toList());
    assertEquals(4, findings.get(0).start());
    assertEquals(15, findings.get(0).end());
    assertTrue(findings.get(0).compareTo(findings.get(1)) < 0);
  }

  @Test
  void aFindingDescribesFieldKindAndOffsets() {
    Finding f = guard.scan("question", "SSN 123-45-6789").get(0);
    assertEquals("question", f.field());
    assertEquals(CaseFactKind.SSN.id(), f.kind());
    assertEquals("a Social Security number", f.kindDescription());
    assertEquals("field \"question\" holds a Social Security number (ssn) at characters 4 to 15",
        f.describe());
    assertEquals(f.describe(), f.toString());
    assertEquals(f, guard.scan("question", "SSN 123-45-6789").get(0));
    assertEquals(f.hashCode(), guard.scan("question", "SSN 123-45-6789").get(0).hashCode());
  }

  @Test
  void everyBuiltInKindHasADetectorAndAnId() {
    assertEquals(Arrays.stream(CaseFactKind.values()).map(CaseFactKind::id).toList(),
        guard.kinds());
    for (CaseFactKind kind : CaseFactKind.values()) {
      assertEquals(kind, CaseFactKind.byId(kind.id()).orElseThrow());
    }
    assertTrue(CaseFactKind.byId("acme-case-number").isEmpty());
    assertTrue(guard.problems().isEmpty());
  }

  @Test
  void aFieldNameMustBeUsable() {
    assertThrows(NullPointerException.class, () -> guard.scan(null, "x"));
    assertThrows(NullPointerException.class, () -> guard.scan("question", null));
    IllegalArgumentException blank = assertThrows(IllegalArgumentException.class,
        () -> guard.scan(" ", "x"));
    assertEquals("a scanned field's name must be 1 to 100 characters without control"
        + " characters (it was 1 characters)", blank.getMessage());
    assertThrows(IllegalArgumentException.class, () -> guard.scan("a\nb", "x"));
    assertThrows(IllegalArgumentException.class, () -> guard.scan("f".repeat(101), "x"));
  }

  @Test
  void thePolicySaysWhetherTextIsScanned() {
    assertTrue(CaseFactPolicy.REFUSE.scans());
    assertTrue(CaseFactPolicy.FLAG.scans());
    assertFalse(CaseFactPolicy.OFF.scans());
    assertEquals(List.of("REFUSE", "FLAG", "OFF"),
        Arrays.stream(CaseFactPolicy.values()).map(Enum::name).toList());
  }
}
