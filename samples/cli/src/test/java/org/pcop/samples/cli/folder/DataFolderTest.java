package org.pcop.samples.cli.folder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcop.io.document.CommunityDocument;
import org.pcop.model.event.PcopEvent;
import org.pcop.samples.cli.simulation.EngineLogs;
import org.pcop.samples.cli.simulation.YearSimulation;

class DataFolderTest {
  private static final YearSimulation PLAN = YearSimulation.plan(3, 2022);

  /** The events of the plan's first commands through the engine: every setup and some months. */
  private static final List<PcopEvent> LOG = EngineLogs.firstCommands(PLAN, 1200).stream()
      .map(EventJson::fromData).toList();

  @TempDir
  Path temp;

  @Test
  void eventsComeBackInOrderAcrossPagesAndReopening() {
    List<PcopEvent> log = LOG.subList(0, DataFolder.PAGE * 2 + 7);
    Path dir = temp.resolve("f");
    List<Long> progress = new ArrayList<>();
    try (DataFolder folder = DataFolder.create(dir, PLAN.community().frame())) {
      folder.append(log, progress::add);
    }

    List<PcopEvent> read = new ArrayList<>();
    try (DataFolder folder = DataFolder.open(dir)) {
      folder.forEachEvent(read::add);
      assertEquals(log.size(), folder.eventCount());
    }

    assertEquals(log, read);
    assertEquals(List.of((long) DataFolder.PAGE, 2L * DataFolder.PAGE, (long) log.size()),
        progress);
  }

  @Test
  void aFolderIsMadeOnce() {
    Path dir = temp.resolve("f");
    DataFolder.create(dir, PLAN.community().frame()).close();

    DataFolderException e = assertThrows(DataFolderException.class,
        () -> DataFolder.create(dir, PLAN.community().frame()));

    assertEquals("the data folder " + dir + " already holds a community", e.getMessage());
  }

  @Test
  void aFrameWithSitesIsRefused() {
    CommunityDocument withMember = CommunityDocument.builder().from(PLAN.community().frame())
        .addSite(PLAN.community().sites().get(0)).build();

    assertThrows(DataFolderException.class,
        () -> DataFolder.create(temp.resolve("f"), withMember));
    assertFalse(Files.exists(temp.resolve("f")));
  }

  @Test
  void openingAFolderWithoutACommunitySaysWhatToRun() {
    DataFolderException e = assertThrows(DataFolderException.class,
        () -> DataFolder.open(temp));

    assertTrue(e.getMessage().contains("holds no community"), e.getMessage());
    assertTrue(e.getMessage().contains("pcop demo --data " + temp), e.getMessage());
  }

  @Test
  void aDocumentSplitIntoFrameAndEventsComesBackWhole() {
    Path dir = temp.resolve("f");
    CommunityDocument document;
    try (DataFolder folder = DataFolder.create(dir, PLAN.community().frame())) {
      folder.append(LOG, n -> { });
      document = CommunityState.replay(folder).document();
    }
    CommunityState copy = new CommunityState(DocumentEvents.frame(document));

    DocumentEvents.of(document, PLAN.community().coordinator(), PLAN.end(),
        org.pcop.model.event.EventId::random).forEach(copy::apply);

    assertEquals(document, copy.document());
    assertEquals(PLAN.community().members().size(), document.getMembers().size());
  }
}
