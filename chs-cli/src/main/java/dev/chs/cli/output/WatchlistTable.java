package dev.chs.cli.output;

import dev.chs.api.AccountId;
import dev.chs.core.portfolio.DistressSignal;
import dev.chs.core.portfolio.Watchlist;
import dev.chs.core.portfolio.WatchlistEntry;
import dev.chs.core.score.AccountHealth;
import dev.chs.core.score.OverallHealth;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The table that {@code chs watchlist} writes: one row per listed account, in rank order.
 *
 * <p>The columns are {@code rank} (from 1), {@code account_id}, {@code name} (empty when {@code
 * accounts.csv} gives none), {@code score} (the overall score as of T), {@code trend} (its change
 * since T - W, negative when falling; empty when either score is missing), {@code expected_loss},
 * {@code exposed_arr}, {@code distress} (the distress signals, such as {@code
 * HEAVY_SUPPORT_LOAD;COMPLAINT}) and {@code reasons} (readable sentences joined by {@code ;}).
 *
 * <p>The class holds no state.
 *
 * @since 0.1.0
 */
public final class WatchlistTable {
  /** The columns, in order. */
  public static final List<String> COLUMNS = List.of(
      "rank", "account_id", "name", "score", "trend", "expected_loss", "exposed_arr", "distress",
      "reasons");

  private WatchlistTable() {}

  /**
   * Writes a watchlist.
   *
   * @param watchlist the watchlist, ranked
   * @param current the accounts' health as of T, to give each listed account its score
   * @param names the accounts' names; an account without one gets an empty name
   * @param out the table, opened with {@link #COLUMNS}
   * @throws IOException if writing fails
   */
  public static void write(
      Watchlist watchlist, List<AccountHealth> current, Map<AccountId, String> names,
      TableWriter out) throws IOException {
    Map<AccountId, AccountHealth> byAccount = new HashMap<>();
    current.forEach(a -> byAccount.put(a.account(), a));
    int rank = 0;
    for (WatchlistEntry entry : watchlist.entries()) {
      rank++;
      out.number(rank)
          .text(entry.account().value())
          .text(names.getOrDefault(entry.account(), ""))
          .number(overallScore(byAccount.get(entry.account())))
          .number(entry.trend())
          .number(entry.expectedLoss())
          .number(entry.exposedArr())
          .text(entry.distress().stream().map(DistressSignal::name)
              .collect(Collectors.joining(";")))
          .text(String.join(";", entry.reasons()));
      out.endRow();
    }
  }

  /**
   * Returns an account's overall score.
   *
   * @param account the account's health, or null
   * @return the score, or empty when it is insufficient data or the account is unknown
   */
  public static OptionalDouble overallScore(@Nullable AccountHealth account) {
    return account != null && account.overall() instanceof OverallHealth.Scored scored
        ? OptionalDouble.of(scored.score())
        : OptionalDouble.empty();
  }
}
