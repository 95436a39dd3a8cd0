package org.pcop.engine;

import java.util.List;
import java.util.Optional;
import org.pcop.model.Agency;
import org.pcop.model.Member;
import org.pcop.model.MemberId;
import org.pcop.model.MembershipRole;
import org.pcop.model.MembershipStatus;
import org.pcop.model.Site;
import org.pcop.model.event.CaseFactDecision;
import org.pcop.model.event.ConductFlagStatus;
import org.pcop.model.event.EventId;
import org.pcop.model.taxonomy.Taxonomy;
import org.pcop.rules.ResultEvents;
import org.pcop.spi.MemberDirectory;

/**
 * The commands of {@link Pcop} about the community itself: its sites, agencies and members,
 * memberships and staff, taxonomy and directory, the rule results it records and the human
 * decisions the rules read (locked levels, conduct flags, and the review of events flagged for
 * case facts, with the list awaiting it). Declared here, by job, so that each part of the entry
 * point reads on its own; {@link Pcop} is the only class that extends it, and javadoc documents
 * these methods as {@link Pcop}'s own.
 */
abstract class PcopCommunityCommands extends PcopActivityCommands {
  private final DirectoryCommands directoryCommands;
  private final MembershipCommands membershipCommands;
  private final RuleResultCommands ruleResultCommands;
  private final CaseFactCommands caseFactCommands;
  private final EngineParts engine;
  private final Projection projection;

  PcopCommunityCommands(EngineParts engine) {
    super(engine);
    this.engine = engine;
    this.projection = engine.projection;
    this.directoryCommands = engine.directoryCommands;
    this.membershipCommands = engine.membershipCommands;
    this.ruleResultCommands = engine.ruleResultCommands;
    this.caseFactCommands = engine.caseFactCommands;
  }

  /**
   * Registers a site of the program, or updates its record (engagement history).
   *
   * @param context who asks
   * @param site the site
   * @return what was appended
   * @throws CommandRefusedException if denied or invalid
   */
  public CommandResult registerSite(CommandContext context, Site site) {
    return directoryCommands.registerSite(context, site);
  }

  /**
   * Registers a prosecuting agency (an office), or updates its record.
   *
   * @param context who asks
   * @param agency the agency
   * @return what was appended
   * @throws CommandRefusedException if denied, invalid, or its site is not registered
   */
  public CommandResult registerAgency(CommandContext context, Agency agency) {
    return directoryCommands.registerAgency(context, agency);
  }

  /**
   * Enrols a member, or updates the record of a member already enrolled.
   *
   * @param context who asks
   * @param member the member record
   * @return what was appended
   * @throws CommandRefusedException if denied, invalid, or ({@code RULE}) the member's agency is
   *     not registered
   */
  public CommandResult enrolMember(CommandContext context, Member member) {
    return membershipCommands.enrolMember(context, member);
  }

  /**
   * Sets a member's role and status in the community. Joining (invited or active) applies the
   * rule set's eligibility rule; a refusal lists every unmet condition.
   *
   * @param context who asks
   * @param member the member
   * @param role the role
   * @param status the new status
   * @param sponsor the sponsor of an invited expert, if any
   * @return what was appended
   * @throws CommandRefusedException if denied, invalid, ineligible or unchanged
   */
  public CommandResult changeMembership(CommandContext context, MemberId member,
      MembershipRole role, MembershipStatus status, Optional<MemberId> sponsor) {
    return membershipCommands.changeMembership(context, member, role, status, sponsor);
  }

  /**
   * Suspends a member's membership, with a reason, until an end date (inclusive): while it is in
   * force the eligibility and exchange-policy rules refuse the member and a level requirement
   * "not suspended" fails. The member keeps their role; {@link #reinstateMember} ends it early.
   *
   * @param context who asks (action {@code membership.suspend})
   * @param member the member, taking part (active or dormant)
   * @param reason why, in plain words (no case facts)
   * @param until the last day of the suspension, today or later
   * @return what was appended
   * @throws CommandRefusedException if denied, invalid (no reason, no end date or one in the
   *     past), or the member has no membership taking part
   */
  public CommandResult suspendMember(CommandContext context, MemberId member, String reason,
      java.time.LocalDate until) {
    return membershipCommands.suspend(context, member, reason, until);
  }

