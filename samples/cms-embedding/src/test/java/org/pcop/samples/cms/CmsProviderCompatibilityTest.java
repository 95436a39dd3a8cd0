package org.pcop.samples.cms;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.pcop.model.AgencyId;
import org.pcop.model.CaseReference;
import org.pcop.model.MemberId;
import org.pcop.spi.AccessPolicy;
import org.pcop.spi.AuditRecord;
import org.pcop.spi.AuditSink;
import org.pcop.spi.HostUserId;
import org.pcop.spi.IdentityMapping;
import org.pcop.tck.AccessPolicyCompatibilityKit;
import org.pcop.tck.AuditSinkCompatibilityKit;
import org.pcop.tck.IdentityMappingCompatibilityKit;

/** The CMS's access policy, identity mapping and audit table pass their pcop-tck kits. */
class CmsProviderCompatibilityTest {
  private static final AgencyId OFFICE = AgencyId.of("shelby-da");

  private static CaseManagementSystem systemWithOffice() {
    CaseManagementSystem cms = TestSystems.newSystem();
    cms.addOffice(OFFICE, "Shelby County District Attorney General");
    return cms;
  }

  @Nested
  @DisplayName("mini-cms access policy")
  class CaseTeamPolicy extends AccessPolicyCompatibilityKit {
    private final AtomicInteger next = new AtomicInteger();
    private CaseManagementSystem cms;

    @Override
    protected AccessPolicy createPolicy() {
      cms = systemWithOffice();
      return cms.hostAdapter().getAccessPolicy().orElseThrow();
    }

    private HostUserId hire(StaffRole role) {
      int n = next.incrementAndGet();
      cms.hire(StaffMember.of("m-" + n, "user-" + n, "Person " + n, "ADA", OFFICE.value(),
          "p" + n + "@example.org", role));
      return HostUserId.of("user-" + n);
    }

    /** The CMS grants by role: the coordinator role holds what the kit asks for. */
    @Override
    protected HostUserId userAllowedTo(AccessPolicy policy, String action) {
      cms.grant(StaffRole.COORDINATOR, action);
      return hire(StaffRole.COORDINATOR);
    }

    /** Attorneys hold no permissions in these tests. */
    @Override
    protected HostUserId userWithNoRights(AccessPolicy policy) {
      return hire(StaffRole.ATTORNEY);
    }

    @Override
    protected CaseReference caseWithTeam(AccessPolicy policy, HostUserId member) {
      int n = next.incrementAndGet();
      return cms.openCase("case-" + n, "2026-CR-" + n, "State v. Defendant " + n, member);
    }
  }

  @Nested
  @DisplayName("mini-cms identity mapping")
  class StaffIdentities extends IdentityMappingCompatibilityKit {
    private CaseManagementSystem cms;

    @Override
    protected IdentityMapping createMapping() {
      cms = systemWithOffice();
      return cms.hostAdapter().getIdentityMapping().orElseThrow();
    }

    @Override
    protected HostUserId userOf(IdentityMapping mapping, MemberId member) {
      HostUserId login = TestSystems.login(member);
      cms.hire(new StaffMember(member, login, "Person " + member.value(), Optional.of("ADA"),
          OFFICE, member.value() + "@example.org", Optional.empty(), StaffRole.ATTORNEY));
      return login;
    }
  }

  @Nested
  @DisplayName("mini-cms audit table")
  class AuditTrail extends AuditSinkCompatibilityKit {
    private CaseManagementSystem cms;

    @Override
    protected AuditSink createSink() {
      cms = TestSystems.newSystem();
      return cms.hostAdapter().getAuditSink().orElseThrow();
    }

    @Override
    protected List<AuditRecord> recorded(AuditSink sink) {
      return cms.auditTrail();
    }
  }
}
