package dev.chs.core.portfolio;

import static dev.chs.core.portfolio.Portfolio.NOW;
import static dev.chs.core.portfolio.Portfolio.REVENUE;
import static dev.chs.core.portfolio.Portfolio.SALES;
import static dev.chs.core.portfolio.Portfolio.SERVICE;
import static dev.chs.core.portfolio.Portfolio.account;
import static dev.chs.core.portfolio.Portfolio.cloud;
import static dev.chs.core.portfolio.Portfolio.unscored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.chs.api.Band;
import dev.chs.core.model.RenewalMapping;
import dev.chs.core.score.AccountHealth;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class RevenueAtRiskTest {
  private static final Offset<Double> CENTS = within(1e-9);

  /** The expected loss of a cloud: arr * (1 - p(score)), p the default logistic mapping. */
  private static double loss(double arr, double score) {
    return arr * (1 - RenewalMapping.DEFAULT.probability(score));
  }

  // acme:   sales   ARR 1000, score 50, WATCH,    p(50) = 0.5, loss 500
  //         service ARR  400, score 20, CRITICAL, loss 400 * (1 - p(20)), exposed 400
  // globex: sales   ARR  600, score 40, AT_RISK,  loss 600 * (1 - p(40)), exposed 600
  //         revenue ARR  300, insufficient data: unscored 300
  private final List<AccountHealth> portfolio = List.of(
      account("acme", NOW, cloud(SALES, 1000, 50), cloud(SERVICE, 400, 20)),
      account("globex", NOW, cloud(SALES, 600, 40), unscored(REVENUE, 300)));

  @Test
  void totalsExpectedLossExposedArrAndUnscoredArrOverTheWholePortfolio() {
    RiskTotals total = RevenueAtRisk.of(portfolio).total();

    // ARR 1000 + 400 + 600 + 300 = 2300; exposed 400 + 600 = 1000; unscored 300.
    assertThat(total.arr()).isEqualTo(2300);
    assertThat(total.exposedArr()).isEqualTo(1000);
    assertThat(total.unscoredArr()).isEqualTo(300);
    assertThat(total.expectedLoss())
        .isCloseTo(500 + loss(400, 20) + loss(600, 40), CENTS);
  }

  @Test
  void totalsByCloudKeepTheUnscoredArrOfEachCloud() {
    RevenueAtRisk risk = RevenueAtRisk.of(portfolio);

    // sales: ARR 1000 + 600, loss 500 + loss(600, 40), exposed 600 (globex's AT_RISK sales).
    assertThat(risk.byCloud()).containsOnlyKeys(REVENUE, SALES, SERVICE);
    assertThat(risk.byCloud().firstKey()).isEqualTo(REVENUE);
    RiskTotals sales = risk.byCloud().get(SALES);
    assertThat(sales.arr()).isEqualTo(1600);
    assertThat(sales.expectedLoss()).isCloseTo(500 + loss(600, 40), CENTS);
    assertThat(sales.exposedArr()).isEqualTo(600);
    assertThat(risk.byCloud().get(SERVICE))
        .isEqualTo(new RiskTotals(400, loss(400, 20), 400, 0));
    assertThat(risk.byCloud().get(REVENUE)).isEqualTo(new RiskTotals(300, 0, 0, 300));
  }

  @Test
  void totalsByBandCoverEveryBandAndAddUpWithTheUnscoredArrToTheTotal() {
    RevenueAtRisk risk = RevenueAtRisk.of(portfolio);

    assertThat(risk.byBand()).containsOnlyKeys(Band.values());
    assertThat(risk.byBand().get(Band.HEALTHY)).isEqualTo(RiskTotals.ZERO);
    assertThat(risk.byBand().get(Band.WATCH)).isEqualTo(new RiskTotals(1000, 500, 0, 0));
    assertThat(risk.byBand().get(Band.AT_RISK))
        .isEqualTo(new RiskTotals(600, loss(600, 40), 600, 0));
    assertThat(risk.byBand().get(Band.CRITICAL))
        .isEqualTo(new RiskTotals(400, loss(400, 20), 400, 0));
    // 0 + 1000 + 600 + 400 + unscored 300 = 2300.
    double bands = risk.byBand().values().stream().mapToDouble(RiskTotals::arr).sum();
    assertThat(bands + risk.total().unscoredArr()).isEqualTo(risk.total().arr());
  }

  @Test
  void partialTotalsCombineIntoTheTotalsOfAllAccounts() {
    RevenueAtRisk whole = RevenueAtRisk.of(portfolio);
    RevenueAtRisk combined = RevenueAtRisk.of(portfolio.subList(0, 1))
        .plus(RevenueAtRisk.of(portfolio.subList(1, 2)));

    assertThat(combined.byCloud().keySet()).isEqualTo(whole.byCloud().keySet());
    assertThat(combined.total().arr()).isEqualTo(whole.total().arr());
    assertThat(combined.total().expectedLoss()).isCloseTo(whole.total().expectedLoss(), CENTS);
    assertThat(combined.byBand().get(Band.CRITICAL)).isEqualTo(whole.byBand().get(Band.CRITICAL));
  }

  @Test
  void anEmptyPortfolioPutsNothingAtRisk() {
    RevenueAtRisk risk = RevenueAtRisk.of(List.of());

    assertThat(risk.total()).isEqualTo(RiskTotals.ZERO);
    assertThat(risk.byCloud()).isEmpty();
    assertThat(risk.byBand()).hasSize(4)
        .allSatisfy((band, totals) -> assertThat(totals).isEqualTo(RiskTotals.ZERO));
  }
}
