package org.pcop.engine;

import java.time.LocalDate;
import org.pcop.model.ExchangeId;
import org.pcop.model.ResponseId;
import org.pcop.model.RfiId;
import org.pcop.model.activity.Activity;
import org.pcop.model.activity.ApproverRole;
import org.pcop.model.activity.Exchange;
import org.pcop.model.activity.Participation;
import org.pcop.model.activity.RequestForInformation;
import org.pcop.model.activity.Schedule;

/**
 * The commands of {@link Pcop} about what members do: activities and participations, exchanges
 * from request to report, and requests for information from post to close. Declared here, by
 * job, so that each part of the entry point reads on its own; only {@link Pcop} extends it
 * (through its community commands), and javadoc documents these methods as {@link Pcop}'s own.
 */
abstract class PcopActivityCommands extends PcopQueries {
  private final ActivityCommands activityCommands;
  private final ExchangeCommands exchangeCommands;
  private final RequestCommands requestCommands;

  PcopActivityCommands(EngineParts engine) {
    super(engine);
    this.activityCommands = engine.activityCommands;
    this.exchangeCommands = engine.exchangeCommands;
    this.requestCommands = engine.requestCommands;
  }

  /**
   * Records an activity (webinar, meeting, site visit...).
   *
   * @param context who asks
   * @param activity the activity, in this engine's community
   * @return what was appended
   * @throws CommandRefusedException if denied, invalid or already recorded
   */
  public CommandResult recordActivity(CommandContext context, Activity activity) {
    return activityCommands.recordActivity(context, activity);
  }

  /**
   * Records a member's participation in an activity. The user must be allowed to act as the
   * participating member.
   *
   * @param context who asks
   * @param participation the participation
   * @return what was appended
   * @throws CommandRefusedException if denied, invalid or the activity or member is unknown
   */
  public CommandResult recordParticipation(CommandContext context, Participation participation) {
    return activityCommands.recordParticipation(context, participation);
  }

  /**
   * Requests an exchange; it then awaits approval by a program advisor and the host site lead,
   * who are notified.
   *
   * @param context who asks
   * @param exchange the exchange as requested (no approvals, schedule or holding yet), requested
   *     by the acting member
   * @return what was appended
   * @throws CommandRefusedException if denied, invalid or against the exchange policy
   */
  public CommandResult requestExchange(CommandContext context, Exchange exchange) {
    return exchangeCommands.requestExchange(context, exchange);
  }

  /**
   * Approves a requested exchange in one of the two approving roles. The acting member must hold
   * that role: a program advisor of the community, or a site lead at the host site.
   *
   * @param context who asks
   * @param exchange the exchange
   * @param role the role approved in
   * @return what was appended
   * @throws CommandRefusedException if denied, the actor lacks the role, or the exchange is not
   *     awaiting that approval
   */
  public CommandResult approveExchange(CommandContext context, ExchangeId exchange,
      ApproverRole role) {
    return exchangeCommands.approveExchange(context, exchange, role);
  }

  /**
   * Declines a requested exchange in one of the two approving roles.
   *
   * @param context who asks
   * @param exchange the exchange
   * @param role the role declined in
   * @param reason why, for the requester
   * @return what was appended
   * @throws CommandRefusedException if denied, the actor lacks the role, or the exchange is not
   *     awaiting approval
   */
  public CommandResult declineExchange(CommandContext context, ExchangeId exchange,
      ApproverRole role, String reason) {
    return exchangeCommands.declineExchange(context, exchange, role, reason);
  }

  /**
   * Schedules an approved exchange.
   *
   * @param context who asks
   * @param exchange the exchange
   * @param schedule the days
   * @return what was appended
   * @throws CommandRefusedException if denied or the exchange is not fully approved
   */
  public CommandResult scheduleExchange(CommandContext context, ExchangeId exchange,
      Schedule schedule) {
    return exchangeCommands.scheduleExchange(context, exchange, schedule);
  }

  /**
   * Records that a scheduled exchange was held; its follow-up report is then due.
   *
   * @param context who asks
   * @param exchange the exchange
   * @param heldOn the day it was held
   * @return what was appended
   * @throws CommandRefusedException if denied or the exchange is not scheduled
   */
  public CommandResult holdExchange(CommandContext context, ExchangeId exchange,
      LocalDate heldOn) {
    return exchangeCommands.holdExchange(context, exchange, heldOn);
  }

  /**
   * Files the follow-up report of a held exchange.
   *
   * @param context who asks
   * @param exchange the exchange
   * @param summary the report's summary
   * @return what was appended
   * @throws CommandRefusedException if denied, the summary is invalid or the exchange not held
   */
  public CommandResult documentExchange(CommandContext context, ExchangeId exchange,
      String summary) {
    return exchangeCommands.documentExchange(context, exchange, summary);
  }

  /**
   * Cancels an exchange that is not yet held or closed.
   *
   * @param context who asks
   * @param exchange the exchange
   * @param reason why
   * @return what was appended
   * @throws CommandRefusedException if denied or the exchange cannot be cancelled
   */
  public CommandResult cancelExchange(CommandContext context, ExchangeId exchange,
      String reason) {
    return exchangeCommands.cancelExchange(context, exchange, reason);
  }

  /**
   * Posts a request for information to the community.
   *
   * @param context who asks
   * @param request the request, asked by the acting member, with no responses yet
   * @return what was appended
   * @throws CommandRefusedException if denied, invalid or already posted
   */
  public CommandResult postRfi(CommandContext context, RequestForInformation request) {
    return requestCommands.postRfi(context, request);
  }

  /**
   * Answers an open request for information as the acting member; the asker is notified.
   *
   * @param context who asks
   * @param request the request
   * @param response the new response's id
   * @param text the answer
   * @return what was appended
   * @throws CommandRefusedException if denied, invalid, or the request is closed or unknown
   */
  public CommandResult answerRfi(CommandContext context, RfiId request, ResponseId response,
      String text) {
    return requestCommands.answerRfi(context, request, response, text);
  }

  /**
   * Accepts one of a request's responses; only the asker may. The respondent is notified.
   *
   * @param context who asks
   * @param request the request
   * @param response the response accepted
   * @return what was appended
   * @throws CommandRefusedException if denied, the actor did not ask, or the response is unknown
   */
  public CommandResult acceptAnswer(CommandContext context, RfiId request,
      ResponseId response) {
    return requestCommands.acceptAnswer(context, request, response);
  }

  /**
   * Closes an open request for information without an accepted answer, for example when it has
   * gone unanswered for too long; it then counts as expired.
   *
   * @param context who asks (action {@code rfi.close})
   * @param request the request
   * @param reason why it is closed, for the record
   * @return what was appended
   * @throws CommandRefusedException if denied, the reason is invalid, or the request is unknown
   *     or already closed
   */
  public CommandResult closeRfi(CommandContext context, RfiId request, String reason) {
    return requestCommands.closeRfi(context, request, reason);
  }
}
