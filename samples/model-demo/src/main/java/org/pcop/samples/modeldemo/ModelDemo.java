package org.pcop.samples.modeldemo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.pcop.model.AgencyId;
import org.pcop.model.BarAdmission;
import org.pcop.model.CommunityId;
import org.pcop.model.EngagementKind;
import org.pcop.model.ExchangeId;
import org.pcop.model.InvalidValueException;
import org.pcop.model.Member;
import org.pcop.model.MemberId;
import org.pcop.model.Site;
import org.pcop.model.SiteEngagement;
import org.pcop.model.SiteId;
import org.pcop.model.activity.Approval;
import org.pcop.model.activity.ApproverRole;
import org.pcop.model.activity.Exchange;
import org.pcop.model.activity.ExchangeMode;
import org.pcop.model.activity.ExchangeState;
import org.pcop.model.taxonomy.CoreAreaId;
import org.pcop.model.taxonomy.PspTaxonomy;
import org.pcop.model.taxonomy.Taxonomy;
import org.pcop.model.taxonomy.TopicId;
import org.pcop.model.validation.ModelValidator;
import org.pcop.model.validation.Violation;

/**
 * Builds the PSP program's sites from bundled public data, shows the shipped taxonomy, and shows
 * how pcop-model refuses impossible values and reports every typing mistake at once.
 */
public final class ModelDemo {
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

  private ModelDemo() {}

  /**
   * Runs the demo.
   *
   * @param args ignored
   * @throws IOException if the bundled data cannot be read
   */
  public static void main(String[] args) throws IOException {
    PrintStream out = System.out;
    // Hibernate Validator announces its version at INFO; the demo keeps its output to the point.
    Logger.getLogger("org.hibernate.validator").setLevel(Level.WARNING);
    List<Site> sites = loadSites();
    long active = sites.stream().filter(s -> s.isActiveOn(TODAY)).count();
    long alumni = sites.stream().filter(s -> s.engagementOn(TODAY)
        .map(e -> e.getKind() == EngagementKind.ALUMNI).orElse(false)).count();
    out.printf("PSP sites from public announcements: %d (on %s: %d in an active engagement, %d"
        + " alumni)%n", sites.size(), TODAY, active, alumni);
    sites.stream().filter(s -> s.getEngagements().size() > 2).limit(3).forEach(s -> out.printf(
        "  %s, %s: %s%n", s.getName(), s.getState(), describe(s.getEngagements())));

    out.println();
    for (Taxonomy t : PspTaxonomy.versions()) {
      out.printf("Taxonomy %s v%d (from %s): %d core areas, %d topics, %d aims%n", t.getId(),
          t.getVersion(), t.getEffective(), t.getCoreAreas().size(), t.getTopics().size(),
          t.getAims().size());
    }

    out.println();
    try (ModelValidator validator = ModelValidator.create()) {
      Member typedBadly = Member.builder()
          .id(MemberId.of("m-17"))
          .name("Jordan Reyes")
          .agency(AgencyId.of("a-memphis"))
          .email("jordan.reyes(at)example.org")
          .phone("555-0100")
          .addBarAdmission(BarAdmission.of("TN", "0321 77"))
          .addExpertise(TopicId.of("gun-violence.nibin"))
          .build();
      List<Violation> violations = validator.validate(typedBadly);
      out.printf("A member typed with %d mistakes; the validator reports them all:%n",
          violations.size());
      violations.forEach(v -> out.println("  " + v));
    }

    out.println();
    Exchange requested = Exchange.builder()
        .id(ExchangeId.of("x-2026-014"))
        .community(CommunityId.of("pcop"))
        .hostAgency(AgencyId.of("a-kc"))
        .hostSite(SiteId.of("kansas-city-mo"))
        .addVisitingAgency(AgencyId.of("a-memphis"))
        .purpose("See how the host office screens gun cases with NIBIN leads.")
        .addCoreArea(CoreAreaId.of("gun-violence"))
        .mode(ExchangeMode.IN_PERSON)
        .requestedBy(MemberId.of("m-17"))
        .requestedAt(Instant.parse("2026-03-02T15:00:00Z"))
        .build();
    out.printf("Exchange %s requested: %s -> %s%n", requested.getId(),
        requested.getVisitingAgencies(), requested.getHostAgency());
    try {
      Exchange.builder().from(requested).state(ExchangeState.APPROVED)
          .addApproval(Approval.of(ApproverRole.PROGRAM_ADVISOR, MemberId.of("m-1"),
              Instant.parse("2026-03-03T10:00:00Z")))
          .build();
    } catch (InvalidValueException e) {
      out.println("Approving with one approval is refused: " + e.getMessage());
    }
    try {
      Exchange.builder().from(requested).addVisitingAgency(AgencyId.of("a-kc")).build();
    } catch (InvalidValueException e) {
      out.println("A host visiting itself is refused: " + e.getMessage());
    }
  }

  private static String describe(List<SiteEngagement> engagements) {
    List<String> parts = new ArrayList<>();
    for (SiteEngagement e : engagements) {
      parts.add(e.getKind().name().toLowerCase(Locale.ROOT) + (e.isPilot() ? " (pilot)" : "")
          + " " + e.getStart() + e.getEnd().map(end -> " to " + end).orElse(" onwards"));
    }
    return String.join(", ", parts);
  }

  /**
   * Reads the bundled PSP site list. A site announced in a year is taken to start on 1 January of
   * that year; a later engagement of the same site ends the earlier one; after an operations
   * engagement the site is an alumnus.
   */
  private static List<Site> loadSites() throws IOException {
    Map<String, List<String[]>> rows = new LinkedHashMap<>();
    try (InputStream in = ModelDemo.class.getResourceAsStream("psp-sites.csv");
        BufferedReader reader = new BufferedReader(
            new InputStreamReader(in, StandardCharsets.UTF_8))) {
      reader.readLine();
      String line;
      while ((line = reader.readLine()) != null) {
        String[] f = line.split(",", -1);
        rows.computeIfAbsent(f[0] + "," + f[1], k -> new ArrayList<>()).add(f);
      }
    }
    List<Site> sites = new ArrayList<>();
    for (List<String[]> siteRows : rows.values()) {
      String[] first = siteRows.get(0);
      List<SiteEngagement> engagements = new ArrayList<>();
      for (int i = 0; i < siteRows.size(); i++) {
        String[] f = siteRows.get(i);
        LocalDate start = LocalDate.of(Integer.parseInt(f[3]), 1, 1);
        LocalDate end = start.plus(SiteEngagement.STANDARD_LENGTH);
        if (i + 1 < siteRows.size()) {
          LocalDate next = LocalDate.of(Integer.parseInt(siteRows.get(i + 1)[3]), 1, 1);
          end = next.isBefore(end) ? next : end;
        }
        boolean pilot = f[2].equals("operations-pilot");
        EngagementKind kind = f[2].startsWith("operations") ? EngagementKind.OPERATIONS
            : EngagementKind.DIAGNOSTIC;
        engagements.add(SiteEngagement.builder().kind(kind).pilot(pilot).start(start).end(end)
            .build());
      }
      SiteEngagement last = engagements.get(engagements.size() - 1);
      engagements.add(SiteEngagement.builder().kind(EngagementKind.ALUMNI)
          .start(last.getEnd().orElseThrow()).build());
      sites.add(Site.builder()
          .id(SiteId.of(slug(first[0] + "-" + first[1])))
          .name(first[0])
          .state(first[1])
          .engagements(engagements)
          .build());
    }
    return sites;
  }

  private static String slug(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("-$", "");
  }

}
