package org.pcop.tck;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.pcop.model.CaseReference;
import org.pcop.spi.AccessPolicy;
import org.pcop.spi.HostUserId;
import org.pcop.spi.memory.InMemoryAccessPolicy;

/** The in-memory reference access policy passes the whole kit. */
class InMemoryAccessPolicyCompatibilityTest extends AccessPolicyCompatibilityKit {
  private final AtomicInteger next = new AtomicInteger();

  @Override
  protected AccessPolicy createPolicy() {
    return InMemoryAccessPolicy.create();
  }

  @Override
  protected HostUserId userAllowedTo(AccessPolicy policy, String action) {
    HostUserId user = HostUserId.of("user-" + next.incrementAndGet());
    ((InMemoryAccessPolicy) policy).grant(user, action, Optional.empty());
    return user;
  }

  @Override
  protected HostUserId userWithNoRights(AccessPolicy policy) {
    return HostUserId.of("user-" + next.incrementAndGet());
  }

  @Override
  protected CaseReference caseWithTeam(AccessPolicy policy, HostUserId member) {
    String handle = "case-" + next.incrementAndGet();
    ((InMemoryAccessPolicy) policy).authoriseCase(member, handle);
    return CaseReference.of(handle, "2026-CR-" + handle);
  }
}
