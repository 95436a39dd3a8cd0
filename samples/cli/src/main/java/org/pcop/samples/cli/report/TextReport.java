package org.pcop.samples.cli.report;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pcop.model.SiteId;
import org.pcop.model.taxonomy.CoreAreaId;
import org.pcop.rules.RuleResult;
import org.pcop.rules.ServiceLevelBreach;

/**
 * Renders an engagement report as plain text for a terminal: levels, service-level breaches,
 * what is due soon, dormant memberships, knowledge gaps and coverage, the site by core-area
 * matrix, the suggested answerers of open requests and hosts of requested exchanges, and a
 * summary of response times. Long lists are cut to their first entries, saying how many were
 * left out.
 */
public final class TextReport {
  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
  private static final int LIST_MAX = 12;

  private TextReport() {}

  /**
   * Writes the report.
   *
   * @param report the report
   * @param out where to write; flushed, not closed
   */
  public static void render(EngagementReport report, PrintWriter out) {
    ZoneId zone = report.getCommunity().getTimeZone();
    out.printf(Locale.ROOT, "Engagement report: %s, as of %s (%s)%n",
        report.getCommunity().getName(), MINUTE.format(report.getAsOf().atZone(zone)), zone);
    out.printf(Locale.ROOT, "%,d events in the log, %d members, %d sites with participation%n",
        report.getEventCount(), report.getMembers().size(), report.getMatrix().size());

    out.printf(Locale.ROOT, "%nEngagement levels (default rule set)%n");
    Map<String, List<String>> byLevel = new LinkedHashMap<>();
    report.getLevelNames().forEach(name -> byLevel.put(name, new ArrayList<>()));
    for (EngagementReport.MemberLevel m : report.getMembers()) {
      byLevel.computeIfAbsent(m.level(), k -> new ArrayList<>())
          .add(report.getMemberNames().getOrDefault(m.member(), m.member().value()));
    }
    List<String> names = new ArrayList<>(byLevel.keySet());
    names.remove(EngagementReport.NO_LEVEL);
    java.util.Collections.reverse(names);
    names.add(EngagementReport.NO_LEVEL);
    for (int i = 0; i < names.size(); i++) {
      List<String> members = byLevel.get(names.get(i));
      out.printf(Locale.ROOT, "  %-12s %4d%s%n", names.get(i), members.size(),
          names.get(i).equals(EngagementReport.NO_LEVEL) || members.isEmpty() ? ""
              : "  " + cut(members, 6));
    }

    List<ServiceLevelBreach> breaches = report.getBreaches();
    out.printf(Locale.ROOT, "%nService-level breaches: %d%n", breaches.size());
    for (ServiceLevelBreach b : breaches.subList(0, Math.min(LIST_MAX, breaches.size()))) {
      out.printf(Locale.ROOT, "  %-40s %-20s due %s, late by %s%n",
          clip(title(report, b.getSubject()), 40),
          b.getObligation(), MINUTE.format(b.getDueAt().atZone(zone)), duration(b.getLateness()));
    }
    more(out, breaches.size());

    List<EngagementReport.DueSoon> dueSoon = report.getDueSoon();
    out.printf(Locale.ROOT, "%nDue soon: %d%n", dueSoon.size());
    for (EngagementReport.DueSoon d : dueSoon.subList(0, Math.min(LIST_MAX, dueSoon.size()))) {
      out.printf(Locale.ROOT, "  %-40s %-24s due by the end of %s, owed by %s%n",
          clip(title(report, d.subject()), 40), d.obligation(), lastDay(d, zone),
          owedBy(report, d));
    }
    more(out, dueSoon.size());

    List<EngagementReport.DormantMembership> dormant = report.getDormant();
    out.printf(Locale.ROOT, "%nDormant memberships: %d%n", dormant.size());
    for (EngagementReport.DormantMembership d : dormant.subList(0,
        Math.min(LIST_MAX, dormant.size()))) {
      out.printf(Locale.ROOT, "  %-24s %-30s %s, last took part %s%n",
          report.getMemberNames().getOrDefault(d.member(), d.member().value()),
          d.site().map(s -> report.getSiteNames().getOrDefault(s, s.value())).orElse("-"),
          d.since().map(t -> "dormant since " + t.atZone(zone).toLocalDate())
              .orElse("dormant as of this report"),
          d.lastParticipation().map(Object::toString).orElse("never"));
    }
    more(out, dormant.size());

    List<RuleResult> gaps = report.getGaps();
    out.printf(Locale.ROOT, "%nKnowledge gaps and coverage shortfalls: %d%n", gaps.size());
    for (RuleResult gap : gaps.subList(0, Math.min(LIST_MAX, gaps.size()))) {
      out.printf(Locale.ROOT, "  %s: %s%n", title(report, gap.getSubject()),
          gap.getExplanation().getText());
    }
    more(out, gaps.size());

    matrix(report, out);
    suggestions(report, out);

    long answered = report.getRfiTimings().stream().filter(t -> t.firstResponse().isPresent())
        .count();
    long late = report.getRfiTimings().stream().filter(EngagementReport.RfiTiming::breached)
        .count();
    out.printf(Locale.ROOT, "%nRequests for information: %d posted, %d with a response, %d"
            + " breached the first-response service level%n", report.getRfiTimings().size(),
        answered, late);
    out.flush();
  }

