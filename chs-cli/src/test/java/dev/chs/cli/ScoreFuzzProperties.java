package dev.chs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chs.cli.data.CsvFuzzProperties;
import dev.chs.cli.data.DataFile;
import dev.chs.cli.data.Deadline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Runs {@code chs score} end to end on mutated data sets (those of {@link CsvFuzzProperties}),
 * leniently and with {@code --strict}. Whatever the files hold, the run must end with one of the
 * documented exit codes: 0, 1 (only with {@code --strict}) or 2, never 3, which marks a bug in
 * chs; and standard error must end with the summary line. A run that takes longer than a minute
 * fails the property.
 */
class ScoreFuzzProperties {
  private static Path root;

  @BeforeContainer
  static void createRoot() throws IOException {
    root = Files.createTempDirectory("score-fuzz");
  }

  @AfterContainer
  static void deleteRoot() throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.sorted((a, b) -> b.compareTo(a)).toList()) {
        Files.delete(file);
      }
    }
  }

  @Property(tries = 30, edgeCases = EdgeCasesMode.NONE)
  void scoringAMutatedDataSetEndsWithADocumentedExitCode(
      @ForAll("dataSets") Map<DataFile, byte[]> set) throws Exception {
    Path data = Files.createTempDirectory(root, "data");
    for (Map.Entry<DataFile, byte[]> file : set.entrySet()) {
      Files.write(data.resolve(file.getKey().fileName()), file.getValue());
    }

    for (boolean strict : List.of(false, true)) {
      Path out = data.resolve(strict ? "strict.csv" : "scores.csv");
      List<String> args = new ArrayList<>(List.of("score", "--data", data.toString(),
          "--as-of", "2026-07-01", "--out", out.toString()));
      if (strict) {
        args.add("--strict");
      }

      Chs.Run run = Deadline.within(60, () -> Chs.run(args.toArray(new String[0])));

      assertThat(run.code()).as(run.err()).isIn(strict ? List.of(0, 1, 2) : List.of(0, 2));
      assertThat(run.lastErrLine()).as(run.err())
          .matches("read \\d+ rows: \\d+ used, \\d+ rejected");
      if (run.code() == 0) {
        assertThat(out).exists();
      } else {
        assertThat(run.err()).startsWith("chs: ");
      }
      Statistics.label(strict ? "strict" : "lenient").collect(run.code());
    }
  }

  @Provide
  Arbitrary<Map<DataFile, byte[]>> dataSets() {
    return CsvFuzzProperties.mutatedDataSets();
  }
}
