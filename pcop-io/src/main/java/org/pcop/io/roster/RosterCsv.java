package org.pcop.io.roster;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.pcop.io.ImportError;
import org.pcop.io.ImportResult;
import org.pcop.io.ReadLimits;
import org.pcop.io.eventlog.KnownIds;
import org.pcop.io.internal.CsvReader;
import org.pcop.io.internal.CsvWriter;
import org.pcop.io.internal.TextInput;
import org.pcop.io.internal.Texts;
import org.pcop.io.internal.Validators;
import org.pcop.model.AgencyId;
import org.pcop.model.BarAdmission;
import org.pcop.model.InvalidValueException;
import org.pcop.model.Member;
import org.pcop.model.MemberId;
import org.pcop.model.SiteId;
import org.pcop.model.taxonomy.TopicId;
import org.pcop.model.validation.Violation;

/**
 * Reads and writes rosters as CSV (RFC 4180, UTF-8). The first row is this header, exactly:
 *
 * <pre>
 * member_id,name,title,email,phone,agency_id,site_id,bar_admissions,expertise
 * </pre>
 *
 * <ul>
 *   <li>{@code member_id}, {@code agency_id}, {@code site_id}: identifiers (1 to 64 letters,
 *       digits, {@code .}, {@code _}, {@code :} or {@code -}); {@code site_id} may be empty;
 *   <li>{@code name}, {@code email}: required; {@code title}, {@code phone}: may be empty;
 *   <li>{@code bar_admissions}: {@code STATE:NUMBER} pairs separated by {@code ;}, for example
 *       {@code TN:032177;MO:55012}; may be empty;
 *   <li>{@code expertise}: topic ids separated by {@code ;}; may be empty.
 * </ul>
 *
 * <p>Import is all or nothing: every bad row is reported with its row (the header is row 1) and
 * column and what was expected, and no entry is returned unless every row is valid. Export ends
 * rows with CRLF and puts an apostrophe in front of any cell that starts with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab, a carriage return or an apostrophe, so that a spreadsheet shows it
 * as text instead of running it; import removes one leading apostrophe from every cell.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class RosterCsv {
  /** The header row, in order. */
  public static final List<String> HEADER = List.of("member_id", "name", "title", "email",
      "phone", "agency_id", "site_id", "bar_admissions", "expertise");

  private static final String WHAT = "roster";
  private final ReadLimits limits;
  /** What the rows' references are checked against; null to check none. */
  private final KnownIds known;

  private RosterCsv(ReadLimits limits) {
    this(limits, null);
  }

  private RosterCsv(ReadLimits limits, KnownIds known) {
    this.known = known;
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  /**
   * A roster format reading under the default limits.
   *
   * @return the format
   */
  public static RosterCsv create() {
    return new RosterCsv(ReadLimits.defaults());
  }

  /**
   * A roster format reading under {@code limits}: {@link ReadLimits#getMaxDocumentLength()} for
   * the file, {@link ReadLimits#getMaxStringLength()} for a cell, and
   * {@link ReadLimits#getMaxErrors()}.
   *
   * @param limits the limits
   * @return the format
   */
  public static RosterCsv with(ReadLimits limits) {
    return new RosterCsv(limits);
  }

  /**
   * Reads a roster; closes {@code in}.
   *
   * @param in UTF-8 CSV
   * @return every entry, or every error found
   * @throws IOException if the input cannot be read
   */
  public ImportResult<List<RosterEntry>> read(InputStream in) throws IOException {
    return readChecked(in);
  }

  /**
   * Reads a roster and checks its references in the same pass as its cells: a row whose agency
   * or site is not registered, whose site is not its agency's (when {@code known} has the
   * agencies' sites, {@link KnownIds#withAgencySites}), or whose expertise names a topic outside
   * the taxonomy, is an error naming the row, the column and the id, reported with every other
   * bad row of the file. Closes {@code in}.
   *
   * @param in UTF-8 CSV
   * @param known the agencies, sites and taxonomy of the community the roster is for
   * @return every entry, or every error found
   * @throws IOException if the input cannot be read
   */
  public ImportResult<List<RosterEntry>> read(InputStream in, KnownIds known)
      throws IOException {
    return new RosterCsv(limits, Objects.requireNonNull(known, "known")).readChecked(in);
  }

  private ImportResult<List<RosterEntry>> readChecked(InputStream in) throws IOException {
    List<ImportError> errors = new ArrayList<>();
    int[] total = {0};
    List<RosterEntry> entries = new ArrayList<>();
    Map<MemberId, Long> seen = new HashMap<>();
    try (TextInput text = new TextInput(in)) {
      CsvReader csv = new CsvReader(text, limits.getMaxStringLength(),
          limits.getMaxDocumentLength());
      CsvReader.Record header = csv.readChecked();
      if (header == null) {
        return ImportResult.invalid(WHAT, List.of(ImportError.csv(1, 0, "",
            "empty file; expected the header row " + String.join(",", HEADER))), 0);
      }
      if (header.error != null || !HEADER.equals(header.cells)) {
        return ImportResult.invalid(WHAT, List.of(header.error != null ? header.error
            : ImportError.csv(1, 0, "", "expected the header row " + String.join(",", HEADER)
                + ", found " + Texts.quote(header.cells.stream()
                .collect(Collectors.joining(","))))), 0);
      }
      CsvReader.Record record;
      while ((record = csv.readChecked()) != null) {
        if (record.error != null) {
          add(errors, total, record.error);
          if (record.fatal) {
            break;
          }
          continue;
        }
        if (record.cells.size() == 1 && record.cells.get(0).isEmpty()) {
          add(errors, total, ImportError.csv(record.row, 0, "",
              "empty row; expected " + HEADER.size() + " cells"));
          continue;
        }
        if (record.cells.size() != HEADER.size()) {
          add(errors, total, ImportError.csv(record.row, 0, "", "has " + record.cells.size()
              + " cells; expected " + HEADER.size() + " (" + String.join(",", HEADER) + ")"));
          continue;
        }
        RosterEntry entry = entry(record, errors, total);
        if (entry != null) {
          Long first = seen.putIfAbsent(entry.getMember().getId(), record.row);
          if (first != null) {
            add(errors, total, ImportError.csv(record.row, 1, HEADER.get(0), "duplicate member "
                + Texts.quote(entry.getMember().getId().value()) + ", first on row " + first
                + "; expected each member once"));
          } else {
            entries.add(entry);
          }
        }
      }
    }
    if (total[0] > 0) {
      return ImportResult.invalid(WHAT, errors, total[0] - errors.size());
    }
    return ImportResult.valid(WHAT, List.copyOf(entries));
  }

  private void add(List<ImportError> errors, int[] total, ImportError error) {
    total[0]++;
    if (errors.size() < limits.getMaxErrors()) {
      errors.add(error);
    }
  }

  private RosterEntry entry(CsvReader.Record record, List<ImportError> errors, int[] total) {
    List<String> cells = record.cells.stream().map(CsvWriter::unneutralise)
        .collect(Collectors.toList());
    int before = total[0];
    MemberId id = cell(record, cells, 0, true, MemberId::of, errors, total);
    String name = cell(record, cells, 1, true, s -> s, errors, total);
    String title = cell(record, cells, 2, false, s -> s, errors, total);
    String email = cell(record, cells, 3, true, s -> s, errors, total);
    String phone = cell(record, cells, 4, false, s -> s, errors, total);
    AgencyId agency = cell(record, cells, 5, true, AgencyId::of, errors, total);
    SiteId site = cell(record, cells, 6, false, SiteId::of, errors, total);
    List<BarAdmission> bars = new ArrayList<>();
    List<TopicId> expertise = new ArrayList<>();
    if (!cells.get(7).isEmpty()) {
      for (String pair : cells.get(7).split(";", -1)) {
        int colon = pair.indexOf(':');
        if (colon < 0) {
          add(errors, total, ImportError.csv(record.row, 8, HEADER.get(7), "expected STATE:NUMBER"
              + " pairs separated by ';', found " + Texts.quote(pair)));
        } else {
          String jurisdiction = pair.substring(0, colon);
          String number = pair.substring(colon + 1);
          BarAdmission admission = cell(record, List.of(pair), 0, true,
              s -> BarAdmission.of(jurisdiction, number), errors, total, 8);
          if (admission != null) {
            bars.add(admission);
          }
        }
      }
    }
    if (!cells.get(8).isEmpty()) {
      for (String topic : cells.get(8).split(";", -1)) {
        TopicId t = cell(record, List.of(topic), 0, true, TopicId::of, errors, total, 9);
        if (t != null) {
          expertise.add(t);
        }
      }
    }
    if (known != null) {
      if (agency != null && !known.hasAgency(agency)) {
        add(errors, total, ImportError.csv(record.row, 6, HEADER.get(5), "agency "
            + agency + " is not registered; expected an agency of the community"));
      }
      if (site != null && !known.hasSite(site)) {
        add(errors, total, ImportError.csv(record.row, 7, HEADER.get(6), "site " + site
            + " is not registered; expected a site of the community"));
      } else if (site != null && agency != null && known.hasAgency(agency)
          && known.knowsAgencySites()) {
        Optional<SiteId> agencySite = known.siteOfAgency(agency);
        if (!agencySite.equals(Optional.of(site))) {
          add(errors, total, ImportError.csv(record.row, 7, HEADER.get(6), "site " + site
              + " is not the site of agency " + agency + " ("
              + agencySite.map(SiteId::value).orElse("none") + "); expected "
              + (agencySite.isPresent() ? "that site or an empty cell" : "an empty cell")));
        }
      }
      for (TopicId topic : expertise) {
        if (!known.hasTopic(topic)) {
          add(errors, total, ImportError.csv(record.row, 9, HEADER.get(8), "topic " + topic
              + " is not in the community's taxonomy"));
        }
      }
    }
    if (total[0] > before) {
      return null;
    }
    Member member;
    try {
      member = Member.builder().id(id).name(name).title(Optional.ofNullable(title))
          .agency(agency).email(email).phone(Optional.ofNullable(phone)).barAdmissions(bars)
          .expertise(expertise).build();
    } catch (InvalidValueException e) {
      add(errors, total, ImportError.csv(record.row, 0, "", String.valueOf(e.getMessage())));
      return null;
    }
    List<Violation> violations = Validators.shared().validate(member);
    for (Violation v : violations) {
      int column = columnOf(v.path());
      add(errors, total, ImportError.csv(record.row, column + 1, HEADER.get(column),
          v.message()));
    }
    return violations.isEmpty() ? RosterEntry.of(member, Optional.ofNullable(site)) : null;
  }

  private static int columnOf(String path) {
    if (path.startsWith("barAdmissions")) {
      return 7;
    }
    if (path.startsWith("expertise")) {
      return 8;
    }
    switch (path) {
      case "id":
        return 0;
      case "name":
        return 1;
      case "title":
        return 2;
      case "email":
        return 3;
      case "phone":
        return 4;
      case "agency":
        return 5;
      default:
        return 1;
    }
  }

  private <T> T cell(CsvReader.Record record, List<String> cells, int index, boolean required,
      java.util.function.Function<String, T> parse, List<ImportError> errors, int[] total) {
    return cell(record, cells, index, required, parse, errors, total, index + 1);
  }

  private <T> T cell(CsvReader.Record record, List<String> cells, int index, boolean required,
      java.util.function.Function<String, T> parse, List<ImportError> errors, int[] total,
      int column) {
    String value = cells.get(index);
    String header = HEADER.get(column - 1);
    if (value.isEmpty()) {
      if (required) {
        add(errors, total, ImportError.csv(record.row, column, header,
            "empty; expected a value"));
      }
      return null;
    }
    try {
      return parse.apply(value);
    } catch (InvalidValueException e) {
      String message = String.valueOf(e.getMessage());
      int colon = message.indexOf(": ");
      add(errors, total, ImportError.csv(record.row, column, header,
          colon >= 0 ? message.substring(colon + 2) : message));
      return null;
    }
  }

  /**
   * Writes a roster: the header row, then one row per entry, in order. The writer is flushed,
   * not closed.
   *
   * @param entries the entries
   * @param out the output
   * @throws IOException if writing fails
   */
  public void write(Iterable<RosterEntry> entries, Writer out) throws IOException {
    CsvWriter csv = new CsvWriter(out);
    csv.write(HEADER);
    for (RosterEntry entry : entries) {
      Member m = entry.getMember();
      csv.write(List.of(m.getId().value(), m.getName(), m.getTitle().orElse(""), m.getEmail(),
          m.getPhone().orElse(""), m.getAgency().value(),
          entry.getSite().map(SiteId::value).orElse(""),
          m.getBarAdmissions().stream().map(b -> b.getJurisdiction() + ":" + b.getNumber())
              .collect(Collectors.joining(";")),
          m.getExpertise().stream().map(TopicId::value).collect(Collectors.joining(";"))));
    }
    out.flush();
  }
}
