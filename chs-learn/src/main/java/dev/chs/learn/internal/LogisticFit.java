package dev.chs.learn.internal;

/**
 * L2-regularised logistic regression by Newton's method: minimises the summed log loss plus
 * {@code l2 / 2} times the squared norm of the coefficients; the intercept is not penalised.
 */
public final class LogisticFit {
  private static final int MAX_ITERATIONS = 50;
  private static final double TOLERANCE = 1e-10;

  private LogisticFit() {}

  /**
   * Fits the coefficients.
   *
   * @param x the rows of the design matrix, without an intercept column; all finite
   * @param y the labels, 0 or 1
   * @param l2 the ridge penalty, at least 0
   * @return the intercept followed by one coefficient per column
   */
  public static double[] fit(double[][] x, double[] y, double l2) {
    int n = y.length;
    int p = n == 0 ? 0 : x[0].length;
    int d = p + 1;
    double[] beta = new double[d];
    double mean = 0;
    for (double label : y) {
      mean += label;
    }
    mean = n == 0 ? 0.5 : mean / n;
    beta[0] = Maths.logit(Math.min(1 - 1e-6, Math.max(1e-6, mean)));

    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      double[] gradient = new double[d];
      double[][] hessian = new double[d][d];
      for (int i = 0; i < n; i++) {
        double eta = beta[0];
        for (int j = 0; j < p; j++) {
          eta += beta[j + 1] * x[i][j];
        }
        double prob = Maths.sigmoid(eta);
        double residual = y[i] - prob;
        double weight = Math.max(prob * (1 - prob), 1e-12);
        gradient[0] += residual;
        hessian[0][0] += weight;
        for (int j = 0; j < p; j++) {
          double xj = x[i][j];
          gradient[j + 1] += residual * xj;
          hessian[0][j + 1] += weight * xj;
          for (int k = j; k < p; k++) {
            hessian[j + 1][k + 1] += weight * xj * x[i][k];
          }
        }
      }
      for (int j = 1; j < d; j++) {
        gradient[j] -= l2 * beta[j];
        hessian[j][j] += l2;
      }
      for (int j = 0; j < d; j++) {
        for (int k = 0; k < j; k++) {
          hessian[j][k] = hessian[k][j];
        }
        hessian[j][j] += 1e-9;
      }
      double[] step = Maths.solve(hessian, gradient);
      double largest = 0;
      for (int j = 0; j < d; j++) {
        beta[j] += step[j];
        largest = Math.max(largest, Math.abs(step[j]));
      }
      if (largest < TOLERANCE) {
        break;
      }
    }
    return beta;
  }
}
