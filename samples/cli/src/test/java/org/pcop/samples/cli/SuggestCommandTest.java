package org.pcop.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcop.model.activity.Exchange;
import org.pcop.model.activity.RequestForInformation;

/**
 * {@code pcop suggest} ranks answerers for a request and hosts for an exchange of the demo, as
 * the log stood just after each was posted, and refuses an id the log does not hold.
 */
class SuggestCommandTest {
  @TempDir
  Path temp;

  @Test
  void suggestsAnswerersAndHostsWithTheirReasons() throws Exception {
    SuggestionSubjects subjects = SuggestionSubjects.ofDemoIn(temp);
    Path dir = subjects.dir();
    RequestForInformation rfi = subjects.rfi();
    Exchange exchange = subjects.exchange();
    Instant asked = subjects.asked();
    Run answerers = Run.of("suggest", "--data", dir.toString(), "--rfi", rfi.getId().value(),
        "--as-of", asked.toString(), "--limit", "3");
    assertEquals(PcopCli.EXIT_OK, answerers.code(), answerers::toString);
    String out = answerers.out();
    assertTrue(out.startsWith("Who should answer " + rfi.getId().value()), out);
    assertTrue(out.contains("\n1. ") && out.contains("\n3. ") && !out.contains("\n4. "), out);
    assertTrue(out.contains(": score "), out);
    assertFalse(out.contains("\n1. " + rfi.getAskedBy().value() + ":")
        || out.contains("\n2. " + rfi.getAskedBy().value() + ":")
        || out.contains("\n3. " + rfi.getAskedBy().value() + ":"), "the asker: " + out);

    Instant requested = subjects.requested();
    Run hosts = Run.of("suggest", "--data", dir.toString(), "--exchange",
        exchange.getId().value(), "--as-of", requested.toString());
    assertEquals(PcopCli.EXIT_OK, hosts.code(), hosts::toString);
    assertTrue(hosts.out().startsWith("Which site should host " + exchange.getId().value()),
        hosts.out());
    assertTrue(hosts.out().contains("\n1. ") && hosts.out().contains("earlier exchange"),
        hosts.out());

    Run unknown = Run.of("suggest", "--data", dir.toString(), "--rfi", "rfi-none");
    assertEquals(PcopCli.EXIT_FAILURE, unknown.code(), unknown::toString);
    assertTrue(unknown.err().contains("rfi-none"), unknown.err());
  }
}
