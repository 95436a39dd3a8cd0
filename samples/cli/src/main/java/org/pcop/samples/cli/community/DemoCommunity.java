package org.pcop.samples.cli.community;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.pcop.io.document.CommunityDocument;
import org.pcop.model.Agency;
import org.pcop.model.AgencyId;
import org.pcop.model.AgencyKind;
import org.pcop.model.BarAdmission;
import org.pcop.model.Community;
import org.pcop.model.CommunityId;
import org.pcop.model.EngagementKind;
import org.pcop.model.ImmutableMember;
import org.pcop.model.JurisdictionLevel;
import org.pcop.model.Member;
import org.pcop.model.MemberId;
import org.pcop.model.MembershipRole;
import org.pcop.model.Program;
import org.pcop.model.ProgramId;
import org.pcop.model.Site;
import org.pcop.model.SiteId;
import org.pcop.model.taxonomy.PspTaxonomy;
import org.pcop.model.taxonomy.Taxonomy;
import org.pcop.model.taxonomy.Topic;
import org.pcop.model.taxonomy.TopicId;
import org.pcop.rules.DefaultRules;
import org.pcop.rules.definition.EligibilityRule;

/**
 * The demo's Prosecution Community of Practice: the PSP sites from public announcements, one
 * generic prosecutor's office per site (plus a US Attorney's Office per state of an active site
 * and one for the program's staff), and fictional people who joined the community between its
 * launch in 2019 and the start of the simulated year. The same seed always gives the same
 * community.
 *
 * <p>Expertise is drawn unevenly on purpose, as in a real community: gun violence is well
 * covered, digital evidence thinly, and nobody is an expert in witness and victim protection, so
 * requests for information on it show up as a knowledge gap.
 */
public final class DemoCommunity {
  /** The community's id. */
  public static final CommunityId COMMUNITY = CommunityId.of("pcop");

  /** The program's id. */
  public static final ProgramId PROGRAM = ProgramId.of("psp");

  /** Where the community's days begin and end. */
  public static final ZoneId ZONE = ZoneId.of("America/New_York");

  /** When the community was launched (the PCoP began in 2019). */
  public static final LocalDate LAUNCH = LocalDate.of(2019, 6, 3);

  private static final String[] FIRST = {"Avery", "Jordan", "Morgan", "Casey", "Riley", "Quinn",
      "Harper", "Rowan", "Emerson", "Dana", "Jamie", "Reese", "Skyler", "Parker", "Hayden",
      "Logan", "Cameron", "Drew", "Elliot", "Finley", "Kendall", "Peyton", "Sage", "Tatum",
      "Blair", "Marlowe", "Shawn", "Robin", "Lee", "Alexis"};
  private static final String[] LAST = {"Reyes", "Okafor", "Lindqvist", "Hartley", "Nakamura",
      "Delgado", "Whitfield", "Abernathy", "Castellano", "Osei", "Brennan", "Marchetti",
      "Vaughn", "Kowalski", "Ferreira", "Haddad", "Sorensen", "Mbeki", "Gallagher", "Thornton",
      "Iverson", "Quintero", "Ashby", "Lund", "Prescott", "Adeyemi", "Calloway", "Novak",
      "Yamada", "Pruitt"};

  /** Weights of the starter topics as expertise; zero means no expert at all. */
  private static final Map<String, Integer> EXPERTISE_WEIGHTS = Map.of(
      "gun-violence.nibin", 6, "gun-violence.group-violence", 5,
      "federal-partnerships.task-forces", 3, "crime-analysis.hot-spots", 3,
      "technology.digital-evidence", 1, "criminal-justice-collaboration.case-screening", 4,
      "investigations.witness-protection", 0, "community-engagement.prosecutor-community", 2);

  /**
   * One planned membership.
   *
   * @param member who joins
   * @param role the role they hold
   * @param activeSince when the membership became active
   */
  public record Joining(MemberId member, MembershipRole role, Instant activeSince) {}

  /** How long alumni sites stay eligible under the default rule set. */
  private static final int ALUMNI_YEARS = DefaultRules.forCommunity(COMMUNITY).getRules()
      .stream().filter(EligibilityRule.class::isInstance).map(EligibilityRule.class::cast)
      .findFirst().flatMap(EligibilityRule::getAlumniYears).orElse(0);

  private final Taxonomy taxonomy;
  private final CommunityDocument frame;
  private final List<Site> sites;
  private final Map<AgencyId, Agency> agencies = new LinkedHashMap<>();
  private final Map<MemberId, Member> members = new LinkedHashMap<>();
  private final List<Joining> joinings = new ArrayList<>();
  private final Map<SiteId, AgencyId> siteOffices = new LinkedHashMap<>();
  private final Map<SiteId, MemberId> siteLeads = new LinkedHashMap<>();
  private final List<MemberId> advisors = new ArrayList<>();
  private MemberId coordinator;
  private final Set<String> usedNames = new HashSet<>();
  private final Random random;
  private final LocalDate yearStart;

