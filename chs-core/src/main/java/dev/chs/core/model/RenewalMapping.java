package dev.chs.core.model;

/**
 * How a health score maps to the probability that an account renews.
 *
 * <p>Until a model is fitted to past renewals, it uses {@link #DEFAULT}, a logistic curve that is
 * <em>not calibrated</em>: it orders accounts sensibly, but its probabilities are not learned from
 * outcomes.
 *
 * @since 0.1.0
 */
public sealed interface RenewalMapping permits RenewalMapping.Logistic {
  /**
   * The default mapping, not calibrated: {@code 1 / (1 + exp(-(score - 50) / 12))}, which gives
   * 0.5 at a score of 50, about 0.84 at 70 and about 0.16 at 30.
   */
  Logistic DEFAULT = new Logistic(50, 12);

  /**
   * Returns the probability of renewal for a score.
   *
   * @param score the health score, in [0, 100]
   * @return the probability, in [0, 1]
   */
  double probability(double score);

  /**
   * The logistic curve {@code 1 / (1 + exp(-(score - midpoint) / scale))}.
   *
   * @param midpoint the score at which the probability is 0.5; finite
   * @param scale how many points of score change the log-odds by one; finite and above zero
   * @since 0.1.0
   */
  record Logistic(double midpoint, double scale) implements RenewalMapping {
    /**
     * Creates a logistic mapping.
     *
     * @throws IllegalArgumentException if the midpoint is not finite or the scale not above zero
     */
    public Logistic {
      if (!Double.isFinite(midpoint)) {
        throw new IllegalArgumentException("midpoint: must be a finite number, was " + midpoint);
      }
      if (!(scale > 0 && Double.isFinite(scale))) {
        throw new IllegalArgumentException("scale: must be a finite number > 0, was " + scale);
      }
    }

    @Override
    public double probability(double score) {
      return 1 / (1 + Math.exp(-(score - midpoint) / scale));
    }
  }
}
