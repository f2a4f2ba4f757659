package dev.chs.cli;

import dev.chs.cli.report.HtmlReport;
import dev.chs.core.model.HealthModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code chs report}: the self-contained HTML report of a data set as of T. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Writes the HTML report of a data set as of T.",
      "%nOne self-contained file that reads offline: scores by cloud, their trends over the"
          + " last " + ReportCommand.HISTORY_MONTHS + " months, the revenue at risk and the"
          + " watchlist.%n"
    })
final class ReportCommand extends DataSetCommand {
  /** How many months of monthly scores the report's trends show before T. */
  static final int HISTORY_MONTHS = 6;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      defaultValue = "chs-report.html",
      description = "The HTML file to write (default: ${DEFAULT-VALUE}).")
  Path out;

  @Override
  Path outputFile() {
    return out;
  }

  @Override
  PortfolioRun plan(HealthModel model) {
    return PortfolioRun.of(model, run.asOf).withMonthlyHistory(HISTORY_MONTHS);
  }

  @Override
  void write(ScoredPortfolio portfolio, Writer writer) throws IOException {
    Path folder = run.data.toAbsolutePath().normalize().getFileName();
    HtmlReport.write(portfolio.reportData(folder == null ? "chs" : folder.toString()), writer);
  }

  @Override
  void wrote(Path file, PrintWriter err) {
    err.println("wrote the report to " + file.toAbsolutePath().normalize());
  }
}
