package org.pcop.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.pcop.model.event.ExchangeRequested;
import org.pcop.model.event.PcopEvent;

/**
 * The generated histories are the ones every figure of BENCHMARKS.md was measured on: a change to
 * how the generator is laid out must leave each event, and the order of the draws, exactly as it
 * was. Each digest is the SHA-256 of the events' text, one a line, taken when it was recorded; a
 * change meant to alter the history records new digests (and new figures).
 */
class NationalHistoryDigestTest {
  @Test
  void the_national_history_is_the_one_the_figures_were_measured_on() {
    // The first 200,000 events: the founding roster, then over a year of activity (715 exchanges).
    assertDigest("81114175a4ad3a7b1398b5a46a16bafe8247ad14a18261a3c8ae86f48285275d",
        NationalCommunity.national(200_000));
  }

  @Test
  void the_history_of_the_suggestion_evaluation_is_unchanged() {
    assertDigest("5c3bbfb02a324bcb80b5180250e29a537e7f1aaa016b211e3665c533f20a35f1",
        NationalCommunity.of(20, 400, 3_000, 1_826, 60_000, 2_021));
  }

  private static void assertDigest(String expected, NationalCommunity history) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
    long exchanges = 0;
    for (PcopEvent event : history) {
      sha.update((event + "\n").getBytes(StandardCharsets.UTF_8));
      if (event instanceof ExchangeRequested) {
        exchanges++;
      }
    }
    assertTrue(exchanges > 100, "the history draws hosts for exchanges: " + exchanges);
    assertEquals(expected, HexFormat.of().formatHex(sha.digest()));
  }
}
