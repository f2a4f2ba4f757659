package dev.chs.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.chs.api.Band;
import dev.chs.api.CloudId;
import dev.chs.api.signal.Complaint;
import dev.chs.api.signal.Signal;
import dev.chs.api.signal.SupportCase;
import dev.chs.cli.data.DataSetSummary;
import dev.chs.core.model.RenewalMapping;
import dev.chs.core.portfolio.RevenueAtRisk;
import dev.chs.core.portfolio.RiskTotals;
import dev.chs.core.portfolio.Watchlist;
import dev.chs.core.portfolio.WatchlistEntry;
import dev.chs.core.score.AccountHealth;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
  private static ReportData sample;
  private static String html;

  @BeforeAll
  static void writeSampleReport() {
    sample = SampleReport.data();
    html = SampleReport.html(sample);
  }

  /** Returns the part of the page inside the section with this id. */
  private static String section(String page, String id) {
    int start = page.indexOf("<section id=\"" + id + "\"");
    assertThat(start).as("section " + id).isNotNegative();
    return page.substring(start, page.indexOf("</section>", start));
  }

  @Test
  void holdsEverySectionInOrder() {
    assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n")
        .doesNotContain("NaN").doesNotContain("Infinity");
    assertThat(html).containsSubsequence(
        "<header>", "id=\"headline\"", "id=\"chs-by-cloud\"", "id=\"bands\"",
        "id=\"revenue-at-risk\"", "id=\"support\"", "id=\"watchlist\"", "id=\"read\"",
        "id=\"definitions\"");
    for (String tile : List.of("open-cases", "closed-to-created", "first-time-fix",
        "work-orders", "complaints")) {
      assertThat(section(html, "support")).contains("id=\"tile-" + tile + "\"");
    }
  }

  @Test
  void headerShowsAsOfWindowReadLineCoverageAndUncalibratedRenewals() {
    String header = html.substring(html.indexOf("<header>"), html.indexOf("</header>"));
    assertThat(header)
        .contains("2026-11-30", "90 days: (2026-09-01, 2026-11-30]")
        .contains(sample.read().summaryLine())
        .contains("<b>Coverage.</b>")
        .contains("not calibrated");
  }

  @Test
  void headerNamesAnIsotonicRenewalMappingAndClosesItsNote() throws IOException {
    RenewalMapping isotonic = RenewalMapping.Isotonic.of(
        new RenewalMapping.Point(0, 0.1), new RenewalMapping.Point(50, 0.6),
        new RenewalMapping.Point(100, 0.95));
    ReportData data = new ReportData(sample.title(), sample.asOf(),
        sample.model().toBuilder().renewal(isotonic).build(), sample.current(),
        sample.history(), sample.names(), sample.risk(), sample.watchlist(), sample.read());
    StringWriter out = new StringWriter();
    HtmlReport.write(data, out);

    String header = out.toString().substring(
        out.toString().indexOf("<header>"), out.toString().indexOf("</header>"));
    assertThat(header)
        .contains("isotonic mapping through 3 points")
        .doesNotContain("not calibrated")
        .containsPattern("<p class=\"note renewal\">.*?</p>");
  }

  @Test
  void revenueAtRiskShowsTheTotalsOfTheData() {
    String risk = section(html, "revenue-at-risk");
    RiskTotals total = sample.risk().total();
    String totalRow = "<tr><th scope=\"row\">Total</th>" + cells(total) + "</tr>";
    // Once under the clouds, once under the bands.
    assertThat(risk.split(Pattern.quote(totalRow), -1)).hasSize(3);
    sample.risk().byCloud().forEach((cloud, totals) ->
        assertThat(risk).contains("<th scope=\"row\">" + cloud.value() + "</th>" + cells(totals)));
    for (Band band : Band.values()) {
      assertThat(risk).contains(PortfolioSections.chip(band) + "</th>"
          + cells(sample.risk().byBand().get(band)));
    }
    assertThat(total.expectedLoss()).isPositive();
    assertThat(section(html, "headline")).contains(Figures.amount(total.expectedLoss()));
  }

  private static String cells(RiskTotals totals) {
    return "<td class=\"num\">" + Figures.amount(totals.arr()) + "</td><td class=\"num\">"
        + Figures.amount(totals.expectedLoss()) + "</td><td class=\"num\">"
        + Figures.amount(totals.exposedArr()) + "</td><td class=\"num\">"
        + Figures.amount(totals.unscoredArr()) + "</td>";
  }

  @Test
  void watchlistShowsTheTopEntriesInRankOrderWithReasonsAndSparklines() {
    String watch = section(html, "watchlist");
    List<WatchlistEntry> entries = sample.watchlist().entries();
    assertThat(entries).hasSizeGreaterThan(WatchlistSection.TOP);
    String[] inOrder = entries.subList(0, WatchlistSection.TOP).stream()
        .map(e -> HtmlText.escape(sample.displayName(e.account())))
        .toArray(String[]::new);
    assertThat(watch).containsSubsequence(inOrder);
    WatchlistEntry first = entries.get(0);
    assertThat(watch).contains(Figures.amount(first.expectedLoss()));
    assertThat(watch).contains(HtmlText.escape(first.reasons().get(0)));
    WatchlistEntry notShown = entries.get(WatchlistSection.TOP);
    assertThat(watch).doesNotContain(">" + notShown.account().value() + "<");
    assertThat(count(watch, "<polyline")).isGreaterThanOrEqualTo(WatchlistSection.TOP);
    assertThat(count(watch, "<ul class=\"reasons\">")).isEqualTo(WatchlistSection.TOP);
  }

  @Test
  void chsByCloudHasARowPerCloudAndOneOverall() {
    String chs = section(html, "chs-by-cloud");
    assertThat(chs).containsSubsequence("All accounts, overall", "revenue", "sales", "service");
    Map<CloudId, ScoreSpread> spreads = ScoreSpread.byCloud(sample.current());
    spreads.forEach((cloud, spread) -> assertThat(chs).contains(
        cloud.value() + " <span class=\"unit\">(pairs)</span></th><td class=\"num strong\">"
            + Figures.score(spread.weightedMean()) + "</td><td class=\"num\">"
            + Figures.score(spread.mean()) + "</td><td class=\"num\">"
            + Figures.count(spread.scored()) + "</td><td class=\"num\">"
            + Figures.count(spread.unscored()) + "</td>"));
    int pairs = 0;
    for (AccountHealth account : sample.current()) {
      pairs += account.clouds().size();
    }
    int dots = count(chs, "<circle");
    assertThat(dots).isEqualTo(ScoreSpread.overall(sample.current()).scored()
        + spreads.values().stream().mapToInt(ScoreSpread::scored).sum());
    assertThat(spreads.values().stream().mapToInt(s -> s.scored() + s.unscored()).sum())
        .isEqualTo(pairs);
  }

  @Test
  void bandRowsAddUpToTheWholeArr() {
    ScoreSpread overall = ScoreSpread.overall(sample.current());
    RiskTotals total = sample.risk().total();
    assertThat(overall.totalArr()).isCloseTo(total.arr(), offset(1e-3));
    assertThat(overall.unscoredArr()).isCloseTo(total.unscoredArr(), offset(1e-3));
    int accounts = overall.scored() + overall.unscored();
    assertThat(accounts).isEqualTo(sample.current().size());
    assertThat(overall.counts().values().stream().mapToInt(Integer::intValue).sum())
        .isEqualTo(overall.scored());
  }

  @Test
  void supportCountsBracketTheDistinctSignalsOfTheData() {
    SupportTotals support =
        SupportTotals.of(sample.current(), sample.model().watchlist().closedToCreatedBelow());
    Instant t = sample.asOf();
    Instant start = t.minus(sample.model().window());
    long open = 0;
    Set<String> complaints = new HashSet<>();
    for (Signal signal : SampleReport.sample().signals()) {
      if (signal instanceof SupportCase c && !c.openedAt().isAfter(t)
          && (c.closedAt() == null || c.closedAt().isAfter(t))) {
        open++;
      } else if (signal instanceof Complaint k && k.raisedAt().isAfter(start)
          && !k.raisedAt().isAfter(t)) {
        complaints.add(k.complaintId());
      }
    }
    assertThat(open).isBetween(support.openCases().atLeast(), support.openCases().perPair());
    assertThat(support.openCases().atLeast()).isLessThan(support.openCases().perPair());
    assertThat((long) complaints.size())
        .isBetween(support.complaints().atLeast(), support.complaints().perPair());
    assertThat(support.firstTimeFix().value()).isBetween(0.0, 1.0);
    assertThat(support.accountsWithComplaint()).isPositive();

    String tiles = section(html, "support");
    assertThat(tiles).contains(Figures.count(support.openCases().perPair()),
        Figures.count(support.openCases().atLeast()),
        Figures.ratio(support.closedToCreated().value()),
        Figures.percent(support.firstTimeFix().value()),
        Figures.count(support.accountsWithComplaint()) + " accounts flagged");
  }

  @Test
  void refersToNothingOutsideThePageAndRunsNoScript() {
    assertThat(html).doesNotContainIgnoringCase("http:")
        .doesNotContainIgnoringCase("https:")
        .doesNotContainIgnoringCase("//")
        .doesNotContainIgnoringCase("src=")
        .doesNotContainIgnoringCase("url(")
        .doesNotContainIgnoringCase("@import")
        .doesNotContainIgnoringCase("<link")
        .doesNotContainIgnoringCase("<script")
        .doesNotContainIgnoringCase("<img");
    Matcher href = Pattern.compile("href=\"([^\"]*)\"").matcher(html);
    while (href.find()) {
      assertThat(href.group(1)).startsWith("#");
    }
  }

  @Test
  void isPlainAscii() {
    assertThat(html.chars().filter(c -> c > 0x7E || (c < 0x20 && c != '\n'))).isEmpty();
  }

  @Test
  void writesTheSameBytesForTheSameData() {
    assertThat(SampleReport.html(SampleReport.data())).isEqualTo(html);
  }

  @Test
  void escapesEveryPieceOfHostileInputText() {
    ReportData data = HostileNames.data();
    assertThat(data.watchlist().entries()).extracting(WatchlistEntry::account)
        .contains(HostileNames.TROUBLED);
    String page = SampleReport.html(data);

    assertThat(page).doesNotContainIgnoringCase("<script")
        .doesNotContainIgnoringCase("<img")
        .doesNotContain("<b>review")
        .doesNotContain("<i>cases")
        .doesNotContain(HostileNames.NAME)
        .doesNotContain(HostileNames.CLOUD);
    assertThat(section(page, "watchlist"))
        .contains(HostileNames.ESCAPED_NAME)
        .contains(HtmlText.escape(HostileNames.TROUBLED.value()))
        .contains(HostileNames.ESCAPED_CLOUD);
    assertThat(page).contains("Q4 &lt;b&gt;review&lt;/b&gt; &amp; &#39;more&#39;")
        .contains("&lt;i&gt;cases&lt;/i&gt;.csv")
        .contains("aria-label=\"overall score of " + HostileNames.ESCAPED_NAME);
    assertThat(page.chars().filter(c -> c > 0x7E)).isEmpty();
  }

  @Test
  void writesAnEmptyPortfolioWithoutNumbersThatLookReal() {
    Instant t = SampleReport.AS_OF;
    ReportData empty = new ReportData(
        "empty", t, SampleReport.defaultModel(), List.of(), new TreeMap<>(Map.of(t, List.of())),
        Map.of(), RevenueAtRisk.of(List.of()), new Watchlist(List.of()),
        new DataSetSummary(Map.of(), Set.of()));

    String page = SampleReport.html(empty);

    assertThat(page).contains("No account is on the watchlist.")
        .contains("0 of 0 (account, cloud) pairs are scored")
        .contains("<td class=\"num strong\">" + Figures.NONE + "</td>")
        .doesNotContain("NaN")
        .doesNotContain("Infinity");
  }

  private static int count(String text, String part) {
    return text.split(Pattern.quote(part), -1).length - 1;
  }
}
