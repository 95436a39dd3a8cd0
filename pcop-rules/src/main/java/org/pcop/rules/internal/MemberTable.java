package org.pcop.rules.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.pcop.model.MemberId;

/**
 * Finds a member's {@link MemberSlot} by id, or the id itself by its text (which spares
 * parsing a subject's member part again).
 */
final class MemberTable {
  private final Map<MemberId, MemberSlot> slots = new HashMap<>();
  private final Map<String, MemberId> ids = new HashMap<>();

  /** The member's slot, or null if no event named the member. */
  MemberSlot find(MemberId member) {
    return slots.get(member);
  }

  /** The member's slot, made on first use. */
  MemberSlot slot(MemberId member) {
    MemberSlot slot = slots.get(member);
    if (slot == null) {
      slot = new MemberSlot(member);
      slots.put(member, slot);
      ids.put(member.value(), member);
    }
    return slot;
  }

  /** Every slot, unordered. */
  java.util.Collection<MemberSlot> all() {
    return slots.values();
  }

  /** The member id known by its text. */
  Optional<MemberId> id(String value) {
    return Optional.ofNullable(ids.get(value));
  }
}
