package org.pcop.io.document;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import org.pcop.io.internal.DocumentRules;
import org.pcop.model.Agency;
import org.pcop.model.Community;
import org.pcop.model.InvalidValueException;
import org.pcop.model.Member;
import org.pcop.model.Membership;
import org.pcop.model.Program;
import org.pcop.model.Site;
import org.pcop.model.taxonomy.Taxonomy;
import org.pcop.rules.definition.RuleSet;

/**
 * A whole community of practice as one value: the program, its sites, agencies, members,
 * communities, memberships, the taxonomy versions the communities use and, optionally, their
 * engagement rule set. Ids are unique within each list and every reference (a member's agency, a
 * membership's community, a community's taxonomy, a rule's community, ...) names something the
 * document holds; the builder refuses anything else, naming the first reference at fault.
 */
@Value.Immutable
public interface CommunityDocument {
  /**
   * The program.
   *
   * @return the program
   */
  Program getProgram();

  /**
   * The sites of the program.
   *
   * @return the sites
   */
  List<Site> getSites();

  /**
   * The agencies (prosecutors' offices).
   *
   * @return the agencies
   */
  List<Agency> getAgencies();

  /**
   * The members.
   *
   * @return the members
   */
  List<Member> getMembers();

  /**
   * The communities of practice.
   *
   * @return the communities
   */
  List<Community> getCommunities();

  /**
   * The memberships of members in communities.
   *
   * @return the memberships
   */
  List<Membership> getMemberships();

  /**
   * The taxonomy versions the communities classify their work by.
   *
   * @return the taxonomies
   */
  List<Taxonomy> getTaxonomies();

  /**
   * The engagement rule set of the communities, if the document carries one; each rule governs
   * one of the document's communities.
   *
   * @return the rule set
   */
  Optional<RuleSet> getRuleSet();

  /** Refuses duplicate ids and references to what the document does not hold. */
  @Value.Check
  default void check() {
    DocumentRules.check(getProgram(), getSites(), getAgencies(), getMembers(), getCommunities(),
        getMemberships(), getTaxonomies(), getRuleSet(), (path, message) -> {
          throw new InvalidValueException("CommunityDocument." + path + ": " + message);
        });
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static ImmutableCommunityDocument.Builder builder() {
    return ImmutableCommunityDocument.builder();
  }
}
