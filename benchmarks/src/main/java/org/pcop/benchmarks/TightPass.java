package org.pcop.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.pcop.benchmarks.drools.Breach;
import org.pcop.model.AgencyId;
import org.pcop.model.MembershipStatus;
import org.pcop.model.activity.Activity;
import org.pcop.model.activity.ActivityKind;
import org.pcop.model.activity.ApproverRole;
import org.pcop.model.activity.Exchange;
import org.pcop.model.activity.Participation;
import org.pcop.model.activity.ParticipationKind;
import org.pcop.model.activity.RequestForInformation;
import org.pcop.model.event.ActivityRecorded;
import org.pcop.model.event.ConductFlagRecorded;
import org.pcop.model.event.ConductFlagStatus;
import org.pcop.model.event.EngagementLevelChanged;
import org.pcop.model.event.ExchangeApproved;
import org.pcop.model.event.ExchangeCancelled;
import org.pcop.model.event.ExchangeDeclined;
import org.pcop.model.event.ExchangeDocumented;
import org.pcop.model.event.ExchangeHeld;
import org.pcop.model.event.ExchangeRequested;
import org.pcop.model.event.MemberEnrolled;
import org.pcop.model.event.MembershipChanged;
import org.pcop.model.event.ParticipationRecorded;
import org.pcop.model.event.PcopEvent;
import org.pcop.model.event.RfiAccepted;
import org.pcop.model.event.RfiAnswered;
import org.pcop.model.event.RfiClosed;
import org.pcop.model.event.RfiPosted;
import org.pcop.rules.calendar.UsFederalCalendar;

/**
 * The compared rules (the engagement levels with recorded levels, hysteresis and grace, and the
 * three service levels) written as tightly as the machine allows, knowing the evaluation day in
 * advance: the true floor. Identifiers are interned once into ints (an open-addressing table, no
 * boxing); each event's day number is computed once from its instant with the zone's offset
 * cached between transitions; per-member state lives in primitive arrays; a participation
 * outside every window is dropped after its day is known; windowed distinct counts are bit sets
 * (days, host sites) or (member, value) pairs packed into longs and sorted once at the end. No
 * event allocates. It answers what {@code ComparedRules} asks of pcop-rules and the Drools rule
 * file: the level of every member and every service-level breach.
 */
public final class TightPass {
  /** The demotion fraction and grace days of the default level rule. */
  private static final double DEMOTION = 0.9;
  private static final long GRACE_SECONDS = 90L * 86_400;
  private static final String[] LEVELS = {"active", "contributor", "mentor"};
  private static final String[] OBLIGATIONS = {"first response", "approval by both parties",
      "follow-up report"};

  private final int today;
  private final Instant asOf;
  private final ZoneId zone;
  private final ZoneRules rules;
  private long offsetFrom = Long.MAX_VALUE;
  private long offsetTo = Long.MIN_VALUE;
  private int offset;

  private final StringNumbers members = new StringNumbers(32_768);
  private final StringNumbers activities = new StringNumbers(16_384);
  private final StringNumbers agencies = new StringNumbers(4_096);
  private final StringNumbers sites = new StringNumbers(128);
  private final StringNumbers rfis = new StringNumbers(32_768);
  private final StringNumbers exchanges = new StringNumbers(8_192);

  // Members.
  private int[] agencyOf = new int[0];
  private byte[] status = new byte[0];
  private int[] activeSince = new int[0];
  private boolean[] upheld = new boolean[0];
  private byte[] recorded = new byte[0];
  private long[] recordedAt = new long[0];
  private int[] recordedNano = new int[0];
  private long[] days180 = new long[0];
  private int[] shows365 = new int[0];
  private int siteWords = 1;
  private long[] sites730 = new long[0];
  private long[] activities365 = new long[1 << 12];
  private int activities365Size;
  private long[] agencies730 = new long[1 << 8];
  private int agencies730Size;
  private long[] attendances = new long[1 << 10];
  private int attendancesSize;

