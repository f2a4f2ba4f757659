package dev.chs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chs.cli.data.DataSetReader;
import dev.chs.cli.data.DataSetSource;
import dev.chs.cli.generate.PortfolioGenerator;
import dev.chs.cli.output.WatchlistTable;
import dev.chs.core.model.HealthModel;
import dev.chs.core.model.ModelFile;
import dev.chs.core.portfolio.WatchlistEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands other than {@code score}: demo, report, watchlist and generate. */
class CommandsTest {
  @TempDir Path temp;

  @Test
  void demo_printsTheWatchlistAndRevenueAtRisk_andWritesTheReport() {
    Path report = temp.resolve("chs-report.html");

    Chs.Run run = Chs.run("demo", "--out", report.toString());

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out())
        .startsWith("Watchlist as of 2026-11-30T00:00:00Z: ")
        .contains("the top 10 by expected loss")
        .contains("   1  A-")
        .contains("  10  A-")
        .contains("Revenue at risk as of 2026-11-30T00:00:00Z")
        .contains("total ")
        .contains("by cloud")
        .contains("  service ")
        .contains("by band")
        .contains("  CRITICAL ")
        .contains("The report is in " + report.toAbsolutePath().normalize());
    assertThat(report).isNotEmptyFile();
    assertThat(run.lastErrLine()).isEqualTo("read 23577 rows: 23577 used, 0 rejected");
  }

  @Test
  void report_writesTheHtmlFileAndRejectsBesideIt() throws IOException {
    Path data = Chs.copySample(Files.createDirectory(temp.resolve("sample")));
    Path out = Files.createDirectory(temp.resolve("out")).resolve("report.html");

    Chs.Run run = Chs.run("report", "--data", data.toString(), "--as-of", "2026-11-30",
        "--out", out.toString());

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(out).isNotEmptyFile();
    assertThat(out.resolveSibling("rejects.csv")).hasContent("file,line,reason");
    assertThat(run.err()).contains("wrote the report to " + out);
    assertThat(run.lastErrLine()).isEqualTo("read 23577 rows: 23577 used, 0 rejected");
  }

  @Test
  void watchlist_writesTheLibrarysWatchlistInRankOrder() throws IOException {
    Path data = Chs.copySample(Files.createDirectory(temp.resolve("sample")));
    HealthModel model = ModelFile.defaultModel(ChsCommand.registry());
    List<WatchlistEntry> expected = PortfolioRun.of(model, PortfolioGenerator.DEFAULT_END)
        .read(DataSetReader.lenient(), DataSetSource.folder(data), r -> {}, Progress.QUIET)
        .watchlist().entries();

    Chs.Run run = Chs.run("watchlist", "--data", data.toString(), "--as-of", "2026-11-30",
        "--rejects", temp.resolve("rejects.csv").toString());

    assertThat(run.code()).as(run.err()).isZero();
    List<List<String>> rows = Chs.csv(run.out());
    assertThat(rows.get(0)).containsExactlyElementsOf(WatchlistTable.COLUMNS);
    assertThat(rows).hasSize(expected.size() + 1);
    assertThat(expected).isNotEmpty();
    for (int i = 0; i < expected.size(); i++) {
      List<String> row = rows.get(i + 1);
      WatchlistEntry entry = expected.get(i);
      assertThat(row.get(0)).isEqualTo(Integer.toString(i + 1));
      assertThat(row.get(1)).isEqualTo(entry.account().value());
      assertThat(row.get(2)).isNotEmpty();
      assertThat(Double.parseDouble(row.get(5))).isEqualTo(entry.expectedLoss());
      assertThat(Double.parseDouble(row.get(6))).isEqualTo(entry.exposedArr());
      assertThat(row.get(8)).isEqualTo(String.join(";", entry.reasons()));
    }
  }

  @Test
  void generate_writesADataSetThatScoreReadsWithoutRejects() throws IOException {
    Path out = temp.resolve("generated");

    Chs.Run generated = Chs.run("generate", "--accounts", "25", "--seed", "3", "--out",
        out.toString());
    Chs.Run scored = Chs.run("score", "--data", out.toString(), "--as-of", "2026-11-30",
        "--out", temp.resolve("scores.csv").toString());

    assertThat(generated.code()).as(generated.err()).isZero();
    assertThat(generated.out()).contains("cases.csv").contains("accounts.csv");
    assertThat(scored.code()).as(scored.err()).isZero();
    assertThat(scored.lastErrLine()).matches("read \\d+ rows: \\d+ used, 0 rejected");
    assertThat(temp.resolve("rejects.csv")).hasContent("file,line,reason");
    assertThat(Chs.csv(temp.resolve("scores.csv")).stream()
        .filter(r -> r.get(1).equals("*"))).hasSize(25);
  }

  @Test
  void generate_withTheDocumentedOptions_remakesTheBundledSample() throws IOException {
    Path out = temp.resolve("sample");

    Chs.Run run = Chs.run("generate", "--accounts", "300", "--seed", "7", "--out",
        out.toString());

    assertThat(run.code()).isZero();
    Path bundled = Path.of("src/main/resources/dev/chs/cli/sample");
    for (String file : List.of("accounts.csv", "cases.csv", "renewals.csv", "metrics.csv")) {
      assertThat(Files.mismatch(out.resolve(file), bundled.resolve(file))).as(file)
          .isEqualTo(-1);
    }
  }

  @Test
  @Tag("CLI-04")
  void generate_badAccountCount_exits2() {
    Chs.Run run = Chs.run("generate", "--accounts", "0", "--out", temp.toString());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("accounts: must be in [1, 99999999], was 0");
  }
}