  private DemoCommunity(long seed, int year) {
    this.random = new Random(seed);
    this.yearStart = LocalDate.of(year, 1, 1);
    this.taxonomy = PspTaxonomy.inEffectOn(yearStart).orElseThrow();
    this.sites = PspSites.load();
    Community community = Community.builder().id(COMMUNITY).program(PROGRAM)
        .name("Prosecution Community of Practice")
        .description("The demo community: PSP sites from public announcements, fictional"
            + " offices and people, a simulated year.")
        .taxonomy(taxonomy.getId()).timeZone(ZONE).build();
    Program program = Program.builder().id(PROGRAM).name("National Public Safety Partnership")
        .addCommunity(COMMUNITY).build();
    this.frame = CommunityDocument.builder().program(program).addCommunity(community)
        .addTaxonomy(taxonomy).build();
  }

  /**
   * Builds the community for a simulated year.
   *
   * @param seed the seed of every random choice
   * @param year the simulated year; sites in an active engagement that year get more members
   * @return the community
   */
  public static DemoCommunity build(long seed, int year) {
    DemoCommunity c = new DemoCommunity(seed, year);
    c.populate();
    return c;
  }

  private void populate() {
    AgencyId programOffice = AgencyId.of("a-usao-dc");
    agencies.put(programOffice, Agency.builder().id(programOffice)
        .name("U.S. Attorney's Office, District of Columbia")
        .kind(AgencyKind.US_ATTORNEYS_OFFICE).jurisdictionLevel(JurisdictionLevel.FEDERAL)
        .state("DC").build());
    coordinator = person("m-coordinator", "Community Coordinator", programOffice, "DC", 0);
    joinings.add(new Joining(coordinator, MembershipRole.COORDINATOR, launchInstant(0)));
    for (int i = 1; i <= 2; i++) {
      MemberId advisor = person("m-advisor-" + i, "Program Advisor", programOffice, "DC", 2);
      advisors.add(advisor);
      joinings.add(new Joining(advisor, MembershipRole.PROGRAM_ADVISOR, launchInstant(i)));
    }
    Set<String> federalStates = new HashSet<>();
    for (Site site : sites) {
      boolean active = site.isActiveOn(yearStart);
      AgencyId office = AgencyId.of("a-" + site.getId().value());
      agencies.put(office, Agency.builder().id(office)
          .name("District Attorney's Office, " + site.getName() + ", " + site.getState())
          .kind(AgencyKind.DISTRICT_OR_COUNTY_ATTORNEY)
          .jurisdictionLevel(JurisdictionLevel.LOCAL).state(site.getState())
          .site(site.getId()).build());
      siteOffices.put(site.getId(), office);
      int people = active ? 4 + random.nextInt(3) : 1 + random.nextInt(3);
      LocalDate earliest = site.getEngagements().get(0).getStart().plusDays(60);
      if (earliest.isBefore(LAUNCH)) {
        earliest = LAUNCH;
      }
      for (int n = 1; n <= people; n++) {
        boolean lead = n == 1;
        Optional<Instant> joins = joinDay(site, earliest);
        if (joins.isEmpty()) {
          continue; // the site left the program before anyone could join
        }
        MemberId member = person("m-" + site.getId().value() + "-" + n,
            lead ? "Chief Deputy District Attorney" : title(), office, site.getState(),
            lead ? 1 : expertiseCount());
        MembershipRole role = lead ? MembershipRole.SITE_LEAD
            : members.get(member).getExpertise().size() >= 2
                ? MembershipRole.SUBJECT_MATTER_EXPERT : MembershipRole.MEMBER;
        if (lead) {
          siteLeads.put(site.getId(), member);
        }
        joinings.add(new Joining(member, role, joins.get()));
      }
      Optional<Instant> liaisonJoins = joinDay(site, earliest);
      if (active && liaisonJoins.isPresent() && federalStates.add(site.getState())) {
        AgencyId usao = AgencyId.of("a-usao-" + site.getState().toLowerCase(Locale.ROOT));
        agencies.put(usao, Agency.builder().id(usao)
            .name("U.S. Attorney's Office serving " + site.getState())
            .kind(AgencyKind.US_ATTORNEYS_OFFICE).jurisdictionLevel(JurisdictionLevel.FEDERAL)
            .state(site.getState()).site(site.getId()).build());
        MemberId ausa = person("m-" + usao.value().substring(2), "Assistant U.S. Attorney", usao,
            site.getState(), 1);
        joinings.add(new Joining(ausa, MembershipRole.LIAISON, liaisonJoins.get()));
      }
    }
  }

  private Instant launchInstant(int minutes) {
    return LAUNCH.atTime(10, minutes).atZone(ZONE).toInstant();
  }

