package org.pcop.tck;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pcop.model.Member;
import org.pcop.model.MemberId;
import org.pcop.spi.ChangeMarker;
import org.pcop.spi.DirectoryChanges;
import org.pcop.spi.MemberDirectory;
import org.pcop.spi.Notification;
import org.pcop.spi.NotificationSink;
import org.pcop.spi.memory.InMemoryMemberDirectory;

/**
 * The directory and notification kits run against providers that break one guarantee each. Not
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
    protected Optional<List<Notification>> delivered(NotificationSink sink) {
      synchronized (sink) {
        return Optional.of(List.copyOf(((DuplicatingSink) sink).delivered));
      }
    }
  }
}
