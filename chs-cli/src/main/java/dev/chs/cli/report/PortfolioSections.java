package dev.chs.cli.report;

import static dev.chs.cli.report.HtmlText.escape;

import dev.chs.api.Band;
import dev.chs.api.CloudId;
import dev.chs.core.model.Bands;
import dev.chs.core.portfolio.RevenueAtRisk;
import dev.chs.core.portfolio.RiskTotals;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;

/**
 * Writes the sections of the report about the whole portfolio: CHS by cloud, the scores by band,
 * and the revenue at risk. Stateless and thread-safe.
 */
final class PortfolioSections {
  private static final String[] RISK_COLOURS = {Charts.LOSS, "#e8590c", Charts.UNSCORED};

  private PortfolioSections() {}

  /**
   * Returns the name to show for a cloud, escaped.
   *
   * @param cloud the cloud
   * @return its name, or {@code (whole account)} for the account-wide cloud
   */
  static String cloudName(CloudId cloud) {
    return cloud.isAccountWide() ? "(whole account)" : escape(cloud.value());
  }

  /**
   * Returns the name of a band as the report shows it, such as {@code At risk}.
   *
   * @param band the band
   * @return its name
   */
  static String bandName(Band band) {
    return switch (band) {
      case HEALTHY -> "Healthy";
      case WATCH -> "Watch";
      case AT_RISK -> "At risk";
      case CRITICAL -> "Critical";
    };
  }

  /**
   * Returns the range of scores of a band under the model's thresholds, such as {@code 30-50}.
   *
   * @param band the band
   * @param bands the thresholds
   * @return the range, as HTML
   */
  static String bandRange(Band band, Bands bands) {
    return switch (band) {
      case HEALTHY -> "&#x2265; " + whole(bands.healthy());
      case WATCH -> whole(bands.watch()) + "&#x2013;" + whole(bands.healthy());
      case AT_RISK -> whole(bands.atRisk()) + "&#x2013;" + whole(bands.watch());
      case CRITICAL -> "&lt; " + whole(bands.atRisk());
    };
  }

  private static String whole(double threshold) {
    return Figures.score(threshold).replace(".0", "");
  }

  /**
   * Returns a small coloured label of a band.
   *
   * @param band the band
   * @return the label, as HTML
   */
  static String chip(Band band) {
    return "<span class=\"chip " + band.name().toLowerCase(Locale.ROOT) + "\">"
        + bandName(band) + "</span>";
  }

  /**
   * Writes the section on CHS by cloud: per group, its means, counts and spread of scores.
   *
   * @param html where to write
   * @param overall the spread of the accounts' overall scores
   * @param clouds the spread of each cloud's scores
   * @param bands the model's band thresholds
   */
  static void chsByCloud(
      StringBuilder html, ScoreSpread overall, SortedMap<CloudId, ScoreSpread> clouds,
      Bands bands) {
    html.append("<section id=\"chs-by-cloud\"><h2>CHS by cloud</h2>")
        .append("<p class=\"lead\">Each cloud's scores across the portfolio, one dot per scored")
        .append(" (account, cloud) pair, and the accounts' overall scores, one dot per account.")
        .append(" The box spans the middle half of the scores, the bar in it is the median, and")
        .append(" the dashed line is the ARR-weighted mean.<a class=\"ref\" href=\"#def-chs\">")
        .append("[1]</a></p>")
        .append("<table class=\"data\"><thead><tr><th>Scores of</th>")
        .append("<th class=\"num\">ARR-weighted mean</th><th class=\"num\">Mean</th>")
        .append("<th class=\"num\">Scored</th><th class=\"num\">Unscored</th>")
        .append("<th class=\"chart\">").append(Charts.axis(bands))
        .append("</th></tr></thead><tbody>");
    spreadRow(html, "All accounts, overall", "accounts", overall, bands);
    clouds.forEach((cloud, spread) -> spreadRow(html, cloudName(cloud), "pairs", spread, bands));
    html.append("</tbody></table>");
    legend(html);
    html.append("</section>");
  }

