package dev.chs.api.kpi;

import dev.chs.api.Checks;
import java.util.List;

/**
 * A scoring curve: it maps a KPI's curve input to a score from 0 to 100.
 *
 * <p>Three kinds exist. {@link Linear} runs straight between a worst and a best value, in either
 * direction. {@link Piecewise} runs straight between breakpoints. {@link Steps} gives one score per
 * band of values. Every curve is flat beyond its ends, so its score always lies in [0, 100].
 * Curves are immutable and safe to share between threads.
 *
 * @since 0.1.0
 */
public sealed interface Curve permits Curve.Linear, Curve.Piecewise, Curve.Steps {
  /**
   * Returns the score of {@code x}.
   *
   * @param x the curve input; finite
   * @return the score, in [0, 100]
   */
  double score(double x);

  /**
   * A straight line from score 0 at {@code worst} to score 100 at {@code best}, flat beyond them.
   * When {@code best < worst}, lower values are better.
   *
   * @param worst the value that scores 0; finite
   * @param best the value that scores 100; finite, not equal to {@code worst}, and a finite
   *     distance from it
   * @since 0.1.0
   */
  record Linear(double worst, double best) implements Curve {
    /**
     * Creates a linear curve.
     *
     * @throws IllegalArgumentException if an end is not finite, or the ends are equal or so far
     *     apart that their distance overflows a double
     */
    public Linear {
      Checks.requireFinite("worst", worst);
      Checks.requireFinite("best", best);
      if (worst == best) {
        throw new IllegalArgumentException(
            "best: must differ from worst (" + worst + "), was " + best);
      }
      if (Double.isInfinite(best - worst)) {
        throw new IllegalArgumentException(
            "best: must lie a finite distance from worst (" + worst + "), was " + best);
      }
    }

    @Override
    public double score(double x) {
      double t = (x - worst) / (best - worst);
      return t <= 0 ? 0 : t >= 1 ? 100 : 100 * t;
    }
  }

  /**
   * Straight lines between breakpoints, flat before the first and after the last.
   *
   * @param points at least two breakpoints, in strictly increasing order of {@code x}, each a
   *     finite distance from the one before
   * @since 0.1.0
   */
  record Piecewise(List<Point> points) implements Curve {
    /**
     * Creates a piecewise linear curve.
     *
     * @throws IllegalArgumentException if there are fewer than two points, or their {@code x} do
     *     not strictly increase, or two neighbours are so far apart that their distance overflows
     *     a double
     * @throws NullPointerException if the list or a point is null
     */
    public Piecewise {
      points = List.copyOf(Checks.requireNonNull("points", points));
      if (points.size() < 2) {
        throw new IllegalArgumentException(
            "points: must hold at least 2 breakpoints, was " + points.size());
      }
      for (int i = 1; i < points.size(); i++) {
        if (!(points.get(i).x() > points.get(i - 1).x())) {
          throw new IllegalArgumentException(
              "points[" + i + "].x: must be greater than points[" + (i - 1) + "].x ("
                  + points.get(i - 1).x() + "), was " + points.get(i).x());
        }
        if (Double.isInfinite(points.get(i).x() - points.get(i - 1).x())) {
          throw new IllegalArgumentException(
              "points[" + i + "].x: must lie a finite distance from points[" + (i - 1) + "].x ("
                  + points.get(i - 1).x() + "), was " + points.get(i).x());
        }
      }
    }

    /**
     * Returns a curve through the given breakpoints.
     *
     * @param points the breakpoints, in strictly increasing order of {@code x}
     * @return the curve
     */
    public static Piecewise of(Point... points) {
      return new Piecewise(List.of(points));
    }

    @Override
    public double score(double x) {
      Point first = points.get(0);
      if (x <= first.x()) {
        return first.score();
      }
      for (int i = 1; i < points.size(); i++) {
        Point right = points.get(i);
        if (x <= right.x()) {
          Point left = points.get(i - 1);
          double t = (x - left.x()) / (right.x() - left.x());
          return left.score() + t * (right.score() - left.score());
        }
      }
      return points.get(points.size() - 1).score();
    }
  }

  /**
   * A breakpoint of a {@link Piecewise} curve.
   *
   * @param x the curve input; finite
   * @param score the score at {@code x}, in [0, 100]
   * @since 0.1.0
   */
  record Point(double x, double score) {
    /**
     * Creates a breakpoint.
     *
     * @throws IllegalArgumentException if {@code x} is not finite or the score is outside [0, 100]
     */
    public Point {
      Checks.requireFinite("x", x);
      Checks.requireInRange("score", score, 0, 100);
    }
  }

  /**
   * One score per band of values: {@code below} for values under the first step, then the score of
   * the last step whose {@code from} the value reaches.
   *
   * @param below the score of values below the first step, in [0, 100]
   * @param steps at least one step, in strictly increasing order of {@code from}
   * @since 0.1.0
   */
  record Steps(double below, List<Step> steps) implements Curve {
    /**
     * Creates a step curve.
     *
     * @throws IllegalArgumentException if {@code below} is outside [0, 100], there is no step, or
     *     the steps' {@code from} do not strictly increase
     * @throws NullPointerException if the list or a step is null
     */
    public Steps {
      Checks.requireInRange("below", below, 0, 100);
      steps = List.copyOf(Checks.requireNonNull("steps", steps));
      if (steps.isEmpty()) {
        throw new IllegalArgumentException("steps: must hold at least 1 step, was 0");
      }
      for (int i = 1; i < steps.size(); i++) {
        if (!(steps.get(i).from() > steps.get(i - 1).from())) {
          throw new IllegalArgumentException(
              "steps[" + i + "].from: must be greater than steps[" + (i - 1) + "].from ("
                  + steps.get(i - 1).from() + "), was " + steps.get(i).from());
        }
      }
    }

    /**
     * Returns a step curve.
     *
     * @param below the score of values below the first step
     * @param steps the steps, in strictly increasing order of {@code from}
     * @return the curve
     */
    public static Steps of(double below, Step... steps) {
      return new Steps(below, List.of(steps));
    }

    @Override
    public double score(double x) {
      double score = below;
      for (Step step : steps) {
        if (x < step.from()) {
          break;
        }
        score = step.score();
      }
      return score;
    }
  }

  /**
   * A step of a {@link Steps} curve: values from {@code from} up to the next step score {@code
   * score}.
   *
   * @param from the lowest value of the step, inclusive; finite
   * @param score the score of the step, in [0, 100]
   * @since 0.1.0
   */
  record Step(double from, double score) {
    /**
     * Creates a step.
     *
     * @throws IllegalArgumentException if {@code from} is not finite or the score is outside [0,
     *     100]
     */
    public Step {
      Checks.requireFinite("from", from);
      Checks.requireInRange("score", score, 0, 100);
    }
  }
}
