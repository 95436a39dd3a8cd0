package org.pcop.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.pcop.model.CaseReference;
import org.pcop.model.CommunityId;
import org.pcop.spi.AccessPolicy;
import org.pcop.spi.HostUserId;

/**
 * The compatibility kit for an {@link AccessPolicy}: its guarantees as rules R501 to R505. An
 * access policy answers from the host's own users, roles and cases, so besides the factory a
 * vendor says how to set up three things in the host's test data:
 *
 * <pre>{@code
 * class AcmePolicyCompatibilityTest extends AccessPolicyCompatibilityKit {
 *   protected AccessPolicy createPolicy() { return AcmePolicy.on(emptyTestDatabase()); }
 *   protected HostUserId userAllowedTo(AccessPolicy p, String action) {
 *     return testData().newUserWithPermission(action);
 *   }
 *   protected HostUserId userWithNoRights(AccessPolicy p) { return testData().newUser(); }
 *   protected CaseReference caseWithTeam(AccessPolicy p, HostUserId member) {
 *     return testData().newCase(member);
 *   }
 * }
 * }</pre>
 *
 * <p>Every failure message names the adapter ({@link #displayName()}) and the rule.
 */
@Kit
public abstract class AccessPolicyCompatibilityKit {
  private static final Optional<CommunityId> PROGRAM_WIDE = Optional.empty();
  private static final Optional<CommunityId> COMMUNITY =
      Optional.of(CommunityId.of("tck-community"));

  private AccessPolicy policy;

  /**
   * Creates a policy over fresh, empty test data for one test.
   *
   * @return the policy
   */
  protected abstract AccessPolicy createPolicy();

  /**
   * Adds a user to the host's test data who may take {@code action} program-wide and in every
   * community, and nothing else the kit has not asked for. Each call adds a new user.
   *
   * @param policy a policy made by {@link #createPolicy()}
   * @param action a dotted action name, for example {@code exchange.approve}
   * @return the user
   */
  protected abstract HostUserId userAllowedTo(AccessPolicy policy, String action);

  /**
   * Adds a user to the host's test data who exists but holds no rights at all.
   *
   * @param policy a policy made by {@link #createPolicy()}
   * @return the user
   */
  protected abstract HostUserId userWithNoRights(AccessPolicy policy);

  /**
   * Adds a case to the host's test data whose team is exactly {@code member}.
   *
   * @param policy a policy made by {@link #createPolicy()}
   * @param member a user made by one of the other hooks
   * @return the reference pcop would hold for the case
   */
  protected abstract CaseReference caseWithTeam(AccessPolicy policy, HostUserId member);

  /**
   * The adapter's name in failure messages: the {@link DisplayName} of the test class, or else
   * the policy's class name.
   *
   * @return the name
   */
  protected String displayName() {
    return KitNames.declaredName(getClass()).orElse(
        policy == null ? getClass().getName() : policy.getClass().getName());
  }

  @BeforeEach
  final void createThePolicy() {
    policy = createPolicy();
    assertNotNull(policy, () -> Verdicts.broke(displayName(), "createPolicy()", "returned null"));
  }

  private String broke(String rule, String detail) {
    return Verdicts.broke(displayName(), rule, detail);
  }

  private boolean allows(String rule, HostUserId user, String action,
      Optional<CommunityId> community) {
    return Verdicts.call(displayName(), rule, "allows(" + user + ", " + action + ")",
        () -> policy.allows(user, action, community));
  }

  private boolean mayResolve(String rule, HostUserId user, CaseReference reference) {
    return Verdicts.call(displayName(), rule, "mayResolve(" + user + ", "
        + reference.getHandle() + ")", () -> policy.mayResolve(user, reference));
  }

  // Unknown users are denied.

  @Test
  @DisplayName("R501 a user the host does not know may take no action and resolve no case")
  void r501() {
    String rule = "R501 (deny by default)";
    HostUserId member = userAllowedTo(policy, "exchange.request");
    CaseReference reference = caseWithTeam(policy, member);
    HostUserId stranger = HostUserId.of("tck-stranger-" + System.nanoTime());
    assertFalse(allows(rule, stranger, "exchange.request", PROGRAM_WIDE),
        () -> broke(rule, "an unknown user must be denied a program-wide action"));
    assertFalse(allows(rule, stranger, "exchange.request", COMMUNITY),
        () -> broke(rule, "an unknown user must be denied an action in a community"));
    assertFalse(mayResolve(rule, stranger, reference),
        () -> broke(rule, "an unknown user must not resolve a case reference"));
  }

