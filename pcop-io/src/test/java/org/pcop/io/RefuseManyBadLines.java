package org.pcop.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.pcop.io.document.CommunityDocumentFormat;
import org.pcop.io.eventlog.EventLogFormat;
import org.pcop.io.roster.RosterCsv;

/**
 * The child process of {@link BoundedMemoryTest}: refuses a million bad lines, rows or array
 * elements in the format named by its argument, streamed from a generator (the input is never
 * held whole), and prints how many errors it kept and how many it found.
 */
public final class RefuseManyBadLines {
  private RefuseManyBadLines() {}

  /**
   * Refuses the input.
   *
   * @param args the format: {@code events}, {@code roster} or {@code document}
   * @throws IOException never: the input is generated
   */
  public static void main(String[] args) throws IOException {
    int count = 1_000_000;
    ImportResult<?> result;
    switch (args[0]) {
      case "events":
        result = EventLogFormat.create().check(repeat("", "{}\n", "", count));
        break;
      case "roster":
        result = RosterCsv.create().read(repeat(
            "member_id,name,title,email,phone,agency_id,site_id,bar_admissions,expertise\n",
            "m-1,,,no email,,,,,\n", "", count));
        break;
      case "document":
        result = CommunityDocumentFormat.with(ReadLimits.builder().maxDocumentLength(100_000_000)
            .build()).read(repeat("{\"schemaVersion\":3,\"members\":[{}", ",{}", "]}",
            count - 1));
        break;
      default:
        throw new IllegalArgumentException(args[0]);
    }
    System.out.println(args[0] + ": valid=" + result.isValid() + " kept="
        + result.errors().size() + " total=" + (result.errors().size()
        + result.omittedErrorCount()));
  }

  /** {@code head}, then {@code body} {@code times} times, then {@code tail}, as UTF-8. */
  private static InputStream repeat(String head, String body, String tail, int times) {
    byte[][] parts = {head.getBytes(StandardCharsets.UTF_8), body.getBytes(StandardCharsets.UTF_8),
        tail.getBytes(StandardCharsets.UTF_8)};
    return new InputStream() {
      private int part;
      private int done;
      private int index;

      @Override
      public int read() {
        while (part < 3) {
          byte[] bytes = parts[part];
          if (index < bytes.length) {
            return bytes[index++] & 0xFF;
          }
          index = 0;
          if (part == 1 && ++done < times) {
            continue;
          }
          part++;
        }
        return -1;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        int n = 0;
        while (n < len) {
          int c = read();
          if (c < 0) {
            return n == 0 ? -1 : n;
          }
          b[off + n++] = (byte) c;
        }
        return n;
      }
    };
  }
}
