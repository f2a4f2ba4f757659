package dev.chs.learn.internal;

/**
 * Weighted isotonic regression by pool-adjacent-violators: the non-decreasing sequence closest to
 * the targets in weighted least squares.
 */
public final class Pav {
  private Pav() {}

  /**
   * Returns the non-decreasing fit of {@code y} with weights {@code w}, in O(n).
   *
   * @param y the targets, in order
   * @param w the weights, each above zero
   * @return a new array of the fitted values
   */
  public static double[] increasing(double[] y, double[] w) {
    int n = y.length;
    double[] blockValue = new double[n];
    double[] blockWeight = new double[n];
    int[] blockEnd = new int[n];
    int blocks = 0;
    for (int i = 0; i < n; i++) {
      blockValue[blocks] = y[i];
      blockWeight[blocks] = w[i];
      blockEnd[blocks] = i;
      blocks++;
      // Pool backwards while the last two blocks violate the order.
      while (blocks > 1 && blockValue[blocks - 2] > blockValue[blocks - 1]) {
        double weight = blockWeight[blocks - 2] + blockWeight[blocks - 1];
        blockValue[blocks - 2] = (blockValue[blocks - 2] * blockWeight[blocks - 2]
            + blockValue[blocks - 1] * blockWeight[blocks - 1]) / weight;
        blockWeight[blocks - 2] = weight;
        blockEnd[blocks - 2] = blockEnd[blocks - 1];
        blocks--;
      }
    }
    double[] fit = new double[n];
    int start = 0;
    for (int b = 0; b < blocks; b++) {
      for (int i = start; i <= blockEnd[b]; i++) {
        fit[i] = blockValue[b];
      }
      start = blockEnd[b] + 1;
    }
    return fit;
  }

  /**
   * Returns the monotone fit of {@code y}: non-decreasing for {@code sign > 0}, non-increasing for
   * {@code sign < 0}, and {@code y} itself for {@code sign == 0}.
   *
   * @param y the targets
   * @param w the weights, each above zero
   * @param sign the direction
   * @return a new array of the fitted values
   */
  public static double[] monotone(double[] y, double[] w, int sign) {
    if (sign == 0) {
      return y.clone();
    }
    if (sign > 0) {
      return increasing(y, w);
    }
    double[] negated = new double[y.length];
    for (int i = 0; i < y.length; i++) {
      negated[i] = -y[i];
    }
    double[] fit = increasing(negated, w);
    for (int i = 0; i < fit.length; i++) {
      fit[i] = -fit[i];
    }
    return fit;
  }
}
