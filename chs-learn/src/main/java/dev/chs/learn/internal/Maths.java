package dev.chs.learn.internal;

/** Small numeric routines shared by the fitters. */
public final class Maths {
  private Maths() {}

  /**
   * Returns {@code 1 / (1 + exp(-x))}, without overflow.
   *
   * @param x the log-odds
   * @return the probability, in [0, 1]
   */
  public static double sigmoid(double x) {
    if (x >= 0) {
      return 1 / (1 + Math.exp(-x));
    }
    double e = Math.exp(x);
    return e / (1 + e);
  }

  /**
   * Returns {@code log(p / (1 - p))}.
   *
   * @param p a probability in (0, 1)
   * @return the log-odds
   */
  public static double logit(double p) {
    return Math.log(p / (1 - p));
  }

  /**
   * Solves {@code a x = b} by Gaussian elimination with partial pivoting. Neither argument is
   * changed.
   *
   * @param a a square, non-singular matrix
   * @param b the right-hand side
   * @return the solution
   */
  public static double[] solve(double[][] a, double[] b) {
    int n = b.length;
    double[][] m = new double[n][];
    for (int i = 0; i < n; i++) {
      m[i] = new double[n + 1];
      System.arraycopy(a[i], 0, m[i], 0, n);
      m[i][n] = b[i];
    }
    for (int col = 0; col < n; col++) {
      int pivot = col;
      for (int row = col + 1; row < n; row++) {
        if (Math.abs(m[row][col]) > Math.abs(m[pivot][col])) {
          pivot = row;
        }
      }
      double[] swap = m[col];
      m[col] = m[pivot];
      m[pivot] = swap;
      double diagonal = m[col][col];
      if (diagonal == 0) {
        continue;
      }
      for (int row = col + 1; row < n; row++) {
        double factor = m[row][col] / diagonal;
        if (factor != 0) {
          for (int k = col; k <= n; k++) {
            m[row][k] -= factor * m[col][k];
          }
        }
      }
    }
    double[] x = new double[n];
    for (int row = n - 1; row >= 0; row--) {
      double sum = m[row][n];
      for (int k = row + 1; k < n; k++) {
        sum -= m[row][k] * x[k];
      }
      x[row] = m[row][row] == 0 ? 0 : sum / m[row][row];
    }
    return x;
  }
}
