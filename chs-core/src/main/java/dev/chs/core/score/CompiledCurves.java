package dev.chs.core.score;

import dev.chs.api.kpi.Curve;
import java.util.List;

/**
 * The curves of a model flattened into primitive arrays, so that a loop over rows evaluates any
 * curve with the same few instructions: no virtual call, no boxing, no allocation. Immutable.
 *
 * <p>Every curve becomes its {@code counts[k]} breakpoints {@code b[0] < b[1] < ...}, in room for
 * {@link #breakpoints}, and one segment per gap, including the two flat ends; the room past a
 * curve's own breakpoints and segments is never read. The segment of {@code x} is the number of
 * breakpoints that {@code x} lies above, and its score is {@code base + ((x - origin) /
 * denominator) * span}. The constants are chosen so that this is, bit for bit, the arithmetic of
 * {@link Curve#score} for finite {@code x}:
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
  /** Whether curve {@code k} is {@link Curve.Linear}. */
  final boolean[] linear;
  /**
   * Whether curve {@code k} is narrow: an input clamped to {@code [low[k], high[k]]}, just below
   * its first breakpoint and just above its last, is at most {@link #NARROW} from any
   * breakpoint, and every segment's score of such an input is at most that in magnitude.
   */
  final boolean[] narrow;
  /** The greatest double below curve {@code k}'s first breakpoint. */
  final double[] low;
  /** The least double above curve {@code k}'s last breakpoint. */
  final double[] high;

  /** The bound of {@link #narrow} curves: far below overflow, and far above any score. */
  private static final double NARROW = 0x1p1000;

  CompiledCurves(Curve[] curves) {
    int most = 1;
    for (Curve curve : curves) {
      most = Math.max(most, edgesOf(curve));
    }
    breakpoints = most;
    int n = curves.length;
    counts = new int[n];
    linear = new boolean[n];
    edges = new double[n * most];
    base = new double[n * (most + 1)];
    origin = new double[n * (most + 1)];
    denominator = new double[n * (most + 1)];
    span = new double[n * (most + 1)];
    java.util.Arrays.fill(denominator, 1);
    for (int k = 0; k < n; k++) {
      counts[k] = edgesOf(curves[k]);
      linear[k] = curves[k] instanceof Curve.Linear;
      compile(k, curves[k]);
    }
    for (int j = 0; j < edges.length; j++) {
      // -0.0 compares as +0.0 but has the sign bit that above() reads.
      edges[j] = edges[j] == 0 ? 0.0 : edges[j];
    }
    narrow = new boolean[n];
    low = new double[n];
    high = new double[n];
    for (int k = 0; k < n; k++) {
      low[k] = Math.nextDown(edges[k * most]);
      high[k] = Math.nextUp(edges[k * most + counts[k] - 1]);
      narrow[k] = isNarrow(k);
    }
  }

  private boolean isNarrow(int k) {
    double width = high[k] - low[k];
    if (!(width <= NARROW)) {
      return false;
    }
    int first = k * (breakpoints + 1);
    for (int segment = first; segment <= first + counts[k]; segment++) {
      // The bound, in the same steps, of a score of an input at most width from the origin:
      // rounding to nearest keeps the order of magnitudes, so no score is above it.
      double most =
          Math.abs(base[segment]) + (width / denominator[segment]) * Math.abs(span[segment]);
      if (!(most <= NARROW)) {
        return false;
      }
    }
    return true;
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
   * Adds curve {@code k}'s points for rows {@code 0} to {@code count - 1} of a block: row {@code i}
   * adds its share, {@code shareOfKpi[entries[i]]}, times the score of {@code inputs[i]}, to
   * {@code out[i]}. The inputs must be finite: a caller replaces a {@code NaN} by 0 and gives it a
   * share of 0, so that it adds exactly 0. The scores are those of {@link #score} to the last bit.
   *
   * <p>The share of each row is gathered first, in a loop of its own. What is left for each kind
   * of curve is then a loop of arithmetic over arrays, with no table lookup and no branch, that the
   * JIT compiler can vectorize:
   *
   * <ul>
   *   <li>a linear curve needs no segment: its score is {@code 100 * t} clamped to [0, 100], the
   *       arithmetic of {@link Curve.Linear#score};
   *   <li>any other curve is evaluated segment by segment for all the rows, and each row keeps
   *       the score of its own segment (see {@link #selectScores}).
   * </ul>
   */
  void addPoints(
      int k,
      double[] inputs,
      int count,
      int[] entries,
      double[] shareOfKpi,
      Scratch scratch,
      double[] out) {
    double[] rowShare = scratch.share;
    for (int i = 0; i < count; i++) {
      rowShare[i] = shareOfKpi[entries[i]];
    }
    if (linear[k]) {
      double worst = origin[k * (breakpoints + 1) + 1];
      double length = denominator[k * (breakpoints + 1) + 1];
      for (int i = 0; i < count; i++) {
        double t = (inputs[i] - worst) / length;
        // 100 * t is at most 0 exactly when t is, and at least 100 exactly when t is at least 1,
        // so the clamp gives the curve's 0, 100 or 100 * t (and +0.0, never -0.0).
        out[i] += rowShare[i] * Math.min(Math.max(100 * t, 0.0), 100.0);
      }
      return;
    }
    selectScores(k, inputs, count, scratch);
    double[] scores = scratch.score;
    for (int i = 0; i < count; i++) {
      out[i] += rowShare[i] * scores[i];
    }
  }

  /**
   * Writes curve {@code k}'s score of {@code inputs[i]} to {@code scratch.score[i]}, for
   * {@code i} below {@code count}, by evaluating every segment for every row.
   *
   * <p>With {@code a[j]} 1 if the input lies above breakpoint {@code j} and 0 if not (and {@code
   * a[-1] = 1}, {@code a[m] = 0} for {@code m} breakpoints), the input lies in segment {@code j}
   * exactly when {@code a[j - 1] - a[j]} is 1; for every other segment it is 0. The score is the
   * sum over segments of that indicator times the segment's score, which has one term that is not
   * zero and so is that segment's score exactly. For the other terms to be zero, each segment's
   * score is computed at the input clamped to the segment: that is finite, since {@link Curve}
   * refuses segments whose width overflows, and leaves the input of its own segment as it is.
   * A {@link #narrow} curve gets the same scores with less work per breakpoint, from its inputs
   * clamped once by {@link #clampToEnds}; the others, whose breakpoints lie far apart or whose
   * segments are steep, clamp each input to each segment.
   */
  private void selectScores(int k, double[] inputs, int count, Scratch scratch) {
    boolean near = narrow[k];
    double[] x = near ? clampToEnds(k, inputs, count, scratch.near) : inputs;
    double[] score = scratch.score;
    double[] below = scratch.below;
    int first = k * breakpoints;
    int segment = k * (breakpoints + 1);
    java.util.Arrays.fill(score, 0, count, 0.0);
    java.util.Arrays.fill(below, 0, count, 1.0);
    for (int j = 0; j < counts[k]; j++, segment++) {
      double start = base[segment];
      double edge = edges[first + j];
      if (span[segment] == 0) {
        addFlat(near, x, count, edge, start, score, below);
      } else {
        addSloped(near, x, count, edge, start, origin[segment], denominator[segment],
            span[segment], score, below);
      }
    }
    // The flat segment above the last breakpoint.
    double last = base[segment];
    for (int i = 0; i < count; i++) {
      score[i] += below[i] * last;
    }
  }

  /**
   * Writes to {@code near} the inputs of a {@link #narrow} curve clamped to {@code [low[k],
   * high[k]]}, which keeps each in its segment and leaves an input inside the breakpoints as it
   * is, so that its own segment's score is the same. Every difference from a breakpoint and every
   * segment's score is then at most {@link #NARROW} in magnitude, so that no segment needs the
   * input clamped to it, and the indicator needs one clamp rather than two (see {@link
   * #indicatorNear}).
   */
  private double[] clampToEnds(int k, double[] inputs, int count, double[] near) {
    double lowest = low[k];
    double highest = high[k];
    for (int i = 0; i < count; i++) {
      near[i] = Math.min(Math.max(inputs[i], lowest), highest);
    }
    return near;
  }

  /**
   * Adds the score of the flat segment that ends at {@code edge} to the rows that lie in it, and
   * marks in {@code below} the rows that lie above {@code edge}. With {@code near}, the inputs are
   * those of {@link #clampToEnds}, whose cheaper indicator the loop takes. The choice is the same
   * for every row, so the JIT compiler can take it out of the loop; timed against a loop of its
   * own for each choice, this one was as fast on Java 17 and 25.
   */
  private static void addFlat(
      boolean near,
      double[] x,
      int count,
      double edge,
      double start,
      double[] score,
      double[] below) {
    for (int i = 0; i < count; i++) {
      double difference = x[i] - edge;
      double above = near ? indicatorNear(difference) : indicator(difference);
      score[i] += (below[i] - above) * start;
      below[i] = above;
    }
  }

  /**
   * Adds the score of the sloped segment that ends at {@code edge} to the rows that lie in it, and
   * marks in {@code below} the rows that lie above {@code edge}. Each row's score of the segment
   * must be finite, so that the rows of other segments add 0 times it: it is computed at the input
   * clamped to the segment, or, with {@code near}, at the input of {@link #clampToEnds} as it is,
   * and with the cheaper indicator.
   */
  private static void addSloped(
      boolean near,
      double[] x,
      int count,
      double edge,
      double start,
      double from,
      double length,
      double rise,
      double[] score,
      double[] below) {
    for (int i = 0; i < count; i++) {
      double difference = x[i] - edge;
      double above = near ? indicatorNear(difference) : indicator(difference);
      double y = near ? x[i] : Math.min(Math.max(x[i], from), edge);
      score[i] += (below[i] - above) * (start + ((y - from) / length) * rise);
      below[i] = above;
    }
  }

  /**
   * Returns 1 if {@code difference} is above 0, else 0, for a difference at most {@link #NARROW}
   * in magnitude: {@code difference + |difference|} is 0 for a difference that is not above 0, and
   * otherwise at least 2^-1073 and at most 2^1001, which times 2^1100 is at least 2^27 or
   * infinite, and clamps to 1.
   */
  private static double indicatorNear(double difference) {
    return Math.min(((difference + Math.abs(difference)) * 0x1p1000) * 0x1p100, 1.0);
  }

  /**
   * Returns 1 if {@code difference} is above 0, else 0, in arithmetic alone: the smallest positive
   * double, 2^-1074, times 2^1100 is 2^26, so the product reaches the clamp at 1, while 0 and
   * negative differences clamp to 0. For finite {@code x} and {@code edge}, {@code x - edge} is
   * above 0 exactly when {@code x > edge}: subtraction underflows gradually and keeps the sign.
   */
  private static double indicator(double difference) {
    return Math.min(Math.max((difference * 0x1p1000) * 0x1p100, 0.0), 1.0);
  }

  /** Per-row arrays that {@link #addPoints} reuses from block to block. */
  static final class Scratch {
    final double[] share;
    final double[] score;
    final double[] below;
    final double[] near;

    Scratch(int rows) {
      share = new double[rows];
      score = new double[rows];
      below = new double[rows];
      near = new double[rows];
    }
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
      flat(segment + 2, rising ? 100 : 0);
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
      flat(segment + points.size(), points.get(points.size() - 1).score());
    } else {
      Curve.Steps steps = (Curve.Steps) curve;
      flat(segment, steps.below());
      for (int j = 0; j < steps.steps().size(); j++) {
        edges[first + j] = Math.nextDown(steps.steps().get(j).from());
        flat(segment + j + 1, steps.steps().get(j).score());
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
