package org.pcop.samples.cli.folder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pcop.io.document.CommunityDocument;
import org.pcop.io.eventlog.KnownIds;
import org.pcop.model.ActivityId;
import org.pcop.model.Agency;
import org.pcop.model.AgencyId;
import org.pcop.model.Community;
import org.pcop.model.CommunityId;
import org.pcop.model.InvalidValueException;
import org.pcop.model.Member;
import org.pcop.model.MemberId;
import org.pcop.model.Program;
import org.pcop.model.Site;
import org.pcop.model.SiteId;
import org.pcop.model.activity.ActivityKind;
import org.pcop.model.activity.Exchange;
import org.pcop.model.activity.RequestForInformation;
import org.pcop.model.event.AgencyRegistered;
import org.pcop.model.event.EngagementLevelChanged;
import org.pcop.model.event.MemberEnrolled;
import org.pcop.model.event.PcopEvent;
import org.pcop.model.event.SiteRegistered;
import org.pcop.model.taxonomy.Taxonomy;
import org.pcop.rules.EngagementRecord;

/**
 * The state of a data folder's community: its frame and the engagement record built by replaying
 * its log, plus what the record does not list (agencies and members in the order they were first
 * registered, every level change with its time). Not thread-safe.
 */
public final class CommunityState {
  private final CommunityDocument frame;
  private final EngagementRecord record;
  private final Map<SiteId, Site> sites = new LinkedHashMap<>();
  private final Map<AgencyId, Agency> agencies = new LinkedHashMap<>();
  private final Map<MemberId, Member> members = new LinkedHashMap<>();
  private final List<EngagementLevelChanged> levelChanges = new ArrayList<>();
  private long eventCount;
  private Optional<Instant> lastEventAt = Optional.empty();
  private Optional<Instant> firstEventAt = Optional.empty();

  /**
   * An empty state of the frame's community.
   *
   * @param frame the program, community and taxonomies
   */
  public CommunityState(CommunityDocument frame) {
    this.frame = frame;
    this.record = EngagementRecord.of(frame.getCommunities());
  }

  /**
   * The state of a data folder, from its whole log.
   *
   * @param folder the folder
   * @return the state
   * @throws DataFolderException if a stored event cannot be read or does not fit
   */
  public static CommunityState replay(DataFolder folder) {
    return replay(folder, Optional.empty());
  }

  /**
   * The state of a data folder as it was at an instant: from the events of its log that had
   * occurred by then, as if the log had been cut there. Everything read from the state (counts,
   * members, levels, the record the rules evaluate) is then what the log said at that instant.
   *
   * @param folder the folder
   * @param until the instant, inclusive; empty for the whole log
   * @return the state
   * @throws DataFolderException if a stored event cannot be read or does not fit
   */
  public static CommunityState replay(DataFolder folder, Optional<Instant> until) {
    CommunityState state = new CommunityState(folder.frame());
    folder.forEachEvent(event -> {
      if (until.isPresent() && event.getOccurredAt().isAfter(until.get())) {
        return;
      }
      try {
        state.apply(event);
      } catch (InvalidValueException e) {
        throw new DataFolderException("the stored event " + event.getEventId() + " at position "
            + (state.eventCount() + 1) + " does not fit the community: " + e.getMessage(), e);
      }
    });
    return state;
  }

  /**
   * Applies the next event of the log.
   *
   * @param event the event
   * @throws InvalidValueException if it does not fit the record; the state is then unchanged
   */
  public void apply(PcopEvent event) {
    record.apply(event);
    eventCount++;
    lastEventAt = Optional.of(lastEventAt.filter(t -> t.isAfter(event.getOccurredAt()))
        .orElse(event.getOccurredAt()));
    firstEventAt = Optional.of(firstEventAt.filter(t -> t.isBefore(event.getOccurredAt()))
        .orElse(event.getOccurredAt()));
    if (event instanceof SiteRegistered) {
      Site site = ((SiteRegistered) event).getSite();
      sites.put(site.getId(), site);
    } else if (event instanceof AgencyRegistered) {
      Agency agency = ((AgencyRegistered) event).getAgency();
      agencies.put(agency.getId(), agency);
    } else if (event instanceof MemberEnrolled) {
      Member member = ((MemberEnrolled) event).getMember();
      members.put(member.getId(), member);
    } else if (event instanceof EngagementLevelChanged) {
      levelChanges.add((EngagementLevelChanged) event);
    }
  }