  // Users get what they hold, and nothing more.

  @Test
  @DisplayName("R502 a user with no rights is denied, and a user allowed one action is denied"
      + " another")
  void r502() {
    String rule = "R502 (nothing more than granted)";
    HostUserId nobody = userWithNoRights(policy);
    HostUserId requester = userAllowedTo(policy, "exchange.request");
    assertFalse(allows(rule, nobody, "exchange.request", PROGRAM_WIDE),
        () -> broke(rule, "a user with no rights must be denied"));
    assertFalse(allows(rule, requester, "exchange.approve", PROGRAM_WIDE),
        () -> broke(rule, "a user allowed exchange.request must be denied exchange.approve"));
    assertFalse(allows(rule, requester, "exchange.request.extra", COMMUNITY),
        () -> broke(rule, "an action is matched by its whole name, never by prefix"));
  }

  @Test
  @DisplayName("R503 a user allowed an action may take it program-wide and in a community")
  void r503() {
    String rule = "R503 (granted actions allowed)";
    HostUserId approver = userAllowedTo(policy, "exchange.approve");
    assertTrue(allows(rule, approver, "exchange.approve", PROGRAM_WIDE),
        () -> broke(rule, "the granted action must be allowed program-wide"));
    assertTrue(allows(rule, approver, "exchange.approve", COMMUNITY),
        () -> broke(rule, "the granted action must be allowed in a community"));
  }

  // Case references resolve for the case team only.

  @Test
  @DisplayName("R504 only the case team resolves a reference; rights to act and a borrowed"
      + " label do not")
  void r504() {
    String rule = "R504 (case team only)";
    HostUserId onTheCase = userAllowedTo(policy, "exchange.request");
    HostUserId powerful = userAllowedTo(policy, "case.resolve");
    HostUserId nobody = userWithNoRights(policy);
    CaseReference reference = caseWithTeam(policy, onTheCase);
    CaseReference other = caseWithTeam(policy, powerful);
    assertTrue(mayResolve(rule, onTheCase, reference),
        () -> broke(rule, "the case team must resolve its case"));
    assertFalse(mayResolve(rule, powerful, reference),
        () -> broke(rule, "a user outside the case team must not resolve it, whatever"
            + " actions they may take"));
    assertFalse(mayResolve(rule, nobody, reference),
        () -> broke(rule, "a user with no rights must not resolve a case"));
    assertFalse(mayResolve(rule, onTheCase, other),
        () -> broke(rule, "being on one case's team must not open another case"));
    CaseReference forged = CaseReference.of(other.getHandle(), reference.getLabel());
    assertFalse(mayResolve(rule, onTheCase, forged),
        () -> broke(rule, "a reference is resolved by its handle, never by its label"));
  }

  // Asking changes nothing.

  @Test
  @DisplayName("R505 asking again and again gives the same answers")
  void r505() {
    String rule = "R505 (no side effects)";
    HostUserId approver = userAllowedTo(policy, "exchange.approve");
    HostUserId nobody = userWithNoRights(policy);
    CaseReference reference = caseWithTeam(policy, approver);
    List<Boolean> first = answers(rule, approver, nobody, reference);
    for (int i = 0; i < 20; i++) {
      assertEquals(first, answers(rule, approver, nobody, reference),
          () -> broke(rule, "the same questions must get the same answers"));
    }
    assertEquals(List.of(true, false, true, false), first,
        () -> broke(rule, "answers must follow the host's rights"));
  }

  private List<Boolean> answers(String rule, HostUserId approver, HostUserId nobody,
      CaseReference reference) {
    List<Boolean> answers = new ArrayList<>();
    answers.add(allows(rule, approver, "exchange.approve", COMMUNITY));
    answers.add(allows(rule, nobody, "exchange.approve", COMMUNITY));
    answers.add(mayResolve(rule, approver, reference));
    answers.add(mayResolve(rule, nobody, reference));
    return answers;
  }
}
