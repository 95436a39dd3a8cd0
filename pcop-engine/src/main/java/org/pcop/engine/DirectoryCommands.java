package org.pcop.engine;

import static org.pcop.engine.CommandPipeline.command;
import static org.pcop.engine.CommandPipeline.input;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.pcop.engine.CommandRefusedException.Reason;
import org.pcop.model.Agency;
import org.pcop.model.Community;
import org.pcop.model.Member;
import org.pcop.model.Site;
import org.pcop.model.event.AgencyRegistered;
import org.pcop.model.event.MemberDeactivated;
import org.pcop.model.event.MemberEnrolled;
import org.pcop.model.event.PcopEvent;
import org.pcop.model.event.SiteRegistered;
import org.pcop.model.event.TaxonomyChanged;
import org.pcop.model.taxonomy.Taxonomy;
import org.pcop.spi.ChangeMarker;
import org.pcop.spi.DirectoryChanges;
import org.pcop.spi.DirectoryEntry;
import org.pcop.spi.MemberDirectory;

/**
 * Commands on the community's reference data: sites, agencies, the taxonomy, and the host's member
 * directory.
 */
final class DirectoryCommands {
  private final CommandPipeline pipeline;
  private final Checks checks;
  private final Projection projection;
  private final Community community;
  private static final int PAGE = 1000;
  private final Optional<MemberDirectory> directory;

  DirectoryCommands(CommandPipeline pipeline, Checks checks, Projection projection,
      Community community, Optional<MemberDirectory> directory) {
    this.pipeline = pipeline;
    this.checks = checks;
    this.projection = projection;
    this.community = community;
    this.directory = directory;
  }

  CommandResult registerSite(CommandContext context, Site site) {
    return pipeline.run(context, command("site.register", input(site), Optional.empty(), site,
        (actor, ids, now) -> List.of(SiteRegistered.builder().eventId(ids.next()).actor(actor)
            .occurredAt(now).site(site).build())));
  }

  CommandResult registerAgency(CommandContext context, Agency agency) {
    return pipeline.run(context, command("agency.register", input(agency),
        Optional.empty(), agency, (actor, ids, now) -> {
      Checks.refuseIf(agency.getSite().filter(s -> projection.record().site(s).isEmpty())
          .map(s -> List.of("agency.site: site " + s + " is not registered"))
          .orElse(List.of()));
      return List.of(AgencyRegistered.builder().eventId(ids.next()).actor(actor)
          .occurredAt(now).agency(agency).build());
    }));
  }

  CommandResult syncDirectory(CommandContext context) {
    return pipeline.run(context, command("directory.sync", input(), Optional.empty(), null,
        (actor, ids, now) -> {
      MemberDirectory source = directory.orElseThrow(() -> new CommandRefusedException(
          Reason.RULE, "directory.sync", List.of("no member directory is configured"), null));
      List<PcopEvent> events = new ArrayList<>();
      Optional<ChangeMarker> since = projection.directoryMarker();
      DirectoryChanges page;
      do {
        page = source.changesSince(since, PAGE);
        for (DirectoryEntry entry : page.getEntries()) {
          Member member = entry.getMember();
          Optional<Member> known = projection.record().member(member.getId());
          if (entry.isActive() && (known.isEmpty() || !known.get().equals(member))) {
            events.add(MemberEnrolled.builder().eventId(ids.next()).actor(actor)
                .occurredAt(now).member(member).build());
          } else if (!entry.isActive() && known.isPresent()
              && !projection.record().isDeactivated(member.getId())) {
            events.add(MemberDeactivated.builder().eventId(ids.next()).actor(actor)
                .occurredAt(now).member(member.getId()).build());
          }
        }
        since = Optional.of(page.getMarker());
      } while (page.hasMore());
      Optional<ChangeMarker> reached = since;
      reached.ifPresent(m -> ids.metadata.put(Projection.MARKER_KEY, m.value()));
      ids.whenNothingAppended = () -> projection.directoryMarker(reached);
      return events;
    }));
  }

  CommandResult changeTaxonomy(CommandContext context, Taxonomy taxonomy) {
    Objects.requireNonNull(taxonomy, "taxonomy");
    return pipeline.run(context, command("taxonomy.change", input(taxonomy),
        Optional.empty(), taxonomy, (actor, ids, now) -> {
      List<String> problems = new ArrayList<>();
      if (!taxonomy.getId().equals(community.getTaxonomy())) {
        problems.add("taxonomy.id: community " + community.getId() + " uses taxonomy "
            + community.getTaxonomy() + ", not " + taxonomy.getId());
      }
      projection.record().taxonomy(community.getId())
          .filter(current -> current.getVersion() > taxonomy.getVersion())
          .ifPresent(current -> problems.add("taxonomy.version: community " + community.getId()
              + " already uses version " + current.getVersion() + " of " + current.getId()
              + "; version " + taxonomy.getVersion() + " is older"));
      Checks.refuseIf(problems);
      return List.of(TaxonomyChanged.builder().eventId(ids.next()).actor(actor)
          .occurredAt(now).community(community.getId()).taxonomy(taxonomy).build());
    }));
  }
}
