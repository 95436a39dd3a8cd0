package org.pcop.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.pcop.model.AgencyId;
import org.pcop.model.Member;
import org.pcop.model.MemberId;
import org.pcop.spi.ChangeMarker;
import org.pcop.spi.DirectoryChanges;
import org.pcop.spi.DirectoryEntry;
import org.pcop.spi.MemberDirectory;

/**
 * The compatibility kit for a {@link MemberDirectory}: its guarantees as rules R201 to R205. A
 * directory mirrors the host's staff, so besides the factory a vendor says how to hire, change and
 * remove a person in the host's test data:
 *
 * <pre>{@code
 * class AcmeDirectoryCompatibilityTest extends MemberDirectoryCompatibilityKit {
 *   protected MemberDirectory createDirectory() { return AcmeDirectory.on(emptyTestStaff()); }
 *   protected void putStaff(MemberDirectory d, Member m) { testStaff().upsert(m); }
 *   protected void removeStaff(MemberDirectory d, MemberId m) { testStaff().delete(m); }
 * }
 * }</pre>
 *
 * <p>Every failure message names the adapter ({@link #displayName()}) and the rule.
 */
@Kit
public abstract class MemberDirectoryCompatibilityKit {
  private MemberDirectory directory;

  /**
   * Creates a directory over a fresh, empty staff for one test.
   *
   * @return the directory
   */
  protected abstract MemberDirectory createDirectory();

  /**
   * Adds a person to the host's staff behind {@code directory}, or changes their record.
   *
   * @param directory a directory made by {@link #createDirectory()}
   * @param member the person's record
   */
  protected abstract void putStaff(MemberDirectory directory, Member member);

  /**
   * Removes a person from the host's staff behind {@code directory}, the way the host removes
   * people who leave (deleting the row, disabling the account ...).
   *
   * @param directory a directory made by {@link #createDirectory()}
   * @param member the person
   */
  protected abstract void removeStaff(MemberDirectory directory, MemberId member);

  /**
   * The adapter's name in failure messages: the {@link DisplayName} of the test class, or else
   * the directory's class name.
   *
   * @return the name
   */
  protected String displayName() {
    return KitNames.declaredName(getClass()).orElse(
        directory == null ? getClass().getName() : directory.getClass().getName());
  }

  @BeforeEach
  final void createTheDirectory() {
    directory = createDirectory();
    assertNotNull(directory,
        () -> Verdicts.broke(displayName(), "createDirectory()", "returned null"));
  }

  private String broke(String rule, String detail) {
    return Verdicts.broke(displayName(), rule, detail);
  }

  private static Member person(int n, String title) {
    return Member.builder().id(MemberId.of("tck-m-" + n)).name("Person Number " + n)
        .title(title).agency(AgencyId.of("tck-a-" + (n % 2))).email("p" + n + "@example.org")
        .build();
  }

  private DirectoryChanges page(String rule, Optional<ChangeMarker> since, int max) {
    DirectoryChanges changes = Verdicts.call(displayName(), rule,
        "changesSince(" + since.map(ChangeMarker::value).orElse("start") + ", " + max + ")",
        () -> directory.changesSince(since, max));
    assertTrue(changes.getEntries().size() <= max, () -> broke(rule,
        "a page must hold at most " + max + " entries; got " + changes.getEntries().size()));
    return changes;
  }

  /** Reads every page from a marker; returns the people by id and the last marker. */
  private Map.Entry<Map<MemberId, DirectoryEntry>, ChangeMarker> readAll(String rule,
      Optional<ChangeMarker> since, int pageSize) {
    Map<MemberId, DirectoryEntry> people = new LinkedHashMap<>();
    Optional<ChangeMarker> marker = since;
    for (int pages = 0; pages < 1000; pages++) {
      DirectoryChanges changes = page(rule, marker, pageSize);
      changes.getEntries().forEach(e -> people.put(e.getMember().getId(), e));
      marker = Optional.of(changes.getMarker());
      if (!changes.hasMore()) {
        return Map.entry(people, marker.get());
      }
    }
    throw new org.opentest4j.AssertionFailedError(
        broke(rule, "hasMore stayed true for 1000 pages"));
  }

  private static List<String> describe(Map<MemberId, DirectoryEntry> people) {
    return people.values().stream()
        .map(e -> e.getMember().getId() + " " + e.getMember().getTitle().orElse("")
            + (e.isActive() ? "" : " (inactive)"))
        .sorted().collect(Collectors.toList());
  }

  // A read from the start is complete.

