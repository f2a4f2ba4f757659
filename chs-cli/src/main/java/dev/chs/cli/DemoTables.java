package dev.chs.cli;

import dev.chs.api.AccountId;
import dev.chs.api.Band;
import dev.chs.api.CloudId;
import dev.chs.cli.output.WatchlistTable;
import dev.chs.core.portfolio.RevenueAtRisk;
import dev.chs.core.portfolio.RiskTotals;
import dev.chs.core.portfolio.WatchlistEntry;
import dev.chs.core.score.AccountHealth;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The readable tables that {@code chs demo} prints: the top of the watchlist, and the revenue at
 * risk. Amounts are rounded to whole currency units and grouped by thousands; scores and trends
 * have one decimal. These are for people: {@code chs watchlist} writes the exact numbers.
 */
final class DemoTables {
  private static final int NAME_WIDTH = 26;
  private static final int WIDTH = 100;
  private static final String INDENT = "        ";

  private DemoTables() {}

  /**
   * Prints the first entries of the watchlist, each with its reasons on the line below.
   *
   * @param portfolio the scored portfolio
   * @param top how many entries to print at most
   * @param out where to print
   */
  static void watchlist(ScoredPortfolio portfolio, int top, PrintWriter out) {
    List<WatchlistEntry> entries = portfolio.watchlist().entries();
    Map<AccountId, AccountHealth> byAccount = new HashMap<>();
    portfolio.current().forEach(a -> byAccount.put(a.account(), a));
    out.printf(Locale.ROOT, "Watchlist as of %s: %d accounts, the top %d by expected loss%n%n",
        portfolio.asOf(), entries.size(), Math.min(top, entries.size()));
    out.printf(Locale.ROOT, "%4s  %-10s %-" + NAME_WIDTH + "s %6s %6s %14s%n",
        "rank", "account", "name", "score", "trend", "expected loss");
    for (int i = 0; i < Math.min(top, entries.size()); i++) {
      WatchlistEntry entry = entries.get(i);
      String name = portfolio.names().getOrDefault(entry.account(), "");
      out.printf(Locale.ROOT, "%4d  %-10s %-" + NAME_WIDTH + "s %6s %6s %14s%n",
          i + 1, entry.account(), clip(name, NAME_WIDTH),
          oneDecimal(WatchlistTable.overallScore(byAccount.get(entry.account()))),
          signedOneDecimal(entry.trend()), amount(entry.expectedLoss()));
      wrap(String.join("; ", entry.reasons()), out);
    }
  }

  /**
   * Prints the revenue at risk: the total, then by cloud and by band.
   *
   * @param portfolio the scored portfolio
   * @param out where to print
   */
  static void revenueAtRisk(ScoredPortfolio portfolio, PrintWriter out) {
    RevenueAtRisk risk = portfolio.risk();
    out.printf(Locale.ROOT, "Revenue at risk as of %s%n%n", portfolio.asOf());
    String format = "%-20s %14s %14s %14s %14s%n";
    out.printf(Locale.ROOT, format, "", "ARR", "expected loss", "exposed ARR", "unscored ARR");
    row(out, format, "total", risk.total());
    out.println("by cloud");
    for (Map.Entry<CloudId, RiskTotals> cloud : risk.byCloud().entrySet()) {
      String name = cloud.getKey().isAccountWide() ? "(whole account)" : cloud.getKey().value();
      row(out, format, "  " + name, cloud.getValue());
    }
    out.println("by band");
    for (Band band : Band.values()) {
      // RevenueAtRisk lists every band.
      row(out, format, "  " + band, Objects.requireNonNull(risk.byBand().get(band)));
    }
  }

  /** Prints reasons indented under their row, wrapped at word boundaries. */
  private static void wrap(String text, PrintWriter out) {
    StringBuilder line = new StringBuilder(INDENT);
    for (String word : text.split(" ", -1)) {
      if (line.length() > INDENT.length() && line.length() + 1 + word.length() > WIDTH) {
        out.println(line);
        line.setLength(0);
        line.append(INDENT);
      }
      if (line.length() > INDENT.length()) {
        line.append(' ');
      }
      line.append(word);
    }
    out.println(line);
  }

  private static void row(PrintWriter out, String format, String label, RiskTotals totals) {
    out.printf(Locale.ROOT, format, label, amount(totals.arr()), amount(totals.expectedLoss()),
        amount(totals.exposedArr()), amount(totals.unscoredArr()));
  }

  private static String amount(double value) {
    return String.format(Locale.ROOT, "%,.0f", value);
  }

  private static String oneDecimal(OptionalDouble value) {
    return value.isPresent() ? String.format(Locale.ROOT, "%.1f", value.getAsDouble()) : "-";
  }

  private static String signedOneDecimal(OptionalDouble value) {
    return value.isPresent() ? String.format(Locale.ROOT, "%+.1f", value.getAsDouble()) : "-";
  }

  private static String clip(String text, int width) {
    return text.length() <= width ? text : text.substring(0, width - 1) + "…";
  }
}
