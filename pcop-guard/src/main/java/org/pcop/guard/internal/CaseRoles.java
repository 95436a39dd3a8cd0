package org.pcop.guard.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The case roles several detectors look for around what they find (defendant, victim, witness and
 * the like), told apart from jobs named after them ("victim advocate", "witness services").
 */
final class CaseRoles {
  private CaseRoles() {}

  static final String ROLE = "(?:co-?defendant|defendant|victim|complaining\\s+witness"
      + "|witness|suspect|juvenile|complainant|offender|accused|minor|respondent|informant"
      + "|decedent|arrestee|perpetrator)s?";
  private static final Pattern ROLE_WORD = Pattern.compile("(?i)\\b" + ROLE + "\\b");
  static final String[] ROLE_CUES = {"defendant", "victim", "witness", "suspect",
      "juvenile", "complainant", "offender", "accused", "minor", "respondent", "informant",
      "decedent", "arrestee", "perpetrator"};
  /** Words after a role word that make it part of a job, not a person's role in a case. */
  static final Pattern JOB_AFTER_ROLE = Pattern.compile(
      "(?i)\\s+(?:advocates?|advocacy|services?|coordinators?|assistance|compensation|rights"
          + "|impact|statements?|notifications?|notices?|protection|interviews?|specialists?"
          + "|liaisons?|units?|programs?|centers?|fund|support|management|panel|outreach|safety"
          + "|privacy|information|travel|fees?|lists?|rooms?|waiting|lounge|prep|preparation"
          + "|unit|division|court|team|staff|counsel|coordination|issues|interview)");

  /** Whether a case role is named in the window, not as part of a job ("victim advocate"). */
  static boolean roleIn(String window) {
    Matcher m = ROLE_WORD.matcher(window);
    while (m.find()) {
      Matcher job = JOB_AFTER_ROLE.matcher(window).region(m.end(), window.length());
      if (!job.lookingAt()) {
        return true;
      }
    }
    return false;
  }
}
