package dev.chs.learn;

import dev.chs.core.model.RenewalMapping;
import dev.chs.learn.internal.LogisticFit;
import dev.chs.learn.internal.Maths;
import dev.chs.learn.internal.Pav;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A map from a health score to a calibrated probability of renewal, learned from past outcomes.
 * Calibrations are immutable and safe to share between threads.
 *
 * @since 0.1.0
 */
public sealed interface Calibration permits Calibration.Platt, Calibration.Isotonic {
  /**
   * Returns the probability of renewal at a score.
   *
   * @param score the health score, in [0, 100]
   * @return the probability, in [0, 1]
   */
  double probability(double score);

  /**
   * The kinds of calibration, to choose the one that becomes a fitted model's renewal mapping.
   *
   * @since 0.1.0
   */
  enum Kind {
    /** {@link Platt}, written as a {@link RenewalMapping.Logistic}. */
    PLATT,
    /** {@link Isotonic}, written as a {@link RenewalMapping.Isotonic}. */
    ISOTONIC
  }

  /**
   * Platt scaling: {@code P(renew) = 1 / (1 + exp(-(a + b * score)))}.
   *
   * @param a the log-odds of renewal at a score of 0; finite
   * @param b the change of the log-odds per point of score; finite
   * @since 0.1.0
   */
  record Platt(double a, double b) implements Calibration {
    /** The scale of the mapping that stands for a flat calibration, in points of score. */
    static final double FLAT_SCALE = 1e6;

    /**
     * Creates a Platt calibration.
     *
     * @throws IllegalArgumentException if a coefficient is not finite
     */
    public Platt {
      if (!Double.isFinite(a) || !Double.isFinite(b)) {
        throw new IllegalArgumentException(
            "a, b: must be finite numbers, were " + a + " and " + b);
      }
    }

    /**
     * Fits the coefficients by maximum likelihood (with a ridge of 1e-6 on {@code b}).
     *
     * @param scores the scores, each finite
     * @param renewed the outcomes, in the same order
     * @return the calibration
     * @throws IllegalArgumentException if the arrays differ in length or are empty
     */
    public static Platt fit(double[] scores, boolean[] renewed) {
      requireSameLength(scores, renewed);
      double mean = 0;
      for (double score : scores) {
        mean += score;
      }
      mean /= scores.length;
      double spread = 0;
      for (double score : scores) {
        spread += (score - mean) * (score - mean);
      }
      spread = Math.sqrt(spread / scores.length);
      double unit = spread > 0 ? spread : 1;
      double[][] x = new double[scores.length][1];
      double[] y = new double[scores.length];
      for (int i = 0; i < scores.length; i++) {
        // Standardised, so that Newton's method is well conditioned on any scale.
        x[i][0] = (scores[i] - mean) / unit;
        y[i] = renewed[i] ? 1 : 0;
      }
      double[] beta = LogisticFit.fit(x, y, 1e-6);
      double b = beta[1] / unit;
      return new Platt(beta[0] - b * mean, b);
    }

    @Override
    public double probability(double score) {
      return Maths.sigmoid(a + b * score);
    }

    /**
     * Returns this calibration as a model's renewal mapping. When {@code b > 0}, it is exactly
     * {@code Logistic(-a / b, 1 / b)}. Otherwise the scores carry no usable order (a higher score
     * would not mean likelier renewal), and the mapping is nearly flat at the probability of a
     * score of 50: a logistic with a scale of 10<sup>6</sup> points, which moves the probability
     * by less than 10<sup>-4</sup> across the whole range of scores.
     *
     * @return the mapping
     */
    public RenewalMapping.Logistic toMapping() {
      if (b > 1e-12 && Double.isFinite(a / b) && Double.isFinite(1 / b)) {
        return new RenewalMapping.Logistic(-a / b, 1 / b);
      }
      double logOdds = a + b * 50;
      return new RenewalMapping.Logistic(50 - FLAT_SCALE * logOdds, FLAT_SCALE);
    }
  }

  /**
   * Isotonic calibration: the non-decreasing step fit of the outcomes on the scores by
   * pool-adjacent-violators, read between its knots by linear interpolation and flat beyond
   * them. Probabilities are kept within [0.001, 0.999] so that log loss stays finite.
   *
   * <p>{@link #toMapping()} turns it into the {@link RenewalMapping.Isotonic} that a model file
   * holds.
   *
   * @param scores the knots' scores, strictly increasing, each finite
   * @param probabilities the probability at each knot, non-decreasing, each in [0, 1]
   * @since 0.1.0
   */
  record Isotonic(List<Double> scores, List<Double> probabilities) implements Calibration {
    private static final double FLOOR = 0.001;

