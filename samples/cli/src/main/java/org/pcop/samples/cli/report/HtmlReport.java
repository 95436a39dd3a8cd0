package org.pcop.samples.cli.report;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pcop.model.MemberId;
import org.pcop.model.SiteId;
import org.pcop.model.taxonomy.CoreAreaId;
import org.pcop.rules.RuleResult;
import org.pcop.rules.ServiceLevelBreach;

/**
 * Renders an engagement report as one self-contained HTML page: inline CSS, three inline SVG
 * charts (the site by core-area heatmap, engagement levels month by month, first-response times
 * of requests for information) and the full lists of levels, breaches, dormant memberships and
 * gaps. The page has no script and loads nothing: a content security policy forbids every
 * external resource. Every text that comes from data is HTML-escaped.
 */
public final class HtmlReport {
  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
  private static final String[] LEVEL_COLOURS = {"#4e79a7", "#59a14f", "#f28e2b", "#b07aa1",
      "#76b7b2", "#edc948"};
  private static final String NO_LEVEL_COLOUR = "#bab0ac";

  private HtmlReport() {}

  /**
   * The page.
   *
   * @param report the report
   * @return the HTML document
   */
  public static String render(EngagementReport report) {
    ZoneId zone = report.getCommunity().getTimeZone();
    StringBuilder h = new StringBuilder(64 * 1024);
    String title = "Engagement report: " + report.getCommunity().getName();
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"
            + " style-src 'unsafe-inline'; img-src data:\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(esc(title)).append("</title>\n<style>\n")
        .append("body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:1200px}")
        .append("h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em}")
        .append("table{border-collapse:collapse;font-size:.9em}")
        .append("td,th{border:1px solid #ddd;padding:.25em .5em;text-align:left}")
        .append("th{background:#f4f4f4}svg{display:block;margin:1em 0}")
        .append("svg text{font-family:system-ui,sans-serif;font-size:11px}")
        .append(".note{color:#666}\n</style>\n</head>\n<body>\n");
    h.append("<h1>").append(esc(title)).append("</h1>\n<p>As of ")
        .append(esc(MINUTE.format(report.getAsOf().atZone(zone)))).append(' ')
        .append(esc(zone.getId())).append(". ")
        .append(String.format(Locale.ROOT, "%,d", report.getEventCount()))
        .append(" events in the log, ").append(report.getMembers().size())
        .append(" members. Evaluated with the default rule set.</p>\n");

    h.append("<h2>Participation by site and core area</h2>\n");
    heatmap(report, h);
    h.append("<h2>Engagement levels month by month</h2>\n");
    levelChart(report, h);
    levelTable(report, h);
    h.append("<h2>First responses to requests for information</h2>\n");
    rfiChart(report, h);

    h.append("<h2>Service-level breaches (").append(report.getBreaches().size())
        .append(")</h2>\n<table><tr><th>subject</th><th>obligation</th><th>due</th>")
        .append("<th>late by</th></tr>\n");
    for (ServiceLevelBreach b : report.getBreaches()) {
      h.append("<tr><td>").append(esc(b.getSubject().toString())).append("</td><td>")
          .append(esc(b.getObligation())).append("</td><td>")
          .append(esc(MINUTE.format(b.getDueAt().atZone(zone)))).append("</td><td>")
          .append(esc(TextReport.duration(b.getLateness()))).append("</td></tr>\n");
    }
    h.append("</table>\n");

    h.append("<h2>Dormant memberships (").append(report.getDormant().size())
        .append(")</h2>\n<table><tr><th>member</th><th>site</th><th>dormant since</th>")
        .append("<th>last took part</th></tr>\n");
    for (EngagementReport.DormantMembership d : report.getDormant()) {
      h.append("<tr><td>").append(esc(name(report, d.member()))).append("</td><td>")
          .append(esc(d.site().map(s -> siteName(report, s)).orElse("-"))).append("</td><td>")
          .append(esc(d.since().map(t -> t.atZone(zone).toLocalDate().toString())
              .orElse("as of this report"))).append("</td><td>")
          .append(esc(d.lastParticipation().map(Object::toString).orElse("never")))
          .append("</td></tr>\n");
    }
    h.append("</table>\n");

    h.append("<h2>Knowledge gaps and coverage shortfalls (").append(report.getGaps().size())
        .append(")</h2>\n<table><tr><th>subject</th><th>explanation</th></tr>\n");
    for (RuleResult gap : report.getGaps()) {
      h.append("<tr><td>").append(esc(gap.getSubject().toString())).append("</td><td>")
          .append(esc(gap.getExplanation().getText())).append("</td></tr>\n");
    }
    h.append("</table>\n<p class=\"note\">Sites from public PSP announcements; offices, people"
        + " and activities are fictional.</p>\n</body>\n</html>\n");
    return h.toString();
  }

