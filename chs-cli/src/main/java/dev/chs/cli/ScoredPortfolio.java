package dev.chs.cli;

import dev.chs.api.AccountId;
import dev.chs.cli.data.DataSetSummary;
import dev.chs.cli.report.ReportData;
import dev.chs.core.aggregate.KpiFailure;
import dev.chs.core.model.HealthModel;
import dev.chs.core.portfolio.RevenueAtRisk;
import dev.chs.core.portfolio.Watchlist;
import dev.chs.core.score.AccountHealth;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a {@link PortfolioRun} produced: the health of every account as of T and at the earlier
 * instants asked for, the views built from it, and what was read.
 *
 * @param model the model that scored the portfolio
 * @param asOf the instant T
 * @param previous the instant T - W, one window before T
 * @param snapshots the health of every account at each as-of instant scored, oldest first; it
 *     holds T and T - W, each list in order of account id
 * @param names the accounts' names from {@code accounts.csv}
 * @param risk the revenue at risk as of T
 * @param watchlist the watchlist as of T, against T - W
 * @param read the counts of rows read, used and rejected, and the sources supplied
 * @param failures the KPI failures met at any instant, one per KPI, account and cloud
 * @param unread how many signals no KPI of the model read
 * @param afterAsOf how many signals came into being after T, and so did not count as of T
 */
record ScoredPortfolio(
    HealthModel model,
    Instant asOf,
    Instant previous,
    SortedMap<Instant, List<AccountHealth>> snapshots,
    Map<AccountId, String> names,
    RevenueAtRisk risk,
    Watchlist watchlist,
    DataSetSummary read,
    List<KpiFailure> failures,
    long unread,
    long afterAsOf) {

  ScoredPortfolio {
    snapshots = Collections.unmodifiableSortedMap(new TreeMap<>(snapshots));
    names = Map.copyOf(names);
    failures = List.copyOf(failures);
  }

  /**
   * Returns the health of every account as of T.
   *
   * @return the accounts in order of id
   */
  List<AccountHealth> current() {
    // The snapshots always hold T.
    return Objects.requireNonNull(snapshots.get(asOf));
  }

  /**
   * Returns what the HTML report shows.
   *
   * @param title the report's title
   * @return the report's data
   */
  ReportData reportData(String title) {
    return new ReportData(
        title, asOf, model, current(), snapshots, names, risk, watchlist, read);
  }
}
