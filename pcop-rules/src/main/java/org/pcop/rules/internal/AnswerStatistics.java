package org.pcop.rules.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.pcop.model.MemberId;
import org.pcop.model.RfiId;
import org.pcop.model.activity.RequestForInformation;
import org.pcop.model.activity.RfiResponse;
import org.pcop.model.activity.RfiState;
import org.pcop.model.taxonomy.TopicId;

/**
 * What answerer suggestions read of one community's requests for information, kept as requests
 * change instead of read from every request at each query: per member the requests they answered
 * (the minutes from posting to their first answer, and their latest answer to each), their
 * accepted answers per topic, the requests still open, and the latest instant a request was
 * posted or answered (statistics kept up to the end of the record serve only queries as of that
 * instant or later).
 *
 * <p>{@link #upTo} computes the same statistics from the requests themselves as of an instant:
 * requests posted after it and answers after it do not count (the answers of a request are read
 * in order up to the first one after it), as the suggestions did when they read every request.
 */
public final class AnswerStatistics {
  private final Map<MemberId, Answerer> answerers = new HashMap<>();
  private final Map<TopicId, Map<MemberId, int[]>> accepted = new HashMap<>();
  /** The open requests, each with the latest instant it was posted or answered. */
  private final Map<RfiId, Instant> open = new HashMap<>();
  /** The same requests by that instant, for the ones active since a given instant. */
  private final TreeSet<Active> byActivity = new TreeSet<>();
  private Instant latest = Instant.MIN;
  /** How many first answers came before their request was posted (a negative time). */
  private int negativeAnswers;

  /** Empty statistics. */
  AnswerStatistics() {}

  /**
   * The statistics of a community's requests as of {@code now}, computed from the requests.
   *
   * @param requests the community's requests, in any order
   * @param now the instant; requests posted and answers given after it do not count
   * @return the statistics
   */
  public static AnswerStatistics upTo(Collection<RequestForInformation> requests, Instant now) {
    AnswerStatistics stats = new AnswerStatistics();
    for (RequestForInformation rfi : requests) {
      if (!rfi.getPostedAt().isAfter(now)) {
        stats.add(rfi, now);
      }
    }
    return stats;
  }

  /**
   * Folds a change of one request into the statistics.
   *
   * @param before the request before the change, null when it is posted
   * @param after the request after the change
   */
  void changed(RequestForInformation before, RequestForInformation after) {
    if (before != null && appends(before, after)) {
      List<RfiResponse> responses = after.getResponses();
      for (int i = before.getResponses().size(); i < responses.size(); i++) {
        answer(after, i);
      }
      moveAccepted(before, -1);
      moveAccepted(after, 1);
      openOrClosed(after);
    } else {
      if (before != null) {
        remove(before);
      }
      add(after, Instant.MAX);
    }
  }

  private static boolean appends(RequestForInformation before, RequestForInformation after) {
    List<RfiResponse> was = before.getResponses();
    List<RfiResponse> is = after.getResponses();
    if (was.size() > is.size() || !before.getPostedAt().equals(after.getPostedAt())
        || !before.getAskedBy().equals(after.getAskedBy())) {
      return false;
    }
    for (int i = 0; i < was.size(); i++) {
      if (!was.get(i).equals(is.get(i))) {
        return false;
      }
    }
    return true;
  }

  /** Adds a request with its answers up to the first after {@code now}. */
  private void add(RequestForInformation rfi, Instant now) {
    latest = max(latest, rfi.getPostedAt());
    openOrClosed(rfi);
    List<RfiResponse> responses = rfi.getResponses();
    int counted = 0;
    while (counted < responses.size() && !responses.get(counted).getAt().isAfter(now)) {
      answer(rfi, counted++);
    }
    Optional<MemberId> acceptedBy = acceptedBy(rfi, counted);
    acceptedBy.ifPresent(member -> accept(rfi.getTopic(), member, 1));
  }

  /** Takes a request and all its answers out. */
  private void remove(RequestForInformation rfi) {
    Set<MemberId> respondents = new HashSet<>();
    for (RfiResponse response : rfi.getResponses()) {
      respondents.add(response.getRespondent());
    }
    for (MemberId member : respondents) {
      Answerer answerer = answerers.get(member);
      if (answerer != null) {
        if (answerer.minutesOf(rfi.getId()) < 0) {
          negativeAnswers--;
        }
        answerer.remove(rfi.getId());
        if (answerer.size() == 0) {
          answerers.remove(member);
        }
      }
    }
    moveAccepted(rfi, -1);
    close(rfi.getId());
  }

