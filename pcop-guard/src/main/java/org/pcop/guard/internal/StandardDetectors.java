package org.pcop.guard.internal;

import static org.pcop.guard.internal.CaseRoles.JOB_AFTER_ROLE;
import static org.pcop.guard.internal.CaseRoles.ROLE;
import static org.pcop.guard.internal.CaseRoles.ROLE_CUES;
import static org.pcop.guard.internal.CaseRoles.roleIn;
import static org.pcop.guard.internal.CuedDetector.DIGIT;

import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pcop.guard.CaseFactKind;
import org.pcop.guard.spi.CaseFactDetector;

/**
 * The built-in detectors, one per {@link CaseFactKind}. Each is a pattern for the thing itself
 * plus the context that tells it from a look-alike: a date is a date of birth only after "DOB" or
 * "born"; a phone number is personal beside a name or a case role, not beside "office" or
 * "hotline"; a caption followed by a reporter citation is case law, not a case.
 */
public final class StandardDetectors {
  private StandardDetectors() {}

  /**
   * Every built-in detector, in the order of {@link CaseFactKind}.
   *
   * @return the detectors
   */
  public static List<CaseFactDetector> all() {
    return Holder.ALL;
  }

  // Shared pieces (the case roles are in CaseRoles)
  private static final String NUMBER_WORD = "(?:\\s*(?:no\\.?|number|num\\.?|#))?\\s*[:#]?\\s*"
      + "(?:(?:is|was|reads|of|as)\\s+)?";

  private static String lower(String text, int from, int to) {
    return text.substring(Math.max(0, from), Math.min(text.length(), to)).toLowerCase(Locale.ROOT);
  }

  private static boolean anyWord(String window, Pattern words) {
    return words.matcher(window).find();
  }