  private static void spreadRow(
      StringBuilder html, String label, String unit, ScoreSpread spread, Bands bands) {
    html.append("<tr><th scope=\"row\">").append(label).append(" <span class=\"unit\">(")
        .append(unit).append(")</span></th><td class=\"num strong\">")
        .append(Figures.score(spread.weightedMean())).append("</td><td class=\"num\">")
        .append(Figures.score(spread.mean())).append("</td><td class=\"num\">")
        .append(Figures.count(spread.scored())).append("</td><td class=\"num\">")
        .append(Figures.count(spread.unscored())).append("</td><td class=\"chart\">")
        .append(Charts.strip(spread, bands, label)).append("</td></tr>");
  }

  private static void legend(StringBuilder html) {
    html.append("<p class=\"legend\">");
    for (Band band : Band.values()) {
      html.append("<span><i style=\"background:").append(Charts.colour(band)).append("\"></i>")
          .append(bandName(band)).append("</span>");
    }
    html.append("<span><i class=\"line\"></i>ARR-weighted mean</span></p>");
  }

  /**
   * Writes the section on the scores by band: counts and ARR per band, overall and per cloud.
   *
   * @param html where to write
   * @param overall the spread of the accounts' overall scores
   * @param clouds the spread of each cloud's scores
   * @param bands the model's band thresholds
   */
  static void byBand(
      StringBuilder html, ScoreSpread overall, SortedMap<CloudId, ScoreSpread> clouds,
      Bands bands) {
    html.append("<section id=\"bands\"><h2>Scores by band</h2>")
        .append("<p class=\"lead\">How many scores fall in each band, and the ARR they carry.")
        .append(" The first row counts accounts by the band of their overall score; the other")
        .append(" rows count (account, cloud) pairs by the band of the cloud's score. The bar")
        .append(" splits each row's ARR by band.<a class=\"ref\" href=\"#def-bands\">[2]</a></p>")
        .append("<table class=\"data\"><thead><tr><th>Scores of</th>");
    for (Band band : Band.values()) {
      html.append("<th class=\"num\">").append(chip(band)).append("<br><span class=\"unit\">")
          .append(bandRange(band, bands)).append("</span></th>");
    }
    html.append("<th class=\"num\"><span class=\"chip unscored\">Unscored</span><br>")
        .append("<span class=\"unit\">insufficient data</span></th>")
        .append("<th class=\"chart\">ARR by band</th></tr></thead><tbody>");
    bandRow(html, "All accounts, overall", overall);
    clouds.forEach((cloud, spread) -> bandRow(html, cloudName(cloud), spread));
    html.append("</tbody></table><p class=\"note\">Each cell shows a count, and below it the ARR")
        .append(" of those scores.</p></section>");
  }

  private static void bandRow(StringBuilder html, String label, ScoreSpread spread) {
    html.append("<tr><th scope=\"row\">").append(label).append("</th>");
    List<Charts.Segment> segments = new ArrayList<>();
    for (Band band : Band.values()) {
      // A spread lists every band.
      double arr = spread.arr().getOrDefault(band, 0.0);
      cell(html, spread.counts().getOrDefault(band, 0), arr);
      segments.add(new Charts.Segment(
          arr, Charts.colour(band), bandName(band) + ": " + Figures.amount(arr) + " ARR"));
    }
    cell(html, spread.unscored(), spread.unscoredArr());
    segments.add(new Charts.Segment(spread.unscoredArr(), Charts.UNSCORED,
        "Unscored: " + Figures.amount(spread.unscoredArr()) + " ARR"));
    html.append("<td class=\"chart\">").append(Charts.stacked(segments, label + ": ARR by band"))
        .append("</td></tr>");
  }

  private static void cell(StringBuilder html, int count, double arr) {
    html.append("<td class=\"num\">").append(Figures.count(count))
        .append("<br><span class=\"unit\">").append(Figures.amount(arr)).append("</span></td>");
  }

