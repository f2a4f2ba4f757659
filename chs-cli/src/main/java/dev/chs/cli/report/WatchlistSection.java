package dev.chs.cli.report;

import dev.chs.api.AccountId;
import dev.chs.core.model.Bands;
import dev.chs.core.portfolio.WatchlistEntry;
import dev.chs.core.score.AccountHealth;
import dev.chs.core.score.OverallHealth;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;
import static dev.chs.cli.report.HtmlText.escape;

/**
 * Writes the watchlist section: the top of the watchlist, each account with its reasons and the
 * history of its overall score. Stateless and thread-safe.
 */
final class WatchlistSection {
  /** How many accounts of the watchlist the report shows. */
  static final int TOP = 25;

  private WatchlistSection() {}

  /**
   * Writes the section.
   *
   * @param html where to write
   * @param data the report's data; the watchlist, the current health and the history are read
   */
  static void append(StringBuilder html, ReportData data) {
    List<WatchlistEntry> entries = data.watchlist().entries();
    int shown = Math.min(TOP, entries.size());
    html.append("<section id=\"watchlist\"><h2>Watchlist</h2><p class=\"lead\">")
        .append(Figures.count(entries.size()))
        .append(entries.size() == 1 ? " account is" : " accounts are")
        .append(" falling or already low and show at least ")
        .append(data.model().watchlist().minimumDistress())
        .append(" signs of distress. ");
    if (shown < entries.size()) {
      html.append("The top ").append(shown).append(" by expected loss are shown. ");
    }
    html.append("The trend is the change of the overall score since ")
        .append(Figures.date(data.asOf().minus(data.model().window())))
        .append(", one window earlier");
    if (!data.history().isEmpty()) {
      html.append("; the line shows the overall score at each as-of date from ")
          .append(Figures.date(data.history().firstKey())).append(" to ")
          .append(Figures.date(data.history().lastKey()))
          .append(", with a gap where there is none");
    }
    html.append(".<a class=\"ref\" href=\"#def-watchlist\">[4]</a></p>");
    if (entries.isEmpty()) {
      html.append("<p class=\"empty\">No account is on the watchlist.</p></section>");
      return;
    }
    Map<AccountId, AccountHealth> current = index(data.current());
    List<Map<AccountId, AccountHealth>> history = new ArrayList<>();
    data.history().values().forEach(snapshot -> history.add(index(snapshot)));
    html.append("<table class=\"data watch\"><thead><tr><th class=\"num\">#</th>")
        .append("<th>Account</th><th class=\"num\">Score</th><th class=\"num\">Trend</th>")
        .append("<th>Weakest cloud</th><th class=\"num\">Expected loss</th>")
        .append("<th>Score history</th><th>Reasons</th></tr></thead><tbody>");
    for (int i = 0; i < shown; i++) {
      // A watchlist lists only accounts scored as of T.
      AccountHealth health = Objects.requireNonNull(current.get(entries.get(i).account()));
      row(html, i + 1, entries.get(i), health, history, data);
    }
    html.append("</tbody></table></section>");
  }

  private static void row(
      StringBuilder html,
      int rank,
      WatchlistEntry entry,
      AccountHealth health,
      List<Map<AccountId, AccountHealth>> history,
      ReportData data) {
    String name = escape(data.displayName(entry.account()));
    html.append("<tr><td class=\"num rank\">").append(rank).append("</td><td class=\"account\">")
        .append("<span class=\"name\">").append(name).append("</span><br><span class=\"unit\">")
        .append(escape(entry.account().value())).append("</span></td>");
    scoreCells(html, health);
    html.append("<td class=\"num\">").append(trend(entry.trend())).append("</td>");
    weakest(html, health);
    html.append("<td class=\"num strong\">").append(Figures.amount(entry.expectedLoss()))
        .append("</td><td>").append(sparkline(entry.account(), name, history, data))
        .append("</td><td><ul class=\"reasons\">");
    for (String reason : entry.reasons()) {
      html.append("<li>").append(escape(reason)).append("</li>");
    }
    html.append("</ul></td></tr>");
  }

  private static void scoreCells(StringBuilder html, AccountHealth health) {
    html.append("<td class=\"num\">");
    if (health != null && health.overall() instanceof OverallHealth.Scored overall) {
      html.append("<span class=\"score\">").append(Figures.score(overall.score()))
          .append("</span><br>").append(PortfolioSections.chip(overall.band()));
    } else {
      html.append(Figures.NONE);
    }
    html.append("</td>");
  }

  private static void weakest(StringBuilder html, AccountHealth health) {
    html.append("<td>");
    if (health != null && health.overall() instanceof OverallHealth.Scored overall) {
      html.append(PortfolioSections.cloudName(overall.weakestCloud())).append(" <span class=\"")
          .append("score small\">").append(Figures.score(overall.weakestScore()))
          .append("</span>");
    } else {
      html.append(Figures.NONE);
    }
    html.append("</td>");
  }

  private static String trend(OptionalDouble trend) {
    if (trend.isEmpty()) {
      return Figures.NONE;
    }
    double change = trend.getAsDouble();
    String text = Figures.change(change);
    if (text.equals("0.0")) {
      return "<span class=\"flat\">0.0</span>";
    }
    return change < 0
        ? "<span class=\"down\">&#x25BC; " + text + "</span>"
        : "<span class=\"up\">&#x25B2; " + text + "</span>";
  }

  private static String sparkline(
      AccountId account,
      String name,
      List<Map<AccountId, AccountHealth>> history,
      ReportData data) {
    List<OptionalDouble> points = new ArrayList<>();
    List<String> titles = new ArrayList<>();
    List<Instant> instants = new ArrayList<>(data.history().keySet());
    for (int i = 0; i < instants.size(); i++) {
      AccountHealth then = history.get(i).get(account);
      OptionalDouble score = then != null && then.overall() instanceof OverallHealth.Scored s
          ? OptionalDouble.of(s.score())
          : OptionalDouble.empty();
      points.add(score);
      titles.add(Figures.date(instants.get(i)) + ": "
          + (score.isPresent() ? Figures.score(score.getAsDouble()) : "no score"));
    }
    Bands bands = data.model().bands();
    return Charts.sparkline(points, titles, bands, "overall score of " + name + " over time");
  }

  private static Map<AccountId, AccountHealth> index(List<AccountHealth> accounts) {
    Map<AccountId, AccountHealth> byId = new HashMap<>();
    for (AccountHealth account : accounts) {
      byId.put(account.account(), account);
    }
    return byId;
  }
}
