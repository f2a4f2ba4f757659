package dev.chs.cli;

import dev.chs.core.aggregate.KpiFailure;
import java.io.PrintWriter;
import java.util.List;

/**
 * The warnings a run prints on standard error before its summary line: each KPI that failed, up
 * to a limit and then a count of the rest, how many signals no KPI of the model read, and how many
 * came after the as-of instant and so did not count.
 */
final class Warnings {
  /** How many KPI failures are printed one by one. */
  static final int FAILURES_SHOWN = 10;

  private Warnings() {}

  /**
   * Prints the warnings of a scored portfolio.
   *
   * @param portfolio what was scored
   * @param err standard error
   */
  static void print(ScoredPortfolio portfolio, PrintWriter err) {
    List<KpiFailure> failures = portfolio.failures();
    for (int i = 0; i < Math.min(FAILURES_SHOWN, failures.size()); i++) {
      err.println("warning: " + failures.get(i).message());
    }
    if (failures.size() > FAILURES_SHOWN) {
      err.println("warning: " + (failures.size() - FAILURES_SHOWN) + " more KPI failures not"
          + " shown; each left its KPI not applicable for one account and cloud");
    }
    if (portfolio.unread() > 0) {
      err.println("warning: " + portfolio.unread() + " signals were read by no KPI of the model"
          + " (such as renewal outcomes, and metrics.csv columns that name no KPI)");
    }
    if (portfolio.afterAsOf() > 0) {
      err.println("warning: " + portfolio.afterAsOf() + " signals are dated after the as-of"
          + " instant " + portfolio.asOf() + " and did not count");
    }
  }
}
