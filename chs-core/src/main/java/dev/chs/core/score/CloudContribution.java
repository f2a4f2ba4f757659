package dev.chs.core.score;

import dev.chs.api.Checks;
import dev.chs.api.CloudId;

/**
 * What one scored cloud adds to an account's overall score.
 *
 * <p>With {@code share} the cloud's roll-up weight divided by the total roll-up weight of the
 * account's scored clouds, {@code points = share * score}. The points of an overall score's clouds
 * add up to the overall score.
 *
 * @param cloud the cloud
 * @param weight the cloud's roll-up weight: its ARR under {@code ARR_WEIGHTED}, or 1 under {@code
 *     EQUAL} and when the scored clouds carry no ARR; finite and at least zero
 * @param share the cloud's share of the roll-up weight, in [0, 1]
 * @param score the cloud's score, in [0, 100]
 * @param points the points the cloud adds to the overall score, in [0, 100]
 * @since 0.1.0
 */
public record CloudContribution(
    CloudId cloud, double weight, double share, double score, double points) {
  /**
   * Creates a cloud's contribution.
   *
   * @throws IllegalArgumentException if a number is out of its range
   * @throws NullPointerException if {@code cloud} is null
   */
  public CloudContribution {
    Checks.requireNonNull("cloud", cloud);
    Checks.requireNonNegative("weight", weight);
    Checks.requireInRange("share", share, 0, 1);
    Checks.requireInRange("score", score, 0, 100);
    Checks.requireInRange("points", points, 0, 100);
  }
}
