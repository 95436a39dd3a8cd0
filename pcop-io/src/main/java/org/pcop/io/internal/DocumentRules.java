package org.pcop.io.internal;

import java.util.Optional;
import org.pcop.rules.definition.Rule;
import org.pcop.rules.definition.RuleSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.pcop.model.Agency;
import org.pcop.model.AgencyId;
import org.pcop.model.Community;
import org.pcop.model.CommunityId;
import org.pcop.model.Member;
import org.pcop.model.MemberId;
import org.pcop.model.Membership;
import org.pcop.model.Program;
import org.pcop.model.Site;
import org.pcop.model.SiteId;
import org.pcop.model.taxonomy.Taxonomy;
import org.pcop.model.taxonomy.TaxonomyId;
import org.pcop.model.taxonomy.TopicId;

/**
 * The rules that hold across the parts of a community document: ids are unique within each list
 * and every reference names something the document holds. Each broken rule is reported with the
 * model path of the reference, such as {@code members[3].agency}; the rules of the rule set
 * govern communities the document holds.
 */
public final class DocumentRules {
  private DocumentRules() {}

  /**
   * Checks the parts of a document, reporting every broken rule.
   *
   * @param program the program
   * @param sites the sites
   * @param agencies the agencies
   * @param members the members
   * @param communities the communities
   * @param memberships the memberships
   * @param taxonomies the taxonomy versions
   * @param ruleSet the rule set, whose rules must govern the document's communities
   * @param report receives the path of each broken rule and what is wrong
   */
  public static void check(Program program, List<Site> sites, List<Agency> agencies,
      List<Member> members, List<Community> communities, List<Membership> memberships,
      List<Taxonomy> taxonomies, Optional<RuleSet> ruleSet, BiConsumer<String, String> report) {
    Set<SiteId> siteIds = unique("sites", sites, Site::getId, report);
    Set<AgencyId> agencyIds = unique("agencies", agencies, Agency::getId, report);
    Set<MemberId> memberIds = unique("members", members, Member::getId, report);
    Set<CommunityId> communityIds = unique("communities", communities, Community::getId, report);
    unique("memberships", memberships, m -> m.getMember() + " in " + m.getCommunity(), report);
    unique("taxonomies", taxonomies, t -> t.getId() + " version " + t.getVersion(), report);
    Set<TaxonomyId> taxonomyIds = new HashSet<>();
    Set<TopicId> topics = new HashSet<>();
    for (Taxonomy t : taxonomies) {
      taxonomyIds.add(t.getId());
      t.getTopics().forEach(topic -> topics.add(topic.getId()));
    }
    int i = 0;
    for (SiteId site : program.getSites()) {
      known(siteIds, site, "program.sites[" + i++ + "]", "site", "sites", report);
    }
    i = 0;
    for (CommunityId community : program.getCommunities()) {
      known(communityIds, community, "program.communities[" + i++ + "]", "community",
          "communities", report);
    }
    for (i = 0; i < agencies.size(); i++) {
      int at = i;
      agencies.get(i).getSite().ifPresent(site ->
          known(siteIds, site, "agencies[" + at + "].site", "site", "sites", report));
    }
    for (i = 0; i < members.size(); i++) {
      Member member = members.get(i);
      known(agencyIds, member.getAgency(), "members[" + i + "].agency", "agency", "agencies",
          report);
      int j = 0;
      for (TopicId topic : member.getExpertise()) {
        known(topics, topic, "members[" + i + "].expertise[" + j++ + "]", "topic",
            "topics of the taxonomies", report);
      }
    }
    for (i = 0; i < communities.size(); i++) {
      Community community = communities.get(i);
      if (!community.getProgram().equals(program.getId())) {
        report.accept("communities[" + i + "].program", "names program "
            + Texts.quote(community.getProgram().value()) + "; expected the document's program "
            + Texts.quote(program.getId().value()));
      }
      known(taxonomyIds, community.getTaxonomy(), "communities[" + i + "].taxonomy", "taxonomy",
          "taxonomies", report);
    }
    for (i = 0; i < memberships.size(); i++) {
      Membership membership = memberships.get(i);
      known(memberIds, membership.getMember(), "memberships[" + i + "].member", "member",
          "members", report);
      known(communityIds, membership.getCommunity(), "memberships[" + i + "].community",
          "community", "communities", report);
      int at = i;
      membership.getSponsor().ifPresent(sponsor -> known(memberIds, sponsor,
          "memberships[" + at + "].sponsor", "member", "members", report));
    }
    if (ruleSet.isPresent()) {
      List<Rule> rules = ruleSet.get().getRules();
      for (i = 0; i < rules.size(); i++) {
        known(communityIds, rules.get(i).getCommunity(), "ruleSet.rules[" + i + "].community",
            "community", "communities", report);
      }
    }
  }

  private static <T, K> Set<K> unique(String list, List<T> values, Function<T, K> key,
      BiConsumer<String, String> report) {
    Set<K> seen = new HashSet<>();
    for (int i = 0; i < values.size(); i++) {
      K k = key.apply(values.get(i));
      if (!seen.add(k)) {
        report.accept(list + "[" + i + "]", "duplicate " + Texts.quote(String.valueOf(k))
            + "; expected each entry of " + list + " once");
      }
    }
    return seen;
  }

  private static <K> void known(Set<K> known, K id, String path, String what, String list,
      BiConsumer<String, String> report) {
    if (!known.contains(id)) {
      report.accept(path, "unknown " + what + " " + Texts.quote(String.valueOf(id))
          + "; expected the id of one of the document's " + list);
    }
  }
}
