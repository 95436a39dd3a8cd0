package org.pcop.rules.internal;

import java.util.Optional;
import org.pcop.model.AgencyId;
import org.pcop.model.CommunityId;
import org.pcop.model.MemberId;
import org.pcop.model.activity.Activity;
import org.pcop.rules.EngagementRecord;

/**
 * The built-in rule kinds' way into the compact parts of an {@link EngagementRecord} that its
 * public API does not show: participation logs, activities by index, interned sites and
 * agencies. The record installs the one implementation when its class is initialised, which
 * happens before any kind can be handed a record. Not exported.
 */
public abstract class RecordAccess {
  private static volatile RecordAccess installed;

  /** For the record's implementation only. */
  protected RecordAccess() {}

  /**
   * Installs the implementation; a second call is refused.
   *
   * @param access the implementation
   * @throws IllegalStateException if one is installed already
   */
  public static void install(RecordAccess access) {
    if (installed != null) {
      throw new IllegalStateException("RecordAccess is installed already");
    }
    installed = access;
  }

  static RecordAccess get() {
    return installed;
  }

  /**
   * The member's participation log in the community.
   *
   * @param record the record
   * @param member the member
   * @param community the community
   * @return the log, or null if the member never took part there
   */
  public abstract ParticipationLog log(EngagementRecord record, MemberId member,
      CommunityId community);

  /**
   * The activity at an index of the record.
   *
   * @param record the record
   * @param index the index, as stored in logs
   * @return the activity
   */
  public abstract Activity activity(EngagementRecord record, int index);

  /**
   * How many activities the record holds; activity indexes run from 0 to this minus 1.
   *
   * @param record the record
   * @return the count
   */
  public abstract int activityCount(EngagementRecord record);

  /**
   * The index of an activity in the record.
   *
   * @param record the record
   * @param activity the activity
   * @return the index, -1 if unknown
   */
  public abstract int activityIndex(EngagementRecord record, org.pcop.model.ActivityId activity);

  /**
   * The interned host site of the activity at an index.
   *
   * @param record the record
   * @param index the activity's index
   * @return the site's number in the record, -1 without host site
   */
  public abstract int hostSite(EngagementRecord record, int index);

  /**
   * The interned agencies (host and visiting) of the exchange the activity at an index carried
   * out.
   *
   * @param record the record
   * @param index the activity's index
   * @return the agencies' numbers in the record; empty without a known exchange
   */
  public abstract int[] exchangeAgencies(EngagementRecord record, int index);

  /**
   * The interned number of an agency.
   *
   * @param record the record
   * @param agency the agency
   * @return its number, -1 if no exchange named it
   */
  public abstract int agencyNumber(EngagementRecord record, AgencyId agency);

  /**
   * Changes whenever what an activity links to (its exchange's agencies) may have changed.
   *
   * @param record the record
   * @return the version
   */
  public abstract long linkVersion(EngagementRecord record);

  /**
   * The member id the record knows by its text, to avoid parsing it again.
   *
   * @param record the record
   * @param value the id's text
   * @return the id, if a member with that id is known
   */
  public abstract Optional<MemberId> memberId(EngagementRecord record, String value);

  /**
   * The record's state for a snapshot. The state shares the record's participation logs and
   * matrix arrays: write it before the record changes again.
   *
   * @param record the record
   * @return the state
   */
  public abstract RecordState export(EngagementRecord record);

  /**
   * A record holding a snapshot's state, which it takes over.
   *
   * @param state the state
   * @return the record
   * @throws org.pcop.model.InvalidValueException if a community is given twice
   */
  public abstract EngagementRecord restore(RecordState state);
}