  @Test
  @DisplayName("R201 reading from the start, page by page, yields every person once in their"
      + " latest state")
  void r201() {
    String rule = "R201 (complete from the start)";
    for (int n = 1; n <= 5; n++) {
      putStaff(directory, person(n, "ADA"));
    }
    putStaff(directory, person(3, "Chief ADA"));
    Map<MemberId, DirectoryEntry> people = readAll(rule, Optional.empty(), 2).getKey();
    assertEquals(List.of("tck-m-1 ADA", "tck-m-2 ADA", "tck-m-3 Chief ADA", "tck-m-4 ADA",
        "tck-m-5 ADA"), describe(people),
        () -> broke(rule, "every person must be read once, in their latest state"));
  }

  // Changes are read by marker.

  @Test
  @DisplayName("R202 reading from a marker yields exactly the people changed since, and nobody"
      + " when nothing changed")
  void r202() {
    String rule = "R202 (delta by marker)";
    for (int n = 1; n <= 4; n++) {
      putStaff(directory, person(n, "ADA"));
    }
    ChangeMarker marker = readAll(rule, Optional.empty(), 10).getValue();
    Map.Entry<Map<MemberId, DirectoryEntry>, ChangeMarker> nothing =
        readAll(rule, Optional.of(marker), 10);
    assertEquals(List.of(), describe(nothing.getKey()),
        () -> broke(rule, "with no change since the marker, nobody must be reported"));
    putStaff(directory, person(2, "Chief ADA"));
    putStaff(directory, person(9, "Investigator"));
    Map.Entry<Map<MemberId, DirectoryEntry>, ChangeMarker> delta =
        readAll(rule, Optional.of(nothing.getValue()), 10);
    assertEquals(List.of("tck-m-2 Chief ADA", "tck-m-9 Investigator"), describe(delta.getKey()),
        () -> broke(rule, "exactly the changed people must be reported, in their latest"
            + " state"));
  }

  @Test
  @DisplayName("R203 reading twice from the same marker is safe and yields the same people")
  void r203() {
    String rule = "R203 (repeatable reads)";
    putStaff(directory, person(1, "ADA"));
    ChangeMarker marker = readAll(rule, Optional.empty(), 10).getValue();
    putStaff(directory, person(2, "ADA"));
    List<String> first = describe(readAll(rule, Optional.of(marker), 10).getKey());
    List<String> second = describe(readAll(rule, Optional.of(marker), 10).getKey());
    assertEquals(List.of("tck-m-2 ADA"), first, () -> broke(rule, "the change must be read"));
    assertEquals(first, second,
        () -> broke(rule, "a second read from the same marker must yield the same people"));
  }

  // People are deactivated, never deleted.

  @Test
  @DisplayName("R204 a person removed from the staff is reported inactive, from the start and"
      + " from an earlier marker")
  void r204() {
    String rule = "R204 (deactivated, never deleted)";
    putStaff(directory, person(1, "ADA"));
    putStaff(directory, person(2, "ADA"));
    ChangeMarker marker = readAll(rule, Optional.empty(), 10).getValue();
    removeStaff(directory, MemberId.of("tck-m-1"));
    assertEquals(List.of("tck-m-1 ADA (inactive)"),
        describe(readAll(rule, Optional.of(marker), 10).getKey()),
        () -> broke(rule, "a removed person must be reported inactive since the marker"));
    assertEquals(List.of("tck-m-1 ADA (inactive)", "tck-m-2 ADA"),
        describe(readAll(rule, Optional.empty(), 10).getKey()),
        () -> broke(rule, "a removed person must still be reported, inactive, from the"
            + " start"));
  }

  // Pages hold their limit.

  @Test
  @DisplayName("R205 a page holds at most the requested number of people, each once, and paging"
      + " loses nobody")
  void r205() {
    String rule = "R205 (pages hold their limit)";
    for (int n = 1; n <= 7; n++) {
      putStaff(directory, person(n, "ADA"));
    }
    Set<MemberId> seen = new HashSet<>();
    List<MemberId> repeated = new ArrayList<>();
    Optional<ChangeMarker> marker = Optional.empty();
    boolean more = true;
    for (int pages = 0; more && pages < 100; pages++) {
      DirectoryChanges changes = page(rule, marker, 3);
      changes.getEntries().forEach(e -> {
        if (!seen.add(e.getMember().getId())) {
          repeated.add(e.getMember().getId());
        }
      });
      marker = Optional.of(changes.getMarker());
      more = changes.hasMore();
    }
    assertFalse(more, () -> broke(rule, "paging must end"));
    assertEquals(List.of(), repeated,
        () -> broke(rule, "paging from the start must report each person once"));
    assertEquals(7, seen.size(), () -> broke(rule, "paging must lose nobody"));
  }
}
