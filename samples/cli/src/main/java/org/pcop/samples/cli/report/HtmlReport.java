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
 * of requests for information) and the full lists of levels, breaches, dormant memberships,
 * gaps, and the suggested answerers of open requests and hosts of requested exchanges. The page has no script and loads nothing: a content security policy forbids every
 * external resource. Every text that comes from data is HTML-escaped.
 */
public final class HtmlReport {
  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
  private static final String[] LEVEL_COLOURS = {"#4e79a7", "#59a14f", "#f28e2b", "#b07aa1",
      "#76b7b2", "#edc948"};
  private static final String NO_LEVEL_COLOUR = "#bab0ac";
  private static final String ON_TIME = "#4e79a7";
  private static final String LATE = "#e15759";
  private static final String UNANSWERED = "#eeeeee";
  private static final DateTimeFormatter MONTH =
      DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter SHORT_MONTH =
      DateTimeFormatter.ofPattern("MMM", Locale.ENGLISH);

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
        .append("th{background:#f4f4f4}svg{display:block;margin:1em 0;max-width:100%;"
            + "height:auto}td{overflow-wrap:break-word}")
        .append("svg text{font-family:system-ui,sans-serif;font-size:11px}")
        .append(".note{color:#666}ol.suggestions{margin:0;padding-left:1.4em}")
        .append("\n</style>\n</head>\n<body>\n");
    h.append("<h1>").append(esc(title)).append("</h1>\n<p>As of ")
        .append(esc(MINUTE.format(report.getAsOf().atZone(zone)))).append(' ')
        .append(esc(zone.getId())).append(". ")
        .append(String.format(Locale.ROOT, "%,d", report.getEventCount()))
        .append(" events in the log, ").append(report.getMembers().size())
        .append(" members. Evaluated with the default rule set.</p>\n");