  private static void heatmap(EngagementReport report, StringBuilder h) {
    List<CoreAreaId> areas = new ArrayList<>(report.getCoreAreaNames().keySet());
    List<SiteId> sites = new ArrayList<>(report.getMatrix().keySet());
    long max = 1;
    for (Map<CoreAreaId, Long> row : report.getMatrix().values()) {
      for (long v : row.values()) {
        max = Math.max(max, v);
      }
    }
    int left = 200;
    int top = 110;
    int cellW = 70;
    int cellH = 18;
    int width = left + cellW * Math.max(1, areas.size()) + 160;
    int height = top + cellH * Math.max(1, sites.size()) + 10;
    h.append(svgOpen("heatmap", width, height, "Participations by site and core area"));
    for (int c = 0; c < areas.size(); c++) {
      int x = left + c * cellW + cellW / 2;
      h.append("<text x=\"").append(x).append("\" y=\"").append(top - 6)
          .append("\" transform=\"rotate(-35 ").append(x).append(' ').append(top - 6)
          .append(")\">").append(esc(report.getCoreAreaNames().get(areas.get(c))))
          .append("</text>\n");
    }
    for (int r = 0; r < sites.size(); r++) {
      SiteId site = sites.get(r);
      int y = top + r * cellH;
      h.append("<text x=\"").append(left - 6).append("\" y=\"").append(y + cellH - 5)
          .append("\" text-anchor=\"end\">").append(esc(siteName(report, site)))
          .append("</text>\n");
      for (int c = 0; c < areas.size(); c++) {
        long v = report.getMatrix().get(site).getOrDefault(areas.get(c), 0L);
        double t = (double) v / max;
        int shade = (int) Math.round(245 - t * 190);
        String fill = v == 0 ? "#f7f7f7" : String.format(Locale.ROOT, "rgb(%d,%d,%d)",
            shade - 40 < 0 ? 0 : shade - 40, shade, 255 - (int) Math.round(t * 80));
        h.append("<rect x=\"").append(left + c * cellW).append("\" y=\"").append(y)
            .append("\" width=\"").append(cellW - 2).append("\" height=\"").append(cellH - 2)
            .append("\" fill=\"").append(fill).append("\"><title>")
            .append(esc(siteName(report, site) + " / "
                + report.getCoreAreaNames().get(areas.get(c)) + ": " + v))
            .append("</title></rect>");
        h.append("<text x=\"").append(left + c * cellW + cellW / 2 - 1).append("\" y=\"")
            .append(y + cellH - 6).append("\" text-anchor=\"middle\"")
            .append(t > 0.6 ? " fill=\"#fff\"" : "").append('>').append(v).append("</text>\n");
      }
    }
    h.append("</svg>\n");
  }