    /**
     * Creates an isotonic calibration.
     *
     * @throws IllegalArgumentException if the lists are empty or differ in length, the scores do
     *     not strictly increase, or the probabilities decrease or leave [0, 1]
     * @throws NullPointerException if a list or an element is null
     */
    public Isotonic {
      scores = List.copyOf(scores);
      probabilities = List.copyOf(probabilities);
      if (scores.isEmpty() || scores.size() != probabilities.size()) {
        throw new IllegalArgumentException("scores, probabilities: must have the same size above"
            + " 0, were " + scores.size() + " and " + probabilities.size());
      }
      for (int i = 0; i < scores.size(); i++) {
        if (!(probabilities.get(i) >= 0 && probabilities.get(i) <= 1)) {
          throw new IllegalArgumentException(
              "probabilities[" + i + "]: must be in [0, 1], was " + probabilities.get(i));
        }
        if (i > 0 && !(scores.get(i) > scores.get(i - 1))) {
          throw new IllegalArgumentException("scores[" + i + "]: must be greater than scores["
              + (i - 1) + "] (" + scores.get(i - 1) + "), was " + scores.get(i));
        }
        if (i > 0 && probabilities.get(i) < probabilities.get(i - 1)) {
          throw new IllegalArgumentException("probabilities[" + i + "]: must be >= "
              + probabilities.get(i - 1) + ", was " + probabilities.get(i));
        }
      }
    }

    /**
     * Fits the calibration by plain pool-adjacent-violators: {@link #fit(double[], boolean[],
     * int)} with blocks of any size.
     *
     * @param scores the scores, each finite
     * @param renewed the outcomes, in the same order
     * @return the calibration
     * @throws IllegalArgumentException if the arrays differ in length or are empty
     */
    public static Isotonic fit(double[] scores, boolean[] renewed) {
      return fit(scores, renewed, 1);
    }

    /**
     * Fits the calibration. Tied scores form one group, and pool-adjacent-violators pools the
     * groups into blocks of one rate each. A block of fewer than {@code minBlockRows} accounts
     * is then merged with the neighbour whose rate is closer to its own (the left one on a tie)
     * until every block holds that many, or one block is left; merging two adjacent blocks
     * keeps the rates non-decreasing. Each block becomes one knot, at the mean score of its
     * accounts, with the block's renewal rate.
     *
     * <p>A small block at either end is where plain isotonic regression overfits: a handful of
     * accounts that all churned set the probability of every score beyond them. A floor on the
     * block size bounds how noisy each knot's rate can be: with {@code n} accounts its standard
     * error is at most {@code 0.5 / sqrt(n)}.
     *
     * @param scores the scores, each finite
     * @param renewed the outcomes, in the same order
     * @param minBlockRows the fewest accounts a block holds, unless fewer were given; at least 1
     * @return the calibration
     * @throws IllegalArgumentException if the arrays differ in length or are empty, or {@code
     *     minBlockRows} is below 1
     * @since 0.1.0
     */
    public static Isotonic fit(double[] scores, boolean[] renewed, int minBlockRows) {
      requireSameLength(scores, renewed);
      if (minBlockRows < 1) {
        throw new IllegalArgumentException(
            "minBlockRows: must be >= 1, was " + minBlockRows);
      }
      List<Block> blocks = merged(pooled(tiedGroups(scores, renewed)), minBlockRows);
      List<Double> knots = new ArrayList<>(blocks.size());
      List<Double> values = new ArrayList<>(blocks.size());
      for (Block block : blocks) {
        double knot = block.scoreSum() / block.count();
        // Blocks are ordered by score, so a knot can only repeat the last through rounding.
        if (knots.isEmpty() || knot > knots.get(knots.size() - 1)) {
          knots.add(knot);
          values.add(block.rate());
        }
      }
      return new Isotonic(knots, values);
    }

    /** Accounts pooled into one rate: their renewals, their number and their summed score. */
    private record Block(double renewals, double count, double scoreSum) {
      double rate() {
        return renewals / count;
      }

      Block plus(Block other) {
        return new Block(renewals + other.renewals, count + other.count,
            scoreSum + other.scoreSum);
      }
    }

    /** Returns one block per distinct score, in increasing order of score. */
    private static List<Block> tiedGroups(double[] scores, boolean[] renewed) {
      Integer[] order = new Integer[scores.length];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
      List<Block> groups = new ArrayList<>();
      double last = Double.NaN;
      for (int i : order) {
        Block one = new Block(renewed[i] ? 1 : 0, 1, scores[i]);
        if (!groups.isEmpty() && scores[i] == last) {
          groups.set(groups.size() - 1, groups.get(groups.size() - 1).plus(one));
        } else {
          groups.add(one);
        }
        last = scores[i];
      }
      return groups;
    }

    /** Pools the groups into the blocks of their non-decreasing least-squares fit. */
    private static List<Block> pooled(List<Block> groups) {
      double[] rate = new double[groups.size()];
      double[] weight = new double[groups.size()];
      for (int g = 0; g < rate.length; g++) {
        rate[g] = groups.get(g).rate();
        weight[g] = groups.get(g).count();
      }
      double[] fit = Pav.increasing(rate, weight);
      List<Block> blocks = new ArrayList<>();
      for (int g = 0; g < fit.length; g++) {
        if (g > 0 && fit[g] == fit[g - 1]) {
          blocks.set(blocks.size() - 1, blocks.get(blocks.size() - 1).plus(groups.get(g)));
        } else {
          blocks.add(groups.get(g));
        }
      }
      return blocks;
    }

