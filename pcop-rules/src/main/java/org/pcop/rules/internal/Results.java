package org.pcop.rules.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.pcop.model.CommunityId;
import org.pcop.model.MemberId;
import org.pcop.rules.Explanation;
import org.pcop.rules.Fact;
import org.pcop.rules.Finding;
import org.pcop.rules.Outcome;
import org.pcop.rules.RecordChange;
import org.pcop.rules.RuleResult;
import org.pcop.rules.Subject;
import org.pcop.rules.SubjectKind;
import org.pcop.rules.definition.Rule;

/**
 * Builds results and explanations, and reads membership subjects.
 *
 * <p>A kind whose explanations are costly and rarely read decides in a quiet pass, which keeps
 * the outcome and the findings but no text ({@link #quiet}), and builds the result with
 * {@link #build(Supplier)}: the explanation is then written by a second, written pass of the same
 * code on first read.
 */
final class Results {
  private final Rule rule;
  private final Subject subject;
  /** Whether facts, sentences, threshold and window are kept; otherwise only the outcome. */
  private final boolean text;
  // Lists come with their first element: most results leave most of them empty.
  private List<Fact> facts = List.of();
  private List<String> failed = List.of();
  private List<String> undecided = List.of();
  private List<String> passed = List.of();
  private List<Finding> findings = List.of();
  private String threshold;
  private String window;

  Results(Rule rule, Subject subject) {
    this(rule, subject, true);
  }

  private Results(Rule rule, Subject subject, boolean text) {
    this.rule = rule;
    this.subject = subject;
    this.text = text;
  }

  /**
   * Results that keep the outcome and the findings only: facts, threshold and window are
   * dropped and sentences only counted, so a caller may pass null for them.
   */
  static Results quiet(Rule rule, Subject subject) {
    return new Results(rule, subject, false);
  }

  /** Results that keep the outcome and findings only when {@code text} is false. */
  static Results of(Rule rule, Subject subject, boolean text) {
    return new Results(rule, subject, text);
  }

  /** Whether these results keep text; when not, callers may skip writing it. */
  boolean text() {
    return text;
  }

  Results fact(String name, Object value) {
    if (text) {
      facts = add(facts, Fact.of(name, value));
    }
    return this;
  }

  Results pass(String sentence) {
    passed = add(passed, sentence);
    return this;
  }

  Results fail(String sentence) {
    failed = add(failed, sentence);
    return this;
  }

  Results undecided(String sentence) {
    undecided = add(undecided, sentence);
    return this;
  }

  Results threshold(String threshold) {
    this.threshold = threshold;
    return this;
  }

  Results window(String window) {
    this.window = window;
    return this;
  }

  Results finding(Finding finding) {
    findings = add(findings, finding);
    return this;
  }

  /** Adds to a list, making the immutable empty list a mutable one first. */
  private static <T> List<T> add(List<T> list, T item) {
    List<T> to = list instanceof ArrayList ? list : new ArrayList<>(4);
    to.add(item);
    return to;
  }

  boolean hasFailures() {
    return !failed.isEmpty();
  }

  List<String> failures() {
    return failed;
  }

  Outcome outcome() {
    return !failed.isEmpty() ? Outcome.FAILED
        : !undecided.isEmpty() ? Outcome.INDETERMINATE : Outcome.PASSED;
  }

  RuleResult build() {
    return result(explanation());
  }

  /**
   * The result with an explanation written on first read by {@code written}, which must give
   * results with the same outcome; the findings are this pass's.
   */
  RuleResult build(Supplier<Results> written) {
    return result(Explanation.deferred(outcome(), () -> written.get().explanation()));
  }

  private RuleResult result(Explanation explanation) {
    return RuleResult.builder().rule(rule.getId()).kind(rule.kind()).subject(subject)
        .explanation(explanation).findings(findings).build();
  }

  /** The explanation, from the facts and sentences kept. */
  Explanation explanation() {
    if (!text) {
      throw new IllegalStateException("quiet results keep no explanation");
    }
    Outcome outcome = outcome();
    List<String> sentences = new ArrayList<>(failed);
    sentences.addAll(undecided);
    if (outcome == Outcome.PASSED) {
      sentences.addAll(passed);
    }
    String line = sentences.isEmpty() ? "nothing to check" : String.join("; ", sentences);
    return Explanation.builder().outcome(outcome).text(line)
        .facts(facts).threshold(Optional.ofNullable(threshold))
        .window(Optional.ofNullable(window)).build();
  }

  static RuleResult indeterminate(Rule rule, Subject subject, String why) {
    return new Results(rule, subject).undecided(why).build();
  }

  /** The member of a membership subject of {@code community}, if it is one. */
  static Optional<MemberId> member(Subject subject, CommunityId community) {
    String part = memberPart(subject, community);
    return part == null ? Optional.empty() : parsed(part);
  }

  /**
   * The member of a membership subject of {@code community}, as the record knows the id when it
   * does (which spares parsing it again).
   */
  static Optional<MemberId> member(Subject subject, CommunityId community,
      org.pcop.rules.EngagementRecord record) {
    String part = memberPart(subject, community);
    if (part == null) {
      return Optional.empty();
    }
    Optional<MemberId> known = RecordAccess.state(record).memberId(part);
    return known.isPresent() ? known : parsed(part);
  }

  /**
   * The text before "@" and the community in a membership subject of {@code community}, or null
   * for any other subject; checked in place, without building the suffix.
   */
  private static String memberPart(Subject subject, CommunityId community) {
    if (subject.kind() != SubjectKind.MEMBERSHIP) {
      return null;
    }
    String id = subject.id();
    String name = community.value();
    int at = id.length() - name.length() - 1;
    if (at < 0 || id.charAt(at) != '@' || !id.regionMatches(at + 1, name, 0, name.length())) {
      return null;
    }
    return id.substring(0, at);
  }

  private static Optional<MemberId> parsed(String part) {
    try {
      return Optional.of(MemberId.of(part));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * The membership subjects of a community's members that {@code include} accepts, in subject
   * order (see {@link MembershipOrder}).
   */
  static TreeSet<Subject> membershipSubjects(org.pcop.rules.EngagementRecord record,
      CommunityId community, java.util.function.Predicate<org.pcop.model.Membership> include) {
    return MembershipOrder.subjects(RecordAccess.state(record), community, include);
  }

  /** The membership subjects of the members a change touched. */
  static Optional<SortedSet<Subject>> touchedMembers(Rule rule, RecordChange change) {
    if (change.everything().contains(rule.getCommunity())) {
      return Optional.empty();
    }
    SortedSet<Subject> subjects = new TreeSet<>();
    for (MemberId member : change.members()) {
      subjects.add(Subject.membership(member, rule.getCommunity()));
    }
    return Optional.of(subjects);
  }

  /**
   * The value rounded to hundredths, written plainly without trailing zeros ({@code 12.5},
   * {@code 3}, {@code 0.07}).
   */
  static String round(double value) {
    long cents = Math.round(value * 100);
    if (!(Math.abs(value) < 1e10)) {
      return java.math.BigDecimal.valueOf(cents / 100.0).stripTrailingZeros().toPlainString();
    }
    StringBuilder text = new StringBuilder(12);
    if (cents < 0) {
      text.append('-');
      cents = -cents;
    }
    text.append(cents / 100);
    long fraction = cents % 100;
    if (fraction != 0) {
      text.append('.').append((char) ('0' + fraction / 10));
      if (fraction % 10 != 0) {
        text.append((char) ('0' + fraction % 10));
      }
    }
    return text.toString();
  }
}
