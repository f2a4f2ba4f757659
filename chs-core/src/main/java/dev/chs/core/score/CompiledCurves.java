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

  CompiledCurves(Curve[] curves) {
    int most = 1;
    for (Curve curve : curves) {
      most = Math.max(most, edgesOf(curve));
    }
    breakpoints = most;
    int n = curves.length;
    counts = new int[n];
    edges = new double[n * most];
    base = new double[n * (most + 1)];
    origin = new double[n * (most + 1)];
    denominator = new double[n * (most + 1)];
    span = new double[n * (most + 1)];
    java.util.Arrays.fill(edges, Double.POSITIVE_INFINITY);
    java.util.Arrays.fill(denominator, 1);
    for (int k = 0; k < n; k++) {
      counts[k] = edgesOf(curves[k]);
      compile(k, curves[k]);
    }
    for (int j = 0; j < edges.length; j++) {
      // -0.0 compares as +0.0 but has the sign bit that above() reads.
      edges[j] = edges[j] == 0 ? 0.0 : edges[j];
    }
  }

  /** Returns the score of curve {@code k} at {@code x}, which must be finite. */
  double score(int k, double x) {
    int first = k * breakpoints;
    int segment = k * (breakpoints + 1);
    for (int j = 0, count = counts[k]; j < count; j++) {
      segment += above(x, edges[first + j]);
    }
    return base[segment] + ((x - origin[segment]) / denominator[segment]) * span[segment];
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
