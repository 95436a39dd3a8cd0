package org.pcop.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.pcop.model.MemberId;
import org.pcop.spi.HostUserId;
import org.pcop.spi.IdentityMapping;

/**
 * The compatibility kit for an {@link IdentityMapping}: its guarantees as rules R601 to R603.
 * Besides the factory, a vendor says how to add a person to the host's test data:
 *
 * <pre>{@code
 * class AcmeIdentityCompatibilityTest extends IdentityMappingCompatibilityKit {
 *   protected IdentityMapping createMapping() { return AcmeIdentities.on(emptyTestDatabase()); }
 *   protected HostUserId userOf(IdentityMapping m, MemberId member) {
 *     return testData().newPlainUser(member);
 *   }
 * }
 * }</pre>
 *
 * <p>Every failure message names the adapter ({@link #displayName()}) and the rule.
 */
@Kit
public abstract class IdentityMappingCompatibilityKit {
  private IdentityMapping mapping;

  /**
   * Creates a mapping over fresh, empty test data for one test.
   *
   * @return the mapping
   */
  protected abstract IdentityMapping createMapping();

  /**
   * Adds a person to the host's test data: a user who is {@code member}, with no right to act
   * for anyone else.
   *
   * @param mapping a mapping made by {@link #createMapping()}
   * @param member the member the new user is
   * @return the new user
   */
  protected abstract HostUserId userOf(IdentityMapping mapping, MemberId member);

  /**
   * The adapter's name in failure messages: the {@link DisplayName} of the test class, or else
   * the mapping's class name.
   *
   * @return the name
   */
  protected String displayName() {
    return KitNames.declaredName(getClass()).orElse(
        mapping == null ? getClass().getName() : mapping.getClass().getName());
  }

  @BeforeEach
  final void createTheMapping() {
    mapping = createMapping();
    assertNotNull(mapping,
        () -> Verdicts.broke(displayName(), "createMapping()", "returned null"));
  }

  private String broke(String rule, String detail) {
    return Verdicts.broke(displayName(), rule, detail);
  }

  private Optional<MemberId> memberOf(String rule, HostUserId user) {
    return Verdicts.call(displayName(), rule, "memberOf(" + user + ")",
        () -> mapping.memberOf(user));
  }

  private boolean mayActAs(String rule, HostUserId user, MemberId member) {
    return Verdicts.call(displayName(), rule, "mayActAs(" + user + ", " + member + ")",
        () -> mapping.mayActAs(user, member));
  }

  // An unmapped user is nobody.

  @Test
  @DisplayName("R601 a user the host does not map is no member and may act as nobody")
  void r601() {
    String rule = "R601 (unmapped is nobody)";
    MemberId member = MemberId.of("tck-m-1");
    userOf(mapping, member);
    HostUserId stranger = HostUserId.of("tck-stranger-" + System.nanoTime());
    assertEquals(Optional.empty(), memberOf(rule, stranger),
        () -> broke(rule, "an unmapped user must map to no member"));
    assertFalse(mayActAs(rule, stranger, member),
        () -> broke(rule, "an unmapped user must not act as any member"));
  }

  // A mapped user is their member.

  @Test
  @DisplayName("R602 a user is the member they map to, and may act as that member")
  void r602() {
    String rule = "R602 (mapped user is their member)";
    MemberId member = MemberId.of("tck-m-1");
    HostUserId user = userOf(mapping, member);
    assertEquals(Optional.of(member), memberOf(rule, user),
        () -> broke(rule, "the user must map to their member"));
    assertEquals(Optional.of(member), memberOf(rule, user),
        () -> broke(rule, "asking again must give the same member"));
    assertTrue(mayActAs(rule, user, member),
        () -> broke(rule, "a user must be allowed to act as their own member"));
  }

  @Test
  @DisplayName("R603 a user without delegation may not act as another member")
  void r603() {
    String rule = "R603 (no acting for others unless allowed)";
    MemberId first = MemberId.of("tck-m-1");
    MemberId second = MemberId.of("tck-m-2");
    HostUserId firstUser = userOf(mapping, first);
    HostUserId secondUser = userOf(mapping, second);
    assertFalse(mayActAs(rule, firstUser, second),
        () -> broke(rule, "a plain user must not act as another member"));
    assertFalse(mayActAs(rule, secondUser, first),
        () -> broke(rule, "a plain user must not act as another member"));
    assertEquals(Optional.of(second), memberOf(rule, secondUser),
        () -> broke(rule, "each user must map to their own member"));
  }
}
