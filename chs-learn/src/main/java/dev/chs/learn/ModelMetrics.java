package dev.chs.learn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * How well one model's predictions match the outcomes of a back-test.
 *
 * <p>Every figure is about the <em>churn</em> event: the label is 1 for an account that churned,
 * and the prediction is {@code 1 - renewal probability}. AUC, Brier score and log loss are the
 * same whichever of the two events is taken as positive; the top decile is the tenth of accounts
 * with the highest churn probability.
 *
 * @param name the model's name, such as {@code learned}, {@code default} or {@code logistic}
 * @param auc the area under the ROC curve, in [0, 1], ties counted as half; NaN when only one
 *     class occurs
 * @param brier the mean squared error of the churn probability, in [0, 1]
 * @param logLoss the mean negative log-likelihood, in nats, with probabilities clipped to [1e-15,
 *     1 - 1e-15]; at least 0
 * @param topDecileLift the churn rate of the top decile divided by the overall churn rate; at
 *     least 0, NaN when nobody churned
 * @param topDecileCaptured the share of all churners that fall in the top decile, in [0, 1]; NaN
 *     when nobody churned
 * @param reliability ten bins of width 0.1 over the predicted churn probability
 * @param riskDeciles up to ten bins that each hold a tenth of the accounts, in order of predicted
 *     churn probability: the deciles of risk. Accounts with the same prediction share a bin, so
 *     ties can make a bin larger, and the bins fewer. Bins are {@code [lower, upper)}, the last
 *     including 1: the first starts at 0, each other at its lowest prediction, and each ends
 *     where the next starts
 * @param unscored how many accounts the model gave no score (insufficient data), and so were given
 *     the training churn rate instead; at least zero
 * @since 0.1.0
 */