  private static void matrix(EngagementReport report, PrintWriter out) {
    out.printf(Locale.ROOT, "%nParticipations by site and core area over %s%n",
        report.getMatrixWindow().orElse("the coverage window"));
    List<CoreAreaId> areas = new ArrayList<>(report.getCoreAreaNames().keySet());
    int width = 4;
    for (SiteId site : report.getMatrix().keySet()) {
      width = Math.max(width, report.getSiteNames().getOrDefault(site, site.value()).length());
    }
    String column = "  %-" + width + "s";
    StringBuilder header = new StringBuilder(String.format(Locale.ROOT, column, "site"));
    for (CoreAreaId area : areas) {
      header.append(String.format(Locale.ROOT, " %5s", initials(
          report.getCoreAreaNames().get(area))));
    }
    out.println(header);
    for (Map.Entry<SiteId, Map<CoreAreaId, Long>> row : report.getMatrix().entrySet()) {
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, column,
          report.getSiteNames().getOrDefault(row.getKey(), row.getKey().value())));
      for (CoreAreaId area : areas) {
        long count = row.getValue().getOrDefault(area, 0L);
        line.append(String.format(Locale.ROOT, " %5s", count == 0 ? "." : Long.toString(count)));
      }
      out.println(line);
    }
    List<String> legend = new ArrayList<>();
    for (CoreAreaId area : areas) {
      String name = report.getCoreAreaNames().get(area);
      legend.add(initials(name) + " = " + name);
    }
    out.println("  " + String.join("; ", legend));
  }

  /** The best answerers of the open requests and hosts of the requested exchanges. */
  private static void suggestions(EngagementReport report, PrintWriter out) {
    List<EngagementReport.AnswerersFor> answerers = report.getAnswerers();
    out.printf(Locale.ROOT, "%nWho should answer the open requests: %d%n", answerers.size());
    for (EngagementReport.AnswerersFor a : answerers.subList(0,
        Math.min(LIST_MAX, answerers.size()))) {
      out.printf(Locale.ROOT, "  %s (%s, %s)%n", clip(title(report,
          org.pcop.rules.Subject.rfi(a.rfi())), 60), a.rfi(), a.topic());
      for (int i = 0; i < a.suggestions().size(); i++) {
        var s = a.suggestions().get(i);
        out.printf(Locale.ROOT, "    %d. %s (%s), score %.2f: %s%n", i + 1,
            report.getMemberNames().getOrDefault(s.member(), s.member().value()), s.member(),
            s.score(), factors(s.factors()));
      }
    }
    more(out, answerers.size());

    List<EngagementReport.HostsFor> hosts = report.getHosts();
    out.printf(Locale.ROOT, "%nWho should host the requested exchanges: %d%n", hosts.size());
    for (EngagementReport.HostsFor x : hosts.subList(0, Math.min(LIST_MAX, hosts.size()))) {
      out.printf(Locale.ROOT, "  %s (%s, proposed host %s)%n", clip(title(report,
          org.pcop.rules.Subject.exchange(x.exchange())), 60), x.exchange(),
          report.getSiteNames().getOrDefault(x.proposedHost(), x.proposedHost().value()));
      for (int i = 0; i < x.suggestions().size(); i++) {
        var s = x.suggestions().get(i);
        out.printf(Locale.ROOT, "    %d. %s (%s), score %.2f: %s%n", i + 1,
            report.getSiteNames().getOrDefault(s.site(), s.site().value()), s.site(),
            s.score(), factors(s.factors()));
      }
    }
    more(out, hosts.size());
  }

  /**
   * A suggestion's factors in words, largest effect first, as its explanation gives them.
   *
   * @param factors the factors
   * @return the text, or {@code no factor applies}
   */
  static String factors(List<org.pcop.rules.SuggestionFactor> factors) {
    if (factors.isEmpty()) {
      return "no factor applies";
    }
    StringBuilder text = new StringBuilder();
    for (org.pcop.rules.SuggestionFactor f : factors) {
      text.append(text.length() == 0 ? "" : "; ").append(f.render());
    }
    return text.toString();
  }

  private static void more(PrintWriter out, int size) {
    if (size > LIST_MAX) {
      out.printf(Locale.ROOT, "  ... and %d more (the HTML report lists them all)%n",
          size - LIST_MAX);
    }
  }

  private static String cut(List<String> names, int max) {
    return names.size() <= max ? String.join(", ", names)
        : String.join(", ", names.subList(0, max)) + ", ...";
  }

  static String initials(String name) {
    StringBuilder s = new StringBuilder();
    for (String word : name.split("[^A-Za-z]+")) {
      if (!word.isEmpty()) {
        s.append(Character.toUpperCase(word.charAt(0)));
      }
    }
    return s.toString();
  }

  private static String clip(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "~";
  }

  /**
   * A duration in the one format of the reports: days and hours from a day up ({@code 1 day
   * 23 h}, {@code 2 days 20 h}), hours and minutes below ({@code 5 h 12 min}).
   *
   * @param d the duration
   * @return the text
   */
  /** The last allowed day of an obligation due at the start of the next day. */
  static java.time.LocalDate lastDay(EngagementReport.DueSoon d, ZoneId zone) {
    return d.dueAt().atZone(zone).minusNanos(1).toLocalDate();
  }

  static String owedBy(EngagementReport report, EngagementReport.DueSoon d) {
    if (d.owedBy().isEmpty()) {
      return "nobody in the role";
    }
    List<String> names = new ArrayList<>();
    d.owedBy().forEach(m -> names.add(report.getMemberNames().getOrDefault(m, m.value())));
    return cut(names, 3);
  }

  static String duration(Duration d) {
    long days = d.toDays();
    if (days >= 1) {
      return days + (days == 1 ? " day " : " days ") + d.toHoursPart() + " h";
    }
    return d.toHours() >= 1 ? d.toHours() + " h " + d.toMinutesPart() + " min"
        : d.toMinutes() + " min";
  }

  /** What a person reads for a subject: its title, or its id when it has none. */
  static String title(EngagementReport report, org.pcop.rules.Subject subject) {
    String title = report.getSubjectTitles().get(subject);
    return title == null ? subject.toString() : title;
  }
}
