package dev.chs.cli.report;

import static dev.chs.cli.report.HtmlText.escape;

import dev.chs.api.CloudId;
import dev.chs.api.HealthScore;
import dev.chs.cli.data.ReadCounts;
import dev.chs.core.model.HealthModel;
import dev.chs.core.model.RenewalMapping;
import dev.chs.core.portfolio.RiskTotals;
import dev.chs.core.score.AccountHealth;
import dev.chs.core.score.CloudHealth;
import dev.chs.core.score.OverallHealth;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;
import java.util.SortedMap;

/**
 * Writes the report: one self-contained HTML5 page that reads offline.
 *
 * <p>The page holds its style sheet and draws its charts as inline SVG. It has no script and
 * refers to nothing outside itself: no font, image, style sheet or link to fetch. It shows, in
 * order: a header with the as-of instant, the model's window, the summary line of what was read,
 * how much of the portfolio was scored, and how far to trust the renewal probabilities; the
 * headline figures; CHS by cloud; the scores by band; the revenue at risk by cloud and by band;
 * the support view; the top {@value WatchlistSection#TOP} accounts of the watchlist; the counts of
 * rows read per file; and how each figure is defined.
 *
 * <p>Every piece of input text (account names and ids, cloud names, reasons, the title, file
 * names) is escaped, and the page is plain ASCII: characters beyond ASCII are written as character
 * references, so it reads correctly whatever charset {@code out} encodes with. The same data
 * always gives the same bytes, since the page shows no clock time of its own and iterates only in
 * sorted orders, so reports can be diffed or kept as golden files.
 *
 * @since 0.1.0
 */
public final class HtmlReport {
  private HtmlReport() {}

  /**
   * Writes the report.
   *
   * @param data what to show
   * @param out where to write the HTML; it is neither flushed nor closed
   * @throws IOException if writing fails
   * @throws NullPointerException if an argument is null
   */
  public static void write(ReportData data, Writer out) throws IOException {
    // Total the views once; each section reads what it needs.
    ScoreSpread overall = ScoreSpread.overall(data.current());
    SortedMap<CloudId, ScoreSpread> clouds = ScoreSpread.byCloud(data.current());
    double closedToCreatedBound = data.model().watchlist().closedToCreatedBelow();
    SupportTotals support = SupportTotals.of(data.current(), closedToCreatedBound);

    StringBuilder html = new StringBuilder(256 * 1024);
    head(html, data);
    header(html, data);
    headline(html, data);
    PortfolioSections.chsByCloud(html, overall, clouds, data.model().bands());
    PortfolioSections.byBand(html, overall, clouds, data.model().bands());
    PortfolioSections.revenueAtRisk(html, data.risk());
    SupportSection.append(html, support, closedToCreatedBound);
    WatchlistSection.append(html, data);
    readCounts(html, data);
    Definitions.append(html, data.model());
    html.append("<footer>Written by chs.</footer></main></body></html>\n");
    out.write(html.toString());
  }

  private static void head(StringBuilder html, ReportData data) {
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>Customer health: ").append(escape(data.title())).append(", ")
        .append(Figures.date(data.asOf())).append("</title><style>").append(ReportStyle.CSS)
        .append("</style></head><body><main>");
  }

  private static void header(StringBuilder html, ReportData data) {
    HealthModel model = data.model();
    html.append("<header><div class=\"eyebrow\">Customer Health Score report</div><h1>")
        .append(escape(data.title())).append("</h1><dl class=\"meta\"><div><dt>As of</dt><dd>")
        .append(Figures.date(data.asOf())).append("</dd></div><div><dt>Window</dt><dd>")
        .append(Figures.length(model.window())).append(": (")
        .append(Figures.date(data.asOf().minus(model.window()))).append(", ")
        .append(Figures.date(data.asOf())).append("]</dd></div><div><dt>Input</dt><dd>")
        .append(escape(data.read().summaryLine())).append("</dd></div></dl>");
    coverage(html, data);
    renewal(html, model.renewal());
    html.append("</header>");
  }