  /**
   * Writes the section on revenue at risk: expected loss, exposed ARR and unscored ARR, by cloud
   * and by band, each with its total.
   *
   * @param html where to write
   * @param risk the revenue at risk
   */
  static void revenueAtRisk(StringBuilder html, RevenueAtRisk risk) {
    html.append("<section id=\"revenue-at-risk\"><h2>Revenue at risk</h2>")
        .append("<p class=\"lead\"><b>Expected loss</b> is ARR &#xD7; (1 &#x2212; renewal")
        .append(" probability), over scored clouds. <b>Exposed ARR</b> is the ARR of clouds in")
        .append(" the At risk or Critical band. <b>Unscored ARR</b> belongs to clouds with")
        .append(" insufficient data: it is neither safe nor at risk, and is shown so that no")
        .append(" revenue hides.<a class=\"ref\" href=\"#def-risk\">[3]</a></p>")
        .append("<div class=\"pair\"><div><h3>By cloud</h3>");
    riskTable(html, "Cloud", risk.total(), cloudRows(risk.byCloud()));
    List<Charts.BarRow> bars = new ArrayList<>();
    risk.byCloud().forEach((cloud, totals) -> bars.add(new Charts.BarRow(cloudName(cloud),
        new double[] {totals.expectedLoss(), totals.exposedArr(), totals.unscoredArr()})));
    html.append(Charts.bars(bars, RISK_COLOURS, "Revenue at risk by cloud"))
        .append("<p class=\"legend\"><span><i style=\"background:").append(RISK_COLOURS[0])
        .append("\"></i>Expected loss</span><span><i style=\"background:").append(RISK_COLOURS[1])
        .append("\"></i>Exposed ARR</span><span><i style=\"background:").append(RISK_COLOURS[2])
        .append("\"></i>Unscored ARR</span></p></div><div><h3>By band</h3>");
    List<Row> rows = new ArrayList<>();
    for (Map.Entry<Band, RiskTotals> entry : risk.byBand().entrySet()) {
      rows.add(new Row(chip(entry.getKey()), entry.getValue()));
    }
    double unscored = risk.total().unscoredArr();
    rows.add(new Row("<span class=\"chip unscored\">Unscored</span>",
        new RiskTotals(unscored, 0, 0, unscored)));
    riskTable(html, "Band", risk.total(), rows);
    html.append("<p class=\"note\">Bands hold scored clouds only, so the last row holds the")
        .append(" unscored ARR: the rows' ARR adds up to the total.</p></div></div></section>");
  }

  /** A labelled row of revenue totals. */
  private record Row(String label, RiskTotals totals) {}

  private static List<Row> cloudRows(SortedMap<CloudId, RiskTotals> byCloud) {
    List<Row> rows = new ArrayList<>();
    byCloud.forEach((cloud, totals) -> rows.add(new Row(cloudName(cloud), totals)));
    return rows;
  }

  private static void riskTable(StringBuilder html, String by, RiskTotals total, List<Row> rows) {
    html.append("<table class=\"data risk\"><thead><tr><th>").append(by)
        .append("</th><th class=\"num\">ARR</th><th class=\"num\">Expected loss</th>")
        .append("<th class=\"num\">Exposed ARR</th><th class=\"num\">Unscored ARR</th>")
        .append("</tr></thead><tbody>");
    for (Row row : rows) {
      riskRow(html, "<th scope=\"row\">" + row.label() + "</th>", row.totals());
    }
    html.append("</tbody><tfoot>");
    riskRow(html, "<th scope=\"row\">Total</th>", total);
    html.append("</tfoot></table>");
  }

  private static void riskRow(StringBuilder html, String head, RiskTotals totals) {
    html.append("<tr>").append(head)
        .append("<td class=\"num\">").append(Figures.amount(totals.arr())).append("</td>")
        .append("<td class=\"num\">").append(Figures.amount(totals.expectedLoss())).append("</td>")
        .append("<td class=\"num\">").append(Figures.amount(totals.exposedArr())).append("</td>")
        .append("<td class=\"num\">").append(Figures.amount(totals.unscoredArr())).append("</td>")
        .append("</tr>");
  }
}
