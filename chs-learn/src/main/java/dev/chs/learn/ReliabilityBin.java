package dev.chs.learn;

/**
 * One bin of a reliability table: the accounts whose predicted churn probability fell in {@code
 * [lower, upper)} (the last bin includes 1), with the mean prediction and the observed churn
 * rate among them.
 *
 * @param lower the lowest predicted churn probability of the bin, inclusive, in [0, 1]
 * @param upper the highest, exclusive except for the last bin, in [0, 1]
 * @param count how many accounts fell in the bin; at least zero
 * @param meanPredicted the mean predicted churn probability of the bin, in [0, 1]; NaN when empty
 * @param observedRate the share of the bin's accounts that churned, in [0, 1]; NaN when empty
 * @since 0.1.0
 */
public record ReliabilityBin(
    double lower, double upper, int count, double meanPredicted, double observedRate) {
  /**
   * Returns how far the mean prediction lies from the observed rate.
   *
   * @return {@code |meanPredicted - observedRate|}, in [0, 1]; NaN when the bin is empty
   */
  public double error() {
    return Math.abs(meanPredicted - observedRate);
  }
}
