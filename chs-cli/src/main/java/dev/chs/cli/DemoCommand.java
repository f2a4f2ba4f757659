package dev.chs.cli;

import dev.chs.cli.data.DataSetReader;
import dev.chs.cli.data.DataSetSource;
import dev.chs.cli.data.ReadCounts;
import dev.chs.cli.data.Reject;
import dev.chs.cli.generate.PortfolioGenerator;
import dev.chs.cli.report.HtmlReport;
import dev.chs.core.model.HealthModel;
import dev.chs.core.model.ModelFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code chs demo}: scores the sample portfolio bundled in the jar, prints the top of its
 * watchlist and its revenue at risk, and writes the HTML report. It needs no files, so it works
 * from any folder.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Scores the bundled sample portfolio and writes its report.",
      "%nScores the 300 synthetic accounts of the sample as of 2026-11-30 with the default"
          + " model, prints the top " + DemoCommand.TOP + " of the watchlist and the revenue at"
          + " risk, and writes the HTML report. Needs no files: it works from any folder.%n"
    })
final class DemoCommand implements Callable<Integer> {
  /** How many watchlist entries the demo prints. */
  static final int TOP = 10;

  /** Where the sample lives among the jar's resources. */
  static final String SAMPLE = "/dev/chs/cli/sample";

  private static final int REJECTS_SHOWN = 10;

  @Spec CommandSpec spec;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      defaultValue = "chs-report.html",
      description = "The HTML report to write (default: ${DEFAULT-VALUE} in the current folder).")
  Path out;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String summary = ReadCounts.NONE.summaryLine();
    try {
      DataSetCommand.checkOutput("--out", out);
    } catch (IllegalArgumentException e) {
      err.println("chs: " + e.getMessage());
      err.println(summary);
      err.flush();
      return ExitCodes.USAGE;
    }
    try {
      HealthModel model = ModelFile.defaultModel(ChsCommand.registry());
      ScoredPortfolio portfolio = PortfolioRun.of(model, PortfolioGenerator.DEFAULT_END)
          .withMonthlyHistory(ReportCommand.HISTORY_MONTHS)
          .read(DataSetReader.lenient(), DataSetSource.resources(Main.class, SAMPLE),
              printRejects(err), Progress.on(err, Progress.onTerminal()));
      summary = portfolio.read().summaryLine();

      DemoTables.watchlist(portfolio, TOP, stdout);
      stdout.println();
      DemoTables.revenueAtRisk(portfolio, stdout);
      try (Writer report = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
        HtmlReport.write(portfolio.reportData("chs demo: the sample portfolio"), report);
      }
      stdout.println();
      stdout.println("The report is in " + out.toAbsolutePath().normalize());
      stdout.flush();
      Warnings.print(portfolio, err);
      return ExitCodes.OK;
    } catch (IOException e) {
      err.println("chs: " + DataSetCommand.describe(e));
      return ExitCodes.USAGE;
    } finally {
      err.println(summary);
      err.flush();
    }
  }

  /** The sample should have no bad row; if it ever has, show the first few. */
  private static Consumer<Reject> printRejects(PrintWriter err) {
    long[] seen = new long[1];
    return reject -> {
      if (++seen[0] <= REJECTS_SHOWN) {
        err.println("rejected: " + reject);
      }
    };
  }
}
