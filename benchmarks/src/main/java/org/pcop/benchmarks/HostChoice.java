package org.pcop.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.pcop.model.SiteId;
import org.pcop.model.taxonomy.CoreArea;
import org.pcop.model.taxonomy.CoreAreaId;
import org.pcop.model.taxonomy.PspTaxonomy;

/**
 * Which site hosts an exchange in a {@link NationalCommunity} history: three times in five a site
 * strong in the exchange's core area, one time in five the site the visiting agency visited last
 * (past practice), otherwise any site (noise). Site {@code s} is strong in core areas
 * {@code s mod K} and {@code (3s + 1) mod K} of the {@code K} core areas of the PSP taxonomy.
 * {@link #chances} gives each site's chance before the draw; an instance makes the draws of one
 * pass over the history, from the generator's random source, and remembers each agency's last
 * host.
 */
final class HostChoice {
  private final int sites;
  /** The sites strong in each core area. */
  private final List<List<Integer>> strongSites;
  /** The site an agency last visited through an exchange, or -1. */
  private final int[] lastHost;

  /**
   * The draws of one pass over a history.
   *
   * @param sites the history's sites
   * @param agencies the history's agencies
   * @param areaCount how many core areas the taxonomy has
   */
  HostChoice(int sites, int agencies, int areaCount) {
    this.sites = sites;
    this.strongSites = strongSites(sites, areaCount);
    this.lastHost = new int[agencies];
    Arrays.fill(lastHost, -1);
  }

  /**
   * The sites strong in each core area, by core-area index (in the taxonomy's order) then site
   * index, lowest first: site {@code s} is strong in core areas {@code s mod K} and
   * {@code (3s + 1) mod K} of the {@code K} core areas.
   */
  private static List<List<Integer>> strongSites(int sites, int areaCount) {
    List<List<Integer>> strong = new ArrayList<>();
    for (int a = 0; a < areaCount; a++) {
      strong.add(new ArrayList<>());
    }
    for (int s = 0; s < sites; s++) {
      strong.get(s % areaCount).add(s);
      if ((3 * s + 1) % areaCount != s % areaCount) {
        strong.get((3 * s + 1) % areaCount).add(s);
      }
    }
    return strong;
  }

  /**
   * The chance the process gives each site of hosting an exchange in a core area, before its
   * draw: 60% spread evenly over the sites strong in the area, 20% the site the visiting agency
   * last visited (that share goes to noise when it has none), the rest spread evenly over every
   * site (noise). See {@link NationalCommunity#hostChances}.
   *
   * @param sites the history's sites
   * @param area the exchange's core area, one of the current PSP taxonomy's
   * @param lastVisited the site the visiting agency last asked to visit, if any
   * @return each site's chance, by site, summing to 1
   * @throws IllegalArgumentException if the core area is not the taxonomy's
   */
  static Map<SiteId, Double> chances(int sites, CoreAreaId area, Optional<SiteId> lastVisited) {
    List<CoreArea> areas = PspTaxonomy.current().getCoreAreas();
    int index = -1;
    for (int a = 0; a < areas.size(); a++) {
      if (areas.get(a).getId().equals(area)) {
        index = a;
      }
    }
    if (index < 0) {
      throw new IllegalArgumentException("hostChances.area: " + area
          + " is not a core area of the PSP taxonomy");
    }
    List<Integer> strong = strongSites(sites, areas.size()).get(index);
    double toStrong = strong.isEmpty() ? 0 : 0.6;
    double toLast = lastVisited.isPresent() ? 0.8 - toStrong : 0;
    double toAny = 1 - toStrong - toLast;
    Map<SiteId, Double> chances = new LinkedHashMap<>();
    for (int s = 0; s < sites; s++) {
      chances.put(SiteId.of("s-" + s), toAny / sites);
    }
    for (int s : strong) {
      chances.merge(SiteId.of("s-" + s), toStrong / strong.size(), Double::sum);
    }
    lastVisited.ifPresent(site -> chances.merge(site, toLast, Double::sum));
    return chances;
  }

  /**
   * Draws the host site of an exchange in {@code area} that agency {@code visiting} asks for,
   * and remembers it as that agency's last host.
   *
   * @param random the history's random source; one or two draws are taken from it
   * @param visiting the visiting agency's index
   * @param area the core area's index in the taxonomy
   * @return the host site's index
   */
  int draw(SplittableRandom random, int visiting, int area) {
    int host = hostFor(random, visiting, area);
    lastHost[visiting] = host;
    return host;
  }

  private int hostFor(SplittableRandom random, int visiting, int area) {
    int roll = random.nextInt(100);
    List<Integer> strong = strongSites.get(area);
    if (roll < 60 && !strong.isEmpty()) {
      return strong.get(random.nextInt(strong.size()));
    }
    if (roll < 80 && lastHost[visiting] >= 0) {
      return lastHost[visiting];
    }
    return random.nextInt(sites);
  }
}
