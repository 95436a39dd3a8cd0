package org.pcop.tck;

import org.pcop.model.MemberId;
import org.pcop.spi.HostUserId;
import org.pcop.spi.IdentityMapping;
import org.pcop.spi.memory.InMemoryIdentityMapping;

/** The in-memory reference identity mapping passes the whole kit. */
class InMemoryIdentityMappingCompatibilityTest extends IdentityMappingCompatibilityKit {
  @Override
  protected IdentityMapping createMapping() {
    return InMemoryIdentityMapping.create();
  }

  @Override
  protected HostUserId userOf(IdentityMapping mapping, MemberId member) {
    HostUserId user = HostUserId.of("login-" + member.value());
    ((InMemoryIdentityMapping) mapping).map(user, member);
    return user;
  }
}
