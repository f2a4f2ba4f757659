package dev.chs.cli.report;

import dev.chs.core.model.CloudRollup;
import dev.chs.core.model.HealthModel;
import dev.chs.core.model.WatchlistPolicy;

/**
 * Writes the notes that define each figure of the report, which the sections refer to by number.
 * Stateless and thread-safe.
 */
final class Definitions {
  private Definitions() {}

  /**
   * Writes the definitions, with the model's own thresholds filled in.
   *
   * @param html where to write
   * @param model the model that scored the portfolio
   */
  static void append(StringBuilder html, HealthModel model) {
    WatchlistPolicy policy = model.watchlist();
    String rollup = model.rollup() == CloudRollup.ARR_WEIGHTED
        ? "the mean of its scored clouds' scores weighted by their ARR"
        : "the plain mean of its scored clouds' scores";
    html.append("<section id=\"definitions\"><h2>How the figures are defined</h2><ol>");
    item(html, "def-chs", "CHS by cloud",
        "A cloud's row holds one score per (account, cloud) pair that has a score. Its"
            + " ARR-weighted mean weighs each pair's score by the pair's ARR, and is blank when"
            + " no scored pair has ARR; its mean weighs every pair the same. Unscored counts the"
            + " pairs with insufficient data, which enter no mean. The overall row holds one"
            + " score per account, its overall score: " + rollup + ". There, the ARR-weighted"
            + " mean weighs each account by the ARR of its scored clouds. The box runs from the"
            + " lower to the upper quartile, with the whiskers at the lowest and highest score;"
            + " quartiles interpolate linearly between the sorted scores.");
    item(html, "def-bands", "Scores by band",
        "A score falls in the highest band whose lower bound it reaches. The overall row counts"
            + " accounts by their overall score and gives each the ARR of its scored clouds; the"
            + " ARR of clouds without a score, in any account, is unscored. The cloud rows count"
            + " pairs. In every row the bands' ARR plus the unscored ARR is the row's whole ARR.");
    item(html, "def-risk", "Revenue at risk",
        "Expected loss sums ARR &#xD7; (1 &#x2212; renewal probability) over the scored clouds."
            + " Exposed ARR sums the ARR of the clouds in the At risk or Critical band. Unscored"
            + " ARR sums the ARR of the clouds with insufficient data; they add nothing to"
            + " expected loss or exposed ARR. Every total is taken over (account, cloud) pairs,"
            + " so an account's overall score is never counted again, and a contract's ARR is"
            + " counted once, in its own cloud.");
    item(html, "def-watchlist", "Watchlist",
        "An account is listed when a score of it (overall, or in any cloud) fell by at least "
            + Figures.score(policy.minimumFall()) + " points since one window earlier or lies in"
            + " the At risk or Critical band, and it shows at least " + policy.minimumDistress()
            + " distinct signs of distress: a heavy support load (open cases scoring below "
            + Figures.score(policy.openCasesScoreBelow()) + ", or closed to created below "
            + Figures.ratio(policy.closedToCreatedBelow()) + "), any complaint, or sentiment"
            + " below " + Figures.ratio(policy.sentimentBelow()) + ". Accounts are ranked by"
            + " expected loss, then exposed ARR, then id. The weakest cloud is the scored cloud"
            + " with the lowest score, shown because an average can hide one failing cloud.");
    item(html, "def-support", "Support",
        "Each tile reads the KPI results of every (account, cloud) pair as of the report's"
            + " date, scored or not; a pair where the KPI is not applicable adds nothing. Counts"
            + " (open cases, work orders, complaints) are summed over pairs, which counts a"
            + " signal without a cloud once in every cloud of its account. The lower end of"
            + " each distinct range sums, over accounts, the largest count among the account's"
            + " clouds. Closed to created is the mean of the pairs' ratios weighted by the cases"
            + " each opened or closed in the window. First-time fix is the mean of the pairs'"
            + " rates weighted by their cases and work orders with a known outcome, that is, the"
            + " share of all of those that were fixed the first time. Work orders count only the"
            + " pairs with a baseline, as the KPI needs one; DISENGAGING and SURGE count pairs."
            + " Accounts flagged COMPLAINT count each account once.");
    html.append("</ol></section>");
  }

  private static void item(StringBuilder html, String id, String term, String text) {
    html.append("<li id=\"").append(id).append("\"><b>").append(term).append(".</b> ")
        .append(text).append("</li>");
  }
}