public record ModelMetrics(
    String name,
    double auc,
    double brier,
    double logLoss,
    double topDecileLift,
    double topDecileCaptured,
    List<ReliabilityBin> reliability,
    List<ReliabilityBin> riskDeciles,
    int unscored) {
  /**
   * The fewest accounts a reliability bin holds for {@link #maxCalibrationError()} and {@link
   * #maxDecileCalibrationError()} to count it.
   */
  public static final int CALIBRATION_MIN_COUNT = 50;

  /** How far from its observed rate a bin's mean prediction may lie for the target to be met. */
  public static final double CALIBRATION_TOLERANCE = 0.05;

  private static final double CLIP = 1e-15;
  private static final int BINS = 10;

  /**
   * Creates the metrics.
   *
   * @throws NullPointerException if the name or the bins are null
   */
  public ModelMetrics {
    Objects.requireNonNull(name, "name");
    reliability = List.copyOf(reliability);
    riskDeciles = List.copyOf(riskDeciles);
  }

  /**
   * Computes the metrics of predictions against outcomes.
   *
   * @param name the model's name
   * @param churnProbability the predicted probability of churn of each account, in [0, 1]
   * @param churned whether each account churned, in the same order
   * @param unscored how many of the predictions are the fallback for an unscored account
   * @return the metrics
   * @throws IllegalArgumentException if the arrays differ in length, are empty, or a probability
   *     is outside [0, 1]
   */
  public static ModelMetrics of(
      String name, double[] churnProbability, boolean[] churned, int unscored) {
    int n = churnProbability.length;
    if (n != churned.length || n == 0) {
      throw new IllegalArgumentException(
          "churnProbability, churned: must have the same length above 0, were " + n + " and "
              + churned.length);
    }
    for (int i = 0; i < n; i++) {
      if (!(churnProbability[i] >= 0 && churnProbability[i] <= 1)) {
        throw new IllegalArgumentException(
            "churnProbability[" + i + "]: must be in [0, 1], was " + churnProbability[i]);
      }
    }
    double brier = 0;
    double logLoss = 0;
    for (int i = 0; i < n; i++) {
      double p = churnProbability[i];
      double y = churned[i] ? 1 : 0;
      brier += (p - y) * (p - y);
      double clipped = Math.min(1 - CLIP, Math.max(CLIP, p));
      logLoss -= churned[i] ? Math.log(clipped) : Math.log(1 - clipped);
    }
    double[] decile = topDecile(churnProbability, churned);
    int[] order = byPrediction(churnProbability);
    return new ModelMetrics(name, auc(churnProbability, churned, order), brier / n, logLoss / n,
        decile[0], decile[1], reliability(churnProbability, churned),
        riskDeciles(churnProbability, churned, order), unscored);
  }

  /**
   * Returns the area under the ROC curve: the chance that a random churner is ranked above a
   * random non-churner, ties counting one half.
   *
   * @param score the scores, higher meaning more likely to churn
   * @param positive the labels
   * @return the AUC in [0, 1], or NaN when one class is absent
   */
  public static double auc(double[] score, boolean[] positive) {
    return auc(score, positive, byPrediction(score));
  }

  /** Returns the AUC of {@code score}, whose indexes {@code order} lists in increasing order. */
  private static double auc(double[] score, boolean[] positive, int[] order) {
    int n = score.length;
    double rankSum = 0;
    long positives = 0;
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && score[order[j + 1]] == score[order[i]]) {
        j++;
      }
      // Ranks i+1 .. j+1 share their mean.
      double rank = (i + j + 2) / 2.0;
      for (int k = i; k <= j; k++) {
        if (positive[order[k]]) {
          rankSum += rank;
          positives++;
        }
      }
      i = j + 1;
    }
    long negatives = n - positives;
    if (positives == 0 || negatives == 0) {
      return Double.NaN;
    }
    return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
  }

  /**
   * Returns the lift and the share of churners captured in the top decile: the {@code ceil(n /
   * 10)} accounts of highest churn probability, ties broken by their order in the input.
   */
  private static double[] topDecile(double[] p, boolean[] churned) {
    int n = p.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -p[i]).thenComparing(i -> i));
    int top = (n + 9) / 10;
    int churnersTop = 0;
    int churners = 0;
    for (int k = 0; k < n; k++) {
      if (churned[order[k]]) {
        churners++;
        if (k < top) {
          churnersTop++;
        }
      }
    }
    if (churners == 0) {
      return new double[] {Double.NaN, Double.NaN};
    }
    double lift = ((double) churnersTop / top) / ((double) churners / n);
    return new double[] {lift, (double) churnersTop / churners};
  }

  private static List<ReliabilityBin> reliability(double[] p, boolean[] churned) {
    int[] count = new int[BINS];
    double[] predicted = new double[BINS];
    double[] observed = new double[BINS];
    for (int i = 0; i < p.length; i++) {
      int bin = Math.min(BINS - 1, (int) Math.floor(p[i] * BINS));
      count[bin]++;
      predicted[bin] += p[i];
      observed[bin] += churned[i] ? 1 : 0;
    }
    List<ReliabilityBin> bins = new ArrayList<>(BINS);
    for (int b = 0; b < BINS; b++) {
      double mean = count[b] == 0 ? Double.NaN : predicted[b] / count[b];
      double rate = count[b] == 0 ? Double.NaN : observed[b] / count[b];
      bins.add(new ReliabilityBin(b / (double) BINS, (b + 1) / (double) BINS, count[b], mean,
          rate));
    }
    return bins;
  }

  /**
   * Returns the deciles of risk: bin {@code b} ends at the {@code n * (b + 1) / 10}-th account in
   * order of prediction ({@code order}, the indexes of {@code p} in that order), or past it at
   * the end of its run of equal predictions.
   */
  private static List<ReliabilityBin> riskDeciles(double[] p, boolean[] churned, int[] order) {
    int n = p.length;
    double[] sorted = new double[n];
    for (int k = 0; k < n; k++) {
      sorted[k] = p[order[k]];
    }
    List<ReliabilityBin> bins = new ArrayList<>(BINS);
    int start = 0;
    for (int b = 0; b < BINS && start < n; b++) {
      int end = b == BINS - 1 ? n : Math.max(start, (int) ((long) n * (b + 1) / BINS));
      while (end > start && end < n && sorted[end] == sorted[end - 1]) {
        end++;
      }
      if (end == start) {
        continue;
      }
      double predicted = 0;
      int observed = 0;
      for (int k = start; k < end; k++) {
        predicted += sorted[k];
        observed += churned[order[k]] ? 1 : 0;
      }
      int count = end - start;
      bins.add(new ReliabilityBin(start == 0 ? 0 : sorted[start], end == n ? 1 : sorted[end],
          count, predicted / count, observed / (double) count));
      start = end;
    }
    return bins;
  }

  /** Returns the indexes of {@code p} in increasing order of prediction, ties in input order. */
  private static int[] byPrediction(double[] p) {
    Integer[] boxed = new Integer[p.length];
    for (int i = 0; i < p.length; i++) {
      boxed[i] = i;
    }
    Arrays.sort(boxed, Comparator.comparingDouble(i -> p[i]));
    int[] order = new int[p.length];
    for (int i = 0; i < p.length; i++) {
      order[i] = boxed[i];
    }
    return order;
  }

  /**
   * Returns the largest calibration error among the bins of {@link #reliability()} that hold at
   * least {@value #CALIBRATION_MIN_COUNT} accounts: the figure the calibration target names.
   *
   * @return the largest {@link ReliabilityBin#error()} of those bins, in [0, 1]; 0 when none holds
   *     that many
   */
  public double maxCalibrationError() {
    return maxError(reliability);
  }

  /**
   * Returns the largest calibration error among the {@link #riskDeciles()} that hold at least
   * {@value #CALIBRATION_MIN_COUNT} accounts. Each decile holds a tenth of the accounts, so on
   * a few thousand accounts its observed rate is much less noisy than that of a sparse bin of
   * width 0.1.
   *
   * @return the largest {@link ReliabilityBin#error()} of those deciles, in [0, 1]; 0 when none
   *     holds that many
   */
  public double maxDecileCalibrationError() {
    return maxError(riskDeciles);
  }

  private static double maxError(List<ReliabilityBin> bins) {
    double max = 0;
    for (ReliabilityBin bin : bins) {
      if (bin.count() >= CALIBRATION_MIN_COUNT) {
        max = Math.max(max, bin.error());
      }
    }
    return max;
  }

  /**
   * Returns the chance that a perfectly calibrated model, with the same bins, would meet the
   * calibration target: every bin of at least {@value #CALIBRATION_MIN_COUNT} accounts within
   * {@value #CALIBRATION_TOLERANCE} of its observed rate. It shows how much of a bin error is
   * the noise of the observed rates alone. A bin of 100 accounts at a churn probability of 0.5
   * misses the tolerance about a third of the time even when every probability is right.
   *
   * <p>Each counted bin of {@code n} accounts with mean prediction {@code p} is taken to churn
   * as a binomial {@code B(n, p)}, independently of the others; the result is the product over
   * those bins of {@code P(|B / n - p| <= tolerance)}, summed exactly. Within a bin the
   * predictions differ a little, which makes the true spread slightly smaller than the
   * binomial's, so this chance errs low.
   *
   * @return the chance, in [0, 1]; 1 when no bin holds that many accounts
   */
  public double calibrationPassChance() {
    return passChance(reliability);
  }

  /**
   * Returns {@link #calibrationPassChance()} for the {@link #riskDeciles()}: the chance that a
   * perfectly calibrated model keeps every decile of at least {@value #CALIBRATION_MIN_COUNT}
   * accounts within {@value #CALIBRATION_TOLERANCE} of its observed rate.
   *
   * @return the chance, in [0, 1]; 1 when no decile holds that many accounts
   */
  public double decileCalibrationPassChance() {
    return passChance(riskDeciles);
  }

  private static double passChance(List<ReliabilityBin> bins) {
    double chance = 1;
    for (ReliabilityBin bin : bins) {
      if (bin.count() >= CALIBRATION_MIN_COUNT) {
        chance *= withinTolerance(bin.count(), bin.meanPredicted());
      }
    }
    return chance;
  }

  /** Returns {@code P(|B / n - p| <= tolerance)} for {@code B ~ Binomial(n, p)}. */
  static double withinTolerance(int n, double p) {
    // A margin keeps k / n exactly at the tolerance inside, whatever the rounding of n * p.
    long low = Math.max(0, (long) Math.ceil(n * (p - CALIBRATION_TOLERANCE) - 1e-9));
    long high = Math.min(n, (long) Math.floor(n * (p + CALIBRATION_TOLERANCE) + 1e-9));
    if (p <= 0 || p >= 1) {
      return 1;
    }
    double logP = Math.log(p);
    double logQ = Math.log1p(-p);
    double logChoose = 0;
    double sum = 0;
    for (int k = 0; k <= high; k++) {
      if (k > 0) {
        logChoose += Math.log(n - k + 1) - Math.log(k);
      }
      if (k >= low) {
        sum += Math.exp(logChoose + k * logP + (n - k) * logQ);
      }
    }
    return Math.min(1, sum);
  }
}
