package org.pcop.samples.cms;

import org.junit.jupiter.api.DisplayName;
import org.pcop.model.Member;
import org.pcop.model.MemberId;
import org.pcop.spi.MemberDirectory;
import org.pcop.tck.MemberDirectoryCompatibilityKit;

/** The staff directory passes the kit also when people leave by having their account disabled. */
@DisplayName("mini-cms staff directory (accounts disabled)")
class DisabledAccountsDirectoryCompatibilityTest extends MemberDirectoryCompatibilityKit {
  private CaseManagementSystem cms;

  @Override
  protected MemberDirectory createDirectory() {
    cms = TestSystems.newSystem();
    return cms.hostAdapter().getMemberDirectory().orElseThrow();
  }

  @Override
  protected void putStaff(MemberDirectory directory, Member member) {
    TestSystems.putStaff(cms, member);
  }

  @Override
  protected void removeStaff(MemberDirectory directory, MemberId member) {
    cms.disableAccount(member);
  }
}