  private static void levelChart(EngagementReport report, StringBuilder h) {
    List<EngagementReport.LevelSnapshot> history = report.getLevelHistory();
    if (history.isEmpty()) {
      h.append("<p class=\"note\">No level changes are recorded in the log yet.</p>\n");
      return;
    }
    Map<String, String> colours = colours(report.getLevelNames());
    int left = 50;
    int top = 20;
    int plotW = 640;
    int plotH = 220;
    long total = 1;
    for (EngagementReport.LevelSnapshot s : history) {
      total = Math.max(total, s.counts().values().stream().mapToLong(Long::longValue).sum());
    }
    int barW = plotW / history.size();
    h.append(svgOpen("levels", left + plotW + 160, top + plotH + 40,
        "Members per engagement level at each month end"));
    axis(h, left, top, plotW, plotH, total, "members");
    for (int i = 0; i < history.size(); i++) {
      EngagementReport.LevelSnapshot s = history.get(i);
      double y = top + plotH;
      int x = left + i * barW + 2;
      for (String level : report.getLevelNames()) {
        long v = s.counts().getOrDefault(level, 0L);
        double hgt = (double) v / total * plotH;
        y -= hgt;
        h.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%.1f\" width=\"%d\""
            + " height=\"%.1f\" fill=\"%s\"><title>", x, y, barW - 4, hgt, colours.get(level)))
            .append(esc(s.day() + " " + level + ": " + v)).append("</title></rect>");
      }
      h.append("<text x=\"").append(x + (barW - 4) / 2).append("\" y=\"")
          .append(top + plotH + 14).append("\" text-anchor=\"middle\">")
          .append(esc(s.day().getMonth().toString().substring(0, 3))).append("</text>\n");
    }
    int ly = top;
    for (String level : report.getLevelNames()) {
      h.append("<rect x=\"").append(left + plotW + 20).append("\" y=\"").append(ly)
          .append("\" width=\"12\" height=\"12\" fill=\"").append(colours.get(level))
          .append("\"/><text x=\"").append(left + plotW + 38).append("\" y=\"").append(ly + 10)
          .append("\">").append(esc(level)).append("</text>\n");
      ly += 18;
    }
    h.append("</svg>\n");
  }

  private static void levelTable(EngagementReport report, StringBuilder h) {
    Map<String, List<String>> byLevel = new LinkedHashMap<>();
    report.getLevelNames().forEach(l -> byLevel.put(l, new ArrayList<>()));
    for (EngagementReport.MemberLevel m : report.getMembers()) {
      byLevel.computeIfAbsent(m.level(), k -> new ArrayList<>()).add(name(report, m.member()));
    }
    h.append("<table><tr><th>level</th><th>members</th><th>who</th></tr>\n");
    for (Map.Entry<String, List<String>> e : byLevel.entrySet()) {
      h.append("<tr><td>").append(esc(e.getKey())).append("</td><td>")
          .append(e.getValue().size()).append("</td><td>")
          .append(e.getKey().equals(EngagementReport.NO_LEVEL) ? ""
              : esc(String.join(", ", e.getValue()))).append("</td></tr>\n");
    }
    h.append("</table>\n");
  }

  private static void rfiChart(EngagementReport report, StringBuilder h) {
    List<EngagementReport.RfiTiming> timings = report.getRfiTimings();
    if (timings.isEmpty()) {
      h.append("<p class=\"note\">No requests for information yet.</p>\n");
      return;
    }
    ZoneId zone = report.getCommunity().getTimeZone();
    int left = 50;
    int top = 20;
    int plotW = 760;
    int plotH = 200;
    long maxHours = 1;
    for (EngagementReport.RfiTiming t : timings) {
      maxHours = Math.max(maxHours, t.firstResponse().map(Duration::toHours).orElse(0L));
    }
    maxHours = Math.min(maxHours, 24 * 21);
    double barW = (double) plotW / timings.size();
    h.append(svgOpen("rfi-times", left + plotW + 20, top + plotH + 40,
        "Hours to the first response of each request for information; red: service level"
            + " breached; grey marks: no response"));
    axis(h, left, top, plotW, plotH, maxHours, "hours");
    for (int i = 0; i < timings.size(); i++) {
      EngagementReport.RfiTiming t = timings.get(i);
      double x = left + i * barW + 1;
      String label = t.rfi() + " (" + t.topic() + "), posted "
          + MINUTE.format(t.postedAt().atZone(zone));
      if (t.firstResponse().isPresent()) {
        long hours = Math.min(maxHours, Math.max(1, t.firstResponse().get().toHours()));
        double hgt = (double) hours / maxHours * plotH;
        h.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\""
                + " height=\"%.1f\" fill=\"%s\"><title>", x, top + plotH - hgt,
            Math.max(1, barW - 2), hgt, t.breached() ? "#e15759" : "#4e79a7"))
            .append(esc(label + ": first response after "
                + TextReport.duration(t.firstResponse().get())))
            .append("</title></rect>\n");
      } else {
        h.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\""
            + " height=\"6\" fill=\"#999\"><title>", x, top + plotH - 6, Math.max(1, barW - 2)))
            .append(esc(label + ": no response")).append("</title></rect>\n");
      }
    }
    h.append("</svg>\n");
  }

  private static void axis(StringBuilder h, int left, int top, int width, int height, long max,
      String unit) {
    h.append("<line x1=\"").append(left).append("\" y1=\"").append(top + height)
        .append("\" x2=\"").append(left + width).append("\" y2=\"").append(top + height)
        .append("\" stroke=\"#333\"/><line x1=\"").append(left).append("\" y1=\"").append(top)
        .append("\" x2=\"").append(left).append("\" y2=\"").append(top + height)
        .append("\" stroke=\"#333\"/>\n");
    for (int i = 0; i <= 4; i++) {
      long value = Math.round(max * i / 4.0);
      int y = top + height - height * i / 4;
      h.append("<text x=\"").append(left - 4).append("\" y=\"").append(y + 4)
          .append("\" text-anchor=\"end\">").append(value).append("</text>");
    }
    h.append("<text x=\"").append(left - 40).append("\" y=\"").append(top - 6).append("\">")
        .append(esc(unit)).append("</text>\n");
  }

  private static String svgOpen(String id, int width, int height, String label) {
    return "<svg id=\"" + id + "\" xmlns=\"http://www.w3.org/2000/svg\" width=\"" + width
        + "\" height=\"" + height + "\" viewBox=\"0 0 " + width + " " + height
        + "\" role=\"img\" aria-label=\"" + esc(label) + "\">\n<title>" + esc(label)
        + "</title>\n";
  }

  private static Map<String, String> colours(List<String> levels) {
    Map<String, String> colours = new LinkedHashMap<>();
    int i = 0;
    for (String level : levels) {
      colours.put(level, level.equals(EngagementReport.NO_LEVEL) ? NO_LEVEL_COLOUR
          : LEVEL_COLOURS[i++ % LEVEL_COLOURS.length]);
    }
    return colours;
  }

  private static String name(EngagementReport report, MemberId member) {
    return report.getMemberNames().getOrDefault(member, member.value());
  }

  private static String siteName(EngagementReport report, SiteId site) {
    return report.getSiteNames().getOrDefault(site, site.value());
  }

  /**
   * Escapes text for HTML element content and quoted attribute values.
   *
   * @param text any text
   * @return the text with {@code & < > " '} replaced by character references
   */
  public static String esc(String text) {
    StringBuilder s = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> s.append("&amp;");
        case '<' -> s.append("&lt;");
        case '>' -> s.append("&gt;");
        case '"' -> s.append("&quot;");
        case '\'' -> s.append("&#39;");
        default -> s.append(c);
      }
    }
    return s.toString();
  }
}
