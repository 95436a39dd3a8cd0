package org.pcop.guard;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The labelled corpus in {@code case-fact-corpus.tsv}: synthetic community texts, each of class
 * {@code fact}, {@code clean} or {@code lookalike}, with every case fact marked
 * {@code {{kind|text}}}.
 */
final class Corpus {
  private static final Pattern MARK = Pattern.compile("\\{\\{([a-z-]+)\\|(.*?)\\}\\}");

  /** One labelled span. */
  record Label(String kind, int start, int end) {
    boolean overlaps(Finding f) {
      return f.kind().equals(kind) && f.start() < end && start < f.end();
    }
  }

  /** One text, without its marks, and its labels. */
  record Text(int line, String label, String text, List<Label> labels) {
    boolean clean() {
      return !label.equals("fact");
    }
  }

  private Corpus() {}

  static List<Text> load() {
    List<Text> texts = new ArrayList<>();
    try (InputStream in = Corpus.class.getResourceAsStream("case-fact-corpus.tsv");
        BufferedReader reader = new BufferedReader(new InputStreamReader(in,
            StandardCharsets.UTF_8))) {
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        int tab = line.indexOf('\t');
        String label = line.substring(0, tab);
        if (!List.of("fact", "clean", "lookalike").contains(label)) {
          throw new IllegalStateException("line " + number + ": unknown class " + label);
        }
        String marked = line.substring(tab + 1);
        StringBuilder plain = new StringBuilder();
        List<Label> labels = new ArrayList<>();
        Matcher m = MARK.matcher(marked);
        int last = 0;
        while (m.find()) {
          plain.append(marked, last, m.start());
          int start = plain.length();
          plain.append(m.group(2));
          labels.add(new Label(m.group(1), start, plain.length()));
          last = m.end();
        }
        plain.append(marked.substring(last));
        if (label.equals("fact") == labels.isEmpty()) {
          throw new IllegalStateException("line " + number + ": a " + label + " text must "
              + (labels.isEmpty() ? "have" : "not have") + " marked case facts");
        }
        texts.add(new Text(number, label, plain.toString(), List.copyOf(labels)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return texts;
  }
}
