package org.pcop.tck;

import org.pcop.model.Member;
import org.pcop.model.MemberId;
import org.pcop.spi.MemberDirectory;
import org.pcop.spi.memory.InMemoryMemberDirectory;

/** The in-memory reference directory passes the whole kit. */
class InMemoryMemberDirectoryCompatibilityTest extends MemberDirectoryCompatibilityKit {
  @Override
  protected MemberDirectory createDirectory() {
    return InMemoryMemberDirectory.create();
  }

  @Override
  protected void putStaff(MemberDirectory directory, Member member) {
    ((InMemoryMemberDirectory) directory).put(member);
  }

  @Override
  protected void removeStaff(MemberDirectory directory, MemberId member) {
    ((InMemoryMemberDirectory) directory).deactivate(member);
  }
}
