package org.pcop.rules.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.pcop.model.ExchangeId;
import org.pcop.model.Membership;
import org.pcop.model.SiteId;
import org.pcop.model.activity.Activity;

/**
 * Copies a record's {@link RecordTables} to the {@link RecordState} a snapshot keeps (the state
 * that is not derived from the rest) and builds tables again from one, deriving the indexes as
 * the events built them.
 */
final class RecordStates {
  private RecordStates() {}

  static RecordState export(RecordTables t) {
    RecordState s = new RecordState();
    s.communities.addAll(t.communities.values());
    s.deactivated.addAll(t.deactivated);
    s.agencies.addAll(t.agencies.values());
    s.sites.addAll(t.sites.values());
    s.taxonomies.putAll(t.taxonomies);
    t.memberships.values().forEach(byMember -> s.memberships.addAll(byMember.values()));
    t.sponsored.forEach((sponsor, members) -> s.sponsored.put(sponsor,
        new ArrayList<>(members)));
    for (int i = 0; i < t.activities.size(); i++) {
      s.activities.add(t.activities.at(i));
    }
    s.exchanges.addAll(t.exchanges.values());
    t.exchangesByHost.forEach((community, bySite) -> {
      Map<SiteId, List<ExchangeId>> copy = new LinkedHashMap<>();
      bySite.forEach((site, ids) -> copy.put(site, new ArrayList<>(ids)));
      s.exchangesByHost.put(community, copy);
    });
    s.rfis.addAll(t.rfis.values());
    s.upheldFlags.putAll(t.upheldFlags);
    t.levels.forEach((community, byMember) ->
        s.levels.put(community, new LinkedHashMap<>(byMember)));
    for (MemberSlot slot : t.members.all()) {
      RecordState.Slot out = new RecordState.Slot();
      out.id = slot.id;
      out.member = slot.member;
      out.version = slot.version;
      if (slot.firstCommunity != null) {
        out.logCommunities.add(slot.firstCommunity);
        out.logs.add(slot.firstLog);
      }
      if (slot.otherLogs != null) {
        slot.otherLogs.forEach((community, log) -> {
          out.logCommunities.add(community);
          out.logs.add(log);
        });
      }
      out.upheld = slot.upheld == null ? new long[0]
          : java.util.Arrays.copyOf(slot.upheld, slot.upheldCount);
      if (slot.contributions != null) {
        slot.contributions.forEach((community, log) -> {
          out.contributionCommunities.add(community);
          out.contributions.add(log);
        });
      }
      s.slots.add(out);
    }
    t.matrices.forEach((community, matrix) -> s.matrices.put(community, matrix.export()));
    s.agencyNumbers.addAll(t.activities.agencyNumbering());
    s.counterparties.addAll(t.counterparties.values());
    s.topics.addAll(t.topics.values());
    s.exchangeNumbers.addAll(t.exchangeNumbers.values());
    new java.util.TreeMap<>(t.opportunities).forEach((community, log) -> {
      s.opportunityCommunities.add(community);
      s.opportunityLogs.add(log);
    });
    s.linkVersion = t.activities.linkVersion();
    s.agencyVersion = t.agencyVersion;
    s.events = t.events;
    return s;
  }

  static RecordTables restore(RecordState s) {
    RecordTables t = new RecordTables(s.communities);
    t.deactivated.addAll(s.deactivated);
    s.agencies.forEach(agency -> t.agencies.put(agency.getId(), agency));
    s.sites.forEach(site -> t.sites.put(site.getId(), site));
    t.taxonomies.putAll(s.taxonomies);
    for (RecordState.Slot in : s.slots) {
      MemberSlot slot = t.members.slot(in.id);
      slot.member = in.member;
      slot.version = in.version;
      for (int i = 0; i < in.logs.size(); i++) {
        if (i == 0) {
          slot.firstCommunity = in.logCommunities.get(0);
          slot.firstLog = in.logs.get(0);
        } else {
          if (slot.otherLogs == null) {
            slot.otherLogs = new HashMap<>();
          }
          slot.otherLogs.put(in.logCommunities.get(i), in.logs.get(i));
        }
      }
      for (long instant : in.upheld) {
        slot.uphold(instant);
      }
      for (int i = 0; i < in.contributions.size(); i++) {
        if (slot.contributions == null) {
          slot.contributions = new HashMap<>(2);
        }
        slot.contributions.put(in.contributionCommunities.get(i), in.contributions.get(i));
      }
    }
    for (Membership m : s.memberships) {
      t.memberships.computeIfAbsent(m.getCommunity(), c -> new TreeMap<>())
          .put(m.getMember(), m);
      t.members.slot(m.getMember()).setMembership(m.getCommunity(), m);
      t.byRole.computeIfAbsent(m.getCommunity(), c -> new HashMap<>())
          .computeIfAbsent(m.getRole(), role -> new TreeSet<>()).add(m.getMember());
    }
    s.sponsored.forEach((sponsor, members) -> t.sponsored.put(sponsor, new TreeSet<>(members)));
    for (Activity activity : s.activities) {
      t.activities.add(activity);
    }
    s.exchanges.forEach(exchange -> t.exchanges.put(exchange.getId(), exchange));
    s.exchangesByHost.forEach((community, bySite) -> {
      Map<SiteId, List<ExchangeId>> copy = new HashMap<>();
      bySite.forEach((site, ids) -> copy.put(site, new ArrayList<>(ids)));
      t.exchangesByHost.put(community, copy);
    });
    s.rfis.forEach(rfi -> t.rfis.put(rfi.getId(), rfi));
    t.upheldFlags.putAll(s.upheldFlags);
    s.levels.forEach((community, byMember) -> t.levels.put(community, new HashMap<>(byMember)));
    s.matrices.forEach((community, matrix) -> t.matrices.put(community,
        SiteAreaCounts.restore(matrix)));
    t.activities.restoreAgencyNumbering(s.agencyNumbers, s.linkVersion);
    s.counterparties.forEach(t.counterparties::number);
    s.topics.forEach(t.topics::number);
    s.exchangeNumbers.forEach(t.exchangeNumbers::number);
    for (int i = 0; i < s.opportunityCommunities.size(); i++) {
      t.opportunities.put(s.opportunityCommunities.get(i), s.opportunityLogs.get(i));
    }
    t.agencyVersion = s.agencyVersion;
    t.events = s.events;
    t.rebuildSuggestionTables();
    return t;
  }
}