  /**
   * Ends a member's suspension: the membership is active again, in the same role.
   *
   * @param context who asks (action {@code membership.reinstate})
   * @param member the suspended member
   * @param reason why, or null
   * @return what was appended
   * @throws CommandRefusedException if denied or the member is not suspended
   */
  public CommandResult reinstateMember(CommandContext context, MemberId member, String reason) {
    return membershipCommands.reinstate(context, member, reason);
  }

  /**
   * Appoints a member of the program's own staff to a program role (coordinator or program
   * advisor), active from the clock's instant. Program staff are appointed by the program rather
   * than admitted, so the eligibility rule (which decides who from the field may join: their
   * office's site, its engagement, a sponsor for outside experts) does not apply; the access
   * policy's {@code membership.appoint} decides who may appoint, and the appointment is audited
   * like every command. Every other role joins through {@link #changeMembership}.
   *
   * @param context who asks (action {@code membership.appoint})
   * @param member the member appointed, enrolled and not deactivated
   * @param role {@link MembershipRole#COORDINATOR} or {@link MembershipRole#PROGRAM_ADVISOR}
   * @return what was appended
   * @throws CommandRefusedException if denied, the role is not a program role ({@code INVALID}),
   *     or the member is not enrolled, deactivated or already active in that role
   */
  public CommandResult appointStaff(CommandContext context, MemberId member,
      MembershipRole role) {
    return membershipCommands.appointStaff(context, member, role);
  }

  /**
   * Pulls the changes of the {@link MemberDirectory} since the last sync: new and changed people
   * are enrolled (their record updated), people reported inactive are deactivated with their
   * history kept. The directory's change marker is stored with the events, so a restarted engine
   * continues where the last sync ended.
   *
   * @param context who asks
   * @return what was appended (nothing if nobody changed)
   * @throws CommandRefusedException if denied, or no directory was configured
   */
  public CommandResult syncDirectory(CommandContext context) {
    return directoryCommands.syncDirectory(context);
  }

  /**
   * Applies the rule set's dormancy rule as of the clock's instant: every active membership the
   * rule finds dormant is changed to dormant (same role), and the site leads of the member's site
   * are notified.
   *
   * @param context who asks
   * @return what was appended (nothing if nobody became dormant)
   * @throws CommandRefusedException if denied
   */
  public CommandResult applyDormancy(CommandContext context) {
    return ruleResultCommands.applyDormancy(context);
  }

  /**
   * Records the rule set's results as of the clock's instant: every level change the engagement
   * level rules find (promotion, or demotion below the hysteresis fraction) becomes an
   * {@code EngagementLevelChanged}, and every active membership the dormancy rule finds dormant
   * is changed to dormant (same role, with the last participation as the reason), as
   * {@link ResultEvents} derives them; the site leads of a member who became dormant are
   * notified. Every service-level warning the rules hold ({@code warnBusinessDays} ahead of a due
   * time) that was not recorded yet becomes a {@code ServiceLevelWarned}, once per rule, subject
   * and due instant, and the members who owe the action are notified (kind
   * {@code service-level.due-soon}); a warning nobody owes is recorded once someone does. Run it
   * periodically (for example each business day, or at least at each month end); a run that
   * finds nothing appends nothing.
   *
   * @param context who asks (action {@code rules.apply})
   * @return what was appended (nothing if no level changed, nobody became dormant and no new
   *     warning is due)
   * @throws CommandRefusedException if denied
   */
  public CommandResult applyRuleResults(CommandContext context) {
    return ruleResultCommands.applyRuleResults(context);
  }

  /**
   * Adopts a version of the community's taxonomy (core areas, topics and aims), against which
   * expertise, coverage and knowledge gaps are then measured.
   *
   * @param context who asks (action {@code taxonomy.change})
   * @param taxonomy the taxonomy; its id must be the community's taxonomy id, and its version
   *     must not be older than the version in use
   * @return what was appended
   * @throws CommandRefusedException if denied, invalid, of another taxonomy or an older version
   */
  public CommandResult changeTaxonomy(CommandContext context, Taxonomy taxonomy) {
    return directoryCommands.changeTaxonomy(context, taxonomy);
  }

  /**
   * Locks a member's engagement level in the community at a level of its engagement level rules:
   * the rules then keep the member at that level, whatever the measures say, until it is unlocked.
   *
   * @param context who asks (action {@code level.lock})
   * @param member the member, enrolled and not deactivated
   * @param level the name of a level of the community's engagement level rules
   * @return what was appended
   * @throws CommandRefusedException if denied, the level is not one of the rules' levels, the
   *     member is not enrolled, or already locked at that level
   */
  public CommandResult lockLevel(CommandContext context, MemberId member, String level) {
    return ruleResultCommands.lockLevel(context, member, level);
  }

