package dev.chs.cli;

import dev.chs.cli.output.ScoreTable;
import dev.chs.cli.output.TableWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code chs score}: the score of every account and cloud as of T, as CSV or JSON lines. */
@Command(
    name = "score",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Scores every account and cloud of a data set as of T.",
      "%nWrites one row per account and cloud, plus one row per account with cloud * for its"
          + " overall score; then, for each KPI of the model, its raw value and its score under"
          + " <id>_score. Unscored values are empty.%n"
    })
final class ScoreCommand extends DataSetCommand {
  @Mixin TableOptions table;

  @Override
  @Nullable Path outputFile() {
    return table.out;
  }

  @Override
  void write(ScoredPortfolio portfolio, Writer out) throws IOException {
    try (TableWriter rows = table.format.open(out, ScoreTable.columns(portfolio.model()))) {
      ScoreTable.write(portfolio.current(), portfolio.model(), rows);
    }
  }
}