    /** Merges the smallest block below {@code minRows} into a neighbour, until none is left. */
    private static List<Block> merged(List<Block> blocks, int minRows) {
      List<Block> out = new ArrayList<>(blocks);
      while (out.size() > 1) {
        int small = -1;
        for (int b = 0; b < out.size(); b++) {
          if (out.get(b).count() < minRows
              && (small < 0 || out.get(b).count() < out.get(small).count())) {
            small = b;
          }
        }
        if (small < 0) {
          break;
        }
        int left = small == 0 ? -1 : small - 1;
        int right = small == out.size() - 1 ? -1 : small + 1;
        double rate = out.get(small).rate();
        boolean toLeft = right < 0
            || (left >= 0 && rate - out.get(left).rate() <= out.get(right).rate() - rate);
        int first = toLeft ? left : small;
        out.set(first, out.get(first).plus(out.get(first + 1)));
        out.remove(first + 1);
      }
      return out;
    }

    /**
     * Returns this calibration fitted on {@code z = intercept + slope * score} as a calibration of
     * {@code score}: each knot moves to {@code (z - intercept) / slope}.
     *
     * @param intercept the intercept of the map from score to {@code z}; finite
     * @param slope the slope of that map; finite and above 0
     * @return the calibration on the score's scale
     * @throws IllegalArgumentException if the slope is not a finite number above 0, or the
     *     intercept is not finite
     */
    public Isotonic rescaled(double intercept, double slope) {
      if (!(slope > 0 && Double.isFinite(slope))) {
        throw new IllegalArgumentException("slope: must be a finite number > 0, was " + slope);
      }
      if (!Double.isFinite(intercept)) {
        throw new IllegalArgumentException(
            "intercept: must be a finite number, was " + intercept);
      }
      List<Double> knots = new ArrayList<>(scores.size());
      for (double z : scores) {
        knots.add((z - intercept) / slope);
      }
      return new Isotonic(knots, probabilities);
    }

    /**
     * Returns this calibration as a model's renewal mapping, over the scores [0, 100]: its knots
     * inside that range, its values at 0 and 100, and the scores at which it reaches the bounds
     * [0.001, 0.999], so that the mapping gives the probabilities of this calibration (to
     * rounding) at every score. Use it on a calibration of the score's scale, such as one
     * {@link #rescaled} from log-odds.
     *
     * @return the mapping
     */
    public RenewalMapping.Isotonic toMapping() {
      List<double[]> raw = new ArrayList<>();
      raw.add(new double[] {0, unbounded(0)});
      for (int i = 0; i < scores.size(); i++) {
        if (scores.get(i) > 0 && scores.get(i) < 100) {
          raw.add(new double[] {scores.get(i), probabilities.get(i)});
        }
      }
      raw.add(new double[] {100, unbounded(100)});

      List<RenewalMapping.Point> points = new ArrayList<>();
      points.add(point(raw.get(0)[0], raw.get(0)[1]));
      for (int i = 1; i < raw.size(); i++) {
        double[] left = raw.get(i - 1);
        double[] right = raw.get(i);
        // Where a segment crosses a bound, the bounded curve bends: that is a point of its own.
        for (double bound : new double[] {FLOOR, 1 - FLOOR}) {
          if (left[1] < bound && bound < right[1]) {
            double at = left[0] + (bound - left[1]) / (right[1] - left[1]) * (right[0] - left[0]);
            if (at > points.get(points.size() - 1).score() && at < right[0]) {
              points.add(point(at, bound));
            }
          }
        }
        points.add(point(right[0], right[1]));
      }
      return new RenewalMapping.Isotonic(points);
    }

    private static RenewalMapping.Point point(double score, double probability) {
      return new RenewalMapping.Point(score, Math.min(1 - FLOOR, Math.max(FLOOR, probability)));
    }

    @Override
    public double probability(double score) {
      return Math.min(1 - FLOOR, Math.max(FLOOR, unbounded(score)));
    }

    /** Reads the knots as the class describes, without keeping the result off 0 and 1. */
    private double unbounded(double score) {
      int n = scores.size();
      double p;
      if (score <= scores.get(0)) {
        p = probabilities.get(0);
      } else if (score >= scores.get(n - 1)) {
        p = probabilities.get(n - 1);
      } else {
        int hi = 1;
        while (scores.get(hi) < score) {
          hi++;
        }
        double t = (score - scores.get(hi - 1)) / (scores.get(hi) - scores.get(hi - 1));
        p = probabilities.get(hi - 1) + t * (probabilities.get(hi) - probabilities.get(hi - 1));
      }
      return p;
    }
  }

  private static void requireSameLength(double[] scores, boolean[] renewed) {
    Objects.requireNonNull(scores, "scores");
    Objects.requireNonNull(renewed, "renewed");
    if (scores.length != renewed.length || scores.length == 0) {
      throw new IllegalArgumentException("scores, renewed: must have the same length above 0,"
          + " were " + scores.length + " and " + renewed.length);
    }
  }
}
