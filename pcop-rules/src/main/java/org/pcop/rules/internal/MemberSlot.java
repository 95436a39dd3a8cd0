package org.pcop.rules.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.pcop.model.CommunityId;
import org.pcop.model.Member;
import org.pcop.model.MemberId;
import org.pcop.model.Membership;
import org.pcop.model.SiteId;

/**
 * What a record keeps per member in one place, so that one look-up finds it: the id as first
 * seen, the member as enrolled, the memberships and participation logs by community (most
 * members are in one, held in fields, the others in a map), and the version.
 */
final class MemberSlot {
  final MemberId id;
  /** The member as last enrolled, or null before enrolment. */
  Member member;
  /** The member's site, once asked for; null when not known. */
  SiteOf site;
  /** The member's membership of {@link #membershipCommunity}, and of any others. */
  CommunityId membershipCommunity;
  Membership membership;
  Map<CommunityId, Membership> otherMemberships;
  long version;
  CommunityId firstCommunity;
  ParticipationLog firstLog;
  Map<CommunityId, ParticipationLog> otherLogs;
  /** Instants (epoch seconds) of the upheld conduct flags in force, ascending. */
  long[] upheld;
  int upheldCount;
  /** Contributions by community, null until the first. */
  Map<CommunityId, ContributionLog> contributions;

  /** A member's site as of a count of agency registrations. */
  record SiteOf(long agencies, Optional<SiteId> site) {}

  MemberSlot(MemberId id) {
    this.id = id;
  }

  Membership membership(CommunityId community) {
    if (community.equals(membershipCommunity)) {
      return membership;
    }
    return otherMemberships == null ? null : otherMemberships.get(community);
  }

  void setMembership(CommunityId community, Membership changed) {
    if (membershipCommunity == null || community.equals(membershipCommunity)) {
      membershipCommunity = community;
      membership = changed;
    } else {
      if (otherMemberships == null) {
        otherMemberships = new HashMap<>();
      }
      otherMemberships.put(community, changed);
    }
  }

  ParticipationLog log(CommunityId community) {
    if (community.equals(firstCommunity)) {
      return firstLog;
    }
    return otherLogs == null ? null : otherLogs.get(community);
  }

  ParticipationLog logToAdd(CommunityId community) {
    ParticipationLog log = log(community);
    if (log != null) {
      return log;
    }
    log = new ParticipationLog();
    if (firstCommunity == null) {
      firstCommunity = community;
      firstLog = log;
    } else {
      if (otherLogs == null) {
        otherLogs = new HashMap<>();
      }
      otherLogs.put(community, log);
    }
    return log;
  }

  ContributionLog contributions(CommunityId community) {
    return contributions == null ? null : contributions.get(community);
  }

  ContributionLog contributionsToAdd(CommunityId community) {
    if (contributions == null) {
      contributions = new HashMap<>(2);
    }
    return contributions.computeIfAbsent(community, c -> new ContributionLog());
  }

  void uphold(long epochSecond) {
    if (upheld == null) {
      upheld = new long[2];
    } else if (upheldCount == upheld.length) {
      upheld = java.util.Arrays.copyOf(upheld, upheldCount * 2);
    }
    int position = upheldCount;
    while (position > 0 && upheld[position - 1] > epochSecond) {
      position--;
    }
    System.arraycopy(upheld, position, upheld, position + 1, upheldCount - position);
    upheld[position] = epochSecond;
    upheldCount++;
  }

  /** Withdraws the latest upheld flag, if any. */
  void dismissLatest() {
    if (upheldCount > 0) {
      upheldCount--;
    }
  }

  /** How many upheld flags in force fall in [{@code from}, {@code to}) epoch seconds. */
  int upheldBetween(long from, long to) {
    int n = 0;
    for (int i = 0; i < upheldCount; i++) {
      if (upheld[i] >= from && upheld[i] < to) {
        n++;
      }
    }
    return n;
  }
}
