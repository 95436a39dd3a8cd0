package org.pcop.samples.cms;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;
import org.pcop.model.AgencyId;
import org.pcop.model.Member;
import org.pcop.model.MemberId;
import org.pcop.spi.HostUserId;

/** Fresh case-management systems on private in-memory H2 databases. */
final class TestSystems {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T15:00:00Z"), ZoneOffset.UTC);
  private static final AtomicInteger NEXT = new AtomicInteger();

  private TestSystems() {}

  static JdbcDataSource newDatabase() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:cms-test-" + NEXT.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
    h2.setUser("sa");
    h2.setPassword("");
    return h2;
  }

  static CaseManagementSystem newSystem() {
    return CaseManagementSystem.open(newDatabase(), CLOCK);
  }

  /** Puts a pcop member record into the staff table, adding its office when missing. */
  static void putStaff(CaseManagementSystem cms, Member member) {
    StaffMember staff = new StaffMember(member.getId(), login(member.getId()), member.getName(),
        member.getTitle(), member.getAgency(), member.getEmail(), member.getPhone(),
        StaffRole.ATTORNEY);
    try {
      cms.addOffice(member.getAgency(), "Office " + member.getAgency().value());
    } catch (IllegalArgumentException exists) {
      // the office is there already
    }
    try {
      cms.hire(staff);
    } catch (IllegalArgumentException exists) {
      cms.change(staff);
    }
  }

  static HostUserId login(MemberId member) {
    return HostUserId.of("login-" + member.value());
  }

  static AgencyId office(String id) {
    return AgencyId.of(id);
  }
}