  /**
   * The frame: program, community and taxonomies.
   *
   * @return the frame
   */
  public CommunityDocument frame() {
    return frame;
  }

  /**
   * The community of the folder.
   *
   * @return the community
   */
  public Community community() {
    return frame.getCommunities().get(0);
  }

  /**
   * The engagement record the rules read.
   *
   * @return the record
   */
  public EngagementRecord record() {
    return record;
  }

  /**
   * The registered sites, in order of registration.
   *
   * @return the sites, read-only
   */
  public Map<SiteId, Site> sites() {
    return Collections.unmodifiableMap(sites);
  }

  /**
   * The registered agencies, in order of registration.
   *
   * @return the agencies, read-only
   */
  public Map<AgencyId, Agency> agencies() {
    return Collections.unmodifiableMap(agencies);
  }

  /**
   * The enrolled members in their latest form, in order of first enrolment.
   *
   * @return the members, read-only
   */
  public Map<MemberId, Member> members() {
    return Collections.unmodifiableMap(members);
  }

  /**
   * Every level change of the log, in log order.
   *
   * @return the level changes, read-only
   */
  public List<EngagementLevelChanged> levelChanges() {
    return Collections.unmodifiableList(levelChanges);
  }

  /**
   * How many events were applied.
   *
   * @return the count
   */
  public long eventCount() {
    return eventCount;
  }

  /**
   * The earliest time any applied event occurred at.
   *
   * @return the time, empty for an empty log
   */
  public Optional<Instant> firstEventAt() {
    return firstEventAt;
  }

  /**
   * The latest time any applied event occurred at.
   *
   * @return the time, empty for an empty log
   */
  public Optional<Instant> lastEventAt() {
    return lastEventAt;
  }

  /**
   * What exists in the log so far, for checking that the references of events or roster rows
   * added to it resolve: members, agencies, sites, activities, exchanges, requests for
   * information and the topics of the community's taxonomy.
   *
   * @return the known ids
   */
  public KnownIds knownIds() {
    CommunityId id = community().getId();
    List<ActivityId> activities = new ArrayList<>();
    for (ActivityKind kind : ActivityKind.values()) {
      record.activities(id, kind, Instant.MIN, Instant.MAX)
          .forEach(a -> activities.add(a.getId()));
    }
    KnownIds known = KnownIds.none().withMembers(members.keySet())
        .withAgencies(agencies.keySet()).withSites(sites.keySet()).withActivities(activities)
        .withExchanges(record.exchanges(id).stream().map(Exchange::getId).toList())
        .withRequests(record.rfis(id).stream().map(RequestForInformation::getId).toList());
    Map<AgencyId, SiteId> agencySites = new LinkedHashMap<>();
    agencies.forEach((agency, a) -> a.getSite().ifPresent(site -> agencySites.put(agency, site)));
    known = known.withAgencySites(agencySites);
    Optional<Taxonomy> taxonomy = record.taxonomy(id);
    return taxonomy.isPresent() ? known.withTaxonomy(taxonomy.get()) : known;
  }

  /**
   * The community as a document: the frame with the sites, agencies, members and memberships
   * of the log and the community's current taxonomy.
   *
   * @return the document
   * @throws InvalidValueException if the log's community does not make a valid document
   */
  public CommunityDocument document() {
    Community community = community();
    List<Taxonomy> taxonomies = new ArrayList<>(frame.getTaxonomies());
    record.taxonomy(community.getId())
        .filter(t -> taxonomies.stream().noneMatch(f -> f.getId().equals(t.getId())
            && f.getVersion() == t.getVersion()))
        .ifPresent(taxonomies::add);
    Program program = Program.builder().from(frame.getProgram()).sites(sites.keySet()).build();
    return CommunityDocument.builder().program(program).sites(sites.values())
        .agencies(agencies.values()).members(members.values())
        .communities(frame.getCommunities())
        .memberships(record.memberships(community.getId())).taxonomies(taxonomies).build();
  }
}
