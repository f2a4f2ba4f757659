package dev.chs.learn.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An additive logit {@code f(x) = b0 + sum_i g_i(x_i)}, each {@code g_i} a step function over
 * quantile bins of its column plus one value for a missing entry, fitted by cyclic Newton
 * boosting with shrinkage and a ridge penalty on the bin values. A column with a sign is kept
 * monotone: after each update its bin values are projected by {@link Pav} onto the
 * non-decreasing ({@code +1}) or non-increasing ({@code -1}) sequences.
 *
 * <p>Fitting is deterministic: it has no randomness and visits columns in order.
 */
public final class AdditiveLogit {
  private final double intercept;
  private final List<Shape> shapes;

  private AdditiveLogit(double intercept, List<Shape> shapes) {
    this.intercept = intercept;
    this.shapes = List.copyOf(shapes);
  }

  /** Returns the intercept {@code b0}. */
  public double intercept() {
    return intercept;
  }

  /** Returns the shapes, one per column. */
  public List<Shape> shapes() {
    return shapes;
  }

  /** Returns the logit of a row, NaN marking a missing entry. */
  public double logit(double[] row) {
    double f = intercept;
    for (int i = 0; i < shapes.size(); i++) {
      f += shapes.get(i).value(row[i]);
    }
    return f;
  }

  /**
   * The step function of one column: {@code values[k]} for {@code thresholds[k-1] <= x <
   * thresholds[k]}, with {@code values[0]} below the first threshold, and {@code missing} for a
   * missing entry.
   *
   * @param thresholds the bin starts, strictly increasing; one fewer than the values
   * @param values the value of each bin, in logit units
   * @param missing the value of a missing entry, in logit units
   * @param missingRows how many training rows were missing
   */
  // Never compared or hashed: a shape is read once, when the fit is written as a chs model, so
  // the identity equality of its arrays, which the check warns of, does not matter.
  @SuppressWarnings("ArrayRecordComponent")
  public record Shape(double[] thresholds, double[] values, double missing, int missingRows) {
    /** Returns the bin of a present value. */
    int bin(double x) {
      int lo = 0;
      int hi = thresholds.length;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (thresholds[mid] <= x) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }

    /** Returns {@code g(x)}, the missing value for NaN. */
    public double value(double x) {
      return Double.isNaN(x) ? missing : values[bin(x)];
    }
  }

  /** The settings of a fit. */
  public record Settings(
      int maxBins, int minBinRows, double learningRate, double l2, int maxRounds, int patience) {}

  /** A fitted model with the validation loss after each round, if a validation set was given. */
  // Never compared or hashed: a trace is read once by the fitter that asked for it, so the
  // identity equality of its array, which the check warns of, does not matter.
  @SuppressWarnings("ArrayRecordComponent")
  public record Trace(AdditiveLogit model, double[] validationLoss, int bestRounds) {}

  /**
   * Fits a model on {@code x, y} for at most {@code rounds} rounds. When {@code validX} is not
   * null, the fit stops {@code patience} rounds after the validation log loss last improved, and
   * returns the model of the best round.
   */
  public static Trace fit(
      double[][] x, double[] y, int[] signs, Settings settings, int rounds,
      double @Nullable [][] validX, double @Nullable [] validY) {
    int n = y.length;
    int p = signs.length;
    double[][] thresholds = new double[p][];
    int[][] bins = new int[p][];
    int[][] validBins = new int[p][];
    double[][] values = new double[p][];
    int[][] counts = new int[p][];
    for (int i = 0; i < p; i++) {
      thresholds[i] = thresholds(column(x, i), settings.maxBins(), settings.minBinRows());
      bins[i] = assign(x, i, thresholds[i]);
      if (validX != null) {
        validBins[i] = assign(validX, i, thresholds[i]);
      }
      values[i] = new double[thresholds[i].length + 2];
      counts[i] = new int[values[i].length];
      for (int b : bins[i]) {
        counts[i][b]++;
      }
    }

    double b0 = Maths.logit(clampedMean(y));
    double[] f = new double[n];
    Arrays.fill(f, b0);
    double[] validF = validX == null || validY == null ? null : new double[validY.length];
    if (validF != null) {
      Arrays.fill(validF, b0);
    }
    List<Double> losses = new ArrayList<>();
    double bestLoss = Double.POSITIVE_INFINITY;
    int bestRound = 0;
    double bestB0 = b0;
    double[][] bestValues = copy(values);

    double[] prob = new double[n];
    for (int round = 1; round <= rounds; round++) {
      for (int i = 0; i < p; i++) {
        for (int j = 0; j < n; j++) {
          prob[j] = Maths.sigmoid(f[j]);
        }
        double[] delta = update(values[i], bins[i], counts[i], y, prob, signs[i], settings);
        double shift = 0;
        for (int k = 0; k < delta.length; k++) {
          shift += counts[i][k] * (values[i][k] + delta[k]);
        }
        shift /= n;
        for (int k = 0; k < delta.length; k++) {
          delta[k] -= shift;
          values[i][k] += delta[k];
        }
        b0 += shift;
        for (int j = 0; j < n; j++) {
          f[j] += delta[bins[i][j]] + shift;
        }
        if (validF != null) {
          for (int j = 0; j < validF.length; j++) {
            validF[j] += delta[validBins[i][j]] + shift;
          }
        }
      }
      double intercept = interceptStep(f, y);
      b0 += intercept;
      for (int j = 0; j < n; j++) {
        f[j] += intercept;
      }
      if (validF == null || validY == null) {
        continue;
      }
      for (int j = 0; j < validF.length; j++) {
        validF[j] += intercept;
      }
      double loss = logLoss(validF, validY);
      losses.add(loss);
      if (loss < bestLoss - 1e-9) {
        bestLoss = loss;
        bestRound = round;
        bestB0 = b0;
        bestValues = copy(values);
      } else if (round - bestRound >= settings.patience()) {
        break;
      }
    }
    if (validF == null) {
      bestB0 = b0;
      bestValues = values;
      bestRound = rounds;
    }
    List<Shape> shapes = new ArrayList<>(p);
    for (int i = 0; i < p; i++) {
      double[] v = bestValues[i];
      int missingBin = v.length - 1;
      shapes.add(new Shape(thresholds[i], Arrays.copyOf(v, missingBin), v[missingBin],
          counts[i][missingBin]));
    }
    double[] trace = losses.stream().mapToDouble(Double::doubleValue).toArray();
    return new Trace(new AdditiveLogit(bestB0, shapes), trace, bestRound);
  }

