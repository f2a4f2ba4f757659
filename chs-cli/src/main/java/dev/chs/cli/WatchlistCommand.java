package dev.chs.cli;

import dev.chs.cli.output.TableWriter;
import dev.chs.cli.output.WatchlistTable;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code chs watchlist}: the accounts whose health falls or is low and that show distress. */
@Command(
    name = "watchlist",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Lists the accounts at risk, ranked by expected loss.",
      "%nAn account is listed when its score fell since T - W (by default 10 points or more)"
          + " or is AT_RISK or CRITICAL, and it shows at least two distress signals. Columns:"
          + " rank, account_id, name, score, trend, expected_loss, exposed_arr, distress,"
          + " reasons.%n"
    })
final class WatchlistCommand extends DataSetCommand {
  @Mixin TableOptions table;

  @Override
  @Nullable Path outputFile() {
    return table.out;
  }

  @Override
  void write(ScoredPortfolio portfolio, Writer out) throws IOException {
    try (TableWriter rows = table.format.open(out, WatchlistTable.COLUMNS)) {
      WatchlistTable.write(portfolio.watchlist(), portfolio.current(), portfolio.names(), rows);
    }
  }
}