  /**
   * Releases a member's locked engagement level; the rules decide the level again.
   *
   * @param context who asks (action {@code level.unlock})
   * @param member the member
   * @return what was appended
   * @throws CommandRefusedException if denied, or the member's level is not locked
   */
  public CommandResult unlockLevel(CommandContext context, MemberId member) {
    return ruleResultCommands.unlockLevel(context, member);
  }

  /**
   * Raises a conduct concern about a member, for a coordinator's decision; it changes no rule
   * result until it is upheld.
   *
   * @param context who asks (action {@code conduct.raised})
   * @param member the member, enrolled
   * @param reason what the concern is, in plain words (no case facts), or null
   * @return what was appended
   * @throws CommandRefusedException if denied, invalid, the member is not enrolled, or a flag
   *     already awaits a decision
   */
  public CommandResult raiseConductFlag(CommandContext context, MemberId member, String reason) {
    return ruleResultCommands.recordConductFlag(context, member, ConductFlagStatus.RAISED,
        reason);
  }

  /**
   * Upholds the raised conduct flag of a member: engagement rules that require no upheld flag
   * then fail for the member.
   *
   * @param context who asks (action {@code conduct.upheld})
   * @param member the member
   * @param reason the decision's reason, or null
   * @return what was appended
   * @throws CommandRefusedException if denied, invalid, or no flag awaits a decision
   */
  public CommandResult upholdConductFlag(CommandContext context, MemberId member,
      String reason) {
    return ruleResultCommands.recordConductFlag(context, member, ConductFlagStatus.UPHELD,
        reason);
  }

  /**
   * Dismisses a member's raised or upheld conduct flag: rules that require no upheld flag pass
   * again for the member.
   *
   * @param context who asks (action {@code conduct.dismissed})
   * @param member the member
   * @param reason the decision's reason, or null
   * @return what was appended
   * @throws CommandRefusedException if denied, invalid, or the member has no raised or upheld
   *     flag
   */
  public CommandResult dismissConductFlag(CommandContext context, MemberId member,
      String reason) {
    return ruleResultCommands.recordConductFlag(context, member, ConductFlagStatus.DISMISSED,
        reason);
  }

  /**
   * Records a coordinator's review of an event stored under the
   * {@link org.pcop.guard.CaseFactPolicy#FLAG FLAG} case-fact policy (one of
   * {@link #caseFactFlags()}): {@link CaseFactDecision#CLEARED CLEARED} leaves the text as
   * written; {@link CaseFactDecision#REDACTED REDACTED} makes every read this engine (and any
   * engine over the same store) serves of it show each span the guard found as
   * {@code [redacted]}: the exchange and request queries, member histories and case references.
   * Either way the event leaves {@link #caseFactFlags()}. The review event names the flagged
   * event and the spans by field and offsets, never the text. The store's own copy of the
   * original event is not rewritten: a host that must purge it does so in its store.
   *
   * @param context who asks (action {@code casefacts.review})
   * @param event the flagged event's id
   * @param decision clear or redact
   * @return what was appended
   * @throws CommandRefusedException if denied, the event was not flagged, or was already
   *     reviewed
   */
  public CommandResult reviewCaseFacts(CommandContext context, EventId event,
      CaseFactDecision decision) {
    return caseFactCommands.review(context, event, decision);
  }

  /**
   * The events stored under the {@link org.pcop.guard.CaseFactPolicy#FLAG FLAG} case-fact policy
   * (see {@link PcopBuilder#caseFacts}) whose free text the guard found case facts in and that
   * no coordinator has reviewed yet ({@link #reviewCaseFacts}), in log order: each names the
   * event, the command that stored it and where the findings lie (field, kind, character
   * offsets), never the text found, so the list needs no viewer. Kept from the store's history
   * (by any engine over it, whatever its own policy); the text itself is read through the
   * viewer-aware queries.
   *
   * @return the flagged events awaiting review, empty when none awaits
   * @throws IllegalStateException if the engine is closed
   */
  public List<CaseFactFlag> caseFactFlags() {
    return engine.query("caseFactFlags", () -> projection.reviews().pending());
  }
}
