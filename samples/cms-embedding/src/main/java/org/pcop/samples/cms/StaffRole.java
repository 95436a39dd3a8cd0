package org.pcop.samples.cms;

import java.util.List;
import org.pcop.engine.Pcop;

/**
 * What a person does in the office, as the case-management system records it, and the pcop
 * actions (names from {@link Pcop#ACTIONS}) the role holds by default.
 *
 * <p>The defaults are granted only by {@link CaseManagementSystem#grantPcopDefaults()}; until
 * then a role holds only what {@link CaseManagementSystem#grant} gave it, and pcop denies
 * everything else. A role's pcop permission says what a person may ask for; pcop still checks
 * the person's standing in the community (only a program advisor or the host site lead approves
 * an exchange, only the asker accepts an answer, ...).
 */
public enum StaffRole {
  /** A prosecutor: takes part, asks and answers, requests exchanges and reports on them. */
  ATTORNEY(List.of("participation.record", "exchange.request", "exchange.document",
      "rfi.post", "rfi.answer", "rfi.accept")),
  /**
   * A coordinator: also approves, declines, schedules, holds and cancels exchanges, records
   * activities, and enters attendance for colleagues.
   */
  COORDINATOR(List.of("activity.record", "participation.record", "exchange.request",
      "exchange.approve", "exchange.decline", "exchange.schedule", "exchange.hold",
      "exchange.document", "exchange.cancel", "rfi.post", "rfi.answer", "rfi.accept")),
  /**
   * A system administrator: everything, including registering sites and offices, enrolment and
   * memberships, directory sync and dormancy.
   */
  ADMINISTRATOR(Pcop.ACTIONS);

  private final List<String> pcopActions;

  StaffRole(List<String> pcopActions) {
    this.pcopActions = List.copyOf(pcopActions);
  }

  /**
   * The pcop actions this role holds by default, each a name in {@link Pcop#ACTIONS}.
   *
   * @return the action names, in a stable order
   */
  public List<String> pcopActions() {
    return pcopActions;
  }
}
