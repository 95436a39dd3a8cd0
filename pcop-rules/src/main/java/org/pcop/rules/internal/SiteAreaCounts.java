package org.pcop.rules.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.pcop.model.SiteId;
import org.pcop.model.taxonomy.CoreAreaId;

/**
 * Participations per day and (site, core area) cell of one community: one int array per day
 * with any, indexed by interned cell, plus all-time totals.
 */
final class SiteAreaCounts {
  private final Map<SiteId, Map<CoreAreaId, Integer>> cells = new HashMap<>();
  private final List<SiteId> cellSites = new ArrayList<>();
  private final List<CoreAreaId> cellAreas = new ArrayList<>();
  private final TreeMap<Integer, int[]> byDay = new TreeMap<>();
  private long[] total = new long[8];

  private int lastDay;
  private int[] lastCounts;

  void add(int day, SiteId site, Collection<CoreAreaId> areas) {
    int[] counts = lastCounts != null && lastDay == day ? lastCounts : byDay.get(day);
    for (CoreAreaId area : areas) {
      int cell = cells.computeIfAbsent(site, s -> new HashMap<>()).computeIfAbsent(area, a -> {
        cellSites.add(site);
        cellAreas.add(a);
        return cellSites.size() - 1;
      });
      if (counts == null || counts.length <= cell) {
        counts = counts == null ? new int[cellSites.size() + 4]
            : Arrays.copyOf(counts, cellSites.size() + 4);
        byDay.put(day, counts);
      }
      if (total.length <= cell) {
        total = Arrays.copyOf(total, cellSites.size() * 2);
      }
      counts[cell]++;
      total[cell]++;
    }
    if (counts != null) {
      lastDay = day;
      lastCounts = counts;
    }
  }

  /** The counts as a snapshot keeps them. */
  RecordState.Matrix export() {
    RecordState.Matrix m = new RecordState.Matrix();
    m.cellSites.addAll(cellSites);
    m.cellAreas.addAll(cellAreas);
    m.days = byDay.keySet().stream().mapToInt(Integer::intValue).toArray();
    m.counts = byDay.values().toArray(new int[0][]);
    m.total = total;
    return m;
  }

  /** The counts a snapshot kept. */
  static SiteAreaCounts restore(RecordState.Matrix m) {
    SiteAreaCounts counts = new SiteAreaCounts();
    for (int cell = 0; cell < m.cellSites.size(); cell++) {
      counts.cells.computeIfAbsent(m.cellSites.get(cell), site -> new HashMap<>())
          .put(m.cellAreas.get(cell), cell);
    }
    counts.cellSites.addAll(m.cellSites);
    counts.cellAreas.addAll(m.cellAreas);
    for (int i = 0; i < m.days.length; i++) {
      counts.byDay.put(m.days[i], m.counts[i]);
    }
    counts.total = m.total;
    return counts;
  }

  Map<SiteId, Map<CoreAreaId, Long>> counts(LocalDate first, LocalDate last) {
    Map<SiteId, Map<CoreAreaId, Long>> counts = new TreeMap<>();
    if (byDay.isEmpty() || first.isAfter(last)) {
      return counts;
    }
    long from = Math.max(first.toEpochDay(), Integer.MIN_VALUE);
    long to = Math.min(last.toEpochDay(), Integer.MAX_VALUE);
    long[] sum;
    if (from <= byDay.firstKey() && to >= byDay.lastKey()) {
      sum = total;
    } else {
      sum = new long[cellSites.size()];
      for (int[] day : byDay.subMap((int) from, true, (int) to, true).values()) {
        for (int cell = 0; cell < day.length && cell < sum.length; cell++) {
          sum[cell] += day[cell];
        }
      }
    }
    for (int cell = 0; cell < cellSites.size() && cell < sum.length; cell++) {
      if (sum[cell] != 0) {
        counts.computeIfAbsent(cellSites.get(cell), s -> new TreeMap<>())
            .put(cellAreas.get(cell), sum[cell]);
      }
    }
    return counts;
  }
}