  // Activities.
  private int[] hostSite = new int[0];
  private int[] exchangeOf = new int[0];
  private int[] meetings = new int[64];
  private long[] meetingStarts = new long[64];
  private int meetingCount;

  // Exchanges.
  private int[] requestedDay = new int[0];
  private int[] agencyFrom = new int[0];
  private int[] agencyCount = new int[0];
  private int[] exchangeAgencies = new int[1 << 10];
  private int exchangeAgenciesSize;
  private Instant[] advisorApproval = new Instant[0];
  private Instant[] leadApproval = new Instant[0];
  private boolean[] closed = new boolean[0];
  private int[] heldDay = new int[0];
  private Instant[] report = new Instant[0];

  // Requests for information.
  private int[] postedDay = new int[0];
  private Instant[] firstResponse = new Instant[0];
  private boolean[] accepted = new boolean[0];
  private boolean[] expired = new boolean[0];

  private TightPass(Instant asOf, ZoneId zone) {
    this.asOf = asOf;
    this.zone = zone;
    this.rules = zone.getRules();
    this.today = day(asOf);
  }

  /**
   * Evaluates the compared rules over {@code events} as of {@code asOf}.
   *
   * @param events the history
   * @param asOf the evaluation instant
   * @param zone the community's time zone
   * @return the levels and breaches
   */
  public static Result evaluate(Iterable<? extends PcopEvent> events, Instant asOf,
      ZoneId zone) {
    TightPass pass = new TightPass(asOf, zone);
    for (PcopEvent event : events) {
      pass.apply(event);
    }
    return pass.finish();
  }

  /** The day number of {@code at} in the zone, with the offset kept until the next transition. */
  private int day(Instant at) {
    long s = at.getEpochSecond();
    if (s < offsetFrom || s >= offsetTo) {
      offset = rules.getOffset(at).getTotalSeconds();
      ZoneOffsetTransition previous = rules.previousTransition(at);
      ZoneOffsetTransition next = rules.nextTransition(at);
      offsetFrom = previous == null ? Long.MIN_VALUE : previous.toEpochSecond();
      offsetTo = next == null ? Long.MAX_VALUE : next.toEpochSecond();
    }
    return (int) Math.floorDiv(s + offset, 86_400L);
  }

  private void apply(PcopEvent event) {
    if (event instanceof ParticipationRecorded) {
      participation(((ParticipationRecorded) event).getParticipation());
    } else if (event instanceof ActivityRecorded) {
      activity(((ActivityRecorded) event).getActivity());
    } else if (event instanceof MembershipChanged) {
      MembershipChanged changed = (MembershipChanged) event;
      int m = member(changed.getMember().value());
      MembershipStatus to = changed.getStatus();
      status[m] = (byte) (to == MembershipStatus.ACTIVE || to == MembershipStatus.DORMANT ? 1 : 2);
      if (to == MembershipStatus.ACTIVE && activeSince[m] == Integer.MAX_VALUE) {
        activeSince[m] = day(changed.getOccurredAt());
      }
    } else if (event instanceof MemberEnrolled) {
      var member = ((MemberEnrolled) event).getMember();
      int m = member(member.getId().value());
      agencyOf[m] = agencies.intern(member.getAgency().value());
    } else if (event instanceof EngagementLevelChanged) {
      EngagementLevelChanged changed = (EngagementLevelChanged) event;
      int m = member(changed.getMember().value());
      recorded[m] = (byte) (changed.getTo().isPresent() ? level(changed.getTo().get()) : -1);
      recordedAt[m] = changed.getOccurredAt().getEpochSecond();
      recordedNano[m] = changed.getOccurredAt().getNano();
    } else if (event instanceof ConductFlagRecorded) {
      ConductFlagRecorded flag = (ConductFlagRecorded) event;
      if (flag.getStatus() == ConductFlagStatus.UPHELD) {
        upheld[member(flag.getMember().value())] = true;
      } else if (flag.getStatus() == ConductFlagStatus.DISMISSED) {
        upheld[member(flag.getMember().value())] = false;
      }
    } else {
      serviceLevelEvent(event);
    }
  }