  /** Returns the change of each bin value, the missing bin last, after the monotone projection. */
  private static double[] update(
      double[] values, int[] bins, int[] counts, double[] y, double[] prob, int sign,
      Settings settings) {
    int size = values.length;
    double[] gradient = new double[size];
    double[] hessian = new double[size];
    for (int j = 0; j < bins.length; j++) {
      gradient[bins[j]] += y[j] - prob[j];
      hessian[bins[j]] += prob[j] * (1 - prob[j]);
    }
    double l2 = settings.l2();
    double[] target = new double[size];
    for (int k = 0; k < size; k++) {
      double step = (gradient[k] - l2 * values[k]) / (hessian[k] + l2);
      target[k] = values[k] + settings.learningRate() * step;
    }
    int present = size - 1;
    double[] weights = new double[present];
    for (int k = 0; k < present; k++) {
      weights[k] = hessian[k] + l2 + 1e-9;
    }
    double[] projected = Pav.monotone(Arrays.copyOf(target, present), weights, sign);
    double[] delta = new double[size];
    for (int k = 0; k < present; k++) {
      delta[k] = projected[k] - values[k];
    }
    delta[present] = counts[present] == 0 ? 0 : target[present] - values[present];
    return delta;
  }

  private static double interceptStep(double[] f, double[] y) {
    double gradient = 0;
    double hessian = 1e-9;
    for (int j = 0; j < f.length; j++) {
      double prob = Maths.sigmoid(f[j]);
      gradient += y[j] - prob;
      hessian += prob * (1 - prob);
    }
    return gradient / hessian;
  }

  /** Returns the mean log loss of logits {@code f} against labels {@code y}. */
  static double logLoss(double[] f, double[] y) {
    double sum = 0;
    for (int j = 0; j < f.length; j++) {
      // log(1 + exp(-z)) for the signed logit, computed stably.
      double z = y[j] > 0.5 ? f[j] : -f[j];
      sum += z >= 0 ? Math.log1p(Math.exp(-z)) : -z + Math.log1p(Math.exp(z));
    }
    return f.length == 0 ? 0 : sum / f.length;
  }

  /**
   * Returns bin starts at the quantiles of the present values, each bin holding at least {@code
   * minRows} of them.
   */
  static double[] thresholds(double[] column, int maxBins, int minRows) {
    double[] present = Arrays.stream(column).filter(v -> !Double.isNaN(v)).sorted().toArray();
    int m = present.length;
    List<Double> cuts = new ArrayList<>();
    int start = 0;
    for (int k = 1; k < maxBins; k++) {
      double candidate = present.length == 0 ? 0 : present[(int) ((long) k * m / maxBins)];
      int at = lowerBound(present, candidate);
      if (at - start >= minRows && m - at >= minRows
          && (cuts.isEmpty() || candidate > cuts.get(cuts.size() - 1))) {
        cuts.add(candidate);
        start = at;
      }
    }
    return cuts.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static int lowerBound(double[] sorted, double value) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < value) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static int[] assign(double[][] x, int i, double[] thresholds) {
    Shape shape = new Shape(thresholds, new double[thresholds.length + 1], 0, 0);
    int[] bins = new int[x.length];
    for (int j = 0; j < x.length; j++) {
      double v = x[j][i];
      bins[j] = Double.isNaN(v) ? thresholds.length + 1 : shape.bin(v);
    }
    return bins;
  }

  private static double[] column(double[][] x, int i) {
    double[] column = new double[x.length];
    for (int j = 0; j < x.length; j++) {
      column[j] = x[j][i];
    }
    return column;
  }

  private static double clampedMean(double[] y) {
    double sum = 0;
    for (double v : y) {
      sum += v;
    }
    double mean = y.length == 0 ? 0.5 : sum / y.length;
    return Math.min(1 - 1e-6, Math.max(1e-6, mean));
  }

  private static double[][] copy(double[][] values) {
    double[][] copy = new double[values.length][];
    for (int i = 0; i < values.length; i++) {
      copy[i] = values[i].clone();
    }
    return copy;
  }
}
