package org.pcop.guard.internal;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a person's name looks like in running text, and the capitalised words that are not names
 * (offices, programmes, days, months) which would otherwise look like one.
 */
final class Names {
  private Names() {}

  /** A capitalised word that may be part of a name: Reed, O'Brien, McKay, Lopez-Garcia. */
  static final String WORD = "[A-Z](?:[a-z]|['\u2019][A-Z])[A-Za-z'\u2019-]*";
  /** A name with a title: Ms. Alvarez, Dr. Ken Ito. */
  static final String TITLED = "(?:Mr|Ms|Mrs|Miss|Mx|Dr)\\.?\\s+" + WORD + "(?:\\s+" + WORD + ")?";
  /** Initials, as juveniles are named: J.M., J. M., A.B.C. */
  static final String INITIALS = "[A-Z]\\.\\s?[A-Z]\\.(?:\\s?[A-Z]\\.)?";
  /** One to three capitalised words with an optional middle initial: Reed, Marcus T. Reed. */
  static final String PLAIN = WORD + "(?:\\s+[A-Z]\\.)?(?:\\s+" + WORD + "){0,2}";
  /** Two or three capitalised words: Marcus Reed. */
  static final String FULL = WORD + "(?:\\s+[A-Z]\\.)?(?:\\s+" + WORD + "){1,2}";

  private static final Pattern TOKEN = Pattern.compile("[A-Za-z'\u2019-]+");
  private static final Pattern ANY_NAME = Pattern.compile(
      "\\b(?:" + TITLED + "|" + INITIALS + "|" + FULL + ")");

  /** Capitalised words that are not names in the text pcop stores. */
  static final Set<String> NOT_NAMES = Set.copyOf(java.util.Arrays.asList(
      "the", "a", "an", "this", "that", "these", "those", "our", "your", "their", "his", "her",
      "its", "we", "i", "it", "he", "she", "they", "you", "please", "thanks", "thank", "hi",
      "hello", "dear", "all", "any", "each", "every", "if", "when", "where", "what", "who", "why",
      "how", "in", "on", "at", "for", "from", "to", "with", "by", "of", "and", "or", "but", "not",
      "no", "yes", "also", "then", "there", "here", "is", "was", "are", "were", "has", "had",
      "have", "will", "would", "can", "could", "should", "may", "might", "must", "did", "does",
      "after", "before", "during", "since", "until", "about", "as", "so", "some", "one", "two",
      "three", "next", "last", "new", "old", "per", "re", "fwd", "see", "note", "update",
      "reminder", "agenda", "minutes", "question", "questions", "answer", "request", "follow",
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
      "tomorrow", "yesterday", "january", "february", "march", "april", "may", "june", "july",
      "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr",
      "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "spring", "summer", "fall",
      "autumn", "winter", "services", "service", "advocate", "advocates", "advocacy",
      "coordinator", "coordinators", "assistance", "compensation", "rights", "court", "courts",
      "justice", "division", "unit", "units", "program", "programs", "programme", "protection",
      "impact", "statement", "statements", "notification", "notice", "interview", "interviews",
      "center", "centre", "fund", "response", "detention", "probation", "parole", "diversion",
      "officer", "officers", "panel", "team", "management", "support", "liaison", "specialist",
      "specialists", "office", "offices", "section", "bureau", "act", "law", "laws", "statute",
      "academy", "training", "trainings", "conference", "council", "association", "board",
      "committee", "department", "dept", "county", "city", "state", "states", "federal",
      "national", "attorney", "attorneys", "district", "superior", "supreme", "municipal",
      "juvenile", "juveniles", "victim", "victims", "witness", "witnesses", "defendant",
      "defendants", "suspect", "suspects", "coalition", "network", "task", "force", "grant",
      "grants", "project", "initiative", "resource", "resources", "hotline", "line", "desk",
      "help", "main", "front", "room", "suite", "floor", "building", "hall", "annex",
      "courthouse", "library", "police", "sheriff", "public", "defender", "defenders",
      "prosecutor", "prosecutors", "prosecution", "community", "communities", "practice",
      "group", "working", "meeting", "session", "sessions", "webinar", "workshop", "module",
      "chapter", "part", "rule", "rules", "code", "penal", "criminal", "civil", "family",
      "domestic", "violence", "sexual", "assault", "human", "trafficking", "child", "children",
      "abuse", "elder", "drug", "drugs", "treatment", "mental", "health", "review", "policy",
      "report", "reports", "data", "dashboard", "zoom", "teams", "slack", "bill", "house",
      "senate", "legislature", "governor", "budget", "fiscal", "year", "information", "info",
      "unified", "system", "systems", "general", "appeals", "appellate", "circuit", "county's",
      "state's", "chief", "deputy", "assistant", "senior", "lead", "director", "manager",
      "supervisor", "judge", "judges", "honorable", "commissioner", "magistrate", "clerk",
      "investigator", "investigators", "detective", "agent", "agents", "sergeant", "lieutenant",
      "captain", "trooper", "analyst", "paralegal", "staff", "member", "members", "site",
      "sites", "agency", "agencies", "region", "regional", "north", "south", "east", "west",
      "central", "university", "college", "school", "institute", "foundation", "bar",
      "association's", "american", "english", "spanish", "interpreter", "interpreters",
      "language", "access", "safety", "privacy", "outreach", "intake", "screening", "sheet",
      "form", "forms", "template", "templates", "checklist", "guide", "manual", "toolkit",
      "brief", "memo", "motion", "motions", "order", "orders", "trial", "trials", "hearing",
      "hearings", "plea", "sentencing", "discovery", "evidence", "exhibit", "exhibits",
      "subpoena", "subpoenas", "warrant", "warrants", "charge", "charges", "count", "counts",
      "case", "cases", "docket", "calendar", "schedule", "deadline", "deadlines", "travel",
      "funding", "award", "awards", "solicitation", "budget", "invoice", "reimbursement",
      "identification", "id", "lineup", "lineups", "eyewitness", "forensic", "forensics",
      "digital", "cell", "phone", "video", "body", "camera", "cameras", "records", "record",
      "prep", "preparation", "testimony", "waiting", "lounge", "transport", "transportation",
      "fee", "fees", "list", "lists", "fatality", "fatalities", "homicide", "homicides",
      "robbery", "burglary", "theft", "fraud", "dui", "dwi", "gang", "gangs", "firearm",
      "firearms", "weapons", "unit's", "office's", "circle", "updates", "thoughts", "great",
      "good", "sure", "ok", "okay", "welcome", "congratulations", "happy", "best", "regards",
      "cheers", "sincerely", "just", "quick", "anyone", "everyone", "someone", "does", "do",
      "call", "contact", "email", "ask", "tell", "meet", "send", "invite", "remind", "notify",
      "text", "ping", "cc", "bcc", "attn"));

