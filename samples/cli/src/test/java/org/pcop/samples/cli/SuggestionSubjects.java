package org.pcop.samples.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import org.pcop.model.activity.Exchange;
import org.pcop.model.activity.RequestForInformation;
import org.pcop.samples.cli.folder.CommunityState;
import org.pcop.samples.cli.folder.DataFolder;

/**
 * A fresh copy of the demo folder and what {@code pcop suggest} is asked about in it: the log's
 * first request for information and its first exchange, each as the log stood a minute after it
 * was posted.
 *
 * @param dir the copy of the demo folder
 * @param rfi the log's first request for information
 * @param exchange the log's first exchange
 */
record SuggestionSubjects(Path dir, RequestForInformation rfi, Exchange exchange) {
  /** Copies the demo folder into {@code parent} and reads its first request and exchange. */
  static SuggestionSubjects ofDemoIn(Path parent) throws IOException {
    Path dir = DemoFolders.copyInto(parent);
    try (DataFolder folder = DataFolder.open(dir)) {
      CommunityState state = CommunityState.replay(folder);
      return new SuggestionSubjects(dir, state.record().rfis(state.community().getId()).get(0),
          state.record().exchanges(state.community().getId()).get(0));
    }
  }

  /** A minute after the request was posted. */
  Instant asked() {
    return rfi.getPostedAt().plusSeconds(60);
  }

  /** A minute after the exchange was requested. */
  Instant requested() {
    return exchange.getRequestedAt().plusSeconds(60);
  }
}
