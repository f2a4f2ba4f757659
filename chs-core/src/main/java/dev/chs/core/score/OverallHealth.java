package dev.chs.core.score;

import dev.chs.api.Band;
import dev.chs.api.Checks;
import dev.chs.api.CloudId;
import java.util.List;

/**
 * The overall health of an account across its clouds: {@link Scored}, or {@link InsufficientData}
 * when none of its clouds has a score.
 *
 * <p>Only scored clouds enter the overall score, weighted as the model's {@link
 * dev.chs.core.model.CloudRollup} says. The {@linkplain #coverage() coverage} of the overall score
 * counts every cloud, scored or not, with the same roll-up weights: it is the roll-up-weighted
 * mean of the clouds' coverage, so a large unscored cloud shows as low overall coverage.
 *
 * @since 0.1.0
 */
public sealed interface OverallHealth permits OverallHealth.Scored, OverallHealth.InsufficientData {
  /**
   * Returns the roll-up-weighted mean of the coverage of all the account's clouds: weighted by ARR
   * under {@code ARR_WEIGHTED} (equally when the clouds carry no ARR), equally under {@code EQUAL}.
   *
   * @return the coverage, in [0, 1]; 0 for an account without clouds
   */
  double coverage();

  /**
   * Returns the account's total ARR, over all its clouds, scored or not.
   *
   * @return the ARR; finite and at least zero
   */
  double arr();

  /**
   * An overall score with its explanation.
   *
   * <p>The {@linkplain #weakestCloud() weakest cloud} is always given, because an average must
   * never hide one failing business unit: under {@code ARR_WEIGHTED}, a failing cloud with little
   * ARR barely moves the overall score.
   *
   * @param score the roll-up-weighted mean of the scored clouds' scores, in [0, 100]; the sum of
   *     the clouds' points, clamped to [0, 100] against rounding
   * @param band the band the score falls in
   * @param coverage the roll-up-weighted mean of all the clouds' coverage, in [0, 1]
   * @param clouds the scored clouds' contributions, in order of cloud id; never empty
   * @param weakestCloud the scored cloud with the lowest score; the first in order of cloud id on a
   *     tie
   * @param weakestScore the score of {@code weakestCloud}, in [0, 100]
   * @param arr the account's total ARR, over all its clouds; at least zero
   * @param scoredArr the ARR of the scored clouds alone; in [0, arr]
   * @param renewalProbability the probability that the account renews, in [0, 1]: {@code 1 -
   *     expectedLoss / scoredArr} (the ARR-weighted mean of the scored clouds' probabilities) when
   *     {@code scoredArr > 0}, else the model's renewal mapping applied to {@code score}
   * @param expectedLoss the sum of the scored clouds' expected losses; at least zero. Unscored
   *     clouds add nothing, their ARR is unscored, not safe
   * @since 0.1.0
   */
  record Scored(
      double score,
      Band band,
      double coverage,
      List<CloudContribution> clouds,
      CloudId weakestCloud,
      double weakestScore,
      double arr,
      double scoredArr,
      double renewalProbability,
      double expectedLoss)
      implements OverallHealth {
    /**
     * Creates an overall score.
     *
     * @throws IllegalArgumentException if a number is out of its range, or {@code clouds} is empty
     * @throws NullPointerException if an argument or an element of {@code clouds} is null
     */
    public Scored {
      Checks.requireInRange("score", score, 0, 100);
      Checks.requireNonNull("band", band);
      Checks.requireInRange("coverage", coverage, 0, 1);
      clouds = List.copyOf(clouds);
      if (clouds.isEmpty()) {
        throw new IllegalArgumentException(
            "clouds: must hold at least one scored cloud, was empty");
      }
      Checks.requireNonNull("weakest_cloud", weakestCloud);
      Checks.requireInRange("weakest_score", weakestScore, 0, 100);
      Checks.requireNonNegative("arr", arr);
      Checks.requireInRange("scored_arr", scoredArr, 0, arr);
      Checks.requireInRange("renewal_probability", renewalProbability, 0, 1);
      Checks.requireNonNegative("expected_loss", expectedLoss);
    }
  }

  /**
   * An overall score that was not given, because none of the account's clouds has a score.
   *
   * @param coverage the roll-up-weighted mean of all the clouds' coverage, in [0, 1]
   * @param arr the account's total ARR, all of it unscored; at least zero
   * @since 0.1.0
   */
  record InsufficientData(double coverage, double arr) implements OverallHealth {
    /**
     * Creates an overall insufficient-data result.
     *
     * @throws IllegalArgumentException if a number is out of its range
     */
    public InsufficientData {
      Checks.requireInRange("coverage", coverage, 0, 1);
      Checks.requireNonNegative("arr", arr);
    }
  }
}
