package org.pcop.model.taxonomy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The taxonomy of the National Public Safety Partnership, shipped as reference data: version 1 with
 * the seven core areas of the 2019 program description, version 2 with the eighth (constitutional
 * policing), both with the eleven aims of the Prosecution Community of Practice and a starter list
 * of topics. The data is a resource of this module, not code; a community may choose another
 * taxonomy.
 */
public final class PspTaxonomy {
  private static final String RESOURCE = "psp-taxonomy.tsv";
  private static final List<Taxonomy> VERSIONS = load();

  private PspTaxonomy() {}

  /**
   * Every shipped version, oldest first.
   *
   * @return the versions
   */
  public static List<Taxonomy> versions() {
    return VERSIONS;
  }

  /**
   * The version with the given number.
   *
   * @param version the version number
   * @return the version, if shipped
   */
  public static Optional<Taxonomy> version(int version) {
    return VERSIONS.stream().filter(t -> t.getVersion() == version).findFirst();
  }

  /**
   * The newest shipped version.
   *
   * @return the current version
   */
  public static Taxonomy current() {
    return VERSIONS.get(VERSIONS.size() - 1);
  }

  /**
   * The version in effect on {@code day}, if any.
   *
   * @param day the day
   * @return the version in effect
   */
  public static Optional<Taxonomy> inEffectOn(LocalDate day) {
    Taxonomy found = null;
    for (Taxonomy t : VERSIONS) {
      if (!t.getEffective().isAfter(day)) {
        found = t;
      }
    }
    return Optional.ofNullable(found);
  }

  private static List<Taxonomy> load() {
    try (InputStream in = PspTaxonomy.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("pcop-model is missing its resource " + RESOURCE);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<Taxonomy> versions = new ArrayList<>();
      TaxonomyId id = null;
      String name = null;
      ImmutableTaxonomy.Builder current = null;
      int version = 0;
      LocalDate effective = null;
      String line;
      int lineNumber = 0;
      while ((line = reader.readLine()) != null) {
        lineNumber++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t", -1);
        switch (f[0]) {
          case "taxonomy":
            id = TaxonomyId.of(f[1]);
            name = f[2];
            break;
          case "version":
            if (current != null) {
              versions.add(current.build());
            }
            version = Integer.parseInt(f[1]);
            effective = LocalDate.parse(f[2]);
            current = Taxonomy.builder().id(id).name(name).version(version).effective(effective);
            break;
          case "inherit":
            current.from(versions.get(versions.size() - 1)).version(version)
                .effective(effective);
            break;
          case "core-area":
            current.addCoreArea(CoreArea.of(CoreAreaId.of(f[1]), f[2]));
            break;
          case "topic":
            current.addTopic(Topic.of(TopicId.of(f[1]), f[3], CoreAreaId.of(f[2])));
            break;
          case "aim":
            current.addAim(Aim.of(AimId.of(f[1]), f[2]));
            break;
          default:
            throw new IllegalStateException(RESOURCE + " line " + lineNumber
                + ": unknown record " + f[0]);
        }
      }
      versions.add(current.build());
      return List.copyOf(versions);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
