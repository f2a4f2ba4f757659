package dev.chs.core.score;

import dev.chs.api.CloudId;
import dev.chs.api.HealthScore;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The health of one account in one cloud, with the revenue it puts at risk.
 *
 * @param score the cloud's health score, or insufficient data; never null
 * @param arr the account's annual recurring revenue in this cloud; finite and at least zero
 * @param renewalProbability the model's probability that the cloud renews, in [0, 1]; present
 *     exactly when {@code score} is {@link HealthScore.Scored}
 * @param expectedLoss the revenue expected to be lost, {@code arr * (1 - renewalProbability)}, in
 *     [0, arr]; present exactly when {@code score} is {@link HealthScore.Scored}
 * @since 0.1.0
 */
public record CloudHealth(
    HealthScore score, double arr, OptionalDouble renewalProbability, OptionalDouble expectedLoss) {
  /**
   * Creates the health of a cloud.
   *
   * @throws IllegalArgumentException if {@code arr} is negative or not finite, the probability or
   *     the expected loss is out of range, or either is present for an unscored cloud or missing
   *     for a scored one
   * @throws NullPointerException if an argument is null
   */
  public CloudHealth {
    Objects.requireNonNull(score, "score: must not be null");
    Objects.requireNonNull(renewalProbability, "renewal_probability: must not be null");
    Objects.requireNonNull(expectedLoss, "expected_loss: must not be null");
    if (!(arr >= 0 && Double.isFinite(arr))) {
      throw new IllegalArgumentException(
          "arr" + of(score) + ": must be a finite number >= 0, was " + arr);
    }
    boolean scored = score instanceof HealthScore.Scored;
    if (renewalProbability.isPresent() != scored || expectedLoss.isPresent() != scored) {
      throw new IllegalArgumentException(
          "renewal_probability and expected_loss" + of(score) + ": must be "
              + (scored ? "present for a scored cloud" : "empty for a cloud without a score")
              + ", were " + renewalProbability + " and " + expectedLoss);
    }
    if (scored) {
      double p = renewalProbability.getAsDouble();
      double loss = expectedLoss.getAsDouble();
      if (!(p >= 0 && p <= 1)) {
        throw new IllegalArgumentException(
            "renewal_probability" + of(score) + ": must be in [0, 1], was " + p);
      }
      if (!(loss >= 0 && loss <= arr)) {
        throw new IllegalArgumentException(
            "expected_loss" + of(score) + ": must be in [0, arr (" + arr + ")], was " + loss);
      }
    }
  }

  private static String of(HealthScore score) {
    return " of cloud '" + score.cloud() + "'";
  }

  /**
   * Returns the cloud.
   *
   * @return the cloud of {@link #score()}
   */
  public CloudId cloud() {
    return score.cloud();
  }

  /**
   * Returns the score if there is one.
   *
   * @return the score in [0, 100], or empty for insufficient data
   */
  public OptionalDouble value() {
    return score instanceof HealthScore.Scored scored
        ? OptionalDouble.of(scored.score())
        : OptionalDouble.empty();
  }
}
