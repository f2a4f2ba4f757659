package dev.chs.core.score;

import dev.chs.api.kpi.Curve;
import java.util.List;

/**
 * The curves of a model flattened into primitive arrays, so that a loop over rows evaluates any
 * curve with the same few instructions: no virtual call, no boxing, no allocation. Immutable.
 *
 * <p>Every curve becomes up to {@link #breakpoints} breakpoints {@code b[0] < b[1] < ...} (padded
 * with +infinity) and one segment per gap, including the two flat ends. The segment of {@code x}
 * is the number of breakpoints that {@code x} lies above, and its score is {@code base + ((x -
 * origin) / denominator) * span}. The constants are chosen so that this is, bit for bit, the
 * arithmetic of {@link Curve#score} for finite {@code x}:
 *
 * <ul>
 *   <li>{@link Curve.Piecewise}: the breakpoints are the points' {@code x}; a segment between two
 *       points has {@code base = left.score}, {@code origin = left.x}, {@code denominator =
 *       right.x - left.x} and {@code span = right.score - left.score};
 *   <li>{@link Curve.Linear}: the breakpoints are its ends in increasing order, and the middle
 *       segment has {@code base = 0}, {@code origin = worst}, {@code denominator = best - worst}
 *       and {@code span = 100}, which is {@code 100 * t} as the curve computes it;
 *   <li>{@link Curve.Steps}: the breakpoints are {@code Math.nextDown(from)}, since for a double
 *       {@code x >= from} is {@code x > nextDown(from)}, and every segment is flat.
 * </ul>
 *
 * <p>A flat segment has {@code span = 0}, {@code origin = 0} and {@code denominator = 1}, so its
 * score is {@code base + x * 0 = base} for finite {@code x}.
 */
final class CompiledCurves {
  private static final long INFINITY_BITS = Double.doubleToRawLongBits(Double.POSITIVE_INFINITY);

  /** How many breakpoints every curve has, after padding. */
  final int breakpoints;
  /** How many breakpoints curve {@code k} has before its padding. */
  final int[] counts;
  /** Curve {@code k}'s breakpoints at {@code [k * breakpoints, (k + 1) * breakpoints)}. */
  final double[] edges;
  /** Curve {@code k}'s segments at {@code [k * (breakpoints + 1), (k + 1) * (breakpoints + 1))}. */
  final double[] base;
  final double[] origin;
  final double[] denominator;
  final double[] span;
  /** Whether curve {@code k} is {@link Curve.Linear}. */
  final boolean[] linear;
  /** Whether curve {@code k} has only flat segments: {@link Curve.Steps}. */
  final boolean[] flat;

  CompiledCurves(Curve[] curves) {
    int most = 1;
    for (Curve curve : curves) {
      most = Math.max(most, edgesOf(curve));
    }
    breakpoints = most;
    int n = curves.length;
    counts = new int[n];
    linear = new boolean[n];
    flat = new boolean[n];
    edges = new double[n * most];
    base = new double[n * (most + 1)];
    origin = new double[n * (most + 1)];
    denominator = new double[n * (most + 1)];
    span = new double[n * (most + 1)];
    java.util.Arrays.fill(edges, Double.POSITIVE_INFINITY);
    java.util.Arrays.fill(denominator, 1);
    for (int k = 0; k < n; k++) {
      counts[k] = edgesOf(curves[k]);
      linear[k] = curves[k] instanceof Curve.Linear;
      flat[k] = curves[k] instanceof Curve.Steps;
      compile(k, curves[k]);
    }
    for (int j = 0; j < edges.length; j++) {
      // -0.0 compares as +0.0 but has the sign bit that above() reads.
      edges[j] = edges[j] == 0 ? 0.0 : edges[j];
    }
  }

  /** Returns the score of curve {@code k} at {@code x}, which must be finite. */
  double score(int k, double x) {
    int segment = segment(k, x);
    return base[segment] + ((x - origin[segment]) / denominator[segment]) * span[segment];
  }

  /** Returns the index of the segment of curve {@code k} that a finite {@code x} lies in. */
  private int segment(int k, double x) {
    int first = k * breakpoints;
    int segment = k * (breakpoints + 1);
    for (int j = 0, count = counts[k]; j < count; j++) {
      segment += above(x, edges[first + j]);
    }
    return segment;
  }

