package dev.chs.core.portfolio;

import static dev.chs.core.portfolio.Portfolio.BEFORE;
import static dev.chs.core.portfolio.Portfolio.NOW;
import static dev.chs.core.portfolio.Portfolio.REVENUE;
import static dev.chs.core.portfolio.Portfolio.SALES;
import static dev.chs.core.portfolio.Portfolio.SERVICE;
import static dev.chs.core.portfolio.Portfolio.account;
import static dev.chs.core.portfolio.Portfolio.closedToCreated;
import static dev.chs.core.portfolio.Portfolio.cloud;
import static dev.chs.core.portfolio.Portfolio.complaints;
import static dev.chs.core.portfolio.Portfolio.openCases;
import static dev.chs.core.portfolio.Portfolio.sentiment;
import static dev.chs.core.portfolio.Portfolio.unscored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.chs.api.AccountId;
import dev.chs.api.kpi.KpiValue;
import dev.chs.core.aggregate.AccountValues;
import dev.chs.core.model.Bands;
import dev.chs.core.model.RenewalMapping;
import dev.chs.core.model.WatchlistPolicy;
import dev.chs.core.score.AccountHealth;
import dev.chs.core.score.Scorer;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class WatchlistTest {
  private static final WatchlistPolicy POLICY = WatchlistPolicy.DEFAULT;

  // falling: sales ARR 1000 fell from 72.5 to 60 (12.5 >= 10); 15 open cases score
  //          (15 - 20) / (0 - 20) * 100 = 25 < 50, and one complaint: two signals. Listed.
  // hidden:  overall 0.9 * 80 + 0.1 * 41.2 = 76.12, steady and HEALTHY, but service is AT_RISK;
  //          closed-to-created 0.6 < 0.8 in sales, sentiment -0.3 < 0 in service. Listed.
  // calm:    fell 15 points, but a complaint is its only signal. Not listed.
  // steady:  three signals, but 65 then and now, WATCH. Not listed.
  // fresh:   no previous score, but CRITICAL at 25; three complaints and sentiment -0.1. Listed.
  // quiet:   fell 20 points; open cases not applicable, no sentiment, one complaint. Not listed.
  private final List<AccountHealth> previous = List.of(
      account("falling", BEFORE, cloud(SALES, 1000, 72.5)),
      account("hidden", BEFORE, cloud(SALES, 9000, 80), cloud(SERVICE, 1000, 41.2)),
      account("calm", BEFORE, cloud(SALES, 1000, 80)),
      account("steady", BEFORE, cloud(SALES, 1000, 65)),
      account("quiet", BEFORE, cloud(SALES, 1000, 80)));
  private final List<AccountHealth> current = List.of(
      account("falling", NOW, cloud(SALES, 1000, 60, openCases(15), complaints(1))),
      account("hidden", NOW,
          cloud(SALES, 9000, 80, closedToCreated(0.6)),
          cloud(SERVICE, 1000, 41.2, sentiment(-0.3))),
      account("calm", NOW, cloud(SALES, 1000, 65, complaints(1))),
      account("steady", NOW,
          cloud(SALES, 1000, 65, openCases(15), complaints(2), sentiment(-0.5))),
      account("fresh", NOW, cloud(SALES, 5000, 25, complaints(3), sentiment(-0.1))),
      account("quiet", NOW, cloud(SALES, 1000, 60,
          new KpiValue.NotApplicable("open_support_cases", "no cases"), complaints(1))));

  @Test
  void listsFallingOrLowAccountsInDistressRankedByExpectedLoss() {
    // Expected loss: fresh 5000 * (1 - p(25)) ~ 4446; hidden 9000 * (1 - p(80))
    // + 1000 * (1 - p(41.2)) ~ 1358; falling 1000 * (1 - p(60)) ~ 303.
    Watchlist watchlist = Watchlist.of(current, previous, POLICY);

    assertThat(watchlist.entries()).extracting(e -> e.account().value())
        .containsExactly("fresh", "hidden", "falling");
    assertThat(watchlist.entries().get(2).expectedLoss())
        .isCloseTo(1000 * (1 - RenewalMapping.DEFAULT.probability(60)), within(1e-9));
  }

  @Test
  void aFallingAccountGivesItsFallItsDistressAndItsTrend() {
    WatchlistEntry falling = entry(Watchlist.of(current, previous, POLICY), "falling");

    assertThat(falling.reasons()).containsExactly(
        "score fell 12.5 points since 2026-03-02",
        "score in sales fell 12.5 points since 2026-03-02",
        "heavy support load in sales: 15 open cases",
        "complaint raised in sales");
    assertThat(falling.distress())
        .containsExactly(DistressSignal.HEAVY_SUPPORT_LOAD, DistressSignal.COMPLAINT);
    assertThat(falling.trend()).hasValue(-12.5);
    assertThat(falling.exposedArr()).isZero();
  }

  @Test
  void aFailingCloudIsNotHiddenByAHealthyAverage() {
    WatchlistEntry hidden = entry(Watchlist.of(current, previous, POLICY), "hidden");

    assertThat(hidden.reasons()).containsExactly(
        "cloud service is AT_RISK (41.2)",
        "heavy support load in sales: closed-to-created 0.60",
        "sentiment -0.30 in service");
    assertThat(hidden.exposedArr()).isEqualTo(1000);
    assertThat(hidden.trend()).hasValue(0);
  }

  @Test
  void anAccountWithoutAPreviousScoreIsListedForALowScoreWithoutATrend() {
    WatchlistEntry fresh = entry(Watchlist.of(current, previous, POLICY), "fresh");

    assertThat(fresh.reasons()).containsExactly(
        "overall score is CRITICAL (25.0)",
        "cloud sales is CRITICAL (25.0)",
        "3 complaints raised in sales",
        "sentiment -0.10 in sales");
    assertThat(fresh.trend()).isEmpty();
    assertThat(fresh.exposedArr()).isEqualTo(5000);
  }

  @Test
  void aFallShortOfTheMinimumDoesNotCountButOneThatReachesItDoes() {
    // 69.9 to 60 is a fall of 9.9: short of 10. 60.1 to 50.1 comes out of the curve as
    // 60.099999999999994 - 50.1 = 9.999999999999993, which reads as 10.0 and counts as 10.
    List<AccountHealth> before = List.of(
        account("short", BEFORE, cloud(SALES, 100, 69.9)),
        account("enough", BEFORE, cloud(SALES, 100, 60.1)));
    List<AccountHealth> now = List.of(
        account("short", NOW, cloud(SALES, 100, 60, complaints(1), sentiment(-1))),
        account("enough", NOW, cloud(SALES, 100, 50.1, complaints(1), sentiment(-1))));

    Watchlist watchlist = Watchlist.of(now, before, POLICY);

    assertThat(watchlist.entries()).extracting(e -> e.account().value()).containsExactly("enough");
    assertThat(watchlist.entries().get(0).reasons())
        .startsWith("score fell 10.0 points since 2026-03-02");
  }

  @Test
  void aDistressSignalStartsBelowItsThresholdNotAtIt() {
    // All AT_RISK at 40, each with one signal for certain. At the thresholds: 10 open cases score
    // (10 - 20) / (0 - 20) * 100 = 50, not below 50; closed-to-created 0.8 and sentiment 0 are
    // not below 0.8 and 0; no complaint is not a complaint. Just below them, "below" has two.
    List<AccountHealth> now = List.of(
        account("at", NOW, cloud(SALES, 100, 40,
            complaints(1), openCases(10), closedToCreated(0.8), sentiment(0))),
        account("none", NOW, cloud(SALES, 100, 40, sentiment(-0.5), complaints(0))),
        account("below", NOW, cloud(SALES, 100, 40,
            complaints(1), closedToCreated(0.79), sentiment(-0.01))));

    Watchlist watchlist = Watchlist.of(now, List.of(), POLICY);

    assertThat(watchlist.entries()).extracting(e -> e.account().value())
        .containsExactly("below");
    assertThat(watchlist.entries().get(0).distress()).containsExactly(
        DistressSignal.HEAVY_SUPPORT_LOAD, DistressSignal.COMPLAINT, DistressSignal.LOW_SENTIMENT);
  }

  @Test
  void distressInAnUnscoredCloudStillCounts() {
    // sales is AT_RISK (40) with a complaint; the low sentiment is in revenue, which is unscored.
    AccountHealth account = account("acme", NOW,
        cloud(SALES, 100, 40, complaints(1)), unscored(REVENUE, 100, sentiment(-0.4)));

    WatchlistEntry entry = Watchlist.of(List.of(account), List.of(), POLICY).entries().get(0);

    assertThat(entry.reasons()).contains("sentiment -0.40 in revenue");
    assertThat(entry.distress()).contains(DistressSignal.LOW_SENTIMENT);
  }

  @Test
  void tiesInExpectedLossGoToTheHigherExposedArrThenToTheAccountId() {
    // Each loses 1000 * (1 - p(50)) = 500. low-bands scores 50 as AT_RISK (bands 70, 60, 40), so
    // its 1000 are exposed; the others, falling from 62 to 50, are WATCH, and order by id.
    Scorer strict = Scorer.of(Portfolio.model(new Bands(70, 60, 40)));
    AccountHealth lowBands = strict.score(new AccountValues(AccountId.of("x-low"),
        List.of(cloud(SALES, 1000, 50, complaints(1), sentiment(-1)))), NOW);
    List<AccountHealth> now = List.of(
        account("b-twin", NOW, cloud(SALES, 1000, 50, complaints(1), sentiment(-1))),
        account("a-twin", NOW, cloud(SALES, 1000, 50, complaints(1), sentiment(-1))),
        lowBands);
    List<AccountHealth> before = List.of(
        account("a-twin", BEFORE, cloud(SALES, 1000, 62)),
        account("b-twin", BEFORE, cloud(SALES, 1000, 62)));

    assertThat(Watchlist.of(now, before, POLICY).entries())
        .extracting(e -> e.account().value()).containsExactly("x-low", "a-twin", "b-twin");
  }

  @Test
  @Tag("API-25")
  void rejectsAnAccountListedTwice() {
    assertThatThrownBy(() -> Watchlist.of(current, List.of(previous.get(0), previous.get(0)),
        POLICY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("previous: each account at most once expected, 'falling' appears twice");
  }

  private static WatchlistEntry entry(Watchlist watchlist, String account) {
    return watchlist.entries().stream()
        .filter(e -> e.account().value().equals(account))
        .findFirst()
        .orElseThrow();
  }
}
