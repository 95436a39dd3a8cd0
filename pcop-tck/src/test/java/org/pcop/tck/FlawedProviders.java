package org.pcop.tck;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pcop.model.Member;
import org.pcop.model.MemberId;
import org.pcop.spi.AccessPolicy;
import org.pcop.spi.AuditRecord;
import org.pcop.spi.AuditSink;
import org.pcop.spi.ChangeMarker;
import org.pcop.spi.DirectoryChanges;
import org.pcop.spi.HostUserId;
import org.pcop.spi.IdentityMapping;
import org.pcop.spi.MemberDirectory;
import org.pcop.spi.Notification;
import org.pcop.spi.NotificationSink;
import org.pcop.spi.memory.InMemoryMemberDirectory;

/**
 * The provider kits (all but the event store's) run against providers that break one guarantee
 * each. Not
 * tests by themselves: {@link KitCatchesFlawsTest} runs them through the JUnit launcher.
 */
final class FlawedProviders {
  private FlawedProviders() {}

  /** A directory that deletes people who leave instead of deactivating them. */
  static final class DeletingDirectory implements MemberDirectory {
    private InMemoryMemberDirectory current = InMemoryMemberDirectory.create();
    private final List<Member> staff = new ArrayList<>();

    synchronized void put(Member member) {
      staff.removeIf(m -> m.getId().equals(member.getId()));
      staff.add(member);
      current.put(member);
    }

    synchronized void delete(MemberId member) {
      staff.removeIf(m -> m.getId().equals(member));
      current = InMemoryMemberDirectory.create();
      staff.forEach(current::put);
    }

    @Override
    public synchronized DirectoryChanges changesSince(Optional<ChangeMarker> since,
        int maxCount) {
      return current.changesSince(since, maxCount);
    }
  }

  /** The directory kit against {@link DeletingDirectory}. */
  static class DeletesPeople extends MemberDirectoryCompatibilityKit {
    @Override
    protected MemberDirectory createDirectory() {
      return new DeletingDirectory();
    }

    @Override
    protected void putStaff(MemberDirectory directory, Member member) {
      ((DeletingDirectory) directory).put(member);
    }

    @Override
    protected void removeStaff(MemberDirectory directory, MemberId member) {
      ((DeletingDirectory) directory).delete(member);
    }
  }

  /** A sink that delivers every hand-over, so a retry reaches the recipients twice. */
  static final class DuplicatingSink implements NotificationSink {
    final List<Notification> delivered = new ArrayList<>();

    @Override
    public synchronized void deliver(Notification notification) {
      delivered.add(notification);
    }
  }

  /** The notification kit against {@link DuplicatingSink}. */
  static class DuplicatesNotifications extends NotificationSinkCompatibilityKit {
    @Override
    protected NotificationSink createSink() {
      return new DuplicatingSink();
    }

    @Override
    protected List<Notification> delivered(NotificationSink sink) {
      synchronized (sink) {
        return List.copyOf(((DuplicatingSink) sink).delivered);
      }
    }
  }

  /** An audit sink that keeps records sorted by time, losing the order they came in. */
  static final class SortingAuditSink implements AuditSink {
    final List<AuditRecord> kept = new ArrayList<>();

    @Override
    public synchronized void record(AuditRecord record) {
      kept.add(record);
      kept.sort(java.util.Comparator.comparing(AuditRecord::getAt));
    }
  }

  /** The audit kit against {@link SortingAuditSink}. */
  static class SortsAuditRecords extends AuditSinkCompatibilityKit {
    @Override
    protected AuditSink createSink() {
      return new SortingAuditSink();
    }

    @Override
    protected List<AuditRecord> recorded(AuditSink sink) {
      synchronized (sink) {
        return List.copyOf(((SortingAuditSink) sink).kept);
      }
    }
  }

  /** An audit sink with an unsynchronised list: records written at once get lost. */
  static final class RacingAuditSink implements AuditSink {
    final List<AuditRecord> kept = new ArrayList<>();

    @Override
    public void record(AuditRecord record) {
      int size;
      synchronized (this) {
        size = kept.size();
      }
      try {
        Thread.sleep(2); // the gap between reading and writing that a lost update needs
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      synchronized (this) {
        if (size < kept.size()) {
          kept.set(size, record); // lost update: overwrites what another thread just added
        } else {
          kept.add(record);
        }
      }
    }
  }

  /** The audit kit against {@link RacingAuditSink}. */
  static class RacesAuditRecords extends AuditSinkCompatibilityKit {
    @Override
    protected AuditSink createSink() {
      return new RacingAuditSink();
    }

    @Override
    protected List<AuditRecord> recorded(AuditSink sink) {
      synchronized (sink) {
        return List.copyOf(((RacingAuditSink) sink).kept);
      }
    }
  }

  /** An audit sink that drops every tenth record it is given. */
  static final class DroppingAuditSink implements AuditSink {
    final List<AuditRecord> kept = new ArrayList<>();
    private int given;

    @Override
    public synchronized void record(AuditRecord record) {
      if (++given % 10 != 0) {
        kept.add(record);
      }
    }
  }