  /**
   * A day between {@code earliest} and two weeks before the simulated year on which someone of
   * the site joins, moved back to the last day the site was eligible if drawn later; empty if the
   * site was eligible on none of those days.
   */
  private Optional<Instant> joinDay(Site site, LocalDate earliest) {
    LocalDate latest = yearStart.minusDays(14);
    long span = Math.max(1, latest.toEpochDay() - earliest.toEpochDay());
    LocalDate drawn = earliest.plusDays((long) (random.nextDouble() * span));
    LocalDate day = drawn;
    while (!isEligible(site, day) && day.isAfter(earliest)) {
      day = day.minusDays(1);
    }
    Instant at = day.atTime(9 + random.nextInt(8), random.nextInt(60)).atZone(ZONE).toInstant();
    return isEligible(site, day) ? Optional.of(at) : Optional.empty();
  }

  /**
   * Whether people of a site may join the community on a day under the default rule set's
   * eligibility rule: the site is in an engagement, and if that engagement is as alumni, it
   * began less than the rule's alumni years before.
   *
   * @param site the site
   * @param day the day
   * @return true if eligible
   */
  public static boolean isEligible(Site site, LocalDate day) {
    return site.engagementOn(day).map(e -> e.getKind() != EngagementKind.ALUMNI
        || day.isBefore(e.getStart().plusYears(ALUMNI_YEARS))).orElse(false);
  }

  private String title() {
    String[] titles = {"Assistant District Attorney", "Senior Assistant District Attorney",
        "Crime Analyst", "Victim-Witness Coordinator", "Investigator",
        "Deputy District Attorney"};
    return titles[random.nextInt(titles.length)];
  }

  private int expertiseCount() {
    double r = random.nextDouble();
    return r < 0.35 ? 0 : r < 0.8 ? 1 : 2;
  }

  private MemberId person(String id, String title, AgencyId agency, String state,
      int expertise) {
    String name;
    do {
      name = FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
    } while (!usedNames.add(name));
    MemberId memberId = MemberId.of(id);
    ImmutableMember.Builder builder = Member.builder().id(memberId).name(name).title(title)
        .agency(agency).email(name.toLowerCase(Locale.ROOT).replace(' ', '.') + "@"
            + agency.value() + ".example.org");
    if (!title.equals("Crime Analyst") && !title.equals("Investigator")
        && !title.equals("Victim-Witness Coordinator")) {
      builder.addBarAdmission(BarAdmission.of(state,
          String.format(Locale.ROOT, "%06d", 100000 + random.nextInt(900000))));
    }
    for (TopicId topic : drawTopics(expertise)) {
      builder.addExpertise(topic);
    }
    members.put(memberId, builder.build());
    return memberId;
  }

  private Set<TopicId> drawTopics(int count) {
    Set<TopicId> topics = new TreeSet<>();
    int total = 0;
    for (Topic topic : taxonomy.getTopics()) {
      total += EXPERTISE_WEIGHTS.getOrDefault(topic.getId().value(), 1);
    }
    while (topics.size() < count) {
      int pick = random.nextInt(total);
      for (Topic topic : taxonomy.getTopics()) {
        pick -= EXPERTISE_WEIGHTS.getOrDefault(topic.getId().value(), 1);
        if (pick < 0) {
          topics.add(topic.getId());
          break;
        }
      }
    }
    return topics;
  }

  /**
   * The frame: program, community and taxonomy.
   *
   * @return the frame document
   */
  public CommunityDocument frame() {
    return frame;
  }

  /**
   * The community's taxonomy in the simulated year.
   *
   * @return the taxonomy
   */
  public Taxonomy taxonomy() {
    return taxonomy;
  }

  /**
   * The PSP sites.
   *
   * @return the sites, read-only
   */
  public List<Site> sites() {
    return Collections.unmodifiableList(sites);
  }

  /**
   * The offices, in order.
   *
   * @return the agencies by id, read-only
   */
  public Map<AgencyId, Agency> agencies() {
    return Collections.unmodifiableMap(agencies);
  }

  /**
   * The people, in order.
   *
   * @return the members by id, read-only
   */
  public Map<MemberId, Member> members() {
    return Collections.unmodifiableMap(members);
  }

  /**
   * Who joined the community, in which role and when, in the order drawn.
   *
   * @return the joinings, read-only
   */
  public List<Joining> joinings() {
    return Collections.unmodifiableList(joinings);
  }

  /**
   * The prosecutor's office of a site.
   *
   * @param site the site
   * @return the office
   */
  public AgencyId office(SiteId site) {
    return siteOffices.get(site);
  }

  /**
   * The site lead of a site.
   *
   * @param site the site
   * @return the lead
   */
  public Optional<MemberId> siteLead(SiteId site) {
    return Optional.ofNullable(siteLeads.get(site));
  }

  /**
   * The program advisors.
   *
   * @return the advisors, read-only
   */
  public List<MemberId> advisors() {
    return Collections.unmodifiableList(advisors);
  }

  /**
   * The community's coordinator, who records the program's own events.
   *
   * @return the coordinator
   */
  public MemberId coordinator() {
    return coordinator;
  }
}
