package org.pcop.model.event;

/**
 * Visits each kind of {@link PcopEvent}, so that a projection handles every kind and a new kind
 * breaks the build of every visitor that ignores it.
 *
 * @param <R> the result of a visit
 */
public interface PcopEventVisitor<R> {
  /**
   * Visits a {@link MemberEnrolled} event.
   *
   * @param event the event
   * @return the result
   */
  R visit(MemberEnrolled event);

  /**
   * Visits a {@link MemberDeactivated} event.
   *
   * @param event the event
   * @return the result
   */
  R visit(MemberDeactivated event);

  /**
   * Visits a {@link AgencyRegistered} event.
   *
   * @param event the event
   * @return the result
   */
  R visit(AgencyRegistered event);

  /**
   * Visits a {@link SiteRegistered} event.
   *
   * @param event the event
   * @return the result
   */
  R visit(SiteRegistered event);

  /**
   * Visits a {@link MembershipChanged} event.
   *
   * @param event the event
   * @return the result
   */
  R visit(MembershipChanged event);

  /**
   * Visits a {@link ActivityRecorded} event.
   *
   * @param event the event
   * @return the result
   */
  R visit(ActivityRecorded event);

  /**
   * Visits a {@link ParticipationRecorded} event.
   *
   * @param event the event
   * @return the result
   */
  R visit(ParticipationRecorded event);

  /**
   * Visits a {@link ExchangeRequested} event.
   *
   * @param event the event
   * @return the result
   */
  R visit(ExchangeRequested event);

  /**
   * Visits a {@link ExchangeApproved} event.
   *
   * @param event the event
   * @return the result
   */
  R visit(ExchangeApproved event);

  /**
   * Visits a {@link ExchangeDeclined} event.
   *
   * @param event the event
   * @return the result
   */
  R visit(ExchangeDeclined event);

  /**
   * Visits a {@link ExchangeScheduled} event.
   *
   * @param event the event
   * @return the result
   */
  R visit(ExchangeScheduled event);

  /**
   * Visits a {@link ExchangeHeld} event.
   *
   * @param event the event
   * @return the result
   */
  R visit(ExchangeHeld event);

  /**
   * Visits a {@link ExchangeDocumented} event.
   *
   * @param event the event
   * @return the result
   */
  R visit(ExchangeDocumented event);

  /**
   * Visits a {@link ExchangeCancelled} event.
   *
   * @param event the event
   * @return the result
   */
  R visit(ExchangeCancelled event);

  /**
   * Visits a {@link RfiPosted} event.
   *
   * @param event the event
   * @return the result
   */
  R visit(RfiPosted event);

  /**
   * Visits a {@link RfiAnswered} event.
   *
   * @param event the event
   * @return the result
   */
  R visit(RfiAnswered event);

  /**
   * Visits a {@link RfiAccepted} event.
   *
   * @param event the event
   * @return the result
   */
  R visit(RfiAccepted event);

  /**
   * Visits a {@link RfiClosed} event.
   *
   * @param event the event
   * @return the result
   */
  R visit(RfiClosed event);

  /**
   * Visits a {@link TaxonomyChanged} event.
   *
   * @param event the event
   * @return the result
   */
  R visit(TaxonomyChanged event);

  /**
   * Visits a {@link ConductFlagRecorded} event.
   *
   * @param event the event
   * @return the result
   */
  R visit(ConductFlagRecorded event);

  /**
   * Visits a {@link EngagementLevelChanged} event.
   *
   * @param event the event
   * @return the result
   */
  R visit(EngagementLevelChanged event);

  /**
   * Visits a {@link EngagementLevelLocked} event.
   *
   * @param event the event
   * @return the result
   */
  R visit(EngagementLevelLocked event);

  /**
   * Visits a {@link CaseFactsReviewed} event.
   *
   * @param event the event
   * @return the result
   */
  R visit(CaseFactsReviewed event);

  /**
   * Visits a {@link ServiceLevelWarned} event.
   *
   * @param event the event
   * @return the result
   */
  R visit(ServiceLevelWarned event);
}
