package org.pcop.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcop.model.activity.Exchange;
import org.pcop.model.activity.RequestForInformation;
import org.pcop.samples.cli.folder.CommunityState;
import org.pcop.samples.cli.folder.DataFolder;
import org.pcop.samples.cli.report.HtmlReport;

/**
 * The reports' suggestions: the HTML page and the text report list, for an open request of the
 * demo, the members {@code pcop suggest --rfi} ranks best as of the same instant, and for a
 * requested exchange the sites {@code pcop suggest --exchange} ranks best, each with its score
 * and factors, in the same order; read as text, so it holds without a browser.
 */
class ReportSuggestionsTest {
  @TempDir
  Path temp;

  /** A suggestion line of {@code pcop suggest}: the subject's id, then score and factors. */
  private record Line(String id, String scoreAndFactors) {}

  private static List<Line> suggested(Run run) {
    assertEquals(PcopCli.EXIT_OK, run.code(), run::toString);
    List<Line> lines = new ArrayList<>();
    for (String line : run.out().split("\n")) {
      int dot = line.indexOf(". ");
      int score = line.indexOf(": score ");
      if (dot > 0 && score > dot && line.substring(0, dot).chars().allMatch(Character::isDigit)) {
        lines.add(new Line(line.substring(dot + 2, score),
            line.substring(score + ": score ".length())));
      }
    }
    return lines;
  }

  private String page(Path dir, Instant asOf) throws Exception {
    Path html = temp.resolve("report-" + asOf.toEpochMilli() + ".html");
    Run run = Run.of("report", "--data", dir.toString(), "--html", html.toString(), "--as-of",
        asOf.toString());
    assertEquals(PcopCli.EXIT_OK, run.code(), run::toString);
    return Files.readString(html);
  }

  /** Asserts that a section lists the suggestions in their order, escaped. */
  private static void listsInOrder(String section, List<Line> lines) {
    int at = -1;
    for (Line line : lines) {
      String item = "</b> (" + HtmlReport.esc(line.id()) + "), score "
          + HtmlReport.esc(line.scoreAndFactors()) + "</li>";
      int found = section.indexOf(item, at + 1);
      assertTrue(found > at, () -> item + " missing or out of order in:\n" + section);
      at = found;
    }
  }

  @Test
  void theReportsSuggestAnswerersAndHostsAsTheSuggestCommandDoes() throws Exception {
    SuggestionSubjects subjects = SuggestionSubjects.ofDemoIn(temp);
    Path dir = subjects.dir();
    RequestForInformation rfi = subjects.rfi();
    Exchange exchange = subjects.exchange();

    Instant asked = subjects.asked();
    List<Line> answerers = suggested(Run.of("suggest", "--data", dir.toString(), "--rfi",
        rfi.getId().value(), "--as-of", asked.toString(), "--limit", "3"));
    assertEquals(3, answerers.size(), answerers::toString);
    String page = page(dir, asked);
    int start = page.indexOf("<h2 id=\"answerers\">Who should answer the open requests (");
    int hosts = page.indexOf("<h2 id=\"hosts\">");
    assertTrue(start > 0 && hosts > start, "both sections, answerers first");
    String section = page.substring(start, hosts);
    assertTrue(section.contains("<td>" + HtmlReport.esc(rfi.getTopic().value()) + "</td>"),
        section);
    assertTrue(section.contains("<span class=\"note\">" + rfi.getId() + "</span>"), section);
    listsInOrder(section, answerers);
    Run text = Run.of("evaluate", "--data", dir.toString(), "--as-of", asked.toString());
    assertEquals(PcopCli.EXIT_OK, text.code(), text::toString);
    assertTrue(text.out().contains("\nWho should answer the open requests: "), text::toString);
    for (int i = 0; i < answerers.size(); i++) {
      Line line = answerers.get(i);
      assertTrue(text.out().contains("    " + (i + 1) + ". ") && text.out().contains(" ("
          + line.id() + "), score " + line.scoreAndFactors() + "\n"), line + "\n" + text);
    }

    Instant requested = subjects.requested();
    List<Line> sites = suggested(Run.of("suggest", "--data", dir.toString(), "--exchange",
        exchange.getId().value(), "--as-of", requested.toString(), "--limit", "3"));
    assertFalse(sites.isEmpty());
    String hostsPage = page(dir, requested);
    String hostSection = hostsPage.substring(hostsPage.indexOf(
        "<h2 id=\"hosts\">Who should host the requested exchanges ("));
    listsInOrder(hostSection.substring(0, hostSection.indexOf("</table>")), sites);
    Run hostText = Run.of("evaluate", "--data", dir.toString(), "--as-of",
        requested.toString());
    assertTrue(hostText.out().contains("\nWho should host the requested exchanges: "),
        hostText::toString);
    assertTrue(hostText.out().contains(" (" + sites.get(0).id() + "), score "
        + sites.get(0).scoreAndFactors() + "\n"), hostText::toString);
  }

  @Test
  void aRequestNoLongerOpenGetsNoSuggestions() throws Exception {
    Path dir = DemoFolders.copyInto(temp);
    RequestForInformation resolved;
    try (DataFolder folder = DataFolder.open(dir)) {
      CommunityState state = CommunityState.replay(folder);
      resolved = state.record().rfis(state.community().getId()).stream()
          .filter(r -> r.getState() == org.pcop.model.activity.RfiState.RESOLVED).findFirst()
          .orElseThrow();
    }
    String page = page(dir, Instant.parse("2022-12-31T23:00:00Z"));
    String section = page.substring(page.indexOf("<h2 id=\"answerers\">"),
        page.indexOf("<h2 id=\"hosts\">"));
    assertFalse(section.contains("<span class=\"note\">" + resolved.getId() + "</span>"),
        "a resolved request is not listed: " + resolved.getId());
    assertTrue(section.contains("<span class=\"note\">"), "open requests are: " + section);
  }
}
