package org.pcop.samples.cli.folder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import org.pcop.io.document.CommunityDocument;
import org.pcop.model.Agency;
import org.pcop.model.Community;
import org.pcop.model.Member;
import org.pcop.model.MemberId;
import org.pcop.model.Membership;
import org.pcop.model.Program;
import org.pcop.model.Site;
import org.pcop.model.StatusChange;
import org.pcop.model.event.AgencyRegistered;
import org.pcop.model.event.EventId;
import org.pcop.model.event.MemberEnrolled;
import org.pcop.model.event.MembershipChanged;
import org.pcop.model.event.PcopEvent;
import org.pcop.model.event.SiteRegistered;
import org.pcop.model.event.TaxonomyChanged;
import org.pcop.model.taxonomy.Taxonomy;

/**
 * Splits a community document into a data folder's frame and the events that register the rest:
 * sites, agencies, members, each membership's status history (one event per status, at its own
 * time) and the community's taxonomy. Replaying the events over the frame gives back the
 * document.
 */
public final class DocumentEvents {
  private DocumentEvents() {}

  /**
   * The frame of a one-community document: its program without sites, its community and its
   * taxonomies.
   *
   * @param document the document
   * @return the frame
   * @throws DataFolderException if the document has more than one community
   */
  public static CommunityDocument frame(CommunityDocument document) {
    if (document.getCommunities().size() != 1) {
      throw new DataFolderException("the document has " + document.getCommunities().size()
          + " communities; a data folder holds exactly one");
    }
    Program program = Program.builder().from(document.getProgram()).sites(List.of()).build();
    return CommunityDocument.builder().program(program)
        .communities(document.getCommunities()).taxonomies(document.getTaxonomies()).build();
  }

  /**
   * The events that register a document's content.
   *
   * @param document the document
   * @param actor who the events are recorded as
   * @param at when sites, agencies, members and the taxonomy are registered
   * @param ids gives each event its id
   * @return the events, registrations first, then memberships in order of time
   */
  public static List<PcopEvent> of(CommunityDocument document, MemberId actor, Instant at,
      Supplier<EventId> ids) {
    List<PcopEvent> events = new ArrayList<>();
    Community community = document.getCommunities().get(0);
    document.getTaxonomies().stream()
        .filter(t -> t.getId().equals(community.getTaxonomy()))
        .max(Comparator.comparingInt(Taxonomy::getVersion))
        .ifPresent(t -> events.add(TaxonomyChanged.builder().eventId(ids.get()).actor(actor)
            .occurredAt(at).community(community.getId()).taxonomy(t).build()));
    for (Site site : document.getSites()) {
      events.add(SiteRegistered.builder().eventId(ids.get()).actor(actor).occurredAt(at)
          .site(site).build());
    }
    for (Agency agency : document.getAgencies()) {
      events.add(AgencyRegistered.builder().eventId(ids.get()).actor(actor).occurredAt(at)
          .agency(agency).build());
    }
    for (Member member : document.getMembers()) {
      events.add(MemberEnrolled.builder().eventId(ids.get()).actor(actor).occurredAt(at)
          .member(member).build());
    }
    for (Membership membership : document.getMemberships()) {
      for (StatusChange change : membership.getHistory()) {
        events.add(MembershipChanged.builder().eventId(ids.get()).actor(actor)
            .occurredAt(change.getAt()).member(membership.getMember())
            .community(membership.getCommunity()).role(membership.getRole())
            .sponsor(membership.getSponsor()).status(change.getStatus())
            .reason(change.getReason()).build());
      }
    }
    return events;
  }
}