  private void serviceLevelEvent(PcopEvent event) {
    if (event instanceof RfiAnswered) {
      RfiAnswered answered = (RfiAnswered) event;
      int r = rfis.find(answered.getRequest().value());
      if (r >= 0 && firstResponse[r] == null) {
        firstResponse[r] = answered.getResponse().getAt();
      }
    } else if (event instanceof RfiPosted) {
      RequestForInformation request = ((RfiPosted) event).getRequest();
      int r = rfi(request.getId().value());
      postedDay[r] = day(request.getPostedAt());
      if (!request.getResponses().isEmpty()) {
        firstResponse[r] = request.getResponses().get(0).getAt();
      }
    } else if (event instanceof RfiAccepted) {
      int r = rfis.find(((RfiAccepted) event).getRequest().value());
      if (r >= 0) {
        accepted[r] = true;
      }
    } else if (event instanceof RfiClosed) {
      int r = rfis.find(((RfiClosed) event).getRequest().value());
      if (r >= 0 && !accepted[r]) {
        expired[r] = true;
      }
    } else if (event instanceof ExchangeApproved) {
      ExchangeApproved approved = (ExchangeApproved) event;
      int x = exchanges.find(approved.getExchange().value());
      if (x >= 0) {
        if (approved.getRole() == ApproverRole.PROGRAM_ADVISOR) {
          if (advisorApproval[x] == null) {
            advisorApproval[x] = approved.getOccurredAt();
          }
        } else if (leadApproval[x] == null) {
          leadApproval[x] = approved.getOccurredAt();
        }
      }
    } else if (event instanceof ExchangeRequested) {
      exchangeRequested(((ExchangeRequested) event).getExchange());
    } else if (event instanceof ExchangeHeld) {
      int x = exchanges.find(((ExchangeHeld) event).getExchange().value());
      if (x >= 0) {
        heldDay[x] = (int) ((ExchangeHeld) event).getHeldOn().toEpochDay();
      }
    } else if (event instanceof ExchangeDocumented) {
      ExchangeDocumented documented = (ExchangeDocumented) event;
      int x = exchanges.find(documented.getExchange().value());
      if (x >= 0) {
        report[x] = documented.getReport().getSubmittedAt();
      }
    } else if (event instanceof ExchangeDeclined) {
      int x = exchanges.find(((ExchangeDeclined) event).getExchange().value());
      if (x >= 0) {
        closed[x] = true;
      }
    } else if (event instanceof ExchangeCancelled) {
      int x = exchanges.find(((ExchangeCancelled) event).getExchange().value());
      if (x >= 0) {
        closed[x] = true;
      }
    }
  }

