package org.pcop.rules;

import org.pcop.model.CommunityId;
import org.pcop.model.ExchangeId;
import org.pcop.model.InvalidValueException;
import org.pcop.model.MemberId;
import org.pcop.model.RfiId;
import org.pcop.model.SiteId;
import org.pcop.model.taxonomy.CoreAreaId;
import org.pcop.model.taxonomy.TopicId;

/**
 * What one rule result is about: a membership, a site, an exchange, a request for information,
 * a core area, a topic or a whole community. Subjects order by kind, then by id, which gives
 * evaluation results their stable order.
 *
 * @param kind the kind of subject
 * @param id the subject's identifier, for a membership {@code member@community}
 */
public record Subject(SubjectKind kind, String id) implements Comparable<Subject> {
  /**
   * Creates the subject.
   *
   * @throws InvalidValueException if {@code kind} or {@code id} is null or the id is blank
   */
  public Subject {
    if (kind == null || id == null || id.isBlank()) {
      InvalidValueException.check(kind != null, "Subject", "kind", "must not be null");
      InvalidValueException.check(id != null && !id.isBlank(), "Subject", "id",
          "must not be blank");
    }
  }

  /**
   * The membership of {@code member} in {@code community}.
   *
   * @param member the member
   * @param community the community
   * @return the subject
   */
  public static Subject membership(MemberId member, CommunityId community) {
    return new Subject(SubjectKind.MEMBERSHIP, member.value() + "@" + community.value());
  }

  /**
   * A whole community.
   *
   * @param community the community
   * @return the subject
   */
  public static Subject community(CommunityId community) {
    return new Subject(SubjectKind.COMMUNITY, community.value());
  }

  /**
   * A site.
   *
   * @param site the site
   * @return the subject
   */
  public static Subject site(SiteId site) {
    return new Subject(SubjectKind.SITE, site.value());
  }

  /**
   * An exchange.
   *
   * @param exchange the exchange
   * @return the subject
   */
  public static Subject exchange(ExchangeId exchange) {
    return new Subject(SubjectKind.EXCHANGE, exchange.value());
  }

  /**
   * A request for information.
   *
   * @param rfi the request
   * @return the subject
   */
  public static Subject rfi(RfiId rfi) {
    return new Subject(SubjectKind.RFI, rfi.value());
  }

  /**
   * A core area.
   *
   * @param coreArea the core area
   * @return the subject
   */
  public static Subject coreArea(CoreAreaId coreArea) {
    return new Subject(SubjectKind.CORE_AREA, coreArea.value());
  }

  /**
   * A topic.
   *
   * @param topic the topic
   * @return the subject
   */
  public static Subject topic(TopicId topic) {
    return new Subject(SubjectKind.TOPIC, topic.value());
  }

  @Override
  public int compareTo(Subject other) {
    int byKind = kind.compareTo(other.kind);
    return byKind != 0 ? byKind : id.compareTo(other.id);
  }

  @Override
  public String toString() {
    return kind.name().toLowerCase(java.util.Locale.ROOT) + " " + id;
  }
}