  private static void coverage(StringBuilder html, ReportData data) {
    int pairs = 0;
    int unscored = 0;
    double coverage = 0;
    int accountsUnscored = 0;
    for (AccountHealth account : data.current()) {
      for (CloudHealth cloud : account.clouds()) {
        pairs++;
        if (cloud.score() instanceof HealthScore.Scored scored) {
          coverage += scored.coverage();
        } else {
          unscored++;
        }
      }
      accountsUnscored += account.overall() instanceof OverallHealth.InsufficientData ? 1 : 0;
    }
    RiskTotals total = data.risk().total();
    int scored = pairs - unscored;
    html.append("<p class=\"note coverage\"><b>Coverage.</b> ").append(Figures.count(scored))
        .append(" of ").append(Figures.count(pairs)).append(" (account, cloud) pairs are scored");
    if (scored > 0) {
      html.append(", with KPIs carrying ").append(Figures.percent(coverage / scored))
          .append(" of the model's weight on average");
    }
    html.append(". ").append(Figures.count(unscored))
        .append(unscored == 1 ? " pair has" : " pairs have")
        .append(" insufficient data (less than ")
        .append(Figures.percent(data.model().minimumCoverage()))
        .append(" of the weight applicable): their ").append(Figures.amount(total.unscoredArr()))
        .append(" ARR (").append(Figures.percent(share(total.unscoredArr(), total.arr())))
        .append(" of all ARR) is shown as unscored, never as safe. ")
        .append(Figures.count(accountsUnscored))
        .append(accountsUnscored == 1 ? " account has" : " accounts have")
        .append(" no overall score.</p>");
  }

  private static void renewal(StringBuilder html, RenewalMapping renewal) {
    html.append("<p class=\"note renewal\"><b>Renewal probabilities.</b> ");
    if (renewal.equals(RenewalMapping.DEFAULT)) {
      html.append("They come from the default mapping of score to probability, which is not")
          .append(" calibrated: it ranks accounts sensibly, but its probabilities were not")
          .append(" learned from past renewals. Expected loss inherits this. Fit the model to")
          .append(" past renewals to calibrate it.</p>");
    } else if (renewal instanceof RenewalMapping.Logistic logistic) {
      html.append("They come from the model's own logistic mapping (probability 0.5 at a score")
          .append(" of ").append(Figures.score(logistic.midpoint())).append(", scale ")
          .append(Figures.score(logistic.scale()))
          .append("), not the default one; they are as well calibrated as the fit that set it.")
          .append("</p>");
    } else {
      // RenewalMapping is sealed: what is neither the default nor logistic is isotonic.
      RenewalMapping.Isotonic isotonic = (RenewalMapping.Isotonic) renewal;
      html.append("They come from the model's own isotonic mapping through ")
          .append(Figures.count(isotonic.points().size()))
          .append(" points, not the default one; they are as well calibrated as the fit that set")
          .append(" it.</p>");
    }
  }

  private static void headline(StringBuilder html, ReportData data) {
    RiskTotals total = data.risk().total();
    html.append("<section id=\"headline\" class=\"cards\">");
    card(html, "Accounts", Figures.count(data.current().size()), "scored as of the date");
    card(html, "ARR", Figures.amount(total.arr()), "all clouds, scored or not");
    card(html, "Expected loss", Figures.amount(total.expectedLoss()),
        Figures.percent(share(total.expectedLoss(), total.arr())) + " of ARR");
    card(html, "Exposed ARR", Figures.amount(total.exposedArr()),
        Figures.percent(share(total.exposedArr(), total.arr())) + " of ARR, At risk or Critical");
    card(html, "Unscored ARR", Figures.amount(total.unscoredArr()),
        Figures.percent(share(total.unscoredArr(), total.arr())) + " of ARR, insufficient data");
    card(html, "Watchlist", Figures.count(data.watchlist().entries().size()), "accounts listed");
    html.append("</section>");
  }

  private static void card(StringBuilder html, String title, String value, String detail) {
    html.append("<div class=\"card\"><div class=\"title\">").append(title)
        .append("</div><div class=\"value\">").append(value).append("</div><div class=\"detail\">")
        .append(detail).append("</div></div>");
  }

  private static double share(double part, double whole) {
    return whole > 0 ? part / whole : Double.NaN;
  }

  private static void readCounts(StringBuilder html, ReportData data) {
    html.append("<section id=\"read\"><h2>What was read</h2><table class=\"data narrow\">")
        .append("<thead><tr><th>File</th><th class=\"num\">Rows</th><th class=\"num\">Used</th>")
        .append("<th class=\"num\">Rejected</th></tr></thead><tbody>");
    for (Map.Entry<String, ReadCounts> file : data.read().files().entrySet()) {
      countRow(html, "<td>" + escape(file.getKey()) + "</td>", file.getValue());
    }
    html.append("</tbody><tfoot>");
    countRow(html, "<th scope=\"row\">Total</th>", data.read().total());
    html.append("</tfoot></table></section>");
  }

  private static void countRow(StringBuilder html, String head, ReadCounts counts) {
    html.append("<tr>").append(head).append("<td class=\"num\">")
        .append(Figures.count(counts.read())).append("</td><td class=\"num\">")
        .append(Figures.count(counts.used())).append("</td><td class=\"num\">")
        .append(Figures.count(counts.rejected())).append("</td></tr>");
  }
}