  /**
   * Whether a capitalised word is one that is not a name.
   *
   * @param word the word
   * @return true for words such as "Services" or "Monday"
   */
  static boolean notAName(String word) {
    return NOT_NAMES.contains(word.toLowerCase(Locale.ROOT));
  }

  /**
   * The end of the part of a candidate name before its first word that is not a name, or
   * {@code start} when the first word already is one. Titles and initials are names.
   *
   * @param text the text
   * @param start where the candidate starts
   * @param end where it ends
   * @return the end of the name part
   */
  static int nameEnd(CharSequence text, int start, int end) {
    Matcher m = TOKEN.matcher(text).region(start, end);
    int last = start;
    boolean first = true;
    while (m.find()) {
      String word = m.group();
      boolean title = first && word.matches("Mr|Ms|Mrs|Miss|Mx|Dr");
      boolean initial = word.length() == 1;
      if (!title && !initial && notAName(word)) {
        return last;
      }
      last = m.end();
      if (initial && last < end && text.charAt(last) == '.') {
        last++;
      }
      first = false;
    }
    return last;
  }

  /**
   * Whether a person's name appears in the region of the text.
   *
   * @param text the text
   * @param from the region's start
   * @param to the region's end
   * @return true when a titled name, initials or a two- or three-word name is there
   */
  static boolean nameIn(CharSequence text, int from, int to) {
    int pos = Math.max(0, from);
    int limit = Math.min(text.length(), to);
    Matcher m = ANY_NAME.matcher(text);
    while (pos < limit) {
      m.region(pos, limit);
      if (!m.find()) {
        return false;
      }
      String found = m.group();
      if (found.matches(TITLED) || found.matches(INITIALS)) {
        return true;
      }
      int end = nameEnd(text, m.start(), m.end());
      if (text.subSequence(m.start(), end).toString().trim().contains(" ")) {
        return true;
      }
      int next = m.start() + 1;
      while (next < limit && Character.isLetter(text.charAt(next))) {
        next++;
      }
      pos = next;
    }
    return false;
  }
}
