package dev.chs.cli.report;

import dev.chs.api.AccountId;
import dev.chs.cli.data.DataSetSummary;
import dev.chs.core.model.HealthModel;
import dev.chs.core.portfolio.RevenueAtRisk;
import dev.chs.core.portfolio.Watchlist;
import dev.chs.core.score.AccountHealth;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Everything the HTML report shows: the scores as of T, their history, the views built from them,
 * and what was read.
 *
 * @param title the report's title, such as the data set's folder name
 * @param asOf the instant T the report is for
 * @param model the model that scored the portfolio
 * @param current the health of every account as of T, in order of account id
 * @param history the health of every account at earlier as-of instants and at T, oldest first;
 *     it holds at least T and T - W
 * @param names the accounts' display names from {@code accounts.csv}; an account without one is
 *     shown by its id
 * @param risk the revenue at risk as of T
 * @param watchlist the watchlist as of T
 * @param read what was read from the data set, with its counts of used and rejected rows
 */
public record ReportData(
    String title,
    Instant asOf,
    HealthModel model,
    List<AccountHealth> current,
    SortedMap<Instant, List<AccountHealth>> history,
    Map<AccountId, String> names,
    RevenueAtRisk risk,
    Watchlist watchlist,
    DataSetSummary read) {
  /**
   * Returns the name to show for an account: its name from {@code accounts.csv}, or its id when
   * it has no name or an empty one. The result is raw input text, not yet escaped for any output.
   *
   * @param account the account
   * @return the display name; never null or empty
   */
  public String displayName(AccountId account) {
    String name = names.get(account);
    return name == null || name.isBlank() ? account.value() : name;
  }
}