  private static int level(String name) {
    for (int i = 0; i < LEVELS.length; i++) {
      if (LEVELS[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }

  private void participation(Participation p) {
    int age = today - day(p.getAt());
    if (age < 0 || age >= 730) {
      return;
    }
    int m = member(p.getMember().value());
    int a = activities.find(p.getActivity().value());
    ParticipationKind kind = p.getKind();
    if (age < 180) {
      days180[m * 3 + (age >>> 6)] |= 1L << age;
    }
    if (age < 365) {
      if (kind == ParticipationKind.PRESENTED || kind == ParticipationKind.HOSTED) {
        shows365[m]++;
      }
      if (a >= 0) {
        if (activities365Size == activities365.length) {
          activities365 = Arrays.copyOf(activities365, activities365Size * 2);
        }
        activities365[activities365Size++] = (long) m << 32 | a;
      }
    }
    if (a < 0) {
      return;
    }
    int site = hostSite[a];
    if (site >= 0) {
      sites730[m * siteWords + (site >>> 6)] |= 1L << site;
    }
    int x = exchangeOf[a];
    if (x >= 0 && agencyCount[x] > 0) {
      for (int i = agencyFrom[x], end = i + agencyCount[x]; i < end; i++) {
        if (agencies730Size == agencies730.length) {
          agencies730 = Arrays.copyOf(agencies730, agencies730Size * 2);
        }
        agencies730[agencies730Size++] = (long) m << 32 | exchangeAgencies[i];
      }
    }
    if (age < 100 && kind != ParticipationKind.REGISTERED && isMeeting(a)) {
      if (attendancesSize == attendances.length) {
        attendances = Arrays.copyOf(attendances, attendancesSize * 2);
      }
      attendances[attendancesSize++] = (long) m << 32 | a;
    }
  }

  private boolean isMeeting(int a) {
    for (int i = meetingCount - 1; i >= 0; i--) {
      if (meetings[i] == a) {
        return true;
      }
    }
    return false;
  }

  private void activity(Activity activity) {
    int a = activities.intern(activity.getId().value());
    if (a >= hostSite.length) {
      int n = Math.max(1024, hostSite.length * 2);
      hostSite = Arrays.copyOf(hostSite, n);
      exchangeOf = Arrays.copyOf(exchangeOf, n);
    }
    hostSite[a] = -1;
    exchangeOf[a] = -1;
    if (activity.getHostSite().isPresent()) {
      int s = sites.intern(activity.getHostSite().get().value());
      if (s >= siteWords * 64) {
        widenSites();
      }
      hostSite[a] = s;
    }
    if (activity.getExchange().isPresent()) {
      exchangeOf[a] = exchange(activity.getExchange().get().value());
    }
    if (activity.getKind() == ActivityKind.MEETING) {
      int age = today - day(activity.getStartsAt());
      if (age >= 0 && age < 100) {
        if (meetingCount == meetings.length) {
          meetings = Arrays.copyOf(meetings, meetingCount * 2);
          meetingStarts = Arrays.copyOf(meetingStarts, meetingCount * 2);
        }
        meetings[meetingCount] = a;
        meetingStarts[meetingCount++] = activity.getStartsAt().getEpochSecond();
      }
    }
  }

  private void widenSites() {
    int words = siteWords * 2;
    long[] wider = new long[Math.max(1, sites730.length / siteWords) * words];
    for (int m = 0; m < sites730.length / siteWords; m++) {
      System.arraycopy(sites730, m * siteWords, wider, m * words, siteWords);
    }
    sites730 = wider;
    siteWords = words;
  }

  private void exchangeRequested(Exchange exchange) {
    int x = exchange(exchange.getId().value());
    requestedDay[x] = day(exchange.getRequestedAt());
    agencyFrom[x] = exchangeAgenciesSize;
    addExchangeAgency(exchange.getHostAgency());
    for (AgencyId visiting : exchange.getVisitingAgencies()) {
      addExchangeAgency(visiting);
    }
    agencyCount[x] = exchangeAgenciesSize - agencyFrom[x];
  }

  private void addExchangeAgency(AgencyId agency) {
    if (exchangeAgenciesSize == exchangeAgencies.length) {
      exchangeAgencies = Arrays.copyOf(exchangeAgencies, exchangeAgenciesSize * 2);
    }
    exchangeAgencies[exchangeAgenciesSize++] = agencies.intern(agency.value());
  }

  private int member(String id) {
    int m = members.intern(id);
    if (m >= agencyOf.length) {
      int n = Math.max(1024, agencyOf.length * 2);
      int from = agencyOf.length;
      agencyOf = Arrays.copyOf(agencyOf, n);
      Arrays.fill(agencyOf, from, n, -1);
      status = Arrays.copyOf(status, n);
      activeSince = Arrays.copyOf(activeSince, n);
      Arrays.fill(activeSince, from, n, Integer.MAX_VALUE);
      upheld = Arrays.copyOf(upheld, n);
      recorded = Arrays.copyOf(recorded, n);
      Arrays.fill(recorded, from, n, (byte) -1);
      recordedAt = Arrays.copyOf(recordedAt, n);
      recordedNano = Arrays.copyOf(recordedNano, n);
      days180 = Arrays.copyOf(days180, n * 3);
      shows365 = Arrays.copyOf(shows365, n);
      sites730 = Arrays.copyOf(sites730, n * siteWords);
    }
    return m;
  }

  private int exchange(String id) {
    int x = exchanges.intern(id);
    if (x >= requestedDay.length) {
      int n = Math.max(256, requestedDay.length * 2);
      int from = requestedDay.length;
      requestedDay = Arrays.copyOf(requestedDay, n);
      Arrays.fill(requestedDay, from, n, Integer.MIN_VALUE);
      agencyFrom = Arrays.copyOf(agencyFrom, n);
      agencyCount = Arrays.copyOf(agencyCount, n);
      advisorApproval = Arrays.copyOf(advisorApproval, n);
      leadApproval = Arrays.copyOf(leadApproval, n);
      closed = Arrays.copyOf(closed, n);
      heldDay = Arrays.copyOf(heldDay, n);
      Arrays.fill(heldDay, from, n, Integer.MIN_VALUE);
      report = Arrays.copyOf(report, n);
    }
    return x;
  }

  private int rfi(String id) {
    int r = rfis.intern(id);
    if (r >= postedDay.length) {
      int n = Math.max(1024, postedDay.length * 2);
      postedDay = Arrays.copyOf(postedDay, n);
      firstResponse = Arrays.copyOf(firstResponse, n);
      accepted = Arrays.copyOf(accepted, n);
      expired = Arrays.copyOf(expired, n);
    }
    return r;
  }

  /** Counts what the windows hold, decides each member's level and times every obligation. */
  private Result finish() {
    int n = members.size();
    // The counted meetings: the last 20 by start in the 100-day window.
    long[] order = new long[meetingCount];
    for (int i = 0; i < meetingCount; i++) {
      order[i] = (meetingStarts[i] - meetingStarts[0] + (1L << 40)) << 20 | i;
    }
    Arrays.sort(order);
    int held = Math.min(20, meetingCount);
    boolean[] counted = new boolean[activities.size()];
    for (int i = meetingCount - held; i < meetingCount; i++) {
      counted[meetings[(int) (order[i] & 0xFFFFF)]] = true;
    }
    int[] attended = new int[n];
    Arrays.sort(attendances, 0, attendancesSize);
    for (int i = 0; i < attendancesSize; i++) {
      long pair = attendances[i];
      if ((i == 0 || attendances[i - 1] != pair) && counted[(int) pair]) {
        attended[(int) (pair >>> 32)]++;
      }
    }
    int[] activities365Count = distinctPerMember(activities365, activities365Size, n, null);
    int[] agencies730Count = distinctPerMember(agencies730, agencies730Size, n, agencyOf);
    byte[] levelOf = new byte[n];
    int[] perLevel = new int[LEVELS.length];
    long asOfSecond = asOf.getEpochSecond();
    int asOfNano = asOf.getNano();
    for (int m = 0; m < n; m++) {
      levelOf[m] = -1;
      int current = recorded[m];
      if (status[m] != 1 && current < 0) {
        continue;
      }
      int days = Long.bitCount(days180[m * 3]) + Long.bitCount(days180[m * 3 + 1])
          + Long.bitCount(days180[m * 3 + 2]);
      int sitesMet = 0;
      for (int w = 0; w < siteWords; w++) {
        sitesMet += Long.bitCount(sites730[m * siteWords + w]);
      }
      int shows = shows365[m];
      int acts = activities365Count[m];
      int agenciesMet = agencies730Count[m];
      long tenure = activeSince[m] == Integer.MAX_VALUE ? 0
          : Math.max(0, today - activeSince[m]);
      double ratio = held == 0 ? 1 : (double) attended[m] / held;
      boolean clean = !upheld[m];
      int target = -1;
      int keep = -1;
      for (int level = 0; level < 3; level++) {
        boolean all;
        boolean hysteresis;
        if (level == 0) {
          all = ratio >= 0.5 && days >= 3;
          hysteresis = ratio >= 0.5 * DEMOTION && days >= 3 * DEMOTION;
        } else if (level == 1) {
          boolean fixed = tenure >= 180 && clean;
          all = fixed && shows >= 2 && acts >= 8;
          hysteresis = fixed && shows >= 2 * DEMOTION && acts >= 8 * DEMOTION;
        } else {
          boolean fixed = tenure >= 365 && clean;
          all = fixed && shows >= 4 && sitesMet >= 3 && agenciesMet >= 2;
          hysteresis = fixed && shows >= 4 * DEMOTION && sitesMet >= 3 * DEMOTION
              && agenciesMet >= 2 * DEMOTION;
        }
        if (all) {
          target = level;
        }
        if (hysteresis && level <= current) {
          keep = level;
        }
      }
      int next = Math.max(target, keep);
      if (next < current) {
        long graceSecond = recordedAt[m] + GRACE_SECONDS;
        if (asOfSecond < graceSecond
            || asOfSecond == graceSecond && asOfNano < recordedNano[m]) {
          next = current;
        }
      }
      levelOf[m] = (byte) next;
      if (next >= 0) {
        perLevel[next]++;
      }
    }
    return new Result(this, levelOf, perLevel, breaches());
  }

  /**
   * How many distinct values each member has among (member, value) pairs, leaving out a value
   * equal to the member's {@code own} one when given.
   */
  private static int[] distinctPerMember(long[] pairs, int size, int members, int[] own) {
    Arrays.sort(pairs, 0, size);
    int[] counts = new int[members];
    for (int i = 0; i < size; i++) {
      long pair = pairs[i];
      if (i > 0 && pairs[i - 1] == pair) {
        continue;
      }
      int m = (int) (pair >>> 32);
      if (own != null && own[m] == (int) pair) {
        continue;
      }
      counts[m]++;
    }
    return counts;
  }

  private long[] rows = new long[256];
  private int rowCount;

  /** The breaches, packed four longs each: obligation, subject and outstanding; due; met or now. */
  private long[] breaches() {
    DueDays due = new DueDays();
    for (int r = 0; r < rfis.size(); r++) {
      long dueAt = due.startOf(due.plusThreeBusinessDays(postedDay[r]) + 1);
      judge(0, r, dueAt, firstResponse[r], !expired[r]);
    }
    for (int x = 0; x < exchanges.size(); x++) {
      if (requestedDay[x] == Integer.MIN_VALUE) {
        continue;
      }
      Instant met = null;
      if (advisorApproval[x] != null && leadApproval[x] != null) {
        met = advisorApproval[x].isAfter(leadApproval[x]) ? advisorApproval[x] : leadApproval[x];
      }
      if (met != null || !closed[x]) {
        judge(1, x, due.startOf(requestedDay[x] + 14 + 1), met, true);
      }
      if (heldDay[x] != Integer.MIN_VALUE) {
        judge(2, x, due.startOf(heldDay[x] + 30 + 1), report[x], true);
      }
    }
    return Arrays.copyOf(rows, rowCount);
  }

  /**
   * Adds a breach row if the obligation was met after its due instant (the start of a day) or is
   * unmet and overdue at the evaluation instant.
   */
  private void judge(int obligation, int subject, long dueAt, Instant met,
      boolean outstandingIfUnmet) {
    long second = met != null ? met.getEpochSecond() : asOf.getEpochSecond();
    int nano = met != null ? met.getNano() : asOf.getNano();
    if (second < dueAt || second == dueAt && nano == 0) {
      return;
    }
    if (rowCount + 4 > rows.length) {
      rows = Arrays.copyOf(rows, rows.length * 2);
    }
    boolean outstanding = met == null && outstandingIfUnmet;
    rows[rowCount] = (long) obligation << 33 | (long) subject << 1 | (outstanding ? 1 : 0);
    rows[rowCount + 1] = dueAt;
    rows[rowCount + 2] = second;
    rows[rowCount + 3] = nano;
    rowCount += 4;
  }

  /**
   * Start-of-day seconds and three-business-day sums by day number, each computed once for the
   * days before the evaluation day and up to 100 days after it.
   */
  private final class DueDays {
    private static final int BEFORE = 1 << 14;
    private final long[] starts = new long[BEFORE + 100];
    private final int[] plusThree = new int[BEFORE + 100];

    long startOf(int day) {
      int i = day - today + BEFORE;
      if (i < 0 || i >= starts.length) {
        return LocalDate.ofEpochDay(day).atStartOfDay(zone).toEpochSecond();
      }
      if (starts[i] == 0) {
        starts[i] = LocalDate.ofEpochDay(day).atStartOfDay(zone).toEpochSecond();
      }
      return starts[i];
    }

    int plusThreeBusinessDays(int day) {
      int i = day - today + BEFORE;
      if (i < 0 || i >= plusThree.length) {
        return business(day);
      }
      if (plusThree[i] == 0) {
        plusThree[i] = business(day);
      }
      return plusThree[i];
    }

    private int business(int day) {
      return (int) UsFederalCalendar.instance().plusBusinessDays(LocalDate.ofEpochDay(day), 3)
          .toEpochDay();
    }
  }

  /** What the pass found: each member's level and the service-level breaches. */
  public static final class Result {
    private final StringNumbers members;
    private final StringNumbers rfis;
    private final StringNumbers exchanges;
    private final byte[] levelOf;
    private final int[] perLevel;
    private final long[] breachRows;

    private Result(TightPass pass, byte[] levelOf, int[] perLevel, long[] breaches) {
      this.members = pass.members;
      this.rfis = pass.rfis;
      this.exchanges = pass.exchanges;
      this.levelOf = levelOf;
      this.perLevel = perLevel;
      this.breachRows = breaches;
    }

    /**
     * Members at each level, lowest (active) first.
     *
     * @return the counts
     */
    public int[] perLevel() {
      return perLevel.clone();
    }

    /**
     * How many breaches were found.
     *
     * @return the count
     */
    public int breachCount() {
      return breachRows.length / 4;
    }

    /**
     * The level of every member at one.
     *
     * @return level name by member id
     */
    public Map<String, String> levels() {
      Map<String, String> levels = new TreeMap<>();
      for (int m = 0; m < levelOf.length; m++) {
        if (levelOf[m] >= 0) {
          levels.put(members.text(m), LEVELS[levelOf[m]]);
        }
      }
      return levels;
    }

    /**
     * The breaches, in the terms both engines give them.
     *
     * @return the breaches
     */
    public Set<Breach> breaches() {
      Set<Breach> found = new HashSet<>();
      for (int i = 0; i < breachRows.length; i += 4) {
        long head = breachRows[i];
        int obligation = (int) (head >>> 33);
        int subject = (int) (head >>> 1 & 0xFFFF_FFFFL);
        String name = obligation == 0 ? "rfi " + rfis.text(subject)
            : "exchange " + exchanges.text(subject);
        Instant due = Instant.ofEpochSecond(breachRows[i + 1]);
        Instant met = Instant.ofEpochSecond(breachRows[i + 2], breachRows[i + 3]);
        found.add(new Breach(name, OBLIGATIONS[obligation], due, Duration.between(due, met),
            (head & 1) != 0));
      }
      return found;
    }
  }
}