  private static int digits(CharSequence s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (Character.isDigit(s.charAt(i))) {
        n++;
      }
    }
    return n;
  }

  // Social Security numbers
  private static final Pattern SSN_FORMATTED = Pattern.compile(
      "(?<![\\w§.-])(\\d{3})([- ])(\\d{2})\\2(\\d{4})(?![\\w-]|\\.\\d)");
  private static final Pattern SSN_MASKED = Pattern.compile(
      "(?<![\\w-])[xX*#]{3}-[xX*#]{2}-\\d{4}(?![\\w-])");
  private static final Pattern SSN_KEYED = Pattern.compile(
      "(?i)\\b(?:ssn|ss#|soc(?:ial)?\\.?\\s*sec(?:urity)?\\.?)" + NUMBER_WORD
          + "(\\d{9}|\\d{3}[-. ]?\\d{2}[-. ]?\\d{4})(?![\\w-])");
  private static final Pattern SECTION_BEFORE = Pattern.compile(
      "(?i)(?:§|\\bsec(?:tion)?\\.?|\\bcode|\\bgrant|\\baward|\\brule|\\bstat\\.)\\s*$");

  private static final class Ssn extends CuedDetector {
    Ssn() {
      super(CaseFactKind.SSN, DIGIT);
    }

    @Override
    void find(String text, Matches matches) {
      Finder f = new Finder(SSN_FORMATTED, text, Finder::digit);
      while (f.find()) {
        Matcher m = f.matcher();
        if (m.group(1).equals("000") || m.group(3).equals("00") || m.group(4).equals("0000")) {
          continue;
        }
        if (SECTION_BEFORE.matcher(text.substring(Math.max(0, m.start() - 12), m.start()))
            .find()) {
          continue;
        }
        matches.add(m.start(), m.end());
      }
      f = new Finder(SSN_MASKED, text, Finder.oneOf("xX*#"));
      while (f.find()) {
        Matcher m = f.matcher();
        matches.add(m.start(), m.end());
      }
      f = new Finder(SSN_KEYED, text, Finder.oneOf("sS"));
      while (f.find()) {
        Matcher m = f.matcher();
        matches.add(m.start(1), m.end(1));
      }
    }
  }

  // Dates of birth
  private static final String MONTH = "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May"
      + "|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";
  private static final String DATE = "(?:\\d{1,2}[/.-]\\d{1,2}[/.-](?:\\d{4}|\\d{2})"
      + "|\\d{4}-\\d{1,2}-\\d{1,2}"
      + "|" + MONTH + "\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}"
      + "|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTH + "\\.?,?\\s+\\d{4})(?![\\d/])";
  private static final Pattern DOB = Pattern.compile(
      "(?i)(?:\\bd\\.?o\\.?b\\b\\.?|\\bd/o/b\\b|\\bdate\\s+of\\s+birth\\b|\\bbirth\\s*date\\b"
          + "|\\bbirthday\\b|\\bborn\\b)"
          + "(?:\\s*(?:is|was|of|on|:|-|,)\\s*){0,3}\\s*(" + DATE + ")");

  private static final class DateOfBirth extends CuedDetector {
    DateOfBirth() {
      super(CaseFactKind.DATE_OF_BIRTH, "dob", "d.o.b", "d/o/b", "birth", "born");
    }

    @Override
    void find(String text, Matches matches) {
      Finder f = new Finder(DOB, text, Finder.oneOf("dDbB"));
      while (f.find()) {
        Matcher m = f.matcher();
        matches.add(m.start(1), m.end(1));
      }
    }
  }

  // Case and docket numbers
  private static final String CODES = "(?:CRIM|CRF|CRM|CR|CF|CM|CJ|CT|JUV|JV|JD|DV|TR|MM|MF|FEL"
      + "|FE|MISD|MI|F|M|J|K)";
  private static final Pattern DOCKET_YEAR_FIRST = Pattern.compile(
      "(?<![\\w/.-])(?:\\d{2}|\\d{4})-?(?i:" + CODES + ")-?\\d{3,8}(?:-[A-Z0-9]{1,4})?"
          + "(?![\\w-])");
  private static final Pattern DOCKET_CODE_FIRST = Pattern.compile(
      "(?<![\\w/.-])(?:CRIM|CRF|CRM|CR|CF|CM|CJ|JUV|JV|JD|DV|TR|MM|MF|FEL|FE|F|M|J)[- ]?"
          + "\\d{2,4}-\\d{3,8}"
          + "(?:-[A-Z0-9]{1,4})?(?![\\w-])");
  private static final Pattern DOCKET_FEDERAL = Pattern.compile(
      "(?<![\\w/.-])\\d{1,2}:\\d{2}-(?i:cr|mj|cv|po|mc|sw)-\\d{3,6}(?:-[A-Za-z0-9]{1,6})*"
          + "(?![\\w-])");
  private static final String[] DOCKET_WORDS = {"case", "docket", "cause", "indictment",
      "complaint", "warrant", "incident", "booking", "arrest", "matter"};
  private static final Pattern DOCKET_KEYED = Pattern.compile(
      "(?i)\\b(?:case|docket|cause|indictment|complaint|warrant|incident|booking|arrest|matter)"
          + "(\\s*(?:no\\.?|number|num\\.?|#))?\\s*[:#]?\\s*(?:(?:is|was)\\s+)?"
          + "([A-Z0-9][A-Z0-9:/.-]{2,24}[A-Z0-9])(?![\\w-])");

  private static final class CaseNumber extends CuedDetector {
    CaseNumber() {
      super(CaseFactKind.CASE_NUMBER, DIGIT);
    }

    @Override
    void find(String text, Matches matches) {
      for (Finder f : List.of(new Finder(DOCKET_YEAR_FIRST, text, Finder::digit),
          new Finder(DOCKET_CODE_FIRST, text, Finder.oneOf("CJDTMF")),
          new Finder(DOCKET_FEDERAL, text, Finder::digit))) {
        while (f.find()) {
          matches.add(f.matcher().start(), f.matcher().end());
        }
      }
      Finder f = new Finder(DOCKET_KEYED, text, Finder.oneOf("cCdDiIwWbBaAmM"),
          Finder.near(Finder.lowerCase(text), DOCKET_WORDS, 0, 0));
      while (f.find()) {
        Matcher m = f.matcher();
        String token = m.group(2);
        if (digits(token) < 3) {
          continue;
        }
        boolean structured = token.chars().anyMatch(c -> c == '-' || c == ':' || c == '/')
            || token.chars().anyMatch(Character::isLetter);
        if (m.group(1) == null && !structured) {
          continue;
        }
        if (token.matches("\\d{1,2}/\\d{1,2}(?:/\\d{2,4})?") || token.matches("\\d{1,2}:\\d{2}")) {
          continue;
        }
        matches.add(m.start(2), m.end(2));
      }
    }
  }

  // Captions
  private static final String PLACE = "[A-Z][a-z]+(?:\\s+[A-Z][a-z]+)?";
  private static final String PARTY = "(?:State(?:\\s+of\\s+" + PLACE + ")?"
      + "|People(?:\\s+of\\s+the\\s+State\\s+of\\s+" + PLACE + ")?"
      + "|Commonwealth(?:\\s+of\\s+" + PLACE + ")?"
      + "|United\\s+States(?:\\s+of\\s+America)?|U\\.\\s?S\\.(?:A\\.)?|USA"
      + "|Territory\\s+of\\s+" + PLACE + "|Government\\s+of\\s+" + PLACE
      + "|City\\s+of\\s+" + PLACE + "|County\\s+of\\s+" + PLACE + ")";
  private static final String OPPONENT = "(?:" + Names.INITIALS + "|" + Names.WORD
      + "(?:\\s+(?:[A-Z]\\.|" + Names.WORD + ")){0,3})";
  private static final Pattern CAPTION = Pattern.compile(
      "\\b" + PARTY + "\\s+(?:v|vs|V|VS)\\.?\\s+" + OPPONENT
          + "|\\b" + OPPONENT
          + "\\s+(?:v|vs)\\.?\\s+(?:State|People|Commonwealth|United\\s+States)\\b"
          + "|\\bIn\\s+(?:re|the\\s+(?:Interest|Matter)\\s+of)\\s+(?:" + Names.INITIALS + "|"
          + Names.WORD + "(?:\\s+" + Names.WORD + ")?)");
  private static final Pattern REPORTER_AFTER = Pattern.compile(
      "^(?:,?\\s*\\d{1,4}\\s+[A-Z][A-Za-z0-9.\\s']{0,30}?\\s+\\d{1,5}"
          + "|,?\\s*\\d{4}\\s+WL\\s+\\d+|,?\\s*\\(\\s*\\d{4}\\s*\\)|,?\\s*No\\.\\s)");
  private static final Pattern CASE_LAW_WORDS = Pattern.compile(
      "(?i)\\b(?:held|holds|holding|opinion|precedent|overruled"
          + "|progeny|line\\s+of\\s+cases|supreme\\s+court|court\\s+of\\s+appeals"
          + "|appellate\\s+court"
          + "|cert\\.|landmark|jury\\s+instruction|under\\s+(?:the\\s+)?(?:rule|test))\\b");

  private static final String[] VERSUS = {" v. ", " v ", " vs. ", " vs "};
  private static final String[] IN_RE = {"in re ", "in the interest", "in the matter"};
  private static final Pattern V = Pattern.compile("\\s(?:v|vs|V|VS)\\.?\\s+");

  private static final class CaseCaption extends CuedDetector {
    CaseCaption() {
      super(CaseFactKind.CASE_CAPTION, " v. ", " v ", " vs. ", " vs ", "in re ", "in the interest",
          "in the matter");
    }

    @Override
    void find(String text, Matches matches) {
      String lower = Finder.lowerCase(text);
      BitSet near = Finder.near(lower, VERSUS, 70, 0);
      near.or(Finder.near(lower, IN_RE, 0, 0));
      Finder f = new Finder(CAPTION, text, Finder::capital, near);
      while (f.find()) {
        Matcher m = f.matcher();
        int start = m.start();
        int end = m.end();
        String found = m.group();
        // The opponent's name stops at its first word that is not a name.
        int afterV = found.startsWith("In ") ? -1 : findAfterV(text, start, end);
        if (afterV > 0 && !text.startsWith("State", afterV) && !text.startsWith("People", afterV)
            && !text.startsWith("Commonwealth", afterV) && !text.startsWith("United", afterV)) {
          int nameEnd = Names.nameEnd(text, afterV, end);
          if (nameEnd == afterV) {
            continue;
          }
          end = nameEnd;
        }
        String after = text.substring(end, Math.min(text.length(), end + 40));
        if (REPORTER_AFTER.matcher(after).find()) {
          continue;
        }
        if (CASE_LAW_WORDS.matcher(sentence(text, start, end)).find()) {
          continue;
        }
        matches.add(start, end);
      }
    }

    private static int findAfterV(String text, int start, int end) {
      Matcher v = V.matcher(text).region(start, end);
      return v.find() ? v.end() : -1;
    }
  }

  /** The sentence around a span: from the last full stop, question or line break before it. */
  private static String sentence(String text, int start, int end) {
    int from = Math.max(0, start - 160);
    for (int i = start - 1; i >= from; i--) {
      char c = text.charAt(i);
      if (c == '\n' || c == '?' || c == '!' || (c == '.' && i + 1 < text.length()
          && Character.isWhitespace(text.charAt(i + 1)) && i > 0
          && Character.isLowerCase(text.charAt(i - 1)))) {
        from = i + 1;
        break;
      }
    }
    int to = Math.min(text.length(), end + 160);
    for (int i = end; i < to; i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '?' || c == '!' || (c == '.' && (i + 1 == text.length()
          || Character.isWhitespace(text.charAt(i + 1))) && i > 0
          && Character.isLowerCase(text.charAt(i - 1)))) {
        to = i;
        break;
      }
    }
    return text.substring(from, to);
  }

  // A named person in a case role
  private static final String NAME = "(?:" + Names.TITLED + "|" + Names.INITIALS + "|"
      + Names.PLAIN + ")";
  private static final String TWO_WORD_NAME = "(?:" + Names.TITLED + "|" + Names.INITIALS + "|"
      + Names.FULL + ")";
  private static final Pattern ROLE_THEN_NAME = Pattern.compile(
      "(?i:\\b" + ROLE + ")(?:'s\\s+name\\s+is\\s+|\\s*[:,]\\s*|\\s*\\(\\s*"
          + "|\\s+(?i:named|called|identified\\s+as|is|was)\\s+|\\s+)(" + NAME + ")");
  private static final Pattern NAME_THEN_ROLE = Pattern.compile(
      "\\b(" + TWO_WORD_NAME + ")(?:\\s*,\\s*(?i:the|a|an|our|their|his|her)?\\s*|\\s*\\(\\s*"
          + "(?i:the\\s+)?|\\s+(?i:is|was)\\s+(?i:the|a|an)\\s+)(?i:" + ROLE + ")\\b"
          + "(\\s+[A-Za-z]+)?");

  private static final Pattern LEADING_WORD = Pattern.compile(Names.WORD + "|" + Names.INITIALS
      + "|(?:Mr|Ms|Mrs|Miss|Mx|Dr)\\.?");

  private static final class PersonInRole extends CuedDetector {
    PersonInRole() {
      super(CaseFactKind.PERSON_IN_CASE_ROLE, ROLE_CUES);
    }

    @Override
    void find(String text, Matches matches) {
      String lower = Finder.lowerCase(text);
      Finder f = new Finder(ROLE_THEN_NAME, text, Finder.oneOf("cCdDvVwWsSjJoOaAmMrRiIpP"),
          Finder.near(lower, ROLE_CUES, 0, 0));
      while (f.find()) {
        Matcher m = f.matcher();
        int start = m.start(1);
        int end = Names.nameEnd(text, start, m.end(1));
        if (end <= start) {
          // Not a name: a role word may still start inside it ("Witness Victim Reed").
          f.resumeAt(m.start(1));
          continue;
        }
        matches.add(start, end);
      }
      f = new Finder(NAME_THEN_ROLE, text, Finder::capital, Finder.near(lower, ROLE_CUES, 90, 0));
      while (f.find()) {
        Matcher m = f.matcher();
        if (m.group(2) != null && JOB_AFTER_ROLE.matcher(m.group(2)).matches()) {
          continue;
        }
        int start = m.start(1);
        String name = m.group(1);
        // Drop leading words that are not names ("Call Marcus Reed, the defendant").
        Matcher words = LEADING_WORD.matcher(name);
        while (words.find() && Names.notAName(words.group())) {
          start = m.start(1) + words.end();
          while (start < m.end(1) && Character.isWhitespace(text.charAt(start))) {
            start++;
          }
        }
        int end = m.end(1);
        String kept = text.substring(start, end);
        if (kept.isBlank() || (!kept.contains(" ") && !kept.matches(Names.INITIALS))) {
          continue;
        }
        if (Names.nameEnd(text, start, end) < end) {
          continue;
        }
        matches.add(start, end);
      }
    }
  }

  // Street addresses
  private static final Pattern ADDRESS = Pattern.compile(
      "(?<![\\w.#/-])\\d{1,6}(?:-\\d{1,4})?\\s+(?:[NSEW]\\.?\\s+|(?:North|South|East|West)\\s+)?"
          + "(?:(?:[A-Z][A-Za-z'-]*|\\d{1,3}(?:st|nd|rd|th))\\s+){1,3}"
          + "(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Dr|Lane|Ln|Court|Ct|Way|Place"
          + "|Pl|Terrace|Ter|Circle|Cir|Parkway|Pkwy|Highway|Hwy|Trail|Trl|Loop|Square|Sq|Alley"
          + "|Row|Pike)\\b\\.?"
          + "(?:\\s*,?\\s*(?:Apt|Apartment|Unit|Lot|Trailer|#)\\.?\\s*#?\\s*[A-Za-z0-9-]{1,6})?");
  private static final Pattern PERSONAL_PLACE = Pattern.compile(
      "(?i)\\b(?:lives?|living|lived|resides?|residing|residence|home|house|apartment|apt"
          + "|staying|stays|address\\s+of|his\\s+address|her\\s+address|their\\s+address"
          + "|mother'?s|father'?s|grandmother'?s|girlfriend'?s|boyfriend'?s)\\b");
  private static final Pattern VENUE = Pattern.compile(
      "(?i)\\b(?:office|offices|courthouse|training|conference|venue|hotel|held|session|workshop"
          + "|meeting|suite|room|floor|building|center|centre|hall|ballroom|auditorium"
          + "|headquarters|hq|campus|academy|library|mail|mailing|parking|garage|registration"
          + "|lunch|breakfast|reception|facility|agency|department|dept|precinct|station)\\b");

  private static final class StreetAddress extends CuedDetector {
    StreetAddress() {
      super(CaseFactKind.STREET_ADDRESS, " st", " ave", " road", " rd", " blvd", " boulevard",
          " dr", " lane", " ln", " court", " ct", " way", " place", " pl", " ter", " cir",
          " parkway", " pkwy", " highway", " hwy", " trail", " trl", " loop", " square", " sq",
          " alley", " row", " pike");
    }

    @Override
    void find(String text, Matches matches) {
      Finder f = new Finder(ADDRESS, text, Finder::digit);
      while (f.find()) {
        Matcher m = f.matcher();
        String before = lower(text, m.start() - 70, m.start());
        String after = lower(text, m.end(), m.end() + 50);
        boolean personal = anyWord(before, PERSONAL_PLACE) || anyWord(after, PERSONAL_PLACE)
            || roleIn(before) || roleIn(after)
            || anyWord(m.group(), Pattern.compile("(?i)\\b(?:apt|apartment|lot|trailer)\\b"));
        boolean venue = anyWord(before, VENUE) || anyWord(after, VENUE);
        if (venue && !personal) {
          continue;
        }
        matches.add(m.start(), m.end());
      }
    }
  }

  // Numbers known by the word before them
  private static final Pattern DL_KEY = Pattern.compile(
      "(?i)\\b(?:driver'?s?\\s+licen[cs]es?|driving\\s+licen[cs]e|DL|D/L|OLN|operator'?s?\\s+"
          + "licen[cs]e)" + NUMBER_WORD + "(?:[A-Z]{2}\\s+)?");
  private static final Pattern DL_TOKEN = Pattern.compile(
      "\\G(?:[A-Z]{1,2}[- ]?\\d[\\d-]{3,13}\\d|\\d[\\d -]{4,14}\\d)(?![\\w-])");
  private static final Pattern FBI_KEY = Pattern.compile(
      "(?i)\\b(?:FBI|UCN)" + NUMBER_WORD + "(?:(?i:UCN)\\s*[:#]?\\s*)?");
  private static final Pattern FBI_TOKEN = Pattern.compile(
      "\\G(?:\\d{1,7}[A-Z]{1,2}\\d{0,3}|\\d{6,9}[A-Z]{0,2}|[A-Z]{1,2}\\d{6,8})(?![\\w-])");
  private static final Pattern SID_KEY = Pattern.compile(
      "(?i)\\b(?:SID|state\\s+id|state\\s+identification)" + NUMBER_WORD);
  private static final Pattern SID_TOKEN = Pattern.compile(
      "\\G(?:[A-Z]{1,2}-?)?\\d[\\d-]{4,11}\\d(?![\\w-])");
  private static final Pattern NCIC_KEY = Pattern.compile(
      "(?i)\\bNCIC(?:\\s*(?:record|entry|hit|NIC))?" + NUMBER_WORD);
  private static final Pattern NCIC_TOKEN = Pattern.compile("\\G[A-Z]?\\d{6,10}(?![\\w-])");
  private static final Pattern NIC_KEY = Pattern.compile("(?i)\\bNIC" + NUMBER_WORD);
  private static final Pattern NIC_TOKEN = Pattern.compile("\\G[A-Z]\\d{9}(?![\\w-])");

  /** A number recognised by the key words before it. */
  private static final class KeyedNumber extends CuedDetector {
    private final Pattern key;
    private final IntPredicate keyStarts;
    private final Pattern token;
    private final int minDigits;

    KeyedNumber(CaseFactKind kind, Pattern key, String keyStarts, Pattern token, int minDigits,
        String... cues) {
      super(kind, cues);
      this.key = key;
      this.keyStarts = Finder.oneOf(keyStarts);
      this.token = token;
      this.minDigits = minDigits;
    }

    @Override
    void find(String text, Matches matches) {
      Finder f = new Finder(key, text, keyStarts);
      Matcher t = token.matcher(text);
      while (f.find()) {
        Matcher k = f.matcher();
        t.region(k.end(), text.length());
        if (t.find() && digits(t.group()) >= minDigits) {
          int end = t.end();
          while (end > t.start() && text.charAt(end - 1) == ' ') {
            end--;
          }
          matches.add(t.start(), end);
        }
      }
    }
  }

  // Plates
  private static final Pattern PLATE_KEY = Pattern.compile(
      "(?i)\\b(?:licen[cs]e\\s+plate|plate|tag|LP|registration|reg\\.?)" + NUMBER_WORD
          + "(?:[A-Z]{2}\\s+)?");
  private static final Pattern PLATE_TOKEN = Pattern.compile(
      "\\G[A-Z0-9]{1,4}[- ]?[A-Z0-9]{1,5}(?![\\w-])");

  private static final class Plate extends CuedDetector {
    Plate() {
      super(CaseFactKind.PLATE, "plate", "tag", "lp", "reg");
    }

    @Override
    void find(String text, Matches matches) {
      Finder f = new Finder(PLATE_KEY, text, Finder.oneOf("lLpPtTrR"));
      Matcher t = PLATE_TOKEN.matcher(text);
      while (f.find()) {
        Matcher k = f.matcher();
        t.region(k.end(), text.length());
        if (!t.find()) {
          continue;
        }
        String plain = t.group().replace("-", "").replace(" ", "");
        boolean letter = plain.chars().anyMatch(Character::isLetter);
        boolean digit = plain.chars().anyMatch(Character::isDigit);
        if (plain.length() >= 5 && plain.length() <= 8 && letter && digit) {
          matches.add(t.start(), t.end());
        }
      }
    }
  }

  // Personal phone numbers and e-mail addresses
  private static final Pattern PHONE = Pattern.compile(
      "(?<![\\w-])(?:\\+?1[-.\\s]?)?(?:\\((\\d{3})\\)\\s?|(\\d{3})[-.\\s])\\d{3}[-.\\s]\\d{4}"
          + "(?![\\w-])|(?<![\\w-])\\d{3}-\\d{4}(?![\\w-])");
  private static final Pattern PERSONAL_CONTACT = Pattern.compile(
      "(?i)\\b(?:cell|cellphone|mobile|home|personal|private|girlfriend|boyfriend|mother"
          + "|father|mom|dad|grandmother|aunt|uncle|parent|guardian|neighbou?r)\\b");
  private static final Pattern OFFICE_CONTACT = Pattern.compile(
      "(?i)\\b(?:office|main\\s+(?:line|number)|front\\s+desk|desk|reception|switchboard"
          + "|hotline|helpline|help\\s+line|fax|ext|extension|toll-free|call\\s+us|unit"
          + "|dispatch|clerk|chambers|courthouse|division|department|dept|bureau|agency"
          + "|conference\\s+line|dial-in|bridge|registration|information\\s+line|scheduling"
          + "|work|direct\\s+line|desk\\s+line)\\b");
  private static final Pattern EMAIL = Pattern.compile(
      "(?<![\\w.+-])([A-Za-z0-9._%+-]{1,64})@([A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,})"
          + "(?![\\w-])");
  private static final Pattern WEBMAIL = Pattern.compile(
      "(?i)(?:gmail|googlemail|yahoo|ymail|hotmail|outlook|live|msn|aol|icloud|me|mac"
          + "|protonmail|proton|gmx|comcast|att|verizon|sbcglobal|cox|charter|mail|zoho"
          + "|yandex|fastmail)\\.[a-z.]+");
  private static final Pattern GENERIC_MAILBOX = Pattern.compile(
      "(?i)(?:info|training|trainings|admin|support|help|helpdesk|office|registration|register"
          + "|noreply|no-reply|contact|events|grants|victimservices|communications|press|media"
          + "|clerk|records|webmaster|team|staff|cop|community|coordinator)");

  private static final class PersonalPhone extends CuedDetector {
    PersonalPhone() {
      super(CaseFactKind.PERSONAL_PHONE, DIGIT);
    }

    @Override
    void find(String text, Matches matches) {
      Finder f = new Finder(PHONE, text, c -> Finder.digit(c) || c == '(' || c == '+');
      while (f.find()) {
        Matcher m = f.matcher();
        String area = m.group(1) != null ? m.group(1) : m.group(2);
        if (area != null && area.matches("8(?:00|88|77|66|55|44|33)")) {
          continue;
        }
        int from = Math.max(0, m.start() - 80);
        int to = Math.min(text.length(), m.end() + 40);
        String window = lower(text, from, to);
        if (anyWord(window, PERSONAL_CONTACT) || roleIn(window)) {
          matches.add(m.start(), m.end());
        } else if (!anyWord(window, OFFICE_CONTACT) && Names.nameIn(text, from, to)) {
          matches.add(m.start(), m.end());
        }
      }
    }
  }

  private static final class PersonalEmail extends CuedDetector {
    PersonalEmail() {
      super(CaseFactKind.PERSONAL_EMAIL, "@");
    }

    @Override
    void find(String text, Matches matches) {
      Matcher m = EMAIL.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
      // Only the text around each '@' can hold an address.
      int at = text.indexOf('@');
      int floor = 0;
      while (at >= 0) {
        m.region(Math.max(floor, at - 65), Math.min(text.length(), at + 256));
        if (!m.find()) {
          at = text.indexOf('@', at + 1);
          continue;
        }
        floor = m.end();
        at = text.indexOf('@', Math.max(m.end(), at + 1));
        int from = Math.max(0, m.start() - 80);
        int to = Math.min(text.length(), m.end() + 40);
        String window = lower(text, from, to);
        boolean role = roleIn(window);
        boolean webmail = WEBMAIL.matcher(m.group(2)).matches();
        boolean generic = GENERIC_MAILBOX.matcher(m.group(1)).matches();
        if (role || (webmail && !generic && (anyWord(window, PERSONAL_CONTACT)
            || Names.nameIn(text, from, to) || m.group(1).matches("(?i)[a-z]+[._][a-z]+\\d*")))) {
          matches.add(m.start(), m.end());
        }
      }
    }
  }
  /** Built when first asked for, after every pattern above. */
  private static final class Holder {
    private static final List<CaseFactDetector> ALL = List.of(
        new Ssn(), new DateOfBirth(), new CaseNumber(), new CaseCaption(), new PersonInRole(),
        new StreetAddress(),
        new KeyedNumber(CaseFactKind.DRIVERS_LICENCE, DL_KEY, "dDoO", DL_TOKEN, 5, "dl", "d/l",
            "licen", "oln"),
        new Plate(),
        new KeyedNumber(CaseFactKind.FBI_NUMBER, FBI_KEY, "fFuU", FBI_TOKEN, 5, "fbi", "ucn"),
        new KeyedNumber(CaseFactKind.STATE_ID, SID_KEY, "sS", SID_TOKEN, 5, "sid", "state"),
        new KeyedNumber(CaseFactKind.NCIC_NUMBER, NCIC_KEY, "nN", NCIC_TOKEN, 6, "ncic"),
        new KeyedNumber(CaseFactKind.NCIC_NUMBER, NIC_KEY, "nN", NIC_TOKEN, 9, "nic"),
        new PersonalPhone(), new PersonalEmail());
  }
}
