package dev.chs.core.model;

import java.util.List;

/**
 * How a health score maps to the probability that an account renews.
 *
 * <p>Until a model is fitted to past renewals, it uses {@link #DEFAULT}, a logistic curve that is
 * <em>not calibrated</em>: it orders accounts sensibly, but its probabilities are not learned from
 * outcomes. A model fitted to past renewals holds a learned {@link Logistic} (Platt scaling) or a
 * learned {@link Isotonic} mapping. Mappings are immutable and safe to share between threads.
 *
 * @since 0.1.0
 */
public sealed interface RenewalMapping permits RenewalMapping.Logistic, RenewalMapping.Isotonic {
  /**
   * The default mapping, not calibrated: {@code 1 / (1 + exp(-(score - 50) / 12))}, which gives
   * 0.5 at a score of 50, about 0.84 at 70 and about 0.16 at 30.
   */
  Logistic DEFAULT = new Logistic(50, 12);

  /**
   * Returns the probability of renewal for a score.
   *
   * @param score the health score, in [0, 100]
   * @return the probability, in [0, 1]; NaN if the score is NaN
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

  /**
   * A calibrated mapping that follows the outcomes wherever they lead, as long as a higher score
   * never means a lower probability: straight lines between its points, and flat beyond the first
   * and the last. Reading it allocates nothing; it searches the points by bisection.
   *
   * @param points at least two points, scores strictly increasing, probabilities non-decreasing
   * @since 0.1.0
   */
  record Isotonic(List<Point> points) implements RenewalMapping {
    /**
     * Creates an isotonic mapping.
     *
     * @throws IllegalArgumentException if there are fewer than two points, or a point's score is
     *     not above the one before, or its probability is below the one before
     * @throws NullPointerException if the list or a point is null
     */
    public Isotonic {
      points = List.copyOf(points);
      if (points.size() < 2) {
        throw new IllegalArgumentException(
            "points: must hold at least 2 points, was " + points.size());
      }
      for (int i = 1; i < points.size(); i++) {
        Point before = points.get(i - 1);
        Point point = points.get(i);
        if (!(point.score() > before.score())) {
          throw new IllegalArgumentException("points[" + i + "]: scores must increase strictly,"
              + " was " + point.score() + " after " + before.score());
        }
        if (point.probability() < before.probability()) {
          throw new IllegalArgumentException("points[" + i + "]: probabilities must not decrease,"
              + " was " + point.probability() + " after " + before.probability());
        }
      }
    }

    /**
     * Creates an isotonic mapping from its points.
     *
     * @param points at least two points, as the record describes
     * @return the mapping
     * @throws IllegalArgumentException as {@link #Isotonic(List)} does
     * @throws NullPointerException if a point is null
     */
    public static Isotonic of(Point... points) {
      return new Isotonic(List.of(points));
    }

    /**
     * {@inheritDoc}
     *
     * <p>A score below the first point gets the first point's probability, one above the last
     * point the last one's.
     */
    @Override
    public double probability(double score) {
      if (Double.isNaN(score)) {
        return Double.NaN;
      }
      Point first = points.get(0);
      Point last = points.get(points.size() - 1);
      if (score <= first.score()) {
        return first.probability();
      }
      if (score >= last.score()) {
        return last.probability();
      }

      // The segment [lo, lo + 1] with points[lo].score < score <= points[lo + 1].score.
      int lo = 0;
      int hi = points.size() - 1;
      while (hi - lo > 1) {
        int mid = (lo + hi) >>> 1;
        if (points.get(mid).score() < score) {
          lo = mid;
        } else {
          hi = mid;
        }
      }
      Point left = points.get(lo);
      Point right = points.get(hi);
      if (score == right.score()) {
        return right.probability();
      }
      double t = (score - left.score()) / (right.score() - left.score());
      return left.probability() + t * (right.probability() - left.probability());
    }
  }

  /**
   * A point of an {@link Isotonic} mapping.
   *
   * @param score the health score, in [0, 100]
   * @param probability the probability of renewal at that score, in [0, 1]
   * @since 0.1.0
   */
  record Point(double score, double probability) {
    /**
     * Creates a point.
     *
     * @throws IllegalArgumentException if the score is outside [0, 100] or the probability
     *     outside [0, 1]
     */
    public Point {
      if (!(score >= 0 && score <= 100)) {
        throw new IllegalArgumentException("score: must be in [0, 100], was " + score);
      }
      if (!(probability >= 0 && probability <= 1)) {
        throw new IllegalArgumentException("probability: must be in [0, 1], was " + probability);
      }
    }
  }
}
