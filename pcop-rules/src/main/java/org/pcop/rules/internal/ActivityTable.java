package org.pcop.rules.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.pcop.model.ActivityId;
import org.pcop.model.AgencyId;
import org.pcop.model.CommunityId;
import org.pcop.model.ExchangeId;
import org.pcop.model.SiteId;
import org.pcop.model.activity.Activity;
import org.pcop.model.activity.ActivityKind;
import org.pcop.model.activity.Exchange;

/**
 * A record's activities by index (the number participation logs store), with each one's host
 * site as an interned number and the interned agencies of the exchange it carried out, found on
 * first use and forgotten when an exchange an activity names is requested late.
 */
public final class ActivityTable {
  private static final int[] NO_AGENCIES = new int[0];
  private static final int[] NO_ACTIVITIES = NO_AGENCIES;

  private final Map<ExchangeId, Exchange> exchanges;
  private final List<Activity> activities = new ArrayList<>();
  private final Map<ActivityId, Integer> indexes = new HashMap<>();
  private final Map<CommunityId, TreeMap<Instant, List<Integer>>> byStart = new HashMap<>();
  /** The indexes of the activities that carried out each exchange, in recording order. */
  private final Map<ExchangeId, int[]> carriedOut = new HashMap<>();
  private final Numbering<SiteId> siteNumbers = new Numbering<>();
  private final Numbering<AgencyId> agencyNumbers = new Numbering<>();
  private int[] hostSites = new int[16];
  private int[][] exchangeAgencies = new int[16][];
  private long linkVersion;

  /** A table that reads exchanges from the record's map of them. */
  ActivityTable(Map<ExchangeId, Exchange> exchanges) {
    this.exchanges = exchanges;
  }

  /** Adds an activity not yet recorded, at the next index. */
  void add(Activity activity) {
    int index = activities.size();
    indexes.put(activity.getId(), index);
    if (hostSites.length == index) {
      hostSites = Arrays.copyOf(hostSites, index * 2);
      exchangeAgencies = Arrays.copyOf(exchangeAgencies, index * 2);
    }
    hostSites[index] = activity.getHostSite().map(siteNumbers::number).orElse(-1);
    activities.add(activity);
    byStart.computeIfAbsent(activity.getCommunity(), c -> new TreeMap<>())
        .computeIfAbsent(activity.getStartsAt(), s -> new ArrayList<>(1)).add(index);
    activity.getExchange().ifPresent(exchange -> carriedOut.merge(exchange, new int[] {index},
        (known, added) -> {
          int[] grown = Arrays.copyOf(known, known.length + 1);
          grown[known.length] = index;
          return grown;
        }));
  }

  /** Whether an activity recorded carried out the exchange. */
  boolean carriesOut(ExchangeId exchange) {
    return carriedOut.containsKey(exchange);
  }

  /**
   * Whether an activity recorded as carrying out the exchange passes an activity-kind and a
   * series filter.
   *
   * @param exchange the exchange
   * @param kind the kind, or null for any
   * @param series the series, or null for any
   * @return true if one of its activities passes both
   */
  public boolean carriedOutIn(ExchangeId exchange, ActivityKind kind, String series) {
    for (int index : carriedOut.getOrDefault(exchange, NO_ACTIVITIES)) {
      if (in(activities.get(index), kind, series)) {
        return true;
      }
    }
    return false;
  }

  /** Forgets the agencies found for activities: an exchange they name has changed. */
  void linksChanged() {
    Arrays.fill(exchangeAgencies, null);
    linkVersion++;
  }

  /**
   * The activity at an index.
   *
   * @param index the index, as stored in logs
   * @return the activity
   */
  public Activity at(int index) {
    return activities.get(index);
  }

  /**
   * How many activities are recorded; indexes run from 0 to this minus 1.
   *
   * @return the count
   */
  public int size() {
    return activities.size();
  }

  /**
   * The index of an activity.
   *
   * @param activity the activity
   * @return the index, -1 if unknown
   */
  public int indexOf(ActivityId activity) {
    return indexes.getOrDefault(activity, -1);
  }

