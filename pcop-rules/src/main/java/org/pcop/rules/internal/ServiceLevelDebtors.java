package org.pcop.rules.internal;

import java.util.Set;
import java.util.TreeSet;
import org.pcop.model.CommunityId;
import org.pcop.model.MemberId;
import org.pcop.model.MembershipRole;
import org.pcop.model.MembershipStatus;
import org.pcop.model.activity.ApproverRole;
import org.pcop.model.activity.Exchange;
import org.pcop.model.activity.RequestForInformation;
import org.pcop.model.ExchangeId;
import org.pcop.model.RfiId;
import org.pcop.rules.EngagementRecord;
import org.pcop.rules.Subject;
import org.pcop.rules.SubjectKind;
import org.pcop.rules.definition.ServiceLevelKind;

/**
 * Who owes the action a service level times, as {@link ServiceLevelKind} documents it: the asker
 * for an acceptance or a closure, the requester for a follow-up report, the approvers still to
 * approve for an exchange approval, and the community's subject-matter experts (other than the
 * asker) for a first response. Members picked by their role count only while their membership is
 * active. Read from the record when a warning is acted on, never during evaluation, so that role
 * changes leave evaluations as they are.
 */
public final class ServiceLevelDebtors {
  private ServiceLevelDebtors() {}

  /**
   * Who owes the action of {@code obligation} for {@code subject}, as {@code record} stands.
   *
   * @param obligation what is timed
   * @param subject the request or exchange
   * @param record the record
   * @return the members, in id order; empty if the subject is not in the record
   */
  public static Set<MemberId> of(ServiceLevelKind obligation, Subject subject,
      EngagementRecord record) {
    if (subject.kind() == SubjectKind.RFI) {
      return record.rfi(RfiId.of(subject.id())).map(r -> ofRequest(obligation, r, record))
          .orElseGet(TreeSet::new);
    }
    if (subject.kind() == SubjectKind.EXCHANGE) {
      return record.exchange(ExchangeId.of(subject.id()))
          .map(x -> ofExchange(obligation, x, record)).orElseGet(TreeSet::new);
    }
    return new TreeSet<>();
  }

  private static Set<MemberId> ofRequest(ServiceLevelKind obligation, RequestForInformation rfi,
      EngagementRecord record) {
    Set<MemberId> owed = new TreeSet<>();
    if (obligation == ServiceLevelKind.RFI_FIRST_RESPONSE) {
      owed.addAll(active(record, rfi.getCommunity(), MembershipRole.SUBJECT_MATTER_EXPERT));
      owed.remove(rfi.getAskedBy());
    } else {
      owed.add(rfi.getAskedBy());
    }
    return owed;
  }

  private static Set<MemberId> ofExchange(ServiceLevelKind obligation, Exchange exchange,
      EngagementRecord record) {
    Set<MemberId> owed = new TreeSet<>();
    if (obligation == ServiceLevelKind.FOLLOW_UP_REPORT) {
      owed.add(exchange.getRequestedBy());
      return owed;
    }
    if (exchange.approval(ApproverRole.PROGRAM_ADVISOR).isEmpty()) {
      owed.addAll(active(record, exchange.getCommunity(), MembershipRole.PROGRAM_ADVISOR));
    }
    if (exchange.approval(ApproverRole.HOST_SITE_LEAD).isEmpty()) {
      for (MemberId lead : active(record, exchange.getCommunity(), MembershipRole.SITE_LEAD)) {
        if (record.siteOf(lead).filter(exchange.getHostSite()::equals).isPresent()) {
          owed.add(lead);
        }
      }
    }
    return owed;
  }

  private static Set<MemberId> active(EngagementRecord record, CommunityId community,
      MembershipRole role) {
    Set<MemberId> members = new TreeSet<>();
    for (MemberId member : record.membersWithRole(community, role)) {
      boolean active = record.membership(member, community)
          .filter(m -> m.getStatus() == MembershipStatus.ACTIVE).isPresent();
      if (active && !record.isDeactivated(member)) {
        members.add(member);
      }
    }
    return members;
  }
}
