package dev.chs.core.portfolio;

import static dev.chs.core.portfolio.Portfolio.NOW;
import static dev.chs.core.portfolio.Portfolio.SALES;
import static dev.chs.core.portfolio.Portfolio.SERVICE;
import static dev.chs.core.portfolio.Portfolio.account;
import static dev.chs.core.portfolio.Portfolio.cloud;
import static dev.chs.core.portfolio.Portfolio.unscored;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chs.api.Band;
import dev.chs.core.model.RenewalMapping;
import dev.chs.core.score.AccountHealth;
import dev.chs.core.score.CloudHealth;
import dev.chs.core.score.OverallHealth;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Revenue at risk with ARR of up to 10^12 per cloud. ARR sums are plain double sums: exact when
 * the amounts and every partial sum are whole numbers below 2^53 (about 9.0e15), and otherwise
 * within {@code (n - 1) * 2^-53} times the sum of the magnitudes, the textbook bound of recursive
 * summation of {@code n} terms. The tests check both claims against exact decimal sums.
 */
class LargeArrTest {
  private static final double TRILLION = 1e12;
  private static final double UNIT_ROUNDOFF = 0x1p-53;

  /** 1,000 accounts: sales at 10^12 and scores 0 to 99.9, service at 10^12 - 1, unscored. */
  private static List<AccountHealth> portfolio(double salesArr) {
    List<AccountHealth> accounts = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      accounts.add(account("A-" + i, NOW, cloud(SALES, salesArr, i / 10.0),
          unscored(SERVICE, TRILLION - 1)));
    }
    return accounts;
  }

  @Test
  void totalsWholeArrOfATrillionPerCloudExactly() {
    RevenueAtRisk risk = RevenueAtRisk.of(portfolio(TRILLION));

    // 1,000 * 10^12 + 1,000 * (10^12 - 1) = 1,999,999,999,999,000; every partial sum is a whole
    // number below 2^53, so no addition rounds.
    assertThat(risk.total().arr()).isEqualTo(1_999_999_999_999_000.0);
    assertThat(risk.total().unscoredArr()).isEqualTo(999_999_999_999_000.0);
    assertThat(risk.byCloud().get(SALES).arr()).isEqualTo(1e15);
    // Scores below 50 are AT_RISK or CRITICAL with the default bands: 500 accounts.
    assertThat(risk.total().exposedArr()).isEqualTo(500 * TRILLION);
    double bands = 0;
    for (Band band : Band.values()) {
      bands += risk.byBand().get(band).arr();
    }
    assertThat(bands + risk.total().unscoredArr()).isEqualTo(risk.total().arr());
  }

  @Test
  void expectedLossOfATrillion_isArrTimesOneMinusP_perCloud() {
    for (AccountHealth account : portfolio(TRILLION).subList(0, 100)) {
      CloudHealth sales = account.clouds().get(0);
      double score = ((dev.chs.api.HealthScore.Scored) sales.score()).score();
      double p = RenewalMapping.DEFAULT.probability(score);
      assertThat(sales.expectedLoss()).hasValue(TRILLION * (1 - p));
    }
  }

  @Test
  void totalsTheExpectedLossWithinTheBoundOfRecursiveSummation() {
    List<AccountHealth> accounts = portfolio(TRILLION);
    RevenueAtRisk risk = RevenueAtRisk.of(accounts);

    BigDecimal exact = BigDecimal.ZERO;
    BigDecimal magnitudes = BigDecimal.ZERO;
    for (AccountHealth account : accounts) {
      BigDecimal loss = new BigDecimal(account.clouds().get(0).expectedLoss().getAsDouble());
      exact = exact.add(loss);
      magnitudes = magnitudes.add(loss.abs());
    }
    BigDecimal bound = magnitudes.multiply(new BigDecimal((accounts.size() - 1) * UNIT_ROUNDOFF));
    BigDecimal error = new BigDecimal(risk.total().expectedLoss()).subtract(exact).abs();

    assertThat(error).isLessThanOrEqualTo(bound);
    // The bound itself: 999 * 2^-53, about 1.1e-13, times a total loss of about 5e14: some 55
    // currency units in the worst case, well within 1e-12 of the total.
    assertThat(bound).isLessThan(exact.multiply(new BigDecimal("1e-12")));
  }

  @Test
  void combinesPartialTotalsOfWholeArrToTheSameBits_andLossesWithinTheBound() {
    List<AccountHealth> accounts = portfolio(TRILLION);
    RevenueAtRisk whole = RevenueAtRisk.of(accounts);
    RevenueAtRisk parts = RevenueAtRisk.of(accounts.subList(600, 1000))
        .plus(RevenueAtRisk.of(accounts.subList(0, 600)));

    assertThat(parts.total().arr()).isEqualTo(whole.total().arr());
    assertThat(parts.total().exposedArr()).isEqualTo(whole.total().exposedArr());
    double bound = 2 * 999 * UNIT_ROUNDOFF * whole.total().expectedLoss();
    assertThat(Math.abs(parts.total().expectedLoss() - whole.total().expectedLoss()))
        .isLessThanOrEqualTo(bound);
  }

  @Test
  void totalsArrInCents_withinTheBoundOfRecursiveSummation() {
    double cents = 999_999_999_999.99; // not a binary fraction: the double is off by ~1e-4
    RevenueAtRisk risk = RevenueAtRisk.of(portfolio(cents));

    BigDecimal exact = new BigDecimal(cents).multiply(BigDecimal.valueOf(1000));
    BigDecimal bound = exact.multiply(new BigDecimal(999 * UNIT_ROUNDOFF));
    BigDecimal error =
        new BigDecimal(risk.byCloud().get(SALES).arr()).subtract(exact).abs();
    assertThat(error).isLessThanOrEqualTo(bound);
    assertThat(bound).isLessThan(exact.multiply(new BigDecimal("1e-12")));
  }

  @Test
  void rollsUpAnAccountOfTwoTrillionArr() {
    AccountHealth account = account("A-1", NOW, cloud(SALES, TRILLION, 50),
        cloud(SERVICE, TRILLION, 50));
    OverallHealth.Scored overall = (OverallHealth.Scored) account.overall();

    // p(50) = 0.5 for the default mapping: each cloud loses 5e11 exactly.
    assertThat(RenewalMapping.DEFAULT.probability(50)).isEqualTo(0.5);
    assertThat(overall.arr()).isEqualTo(2 * TRILLION);
    assertThat(overall.expectedLoss()).isEqualTo(TRILLION);
    assertThat(overall.renewalProbability()).isEqualTo(0.5);
  }
}
