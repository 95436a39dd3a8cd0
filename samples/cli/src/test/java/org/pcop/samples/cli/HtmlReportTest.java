package org.pcop.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcop.samples.cli.report.HtmlReport;

class HtmlReportTest {
  static final String HOSTILE_MEMBER = "<script>alert('member')</script>";
  static final String HOSTILE_SITE = "Evil & \"Sons\" <img src=x onerror=alert(1)>";

  @TempDir
  Path temp;

  /**
   * The demo's log with every site lead named {@link #HOSTILE_MEMBER} and Gary named
   * {@link #HOSTILE_SITE}, imported into a new folder.
   */
  static Path hostileFolder(Path temp) throws Exception {
    Path demo = DemoFolders.copyInto(temp);
    Path doc = temp.resolve("community.json");
    Path log = temp.resolve("log.ndjson");
    assertEquals(PcopCli.EXIT_OK, Run.of("export", "--data", demo.toString(), "--document",
        doc.toString()).code());
    assertEquals(PcopCli.EXIT_OK, Run.of("export", "--data", demo.toString(), "--events",
        log.toString()).code());
    String events = Files.readString(log);
    String renamed = Pattern.compile("\"name\":\"[^\"]+\",\"title\":\"Chief Deputy")
        .matcher(events).replaceAll(Matcher.quoteReplacement("\"name\":\""
            + jsonText(HOSTILE_MEMBER) + "\",\"title\":\"Chief Deputy"))
        .replace("\"name\":\"Gary\"", "\"name\":\"" + jsonText(HOSTILE_SITE) + "\"");
    assertTrue(renamed.contains("onerror") && renamed.contains("alert('member')"),
        "the names were replaced");
    Files.writeString(log, renamed);
    Path hostile = temp.resolve("hostile");
    assertEquals(PcopCli.EXIT_OK, Run.of("import", "--data", hostile.toString(), "--document",
        doc.toString(), "--frame-only").code());
    Run imported = Run.of("import", "--data", hostile.toString(), "--events", log.toString());
    assertEquals(PcopCli.EXIT_OK, imported.code(), imported::toString);
    return hostile;
  }

  private static String jsonText(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  @Test
  void hostileNamesAreEscapedEverywhere() throws Exception {
    Path folder = hostileFolder(temp);
    Path html = temp.resolve("report.html");

    Run run = Run.of("report", "--data", folder.toString(), "--html", html.toString(),
        "--as-of", "2022-12-31");

    assertEquals(PcopCli.EXIT_OK, run.code(), run::toString);
    String page = Files.readString(html);
    assertTrue(page.contains(HtmlReport.esc(HOSTILE_MEMBER)), "the member is shown escaped");
    assertTrue(page.contains(HtmlReport.esc(HOSTILE_SITE)), "the site is shown escaped");
    assertFalse(page.contains("<script"), "no script element at all");
    assertFalse(page.contains("<img"), "no injected element");
    assertFalse(page.contains("\"Sons\""), "no raw quote that could end an attribute");
  }

  @Test
  void escapingCoversTheFiveSpecialCharacters() {
    assertEquals("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;",
        HtmlReport.esc("<a href=\"x\" title='y'>&</a>"));
    assertEquals("plain text, unchanged", HtmlReport.esc("plain text, unchanged"));
  }

  @Test
  void thePageLoadsNothingFromOutside() throws Exception {
    Path html = temp.resolve("report.html");
    assertEquals(PcopCli.EXIT_OK, Run.of("report", "--data",
        DemoFolders.copyInto(temp).toString(), "--html", html.toString()).code());
    String page = Files.readString(html);

    assertTrue(page.contains("default-src 'none'"), "a content security policy forbids it");
    assertFalse(Pattern.compile("(src|href)\\s*=", Pattern.CASE_INSENSITIVE).matcher(page)
        .find(), "no src or href attribute");
    assertFalse(page.contains("url("), "no CSS url()");
    assertEquals(3, page.split("<svg ", -1).length - 1, "three charts");
  }
}