  /** Counts the answer at {@code index} of the request. */
  private void answer(RequestForInformation rfi, int index) {
    RfiResponse response = rfi.getResponses().get(index);
    MemberId respondent = response.getRespondent();
    latest = max(latest, response.getAt());
    boolean first = true;
    for (int i = 0; i < index && first; i++) {
      first = !rfi.getResponses().get(i).getRespondent().equals(respondent);
    }
    Instant active = open.get(rfi.getId());
    if (active != null && response.getAt().isAfter(active)) {
      byActivity.remove(new Active(active, rfi.getId()));
      open.put(rfi.getId(), response.getAt());
      byActivity.add(new Active(response.getAt(), rfi.getId()));
    }
    Answerer answerer = answerers.computeIfAbsent(respondent, m -> new Answerer());
    if (first) {
      long minutes = Duration.between(rfi.getPostedAt(), response.getAt()).toMinutes();
      if (minutes < 0) {
        negativeAnswers++;
      }
      answerer.first(rfi.getId(), minutes, response.getAt());
    } else {
      answerer.again(rfi.getId(), response.getAt());
    }
  }

  private void moveAccepted(RequestForInformation rfi, int by) {
    acceptedBy(rfi, rfi.getResponses().size()).ifPresent(m -> accept(rfi.getTopic(), m, by));
  }

  /** Who gave the accepted answer, if it is among the first {@code counted} answers. */
  private static Optional<MemberId> acceptedBy(RequestForInformation rfi, int counted) {
    if (rfi.getAcceptedResponse().isEmpty()) {
      return Optional.empty();
    }
    for (int i = 0; i < counted; i++) {
      RfiResponse response = rfi.getResponses().get(i);
      if (rfi.getAcceptedResponse().get().equals(response.getId())) {
        return Optional.of(response.getRespondent());
      }
    }
    return Optional.empty();
  }

  private void accept(TopicId topic, MemberId member, int by) {
    Map<MemberId, int[]> byMember = accepted.computeIfAbsent(topic, t -> new HashMap<>());
    int[] count = byMember.computeIfAbsent(member, m -> new int[1]);
    count[0] += by;
    if (count[0] == 0) {
      byMember.remove(member);
      if (byMember.isEmpty()) {
        accepted.remove(topic);
      }
    }
  }

  /** Opens a request posted (before its answers are counted), or closes one no longer open. */
  private void openOrClosed(RequestForInformation rfi) {
    if (rfi.getState() == RfiState.OPEN || rfi.getState() == RfiState.ANSWERED) {
      if (!open.containsKey(rfi.getId())) {
        open.put(rfi.getId(), rfi.getPostedAt());
        byActivity.add(new Active(rfi.getPostedAt(), rfi.getId()));
      }
    } else {
      close(rfi.getId());
    }
  }

  private void close(RfiId rfi) {
    Instant active = open.remove(rfi);
    if (active != null) {
      byActivity.remove(new Active(active, rfi));
    }
  }

  /** An open request and the latest instant it was posted or answered. */
  private record Active(Instant at, RfiId rfi) implements Comparable<Active> {
    @Override
    public int compareTo(Active other) {
      int byTime = at.compareTo(other.at);
      return byTime != 0 ? byTime : rfi.compareTo(other.rfi);
    }
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  /**
   * The latest instant a request counted here was posted or answered; {@link Instant#MIN} when
   * none was.
   *
   * @return the instant
   */
  public Instant latest() {
    return latest;
  }

  /**
   * Whether some member's first answer to a request is dated before the request.
   *
   * @return true if any is
   */
  public boolean hasAnswersBeforePosting() {
    return negativeAnswers > 0;
  }

  /**
   * The requests still open (no accepted answer, not expired) that were posted or answered
   * after {@code since}: the only open requests with a post or an answer after it.
   *
   * @param since the instant, exclusive
   * @return the requests, latest activity first
   */
  public List<RfiId> openActiveAfter(Instant since) {
    List<RfiId> found = new ArrayList<>();
    for (Active active : byActivity.descendingSet()) {
      if (!active.at().isAfter(since)) {
        break;
      }
      found.add(active.rfi());
    }
    return found;
  }

  /**
   * The topics with accepted answers.
   *
   * @return the topics, read-only
   */
  public Set<TopicId> acceptedTopics() {
    return Collections.unmodifiableSet(accepted.keySet());
  }

  /**
   * Accepted answers on a topic by member: each member's count, 1 or more.
   *
   * @param topic the topic
   * @return the counts, read-only; empty when none
   */
  public Map<MemberId, int[]> acceptedOn(TopicId topic) {
    return Collections.unmodifiableMap(accepted.getOrDefault(topic, Map.of()));
  }

  /**
   * What the member answered, if anything.
   *
   * @param member the member
   * @return the member's answers, or null if they answered nothing
   */
  public Answerer answerer(MemberId member) {
    return answerers.get(member);
  }

  /**
   * Everything counted, in a canonical order: equal for equal statistics however they were built.
   *
   * @return a description
   */
  public String canonical() {
    StringBuilder out = new StringBuilder();
    out.append("latest ").append(latest).append(" negative ").append(negativeAnswers)
        .append("\nopen ").append(new TreeMap<>(open)).append(' ').append(byActivity)
        .append('\n');
    Map<TopicId, Map<MemberId, Integer>> counts = new TreeMap<>();
    accepted.forEach((topic, byMember) -> {
      Map<MemberId, Integer> sorted = new TreeMap<>();
      byMember.forEach((member, count) -> sorted.put(member, count[0]));
      counts.put(topic, sorted);
    });
    out.append("accepted ").append(counts).append('\n');
    new TreeMap<>(answerers).forEach((member, answerer) -> out.append(member).append(' ')
        .append(answerer.canonical()).append('\n'));
    return out.toString();
  }

