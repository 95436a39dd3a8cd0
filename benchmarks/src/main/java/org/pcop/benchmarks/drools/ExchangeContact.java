package org.pcop.benchmarks.drools;

/**
 * An agency a member met by taking part in an activity that carried out an exchange: one fact per
 * agency of the exchange (host and visitors) and participation.
 */
public final class ExchangeContact {
  private final String member;
  private final String agency;
  private final long day;

  /**
   * The contact.
   *
   * @param member the member id
   * @param agency an agency of the exchange
   * @param day the day of the participation, as an epoch day
   */
  public ExchangeContact(String member, String agency, long day) {
    this.member = member;
    this.agency = agency;
    this.day = day;
  }

  /**
   * The member id.
   *
   * @return the member
   */
  public String getMember() {
    return member;
  }

  /**
   * The agency met.
   *
   * @return the agency id
   */
  public String getAgency() {
    return agency;
  }

  /**
   * The day, as an epoch day.
   *
   * @return the day
   */
  public long getDay() {
    return day;
  }
}