  /**
   * Adds curve {@code k}'s points for rows {@code 0} to {@code count - 1} of a block that starts
   * at row {@code from} of {@code column}: row {@code i} adds its share, {@code share[entries[i] *
   * n + k]} for {@code n} curves, times the score of {@code column[from + i]}, to {@code out[i]}.
   * A {@code NaN} input is scored as 0, and its share must be 0, so that it adds exactly 0; every
   * other input must be finite. The scores are those of {@link #score} to the last bit.
   *
   * <p>Each kind of curve has its own loop. A linear curve needs no segment: its score is {@code
   * 100 * t} clamped to [0, 100], the arithmetic of {@link Curve.Linear#score}, in a loop that the
   * JIT compiler can vectorize. Steps need no division.
   */
  void addPoints(
      int k, double[] column, int from, int count, int[] entries, double[] share, double[] out) {
    int kpis = counts.length;
    if (linear[k]) {
      double worst = origin[k * (breakpoints + 1) + 1];
      double length = denominator[k * (breakpoints + 1) + 1];
      for (int i = 0; i < count; i++) {
        double x = column[from + i];
        x = Double.isNaN(x) ? 0 : x;
        double t = (x - worst) / length;
        // 100 * t is at most 0 exactly when t is, and at least 100 exactly when t is at least 1,
        // so the clamp gives the curve's 0, 100 or 100 * t (and +0.0, never -0.0).
        out[i] += share[entries[i] * kpis + k] * Math.min(Math.max(100 * t, 0.0), 100.0);
      }
    } else if (flat[k]) {
      for (int i = 0; i < count; i++) {
        double x = finiteOrZero(column[from + i]);
        out[i] += share[entries[i] * kpis + k] * base[segment(k, x)];
      }
    } else {
      for (int i = 0; i < count; i++) {
        double x = finiteOrZero(column[from + i]);
        int segment = segment(k, x);
        double score =
            base[segment] + ((x - origin[segment]) / denominator[segment]) * span[segment];
        out[i] += share[entries[i] * kpis + k] * score;
      }
    }
  }

  /** Returns {@code x}, or 0 if {@code x} is NaN, without a branch. */
  private static double finiteOrZero(double x) {
    long bits = Double.doubleToRawLongBits(x);
    long notANumber = (INFINITY_BITS - (bits & Long.MAX_VALUE)) >> 63;
    return Double.longBitsToDouble(bits & ~notANumber);
  }

  /**
   * Returns 1 if {@code x > edge}, else 0, without a branch that random inputs would mispredict:
   * for finite {@code x} and an edge that is not NaN or -0.0, {@code edge - x} is negative
   * exactly when {@code x > edge}, and it is never -0.0.
   */
  static int above(double x, double edge) {
    return (int) (Double.doubleToRawLongBits(edge - x) >>> 63);
  }

  private static int edgesOf(Curve curve) {
    if (curve instanceof Curve.Piecewise piecewise) {
      return piecewise.points().size();
    }
    if (curve instanceof Curve.Steps steps) {
      return steps.steps().size();
    }
    return 2;
  }

  private void compile(int k, Curve curve) {
    int first = k * breakpoints;
    int segment = k * (breakpoints + 1);
    if (curve instanceof Curve.Linear linear) {
      boolean rising = linear.worst() < linear.best();
      edges[first] = Math.min(linear.worst(), linear.best());
      edges[first + 1] = Math.max(linear.worst(), linear.best());
      flat(segment, rising ? 0 : 100);
      sloped(segment + 1, 0, linear.worst(), linear.best() - linear.worst(), 100);
      for (int s = 2; s <= breakpoints; s++) {
        flat(segment + s, rising ? 100 : 0);
      }
    } else if (curve instanceof Curve.Piecewise piecewise) {
      List<Curve.Point> points = piecewise.points();
      for (int j = 0; j < points.size(); j++) {
        edges[first + j] = points.get(j).x();
      }
      flat(segment, points.get(0).score());
      for (int j = 1; j < points.size(); j++) {
        Curve.Point left = points.get(j - 1);
        Curve.Point right = points.get(j);
        sloped(segment + j, left.score(), left.x(), right.x() - left.x(),
            right.score() - left.score());
      }
      for (int s = points.size(); s <= breakpoints; s++) {
        flat(segment + s, points.get(points.size() - 1).score());
      }
    } else {
      Curve.Steps steps = (Curve.Steps) curve;
      flat(segment, steps.below());
      for (int j = 0; j < steps.steps().size(); j++) {
        edges[first + j] = Math.nextDown(steps.steps().get(j).from());
        flat(segment + j + 1, steps.steps().get(j).score());
      }
      for (int s = steps.steps().size() + 1; s <= breakpoints; s++) {
        flat(segment + s, steps.steps().get(steps.steps().size() - 1).score());
      }
    }
  }

  private void flat(int segment, double score) {
    base[segment] = score;
  }

  private void sloped(int segment, double start, double from, double length, double rise) {
    base[segment] = start;
    origin[segment] = from;
    denominator[segment] = length;
    span[segment] = rise;
  }
}