  /**
   * One member's answers: per request answered, the minutes from its posting to the member's
   * first answer and the instant of their latest answer to it.
   */
  public static final class Answerer {
    private final List<RfiId> requests = new ArrayList<>(2);
    private final List<Instant> latestTo = new ArrayList<>(2);
    private long[] minutes = new long[2];
    /** The same minutes, sorted, for the median. */
    private long[] sorted = new long[2];
    private int size;
    private Instant last;

    Answerer() {}

    void first(RfiId request, long toAnswer, Instant at) {
      if (size == minutes.length) {
        minutes = Arrays.copyOf(minutes, size * 2);
        sorted = Arrays.copyOf(sorted, size * 2);
      }
      requests.add(request);
      latestTo.add(at);
      minutes[size] = toAnswer;
      int place = Arrays.binarySearch(sorted, 0, size, toAnswer);
      place = place < 0 ? -place - 1 : place;
      System.arraycopy(sorted, place, sorted, place + 1, size - place);
      sorted[place] = toAnswer;
      size++;
      last = last == null ? at : max(last, at);
    }

    void again(RfiId request, Instant at) {
      int index = indexOf(request);
      latestTo.set(index, max(latestTo.get(index), at));
      last = max(last, at);
    }

    long minutesOf(RfiId request) {
      int index = indexOf(request);
      return index < 0 ? 0 : minutes[index];
    }

    void remove(RfiId request) {
      int index = indexOf(request);
      if (index < 0) {
        return;
      }
      int place = Arrays.binarySearch(sorted, 0, size, minutes[index]);
      System.arraycopy(sorted, place + 1, sorted, place, size - place - 1);
      System.arraycopy(minutes, index + 1, minutes, index, size - index - 1);
      requests.remove(index);
      latestTo.remove(index);
      size--;
      last = null;
      for (Instant at : latestTo) {
        last = last == null ? at : max(last, at);
      }
    }

    /** The entry of a request; the latest first, as answers mostly go to recent requests. */
    private int indexOf(RfiId request) {
      for (int i = size - 1; i >= 0; i--) {
        if (requests.get(i).equals(request)) {
          return i;
        }
      }
      return -1;
    }

    /**
     * How many requests the member answered.
     *
     * @return the count
     */
    public int size() {
      return size;
    }

    /**
     * Whether the member answered the request.
     *
     * @param request the request
     * @return true if they did
     */
    public boolean answered(RfiId request) {
      return indexOf(request) >= 0;
    }

    /**
     * The minutes to the member's first answers, sorted, leaving out the answer to
     * {@code without} (a request the member answered, or any other to leave none out).
     *
     * @param without the request left out
     * @return the minutes, sorted; a fresh array
     */
    public long[] sortedMinutes(RfiId without) {
      int index = indexOf(without);
      if (index < 0) {
        return Arrays.copyOf(sorted, size);
      }
      long[] out = new long[size - 1];
      int place = Arrays.binarySearch(sorted, 0, size, minutes[index]);
      System.arraycopy(sorted, 0, out, 0, place);
      System.arraycopy(sorted, place + 1, out, place, size - place - 1);
      return out;
    }

    /**
     * The median of the minutes to the member's first answers, over {@code count} of them
     * (the ones {@link #sortedMinutes} returns for the same request); computed without a copy.
     *
     * @param without the request left out
     * @return the median, NaN when no answer is left
     */
    public double medianMinutes(RfiId without) {
      if (!answered(without)) {
        return median(sorted, size);
      }
      long[] rest = sortedMinutes(without);
      return rest.length == 0 ? Double.NaN : median(rest, rest.length);
    }

    private static double median(long[] values, int count) {
      int middle = count / 2;
      return count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2.0;
    }

    /**
     * The instant of the member's latest answer, leaving out their answers to {@code without}.
     *
     * @param without the request left out
     * @return the instant, or null if no answer is left
     */
    public Instant lastAnswer(RfiId without) {
      int index = indexOf(without);
      if (index < 0) {
        return last;
      }
      Instant found = null;
      for (int i = 0; i < size; i++) {
        if (i != index) {
          found = found == null ? latestTo.get(i) : max(found, latestTo.get(i));
        }
      }
      return found;
    }

    String canonical() {
      Map<RfiId, String> entries = new TreeMap<>();
      for (int i = 0; i < size; i++) {
        entries.put(requests.get(i), minutes[i] + "@" + latestTo.get(i));
      }
      return entries + " sorted " + Arrays.toString(Arrays.copyOf(sorted, size)) + " last "
          + last;
    }

    @Override
    public String toString() {
      return canonical();
    }
  }

  @Override
  public String toString() {
    return canonical();
  }
}
