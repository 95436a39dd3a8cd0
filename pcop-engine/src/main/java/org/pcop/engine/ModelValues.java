package org.pcop.engine;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.pcop.io.ReadLimits;
import org.pcop.io.json.PcopJsonModule;
import org.pcop.model.AgencyId;
import org.pcop.model.CommunityId;
import org.pcop.model.Member;
import org.pcop.model.MemberId;
import org.pcop.model.Membership;
import org.pcop.model.MembershipRole;
import org.pcop.model.MembershipStatus;
import org.pcop.model.StatusChange;
import org.pcop.model.taxonomy.TopicId;
import org.pcop.rules.RecordSnapshot;

/**
 * Writes the model values of the rules' record in a snapshot. Members and memberships, of which
 * a national community has tens of thousands, are written field by field in the snapshot's
 * binary form (a member with bar admissions as pcop-io JSON); every other type as one pcop-io
 * JSON array per type, read back through the model's builders. The snapshot's checksums guard
 * the bytes, so the reading limits are those of a document as large as the record, not of an
 * imported file.
 */
final class ModelValues implements RecordSnapshot.ValueCodec {
  private static final ObjectMapper MAPPER = PcopJsonModule.strictMapper(ReadLimits.builder()
      .maxDocumentLength(Integer.MAX_VALUE).maxTokenCount(Long.MAX_VALUE).build());
  private static final MembershipRole[] ROLES = MembershipRole.values();
  private static final MembershipStatus[] STATUSES = MembershipStatus.values();

  private final Map<Class<?>, ObjectWriter> writers = new ConcurrentHashMap<>();
  private final Map<Class<?>, ObjectReader> readers = new ConcurrentHashMap<>();

  private static JavaType listOf(Class<?> type) {
    return MAPPER.getTypeFactory().constructCollectionType(List.class, type);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> byte[] encode(Class<T> type, List<T> values) {
    if (type == Member.class) {
      return members((List<Member>) values);
    }
    if (type == Membership.class) {
      return memberships((List<Membership>) values);
    }
    try {
      return writers.computeIfAbsent(type, t -> MAPPER.writerFor(listOf(t)))
          .writeValueAsBytes(values);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + type.getSimpleName() + " values", e);
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> List<T> decode(Class<T> type, byte[] bytes) {
    if (type == Member.class) {
      return (List<T>) readMembers(bytes);
    }
    if (type == Membership.class) {
      return (List<T>) readMemberships(bytes);
    }
    try {
      return readers.computeIfAbsent(type, t -> MAPPER.readerFor(listOf(t))).readValue(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + type.getSimpleName() + " values: "
          + e.getMessage(), e);
    }
  }

  private static byte[] members(List<Member> members) {
    SnapshotBytes.Output out = new SnapshotBytes.Output();
    out.putInt(members.size());
    for (Member m : members) {
      if (!m.getBarAdmissions().isEmpty()) {
        out.putByte(1);
        try {
          out.putBytes(MAPPER.writeValueAsBytes(m));
        } catch (IOException e) {
          throw new UncheckedIOException("cannot write member " + m.getId(), e);
        }
        continue;
      }
      out.putByte(0);
      out.putString(m.getId().value());
      out.putString(m.getName());
      out.putString(m.getTitle().orElse(null));
      out.putString(m.getAgency().value());
      out.putString(m.getEmail());
      out.putString(m.getPhone().orElse(null));
      out.putInt(m.getExpertise().size());
      m.getExpertise().forEach(topic -> out.putString(topic.value()));
    }
    return out.finish();
  }

  private static List<Member> readMembers(byte[] bytes) {
    SnapshotBytes.Input in = new SnapshotBytes.Input(ByteBuffer.wrap(bytes));
    int count = in.count();
    List<Member> members = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      if (in.flag()) {
        try {
          members.add(MAPPER.readValue(in.bytes(), Member.class));
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read a member: " + e.getMessage(), e);
        }
        continue;
      }
      var member = Member.builder().id(MemberId.of(in.text("a member id")))
          .name(in.text("a member's name")).title(Optional.ofNullable(in.string()))
          .agency(AgencyId.of(in.text("a member's agency"))).email(in.text("a member's email"))
          .phone(Optional.ofNullable(in.string()));
      int topics = in.count();
      for (int t = 0; t < topics; t++) {
        member.addExpertise(TopicId.of(in.text("a topic")));
      }
      members.add(member.build());
    }
    in.end();
    return members;
  }

  private static byte[] memberships(List<Membership> memberships) {
    SnapshotBytes.Output out = new SnapshotBytes.Output();
    out.putInt(memberships.size());
    for (Membership m : memberships) {
      out.putString(m.getMember().value());
      out.putString(m.getCommunity().value());
      out.putByte(m.getRole().ordinal());
      out.putString(m.getSponsor().map(MemberId::value).orElse(null));
      out.putInt(m.getHistory().size());
      for (StatusChange change : m.getHistory()) {
        out.putByte(change.getStatus().ordinal());
        out.putInstant(change.getAt());
        out.putString(change.getReason().orElse(null));
      }
    }
    return out.finish();
  }

  private static List<Membership> readMemberships(byte[] bytes) {
    SnapshotBytes.Input in = new SnapshotBytes.Input(ByteBuffer.wrap(bytes));
    int count = in.count();
    List<Membership> memberships = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      var membership = Membership.builder().member(MemberId.of(in.text("a member id")))
          .community(CommunityId.of(in.text("a community id")))
          .role(ROLES[in.ordinal(ROLES.length, "a role")])
          .sponsor(Optional.ofNullable(in.string()).map(MemberId::of));
      int changes = in.count();
      for (int c = 0; c < changes; c++) {
        membership.addHistory(StatusChange.builder()
            .status(STATUSES[in.ordinal(STATUSES.length, "a status")]).at(in.instant())
            .reason(Optional.ofNullable(in.string())).build());
      }
      memberships.add(membership.build());
    }
    in.end();
    return memberships;
  }
}
