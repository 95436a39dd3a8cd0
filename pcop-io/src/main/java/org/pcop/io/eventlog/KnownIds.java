package org.pcop.io.eventlog;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.pcop.model.ActivityId;
import org.pcop.model.AgencyId;
import org.pcop.model.ExchangeId;
import org.pcop.model.MemberId;
import org.pcop.model.RfiId;
import org.pcop.model.SiteId;
import org.pcop.model.taxonomy.Taxonomy;
import org.pcop.model.taxonomy.TopicId;

/**
 * What exists before a log begins, for {@link EventLogFormat#check(java.io.InputStream, KnownIds)}
 * to tell whether each event's references resolve: the members, agencies, sites, activities,
 * exchanges and requests for information a store already holds, and the topics of the
 * community's taxonomy. {@link #none()} is the start of a community: everything a log refers to
 * must be created earlier in the same log, and topics are not checked (a log does not carry its
 * taxonomy until a {@code taxonomy-changed} event). Immutable.
 */
public final class KnownIds {
  private static final KnownIds NONE = new KnownIds(Set.of(), Set.of(), Set.of(), Set.of(),
      Set.of(), Set.of(), Optional.empty(), Optional.empty());

  final Set<MemberId> members;
  final Set<AgencyId> agencies;
  final Set<SiteId> sites;
  final Set<ActivityId> activities;
  final Set<ExchangeId> exchanges;
  final Set<RfiId> requests;
  final Optional<Set<TopicId>> topics;
  /** The site of each agency that has one, when given; an agency left out has none. */
  final Optional<Map<AgencyId, SiteId>> agencySites;

  private KnownIds(Set<MemberId> members, Set<AgencyId> agencies, Set<SiteId> sites,
      Set<ActivityId> activities, Set<ExchangeId> exchanges, Set<RfiId> requests,
      Optional<Set<TopicId>> topics, Optional<Map<AgencyId, SiteId>> agencySites) {
    this.members = members;
    this.agencies = agencies;
    this.sites = sites;
    this.activities = activities;
    this.exchanges = exchanges;
    this.requests = requests;
    this.topics = topics;
    this.agencySites = agencySites;
  }

  /**
   * Nothing known yet: a log read from the start of a community.
   *
   * @return the empty set of known ids
   */
  public static KnownIds none() {
    return NONE;
  }

  private static <T> Set<T> copy(Collection<T> ids) {
    return Set.copyOf(Objects.requireNonNull(ids, "ids"));
  }

  /**
   * These ids with the members given.
   *
   * @param ids the members that exist
   * @return the new ids
   */
  public KnownIds withMembers(Collection<MemberId> ids) {
    return new KnownIds(copy(ids), agencies, sites, activities, exchanges, requests, topics, agencySites);
  }

  /**
   * These ids with the agencies given.
   *
   * @param ids the agencies that exist
   * @return the new ids
   */
  public KnownIds withAgencies(Collection<AgencyId> ids) {
    return new KnownIds(members, copy(ids), sites, activities, exchanges, requests, topics, agencySites);
  }

  /**
   * These ids with the sites given.
   *
   * @param ids the sites that exist
   * @return the new ids
   */
  public KnownIds withSites(Collection<SiteId> ids) {
    return new KnownIds(members, agencies, copy(ids), activities, exchanges, requests, topics, agencySites);
  }

  /**
   * These ids with the activities given.
   *
   * @param ids the activities that exist
   * @return the new ids
   */
  public KnownIds withActivities(Collection<ActivityId> ids) {
    return new KnownIds(members, agencies, sites, copy(ids), exchanges, requests, topics, agencySites);
  }

  /**
   * These ids with the exchanges given.
   *
   * @param ids the exchanges that exist
   * @return the new ids
   */
  public KnownIds withExchanges(Collection<ExchangeId> ids) {
    return new KnownIds(members, agencies, sites, activities, copy(ids), requests, topics, agencySites);
  }

  /**
   * These ids with the requests for information given.
   *
   * @param ids the requests that exist
   * @return the new ids
   */
  public KnownIds withRequests(Collection<RfiId> ids) {
    return new KnownIds(members, agencies, sites, activities, exchanges, copy(ids), topics, agencySites);
  }

  /**
   * Whether an agency exists.
   *
   * @param id the agency
   * @return true if it is known
   */
  public boolean hasAgency(AgencyId id) {
    return agencies.contains(id);
  }

  /**
   * Whether a site exists.
   *
   * @param id the site
   * @return true if it is known
   */
  public boolean hasSite(SiteId id) {
    return sites.contains(id);
  }

  /**
   * Whether a topic exists; true for every topic when no taxonomy was given.
   *
   * @param id the topic
   * @return true if it is in the taxonomy, or topics are not checked
   */
  public boolean hasTopic(TopicId id) {
    return topics.map(t -> t.contains(id)).orElse(true);
  }

  /**
   * These ids with the topics of a taxonomy, which topic references are then checked against.
   *
   * @param taxonomy the community's taxonomy
   * @return the new ids
   */
  public KnownIds withTaxonomy(Taxonomy taxonomy) {
    Set<TopicId> ids = new HashSet<>();
    taxonomy.getTopics().forEach(t -> ids.add(t.getId()));
    return new KnownIds(members, agencies, sites, activities, exchanges, requests,
        Optional.of(Set.copyOf(ids)), agencySites);
  }

  /**
   * These ids with the site of each agency, which a roster row's site is then checked against:
   * a row may name its agency's site or none.
   *
   * @param sites the site of each agency that has one; an agency left out has none
   * @return the new ids
   */
  public KnownIds withAgencySites(Map<AgencyId, SiteId> sites) {
    return new KnownIds(members, agencies, this.sites, activities, exchanges, requests, topics,
        Optional.of(Map.copyOf(Objects.requireNonNull(sites, "sites"))));
  }

  /**
   * Whether the agencies' sites were given ({@link #withAgencySites}), so that a site named
   * beside an agency is checked against {@link #siteOfAgency}.
   *
   * @return true if they were given
   */
  public boolean knowsAgencySites() {
    return agencySites.isPresent();
  }

  /**
   * The site of an agency, as given by {@link #withAgencySites}.
   *
   * @param id the agency
   * @return its site, or empty if it has none or the agencies' sites were not given
   */
  public Optional<SiteId> siteOfAgency(AgencyId id) {
    return agencySites.map(m -> m.get(id));
  }
}
