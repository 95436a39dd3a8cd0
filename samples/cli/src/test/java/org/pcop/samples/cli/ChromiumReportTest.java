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
