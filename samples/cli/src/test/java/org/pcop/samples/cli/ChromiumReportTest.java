package org.pcop.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Renders the HTML report in headless Chromium; skipped, saying what to install, without it. */
class ChromiumReportTest {
  private static Path chromium;

  @TempDir
  Path temp;

  @BeforeAll
  static void findChromium() {
    chromium = BrowserCheck.chromium().orElse(null);
    assumeTrue(chromium != null, BrowserCheck.INSTALL_HINT);
  }

  @Test
  void theReportLoadsWithoutErrorsAndShowsItsCharts() throws Exception {
    Path html = temp.resolve("report.html");
    Run run = Run.of("report", "--data", DemoFolders.copyInto(temp).toString(), "--html",
        html.toString());
    assertEquals(PcopCli.EXIT_OK, run.code(), run::toString);

    BrowserCheck.Result result = BrowserCheck.load(chromium, html, temp.resolve("profile"));

    assertEquals(0, result.exitCode(), () -> String.join("\n", result.errors()));
    assertEquals(List.of(), result.errors());
    for (String chart : List.of("heatmap", "levels", "rfi-times")) {
      assertTrue(Pattern.compile("<svg[^>]*id=\"" + chart + "\"").matcher(result.dom()).find(),
          () -> "chart " + chart + " missing from the rendered page");
    }
    assertTrue(result.dom().split("<rect", -1).length > 100, "the charts have their marks");
  }

  /**
   * What a reader needs is on the rendered page: chart titles that say what is counted over
   * which window, labelled axes, legends, the heatmap's colour scale, the service level and
   * unanswered requests in the response-time chart, months with their year, titles instead of
   * ids. And nothing is wider than the window: the page is measured in Chromium by a script
   * added to a copy of it (the report itself forbids scripts), at a desktop and a laptop width.
   */
  @Test
  void everyChartIsLabelledAndNothingOverflowsThePageWidth() throws Exception {
    Path html = temp.resolve("report.html");
    Run run = Run.of("report", "--data", DemoFolders.copyInto(temp).toString(), "--html",
        html.toString());
    assertEquals(PcopCli.EXIT_OK, run.code(), run::toString);
    String page = Files.readString(html);
    String measured = page.replaceFirst("<meta http-equiv=\"Content-Security-Policy\"[^>]*>", "")
        .replace("</body>", "<script>\n"
            + "var w = document.documentElement.clientWidth, over = [];\n"
            + "document.querySelectorAll('body *').forEach(function (e) {\n"
            + "  var r = e.getBoundingClientRect();\n"
            + "  if (r.width > 0 && r.right > w + 1) {\n"
            + "    over.push(e.tagName + ':' + (e.textContent || '').slice(0, 40) + ':'\n"
            + "        + Math.round(r.right));\n"
            + "  }\n"
            + "});\n"
            + "document.body.setAttribute('data-width', String(w));\n"
            + "document.body.setAttribute('data-overflow', over.length ? over.slice(0, 10)"
            + ".join(' | ') : 'none');\n"
            + "</script>\n</body>");
    Path copy = temp.resolve("measured.html");
    Files.writeString(copy, measured);

    for (int width : List.of(1280, 900)) {
      BrowserCheck.Result result = BrowserCheck.load(chromium, copy,
          temp.resolve("profile-" + width), width);
      assertEquals(0, result.exitCode(), () -> String.join("\n", result.errors()));
      java.util.regex.Matcher overflow = Pattern.compile("data-overflow=\"([^\"]*)\"")
          .matcher(result.dom());
      assertTrue(overflow.find(), "the measuring script ran at width " + width);
      assertEquals("none", overflow.group(1), "elements wider than the window at " + width);
    }

    String dom = BrowserCheck.load(chromium, html, temp.resolve("profile")).dom();
    for (String label : List.of(
        "Participations by site and core area over 365 days, ", "core area (columns)",
        "site (rows)", "participations</text>", "per cell</text>",
        "Members per engagement level at each month end, January 2022 to December 2022",
        ">month end</text>", ">members</text>", ">level</text>", ">Jan</text>",
        ">2022</text>", "Hours from posting to the first response, for each of the",
        ">hours to first response</text>", "in the order posted",
        "answered within the service level", "answered late: service level breached",
        "no response", "class=\"service-level\"",
        "service level: when the first response was due (a first response within")) {
      assertTrue(dom.contains(label), "missing from the rendered page: " + label);
    }
    assertFalse(dom.contains("<td>rfi rfi-"), "breaches are named by their request's question");
    assertFalse(dom.contains("<td>core_area "), "gaps are named by their core area's name");
    assertFalse(Pattern.compile("\\d+ h \\d+ min").matcher(dom).results()
        .anyMatch(m -> Integer.parseInt(m.group().split(" ")[0]) >= 24),
        "a duration of a day or more reads in days and hours");
  }

  @Test
  void aPageWithAScriptErrorOrAnExternalResourceIsCaught() throws Exception {
    Path html = temp.resolve("broken.html");
    Files.writeString(html, "<!DOCTYPE html><html><head><meta http-equiv="
        + "\"Content-Security-Policy\" content=\"default-src 'none'; script-src"
        + " 'unsafe-inline'\"></head><body><svg></svg>"
        + "<script>undefinedFunction();</script><img src=\"https://example.org/x.png\">"
        + "</body></html>");

    BrowserCheck.Result result = BrowserCheck.load(chromium, html, temp.resolve("profile"));

    assertFalse(result.errors().isEmpty(), "the broken page's errors are seen");
    assertTrue(result.errors().stream().anyMatch(l -> l.contains("undefinedFunction")),
        () -> String.join("\n", result.errors()));
  }
}