  /** The audit kit against {@link DroppingAuditSink}. */
  static class DropsAuditRecords extends AuditSinkCompatibilityKit {
    @Override
    protected AuditSink createSink() {
      return new DroppingAuditSink();
    }

    @Override
    protected List<AuditRecord> recorded(AuditSink sink) {
      synchronized (sink) {
        return List.copyOf(((DroppingAuditSink) sink).kept);
      }
    }
  }

  /** A sink that accepts every notification and delivers none. */
  static final class SilentSink implements NotificationSink {
    @Override
    public void deliver(Notification notification) {
      // accepted, then lost
    }
  }

  /**
   * The notification kit against {@link SilentSink}; the vendor has no inbox to read, so the
   * required observation reports what it can see: nothing.
   */
  static class DeliversNothing extends NotificationSinkCompatibilityKit {
    @Override
    protected NotificationSink createSink() {
      return new SilentSink();
    }

    @Override
    protected List<Notification> delivered(NotificationSink sink) {
      return List.of();
    }
  }

  /** A policy that allows any action whose name starts with a granted one. */
  static final class PrefixPolicy implements AccessPolicy {
    private final java.util.Map<HostUserId, String> grants =
        new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<String, HostUserId> teams =
        new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public boolean allows(HostUserId user, String action,
        Optional<org.pcop.model.CommunityId> community) {
      String granted = grants.get(user);
      return granted != null && action.startsWith(granted);
    }

    @Override
    public boolean mayResolve(HostUserId user, org.pcop.model.CaseReference reference) {
      return user.equals(teams.get(reference.getHandle()));
    }
  }

  /** A policy that lets anyone who may resolve cases resolve every case. */
  static final class OverreachingPolicy implements AccessPolicy {
    private final java.util.Map<HostUserId, String> grants =
        new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<String, HostUserId> teams =
        new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public boolean allows(HostUserId user, String action,
        Optional<org.pcop.model.CommunityId> community) {
      return action.equals(grants.get(user));
    }

    @Override
    public boolean mayResolve(HostUserId user, org.pcop.model.CaseReference reference) {
      return user.equals(teams.get(reference.getHandle()))
          || "case.resolve".equals(grants.get(user));
    }
  }

  /** The policy kit against a policy class whose grants and teams live in two maps. */
  abstract static class PolicyKit extends AccessPolicyCompatibilityKit {
    private int next;

    abstract java.util.Map<HostUserId, String> grants(AccessPolicy policy);

    abstract java.util.Map<String, HostUserId> teams(AccessPolicy policy);

    @Override
    protected HostUserId userAllowedTo(AccessPolicy policy, String action) {
      HostUserId user = HostUserId.of("user-" + ++next);
      grants(policy).put(user, action);
      return user;
    }

    @Override
    protected HostUserId userWithNoRights(AccessPolicy policy) {
      return HostUserId.of("user-" + ++next);
    }

    @Override
    protected org.pcop.model.CaseReference caseWithTeam(AccessPolicy policy,
        HostUserId member) {
      String handle = "case-" + ++next;
      teams(policy).put(handle, member);
      return org.pcop.model.CaseReference.of(handle, "label-" + handle);
    }
  }

  /** The policy kit against {@link PrefixPolicy}. */
  static class MatchesActionsByPrefix extends PolicyKit {
    @Override
    protected AccessPolicy createPolicy() {
      return new PrefixPolicy();
    }

    @Override
    java.util.Map<HostUserId, String> grants(AccessPolicy policy) {
      return ((PrefixPolicy) policy).grants;
    }

    @Override
    java.util.Map<String, HostUserId> teams(AccessPolicy policy) {
      return ((PrefixPolicy) policy).teams;
    }
  }

  /** The policy kit against {@link OverreachingPolicy}. */
  static class ResolvesForOutsiders extends PolicyKit {
    @Override
    protected AccessPolicy createPolicy() {
      return new OverreachingPolicy();
    }

    @Override
    java.util.Map<HostUserId, String> grants(AccessPolicy policy) {
      return ((OverreachingPolicy) policy).grants;
    }

    @Override
    java.util.Map<String, HostUserId> teams(AccessPolicy policy) {
      return ((OverreachingPolicy) policy).teams;
    }
  }

  /** A mapping that lets every mapped user act as every member. */
  static final class PermissiveMapping implements IdentityMapping {
    final java.util.Map<HostUserId, MemberId> members =
        new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public Optional<MemberId> memberOf(HostUserId user) {
      return Optional.ofNullable(members.get(user));
    }

    @Override
    public boolean mayActAs(HostUserId user, MemberId member) {
      return members.containsKey(user);
    }
  }

  /** The identity kit against {@link PermissiveMapping}. */
  static class LetsAnyoneActForAnyone extends IdentityMappingCompatibilityKit {
    @Override
    protected IdentityMapping createMapping() {
      return new PermissiveMapping();
    }

    @Override
    protected HostUserId userOf(IdentityMapping mapping, MemberId member) {
      HostUserId user = HostUserId.of("login-" + member.value());
      ((PermissiveMapping) mapping).members.put(user, member);
      return user;
    }
  }
}
