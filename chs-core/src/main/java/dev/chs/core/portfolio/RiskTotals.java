package dev.chs.core.portfolio;

import dev.chs.api.Checks;
import dev.chs.api.HealthScore;
import dev.chs.core.score.CloudHealth;

/**
 * Revenue totals over a set of (account, cloud) pairs. All amounts are in the currency of the
 * contracts, and each is finite and at least zero.
 *
 * <p>{@code arr} counts every cloud, scored or not; {@code unscoredArr} is the part of it whose
 * cloud had insufficient data, so that revenue without a score is shown rather than lost.
 *
 * @param arr the ARR of all the clouds counted
 * @param expectedLoss the sum of the scored clouds' {@code arr * (1 - renewal probability)}
 * @param exposedArr the ARR of the clouds in the {@code AT_RISK} or {@code CRITICAL} band
 * @param unscoredArr the ARR of the clouds with insufficient data; at most {@code arr}
 * @since 0.1.0
 */
public record RiskTotals(double arr, double expectedLoss, double exposedArr, double unscoredArr) {
  /** No revenue at all: the identity of {@link #plus}. */
  public static final RiskTotals ZERO = new RiskTotals(0, 0, 0, 0);

  /**
   * Creates totals.
   *
   * @throws IllegalArgumentException if an amount is negative or not finite
   */
  public RiskTotals {
    Checks.requireNonNegative("arr", arr);
    Checks.requireNonNegative("expected_loss", expectedLoss);
    Checks.requireNonNegative("exposed_arr", exposedArr);
    Checks.requireNonNegative("unscored_arr", unscoredArr);
  }

  /**
   * Returns the totals of one cloud.
   *
   * @param cloud the cloud's health
   * @return its ARR, expected loss, exposed ARR and unscored ARR
   * @throws NullPointerException if {@code cloud} is null
   */
  public static RiskTotals of(CloudHealth cloud) {
    if (cloud.score() instanceof HealthScore.Scored scored) {
      double exposed = scored.band().isExposed() ? cloud.arr() : 0;
      return new RiskTotals(cloud.arr(), cloud.expectedLoss().getAsDouble(), exposed, 0);
    }
    return new RiskTotals(cloud.arr(), 0, 0, cloud.arr());
  }

  /**
   * Returns the sum of these totals and {@code other}, amount by amount. Spark and Flink combine
   * partial totals with it; as with any floating-point sum, the last bits may depend on the order.
   *
   * @param other the totals to add
   * @return the sum
   * @throws NullPointerException if {@code other} is null
   */
  public RiskTotals plus(RiskTotals other) {
    return new RiskTotals(
        arr + other.arr,
        expectedLoss + other.expectedLoss,
        exposedArr + other.exposedArr,
        unscoredArr + other.unscoredArr);
  }
}