    h.append("<h2>Participations by site and core area</h2>\n");
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
      h.append("<tr><td>").append(esc(TextReport.title(report, b.getSubject())))
          .append("</td><td>")
          .append(esc(b.getObligation())).append("</td><td>")
          .append(esc(MINUTE.format(b.getDueAt().atZone(zone)))).append("</td><td>")
          .append(esc(TextReport.duration(b.getLateness()))).append("</td></tr>\n");
    }
    h.append("</table>\n");

    h.append("<h2>Due soon (").append(report.getDueSoon().size())
        .append(")</h2>\n<table><tr><th>subject</th><th>obligation</th>")
        .append("<th>due by the end of</th><th>owed by</th></tr>\n");
    for (EngagementReport.DueSoon d : report.getDueSoon()) {
      h.append("<tr><td>").append(esc(TextReport.title(report, d.subject())))
          .append("</td><td>").append(esc(d.obligation())).append("</td><td>")
          .append(esc(TextReport.lastDay(d, zone).toString())).append("</td><td>")
          .append(esc(TextReport.owedBy(report, d))).append("</td></tr>\n");
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
      h.append("<tr><td>").append(esc(TextReport.title(report, gap.getSubject())))
          .append("</td><td>")
          .append(esc(gap.getExplanation().getText())).append("</td></tr>\n");
    }
    h.append("</table>\n");
    suggestions(report, h);
    h.append("<p class=\"note\">Sites from public PSP announcements; offices, people"
        + " and activities are fictional.</p>\n</body>\n</html>\n");
    return h.toString();
  }

  /**
   * Who should answer each open request and which sites should host each exchange awaiting
   * approval, each suggestion with its score and the factors behind it.
   */
  private static void suggestions(EngagementReport report, StringBuilder h) {
    h.append("<h2 id=\"answerers\">Who should answer the open requests (")
        .append(report.getAnswerers().size()).append(")</h2>\n<p class=\"note\">The best ")
        .append(EngagementReports.SUGGESTIONS).append(" members for each request, ranked as"
            + " <code>pcop suggest --rfi</code> ranks them as of this report; the asker and"
            + " members who are not active are left out.</p>\n")
        .append("<table><tr><th>request</th><th>topic</th><th>suggested answerers, best"
            + " first</th></tr>\n");
    for (EngagementReport.AnswerersFor a : report.getAnswerers()) {
      h.append("<tr><td>").append(esc(TextReport.title(report,
              org.pcop.rules.Subject.rfi(a.rfi())))).append(" <span class=\"note\">")
          .append(esc(a.rfi().value())).append("</span></td><td>")
          .append(esc(a.topic().value())).append("</td><td><ol class=\"suggestions\">");
      for (var s : a.suggestions()) {
        suggestion(h, name(report, s.member()), s.member().value(), s.score(), s.factors());
      }
      h.append("</ol></td></tr>\n");
    }
    h.append("</table>\n");

    h.append("<h2 id=\"hosts\">Who should host the requested exchanges (")
        .append(report.getHosts().size()).append(")</h2>\n<p class=\"note\">For each exchange"
            + " requested and not yet approved (its host is only proposed), the best ")
        .append(EngagementReports.SUGGESTIONS).append(" sites, ranked as"
            + " <code>pcop suggest --exchange</code> ranks them as of this report under the"
            + " exchange policy; the visiting offices' sites are left out.</p>\n")
        .append("<table><tr><th>exchange</th><th>proposed host</th><th>suggested hosts, best"
            + " first</th></tr>\n");
    for (EngagementReport.HostsFor x : report.getHosts()) {
      h.append("<tr><td>").append(esc(TextReport.title(report,
              org.pcop.rules.Subject.exchange(x.exchange())))).append(" <span class=\"note\">")
          .append(esc(x.exchange().value())).append("</span></td><td>")
          .append(esc(siteName(report, x.proposedHost())))
          .append("</td><td><ol class=\"suggestions\">");
      for (var s : x.suggestions()) {
        suggestion(h, siteName(report, s.site()), s.site().value(), s.score(), s.factors());
      }
      h.append("</ol></td></tr>\n");
    }
    h.append("</table>\n");
  }

  private static void suggestion(StringBuilder h, String name, String id, double score,
      List<org.pcop.rules.SuggestionFactor> factors) {
    h.append("<li><b>").append(esc(name)).append("</b> (").append(esc(id)).append("), score ")
        .append(String.format(Locale.ROOT, "%.2f", score)).append(": ")
        .append(esc(TextReport.factors(factors))).append("</li>");
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
    int left = 230;
    int top = 150;
    int cellW = 70;
    int cellH = 26;
    int width = left + cellW * Math.max(1, areas.size()) + 150;
    int height = top + cellH * Math.max(1, sites.size()) + 20;
    String window = report.getMatrixWindow().orElse("the coverage window");
    String title = "Participations by site and core area over " + window;
    h.append(svgOpen("heatmap", width, height, title));
    h.append("<text class=\"chart-title\" x=\"0\" y=\"14\" font-weight=\"bold\">")
        .append(esc(title)).append("</text>\n");
    h.append("<text class=\"axis-label\" x=\"").append(left).append("\" y=\"34\">")
        .append("core area (columns)</text>\n");
    h.append("<text class=\"axis-label\" x=\"0\" y=\"").append(top - 6).append("\">")
        .append("site (rows)</text>\n");
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
      List<String> lines = wrap(siteName(report, site), 34);
      for (int i = 0; i < lines.size(); i++) {
        h.append("<text x=\"").append(left - 6).append("\" y=\"")
            .append(y + (lines.size() == 1 ? cellH - 9 : 10 + i * 11))
            .append("\" text-anchor=\"end\">").append(esc(lines.get(i))).append("</text>\n");
      }
      for (int c = 0; c < areas.size(); c++) {
        long v = report.getMatrix().get(site).getOrDefault(areas.get(c), 0L);
        double t = (double) v / max;
        h.append("<rect x=\"").append(left + c * cellW).append("\" y=\"").append(y)
            .append("\" width=\"").append(cellW - 2).append("\" height=\"").append(cellH - 2)
            .append("\" fill=\"").append(v == 0 ? "#f7f7f7" : shade(t)).append("\"><title>")
            .append(esc(siteName(report, site) + " / "
                + report.getCoreAreaNames().get(areas.get(c)) + ": " + v + " participations"))
            .append("</title></rect>");
        h.append("<text x=\"").append(left + c * cellW + cellW / 2 - 1).append("\" y=\"")
            .append(y + cellH - 9).append("\" text-anchor=\"middle\"")
            .append(t > 0.6 ? " fill=\"#fff\"" : "").append('>').append(v).append("</text>\n");
      }
    }
    // The colour scale: what a shade counts, from none to the largest cell.
    int sx = left + cellW * Math.max(1, areas.size()) + 20;
    int sy = top;
    int steps = 10;
    h.append("<g id=\"heatmap-scale\"><text class=\"legend-title\" x=\"").append(sx)
        .append("\" y=\"").append(sy - 24).append("\">participations</text>")
        .append("<text x=\"").append(sx).append("\" y=\"").append(sy - 10)
        .append("\">per cell</text>\n");
    for (int i = 0; i <= steps; i++) {
      double t = (double) i / steps;
      h.append("<rect x=\"").append(sx).append("\" y=\"").append(sy + i * 14)
          .append("\" width=\"20\" height=\"14\" fill=\"")
          .append(i == 0 ? "#f7f7f7" : shade(t)).append("\"/>");
    }
    h.append("<text x=\"").append(sx + 26).append("\" y=\"").append(sy + 11).append("\">0</text>")
        .append("<text x=\"").append(sx + 26).append("\" y=\"").append(sy + steps * 14 + 11)
        .append("\">").append(max).append("</text></g>\n");
    h.append("</svg>\n");
  }

  /** The heatmap's colour for a share {@code t} of the largest count, light to dark. */
  private static String shade(double t) {
    int shade = (int) Math.round(245 - t * 190);
    return String.format(Locale.ROOT, "rgb(%d,%d,%d)", Math.max(0, shade - 40), shade,
        255 - (int) Math.round(t * 80));
  }

  /** Splits a label into lines of at most {@code max} characters at spaces. */
  static List<String> wrap(String text, int max) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > max) {
        lines.add(line.toString());
        line.setLength(0);
      }
      line.append(line.length() == 0 ? "" : " ").append(word);
    }
    lines.add(line.toString());
    return lines;
  }

  private static void levelChart(EngagementReport report, StringBuilder h) {
    List<EngagementReport.LevelSnapshot> history = report.getLevelHistory();
    if (history.isEmpty()) {
      h.append("<p class=\"note\">No level changes are recorded in the log yet.</p>\n");
      return;
    }
    Map<String, String> colours = colours(report.getLevelNames());
    int left = 50;
    int top = 60;
    int plotW = 640;
    int plotH = 220;
    long total = 1;
    for (EngagementReport.LevelSnapshot s : history) {
      total = Math.max(total, s.counts().values().stream().mapToLong(Long::longValue).sum());
    }
    int barW = plotW / history.size();
    String title = "Members per engagement level at each month end, "
        + MONTH.format(history.get(0).day()) + " to "
        + MONTH.format(history.get(history.size() - 1).day());
    h.append(svgOpen("levels", left + plotW + 160, top + plotH + 50, title));
    h.append("<text class=\"chart-title\" x=\"0\" y=\"14\" font-weight=\"bold\">")
        .append(esc(title)).append("</text>\n");
    axis(h, left, top, plotW, plotH, total, "members");
    h.append("<text class=\"axis-label\" x=\"").append(left + plotW / 2).append("\" y=\"")
        .append(top + plotH + 44).append("\" text-anchor=\"middle\">month end</text>\n");
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
          .append(esc(SHORT_MONTH.format(s.day()))).append("</text>")
          .append("<text x=\"").append(x + (barW - 4) / 2).append("\" y=\"")
          .append(top + plotH + 27).append("\" text-anchor=\"middle\">")
          .append(s.day().getYear()).append("</text>\n");
    }
    int ly = top;
    h.append("<text class=\"legend-title\" x=\"").append(left + plotW + 20).append("\" y=\"")
        .append(ly - 8).append("\">level</text>\n");
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
    int top = 60;
    int plotW = 760;
    int plotH = 200;
    long maxHours = 1;
    for (EngagementReport.RfiTiming t : timings) {
      maxHours = Math.max(maxHours, t.firstResponse().map(Duration::toHours).orElse(0L));
      maxHours = Math.max(maxHours, t.dueAt().map(d -> Duration.between(t.postedAt(), d)
          .toHours()).orElse(0L));
    }
    maxHours = Math.min(maxHours, 24 * 21);
    double barW = (double) plotW / timings.size();
    String title = "Hours from posting to the first response, for each of the "
        + timings.size() + " requests for information posted to "
        + MINUTE.format(report.getAsOf().atZone(zone)).substring(0, 10);
    h.append(svgOpen("rfi-times", left + plotW + 20, top + plotH + 130, title));
    h.append("<text class=\"chart-title\" x=\"0\" y=\"14\" font-weight=\"bold\">")
        .append(esc(title)).append("</text>\n");
    axis(h, left, top, plotW, plotH, maxHours, "hours to first response");
    h.append("<text class=\"axis-label\" x=\"").append(left + plotW / 2).append("\" y=\"")
        .append(top + plotH + 18).append("\" text-anchor=\"middle\">requests for information,"
            + " in the order posted (bars above " + maxHours + " h are cut at the top)</text>\n");
    for (int i = 0; i < timings.size(); i++) {
      EngagementReport.RfiTiming t = timings.get(i);
      double x = left + i * barW + 1;
      double w = Math.max(1, barW - 2);
      String label = TextReport.title(report, org.pcop.rules.Subject.rfi(t.rfi())) + ", posted "
          + MINUTE.format(t.postedAt().atZone(zone));
      if (t.firstResponse().isPresent()) {
        long hours = Math.min(maxHours, Math.max(1, t.firstResponse().get().toHours()));
        double hgt = (double) hours / maxHours * plotH;
        h.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\""
                + " height=\"%.1f\" fill=\"%s\"><title>", x, top + plotH - hgt, w, hgt,
            t.breached() ? LATE : ON_TIME))
            .append(esc(label + ": first response after "
                + TextReport.duration(t.firstResponse().get())))
            .append("</title></rect>\n");
      } else {
        // No response (yet): a pale dashed bar the full height, not a short one that would
        // read as a fast answer.
        h.append(String.format(Locale.ROOT, "<rect class=\"unanswered\" x=\"%.1f\" y=\"%d\""
            + " width=\"%.1f\" height=\"%d\" fill=\"%s\" stroke=\"%s\""
            + " stroke-dasharray=\"3 2\"><title>", x, top, w, plotH, UNANSWERED,
            t.breached() ? LATE : "#999"))
            .append(esc(label + ": no response")).append("</title></rect>\n");
      }
      if (t.dueAt().isPresent()) {
        long dueHours = Math.min(maxHours, Duration.between(t.postedAt(), t.dueAt().get())
            .toHours());
        double y = top + plotH - (double) dueHours / maxHours * plotH;
        h.append(String.format(Locale.ROOT, "<line class=\"service-level\" x1=\"%.1f\""
            + " y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#222\" stroke-width=\"2\"/>\n",
            x - 1, y, x + w + 1, y));
      }
    }
    // The legend, below the plot.
    int ly = top + plotH + 40;
    String[][] entries = {{ON_TIME, "answered within the service level"},
        {LATE, "answered late: service level breached"},
        {UNANSWERED, "no response (dashed outline; red when the service level has passed)"},
        {"line", "service level: when the first response was due ("
            + report.getFirstResponseLevel().orElse("none set") + ")"}};
    h.append("<g id=\"rfi-legend\"><text class=\"legend-title\" x=\"").append(left)
        .append("\" y=\"").append(ly).append("\">legend</text>\n");
    for (int i = 0; i < entries.length; i++) {
      int y = ly + 10 + i * 18;
      if (entries[i][0].equals("line")) {
        h.append("<line x1=\"").append(left).append("\" y1=\"").append(y + 6).append("\" x2=\"")
            .append(left + 14).append("\" y2=\"").append(y + 6)
            .append("\" stroke=\"#222\" stroke-width=\"2\"/>");
      } else {
        h.append("<rect x=\"").append(left).append("\" y=\"").append(y).append("\" width=\"14\""
            + " height=\"12\" fill=\"").append(entries[i][0]).append("\" stroke=\"#999\"/>");
      }
      h.append("<text x=\"").append(left + 20).append("\" y=\"").append(y + 10).append("\">")
          .append(esc(entries[i][1])).append("</text>\n");
    }
    h.append("</g></svg>\n");
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
    h.append("<text class=\"axis-label\" x=\"").append(left - 40).append("\" y=\"")
        .append(top - 10).append("\">").append(esc(unit)).append("</text>\n");
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