  /**
   * The activity, if recorded.
   *
   * @param id the activity
   * @return the activity
   */
  public Optional<Activity> find(ActivityId id) {
    Integer index = indexes.get(id);
    return index == null ? Optional.empty() : Optional.of(activities.get(index));
  }

  /**
   * The community's activities of {@code kind} starting in [{@code from}, {@code to}), oldest
   * first.
   *
   * @param community the community
   * @param kind the kind
   * @param from the first instant, inclusive
   * @param to the last instant, exclusive
   * @return the activities, a new list
   */
  public List<Activity> starting(CommunityId community, ActivityKind kind, Instant from,
      Instant to) {
    return starting(community, kind, null, from, to);
  }

  /**
   * The community's activities of {@code kind} (any kind if null) in {@code series} (any activity
   * if null) starting in [{@code from}, {@code to}), oldest first.
   *
   * @param community the community
   * @param kind the kind, or null
   * @param series the series, or null
   * @param from the first instant, inclusive
   * @param to the last instant, exclusive
   * @return the activities, a new list
   */
  public List<Activity> starting(CommunityId community, ActivityKind kind, String series,
      Instant from, Instant to) {
    List<Activity> found = new ArrayList<>();
    TreeMap<Instant, List<Integer>> starts = byStart.get(community);
    if (starts == null || !from.isBefore(to)) {
      return found;
    }
    for (List<Integer> at : starts.subMap(from, true, to, false).values()) {
      for (int index : at) {
        if (in(activities.get(index), kind, series)) {
          found.add(activities.get(index));
        }
      }
    }
    return found;
  }

  /**
   * Whether an activity passes an activity-kind and a series filter.
   *
   * @param activity the activity
   * @param kind the kind, or null for any
   * @param series the series, or null for any
   * @return true if it passes both
   */
  public static boolean in(Activity activity, ActivityKind kind, String series) {
    return (kind == null || activity.getKind() == kind)
        && (series == null || series.equals(activity.getSeries().orElse(null)));
  }

  /**
   * The interned host site of the activity at an index.
   *
   * @param index the activity's index
   * @return the site's number, -1 without host site
   */
  public int hostSite(int index) {
    return hostSites[index];
  }

  /**
   * The interned agencies (host and visiting) of the exchange the activity at an index carried
   * out.
   *
   * @param index the activity's index
   * @return the agencies' numbers, ascending; empty without a known exchange
   */
  public int[] exchangeAgencies(int index) {
    int[] found = exchangeAgencies[index];
    if (found == null) {
      found = agenciesOf(activities.get(index));
      exchangeAgencies[index] = found;
    }
    return found;
  }

  private int[] agenciesOf(Activity activity) {
    Optional<Exchange> exchange = activity.getExchange().map(exchanges::get);
    if (exchange.isEmpty()) {
      return NO_AGENCIES;
    }
    Set<Integer> numbers = new TreeSet<>();
    numbers.add(agencyNumbers.number(exchange.get().getHostAgency()));
    for (AgencyId visiting : exchange.get().getVisitingAgencies()) {
      numbers.add(agencyNumbers.number(visiting));
    }
    return numbers.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * The interned number of an agency.
   *
   * @param agency the agency
   * @return its number, -1 if no exchange looked at named it
   */
  public int agencyNumber(AgencyId agency) {
    return agencyNumbers.find(agency);
  }

  /** The agencies numbered so far, in number order, for a snapshot. */
  List<AgencyId> agencyNumbering() {
    return agencyNumbers.values();
  }

  /** Numbers agencies in the order given, as a snapshot kept them; for an empty table. */
  void restoreAgencyNumbering(List<AgencyId> agencies, long links) {
    for (AgencyId agency : agencies) {
      agencyNumbers.number(agency);
    }
    linkVersion = links;
  }

  /**
   * Changes whenever what an activity links to (its exchange's agencies) may have changed.
   *
   * @return the version
   */
  public long linkVersion() {
    return linkVersion;
  }
}
