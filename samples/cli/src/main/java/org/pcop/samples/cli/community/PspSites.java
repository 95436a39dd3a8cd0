package org.pcop.samples.cli.community;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pcop.model.EngagementKind;
import org.pcop.model.Site;
import org.pcop.model.SiteEngagement;
import org.pcop.model.SiteId;

/**
 * The PSP sites from the bundled list of public announcements ({@code psp-sites.csv}: site, state,
 * engagement, year announced). A site announced in a year is taken to start on 1 January of that
 * year and to last the standard three years; a later engagement of the same site ends the earlier
 * one; after its last engagement the site is an alumnus.
 */
public final class PspSites {
  private PspSites() {}

  /**
   * Reads the bundled list.
   *
   * @return the sites in the order of the list, each once
   * @throws UncheckedIOException if the bundled file cannot be read
   */
  public static List<Site> load() {
    Map<String, List<String[]>> rows = new LinkedHashMap<>();
    try (InputStream in = PspSites.class.getResourceAsStream("psp-sites.csv");
        BufferedReader reader = new BufferedReader(
            new InputStreamReader(in, StandardCharsets.UTF_8))) {
      reader.readLine();
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.isBlank()) {
          String[] f = line.split(",", -1);
          rows.computeIfAbsent(f[0] + "," + f[1], k -> new ArrayList<>()).add(f);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled PSP site list", e);
    }
    List<Site> sites = new ArrayList<>();
    for (List<String[]> siteRows : rows.values()) {
      sites.add(site(siteRows));
    }
    return sites;
  }

  private static Site site(List<String[]> siteRows) {
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
      EngagementKind kind = f[2].startsWith("operations") ? EngagementKind.OPERATIONS
          : EngagementKind.DIAGNOSTIC;
      engagements.add(SiteEngagement.builder().kind(kind).pilot(f[2].equals("operations-pilot"))
          .start(start).end(end).build());
    }
    SiteEngagement last = engagements.get(engagements.size() - 1);
    engagements.add(SiteEngagement.builder().kind(EngagementKind.ALUMNI)
        .start(last.getEnd().orElseThrow()).build());
    return Site.builder().id(SiteId.of(slug(first[0] + "-" + first[1]))).name(first[0])
        .state(first[1]).engagements(engagements).build();
  }

  static String slug(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("-$", "");
  }
}
