package org.pcop.benchmarks.drools;

import java.time.Duration;
import java.time.Instant;

/**
 * A missed service level, in the terms pcop-rules reports one, so that the two engines' breaches
 * compare with {@code equals}.
 *
 * @param subject what was late, for example {@code exchange x-4} or {@code rfi r-2}
 * @param obligation what was due, for example {@code first response}
 * @param dueAt when it was due
 * @param lateness how late it was met, or is so far
 * @param outstanding whether it is still outstanding at the evaluation instant
 */
public record Breach(String subject, String obligation, Instant dueAt, Duration lateness,
    boolean outstanding) {}
