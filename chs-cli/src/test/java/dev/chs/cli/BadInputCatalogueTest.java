package dev.chs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Checks that {@code docs/bad-input.md} and the tests agree: every entry of the catalogue has at
 * least one test tagged with its id, and every tag of that form names an entry. The tests are
 * found in the sources of every module, since one module's tests are not on another's class
 * path.
 */
class BadInputCatalogueTest {
  /** The sections' prefixes of an id, which its number follows. */
  private static final String SECTIONS = "(?:API|MODEL|CSV|CLI|SPARK|FLINK)";
  /** An entry's row in the catalogue: its id in the first cell of a table row. */
  private static final Pattern ENTRY =
      Pattern.compile("^\\| (" + SECTIONS + "-\\d{2}) \\|", Pattern.MULTILINE);
  private static final Pattern TAG = Pattern.compile("@Tag\\(\"(" + SECTIONS + "-\\d+)\"\\)");

  private static final Path ROOT = root();

  @Test
  void everyEntryOfTheCatalogueHasATaggedTest() throws IOException {
    List<String> entries = entries();
    Map<String, List<String>> tests = taggedTests();

    List<String> untested = entries.stream().filter(id -> !tests.containsKey(id)).toList();

    assertThat(entries).as("catalogue entries").hasSizeGreaterThan(80);
    assertThat(untested).as("ids of docs/bad-input.md without a test tagged with them").isEmpty();
  }

  @Test
  void everyTagOfACatalogueFormNamesAnEntry() throws IOException {
    Set<String> entries = new LinkedHashSet<>(entries());
    Map<String, List<String>> stray = new TreeMap<>(taggedTests());
    stray.keySet().removeAll(entries);

    assertThat(stray).as("tags, with their test files, that name no entry of the catalogue")
        .isEmpty();
  }

  @Test
  void theCatalogueNamesEachIdOnce() throws IOException {
    List<String> entries = entries();
    assertThat(entries).doesNotHaveDuplicates();
  }

  @Test
  void readsIdsFromTableRowsAndTagsFromAnnotationsOnly() {
    String catalogue = "| id | bad value |\n| --- | --- |\n| CSV-07 | header |\n"
        + "see CSV-08 in a sentence\n| MODEL-01 | bytes |\n| SPARK-02 | kind |\n"
        + "| CLI-03 | number |\n| CLIX-01 | not a section |\n";
    String source = "@Test\n@Tag(\"CSV-07\")\nvoid a() {}\n// CSV-09 in a comment\n"
        + "@Tag(\"slow\")\n@Tag(\"API-03\")\n@Tag(\"FLINK-01\")\n@Tag(\"CLI-12\")\n";

    assertThat(idsIn(catalogue)).containsExactly("CSV-07", "MODEL-01", "SPARK-02", "CLI-03");
    assertThat(tagsIn(source)).containsExactly("CSV-07", "API-03", "FLINK-01", "CLI-12");
  }

  private static List<String> entries() throws IOException {
    return idsIn(Files.readString(ROOT.resolve("docs/bad-input.md")));
  }

  private static List<String> idsIn(String catalogue) {
    List<String> ids = new ArrayList<>();
    Matcher m = ENTRY.matcher(catalogue);
    while (m.find()) {
      ids.add(m.group(1));
    }
    return ids;
  }

  private static Set<String> tagsIn(String source) {
    Set<String> tags = new LinkedHashSet<>();
    Matcher m = TAG.matcher(source);
    while (m.find()) {
      tags.add(m.group(1));
    }
    return tags;
  }

  /** Returns each tag of a catalogue form, with the test files that carry it. */
  private static Map<String, List<String>> taggedTests() throws IOException {
    Map<String, List<String>> tests = new TreeMap<>();
    for (Path source : testSources()) {
      for (String id : tagsIn(Files.readString(source))) {
        tests.computeIfAbsent(id, k -> new ArrayList<>()).add(ROOT.relativize(source).toString());
      }
    }
    return tests;
  }

  private static List<Path> testSources() throws IOException {
    List<Path> sources = new ArrayList<>();
    try (Stream<Path> modules = Files.list(ROOT)) {
      for (Path module : modules.toList()) {
        Path tests = module.resolve("src/test/java");
        if (Files.isDirectory(tests)) {
          try (Stream<Path> files = Files.walk(tests)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(sources::add);
          }
        }
      }
    }
    return sources;
  }

  /** Finds the root of the build: the nearest folder up from here that holds the catalogue. */
  private static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isRegularFile(dir.resolve("docs/bad-input.md"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new UncheckedIOException(new IOException(
          "docs/bad-input.md: not found in " + Path.of("").toAbsolutePath() + " or above"));
    }
    return dir;
  }
}
