package dev.chs.core.score;

import dev.chs.api.Band;
import dev.chs.api.Checks;
import dev.chs.api.CloudId;
import dev.chs.core.model.Bands;
import dev.chs.core.model.HealthModel;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Scores many (account, cloud) rows at once from columns of primitive values, for batch jobs.
 *
 * <p>The input holds one column per KPI of the model, in the model's order, of the KPIs' curve
 * inputs ({@link dev.chs.api.kpi.KpiValue.Measured#curveInput()}), with {@code NaN} for a KPI that
 * is not applicable in a row. Each row names its cloud by an index into the list of clouds given
 * once, to {@link #of}. The outputs are arrays the caller allocates and reuses.
 *
 * <p>For every row, the score, coverage and band are exactly, bit for bit, those of {@link
 * Scorer#score(dev.chs.api.AccountId, CloudId, java.util.List)} on the same values, and a row with
 * insufficient data gets a score of {@code NaN} and a band of {@code null}. A call allocates a
 * scratch for a block of 512 rows (about 57 KB for 8 KPIs), whatever the number of rows; the loop
 * over rows allocates nothing, boxes nothing and uses no streams. Explanations are left to {@link
 * Scorer}, for the rows that need them.
 *
 * <p>A columnar scorer is immutable and safe to share between threads, as long as threads do not
 * share output arrays.
 *
 * @since 0.1.0
 */
public final class ColumnarScorer {
  private static final long INFINITY_BITS = Double.doubleToRawLongBits(Double.POSITIVE_INFINITY);
  /** How many rows a block of {@link #scoreByTable} holds: its scratch stays in the L1 cache. */
  private static final int BLOCK_ROWS = 512;
  private static final Band[] BANDS_FROM_CRITICAL =
      {Band.CRITICAL, Band.AT_RISK, Band.WATCH, Band.HEALTHY};

  private final List<String> kpiIds;
  private final List<CloudId> clouds;
  private final CompiledCurves curves;
  private final double[][] weights;
  private final double[] totals;
  private final double minimumCoverage;
  private final Bands bands;
  private final @Nullable ShareTable table;
  /** The band thresholds, lowest first, each less one ulp: {@code s >= t} is {@code s > t-}. */
  private final double[] bandEdges;

  private ColumnarScorer(HealthModel model, List<CloudId> clouds) {
    CompiledModel compiled = new CompiledModel(model);
    this.kpiIds = List.of(compiled.ids);
    this.clouds = clouds;
    this.curves = new CompiledCurves(compiled.curves);
    this.weights = new double[clouds.size()][];
    this.totals = new double[clouds.size()];
    for (int c = 0; c < clouds.size(); c++) {
      CompiledModel.CloudWeights cloudWeights = compiled.weightsIn(clouds.get(c));
      weights[c] = cloudWeights.weights;
      totals[c] = cloudWeights.total;
    }
    this.minimumCoverage = model.minimumCoverage();
    this.bands = model.bands();
    this.bandEdges = new double[] {
      Math.nextDown(bands.atRisk()), Math.nextDown(bands.watch()), Math.nextDown(bands.healthy())
    };
    this.table = ShareTable.fits(clouds.size(), kpiIds.size())
        ? new ShareTable(weights, totals, minimumCoverage)
        : null;
  }

  /**
   * Returns a columnar scorer for a model and the clouds its rows may name.
   *
   * @param model the model
   * @param clouds the clouds, each once; rows name them by their index in this list
   * @return the scorer
   * @throws IllegalArgumentException if a cloud appears twice
   * @throws NullPointerException if an argument or a cloud is null
   */
  public static ColumnarScorer of(HealthModel model, List<CloudId> clouds) {
    Checks.requireNonNull("model", model);
    List<CloudId> copy = List.copyOf(Checks.requireNonNull("clouds", clouds));
    Set<CloudId> seen = new HashSet<>();
    for (CloudId cloud : copy) {
      if (!seen.add(cloud)) {
        throw new IllegalArgumentException(
            "clouds: each cloud at most once expected, '" + cloud + "' appears twice in " + copy);
      }
    }
    return new ColumnarScorer(model, copy);
  }

  /**
   * Returns the ids of the KPIs, in the order of the input columns.
   *
   * @return the model's KPI ids, in the model's order
   */
  public List<String> kpiIds() {
    return kpiIds;
  }

  /**
   * Returns the clouds that rows name by index.
   *
   * @return the clouds given to {@link #of}
   */
  public List<CloudId> clouds() {
    return clouds;
  }

  /**
   * Scores rows {@code 0} to {@code rows - 1}.
   *
   * @param rows how many rows to score; at least zero
   * @param curveInputs one column per KPI, in the order of {@link #kpiIds()}, each holding at
   *     least {@code rows} finite values or {@code NaN} for not applicable; read only
   * @param cloudOfRow for each row, the index of its cloud in {@link #clouds()}
   * @param scores receives each row's score in [0, 100], or {@code NaN} for insufficient data
   * @param coverage receives each row's coverage, in [0, 1], whether scored or not
   * @param bandOfRow receives each row's band, or {@code null} for insufficient data
   * @throws IllegalArgumentException if {@code rows} is negative, there is not one column per KPI,
   *     or an array holds fewer than {@code rows} entries, all checked before any row is written;
   *     or if a cloud index is out of range or a curve input is infinite, in which case the rows
   *     before the faulty one have been written
   * @throws NullPointerException if an array or a column is null
   */
  public void score(
      int rows,
      double[][] curveInputs,
      int[] cloudOfRow,
      double[] scores,
      double[] coverage,
      @Nullable Band[] bandOfRow) {
    checkShapes(rows, curveInputs, cloudOfRow, scores, coverage, bandOfRow);
    if (table != null) {
      scoreByTable(table, rows, curveInputs, cloudOfRow, scores, coverage, bandOfRow);
    } else {
      scoreByDivision(rows, curveInputs, cloudOfRow, scores, coverage, bandOfRow);
    }
  }

  /**
   * Scores rows with the precomputed table of each cloud and set of applicable KPIs: its coverage,
   * whether it scores, and each KPI's share. A row then costs one curve per KPI and no division
   * but the curves' own.
   *
   * <p>Rows go in blocks, and each block column by column: first each column's inputs are copied,
   * with 0 for {@code NaN}, and every row's table entry is made, then each KPI's points are added
   * for all the block's rows, then the scores and bands are written. A pass then runs one curve
   * with its constants in registers over the block's arrays in cache, and each row still adds its
   * points in the model's order, as {@link Scorer} does.
   *
   * <p>An infinite input is not looked for while the columns are copied, which would cost more
   * bit arithmetic per value in that scalar loop. Each copied column is instead added to the
   * points times 0, in a loop that C2 vectorizes: that makes a row's points {@code NaN} exactly
   * when one of its inputs is infinite (a curve scores an infinity as its end), and the rows are
   * checked one by one as they are written.
   */
  private void scoreByTable(
      ShareTable table,
      int rows,
      double[][] curveInputs,
      int[] cloudOfRow,
      double[] scores,
      double[] coverage,
      @Nullable Band[] bandOfRow) {
    int n = kpiIds.size();
    int blockRows = Math.min(rows, BLOCK_ROWS);
    int[] entries = new int[blockRows];
    double[][] inputs = new double[n][blockRows];
    double[] points = new double[blockRows];
    // A block's bands are copied into the output at once: a store of a reference into the
    // caller's array, which is often old, costs G1 a barrier per row, and a copy costs one.
    @Nullable Band[] bandsOfBlock = new Band[blockRows];
    CompiledCurves.Scratch scratch = new CompiledCurves.Scratch(blockRows);
    double[][] shareOfKpi = table.shareOfKpi;
    for (int from = 0; from < rows; from += BLOCK_ROWS) {
      int count = Math.min(BLOCK_ROWS, rows - from);
      int valid = classify(from, count, cloudOfRow, curveInputs, entries, inputs);
      java.util.Arrays.fill(points, 0, valid, 0.0);
      for (int k = 0; k < n; k++) {
        markInfinite(inputs[k], valid, points);
      }
      for (int k = 0; k < n; k++) {
        curves.addPoints(k, inputs[k], valid, entries, shareOfKpi[k], scratch, points);
      }
      for (int i = 0; i < valid; i++) {
        int r = from + i;
        if (Double.isNaN(points[i])) {
          System.arraycopy(bandsOfBlock, 0, bandOfRow, from, i);
          throw infiniteInput(curveInputs, r);
        }
        int entry = entries[i];
        coverage[r] = table.coverage[entry];
        if (table.scores[entry]) {
          double score = CompiledModel.weightedScore(points[i]);
          scores[r] = score;
          bandsOfBlock[i] = bandOf(score);
        } else {
          scores[r] = Double.NaN;
          bandsOfBlock[i] = null;
        }
      }
      System.arraycopy(bandsOfBlock, 0, bandOfRow, from, valid);
      if (valid < count) {
        throw badCloud(from + valid, cloudOfRow[from + valid]);
      }
    }
  }

  /**
   * Writes the table entry of rows {@code from} to {@code from + count - 1} into {@code entries},
   * and column {@code k}'s inputs of them, with 0 for {@code NaN}, into {@code inputs[k]}, and
   * returns how many rows, from the first, have a cloud index in range. Only those rows are
   * classified.
   *
   * <p>The columns are read two at a time, in loops of bit arithmetic: random NaNs would defeat
   * branch prediction, so which inputs have a value is computed, not branched on, and each row's
   * entry is read and written once per two columns. Infinite inputs are copied as they are.
   */
  private int classify(
      int from,
      int count,
      int[] cloudOfRow,
      double[][] curveInputs,
      int[] entries,
      double[][] inputs) {
    int n = kpiIds.size();
    int clouds = totals.length;
    int faulty = 0;
    for (int i = 0; i < count; i++) {
      int c = cloudOfRow[from + i];
      // Negative exactly when c < 0 or c >= clouds.
      faulty |= c | (clouds - 1 - c);
      entries[i] = c << n;
    }
    int valid = faulty < 0 ? firstBadCloud(from, count, cloudOfRow) - from : count;
    for (int k = 0; k < n; k += 2) {
      // With an odd number of columns the last one is paired with itself: it is copied twice
      // and its bit set twice, which changes nothing.
      int j = Math.min(k + 1, n - 1);
      double[] first = curveInputs[k];
      double[] second = curveInputs[j];
      double[] firstCopy = inputs[k];
      double[] secondCopy = inputs[j];
      int firstMeasured = 1 << k;
      int secondMeasured = 1 << j;
      for (int i = 0; i < valid; i++) {
        long firstBits = Double.doubleToRawLongBits(first[from + i]);
        long secondBits = Double.doubleToRawLongBits(second[from + i]);
        long firstMissing = notANumber(firstBits);
        long secondMissing = notANumber(secondBits);
        firstCopy[i] = Double.longBitsToDouble(firstBits & ~firstMissing);
        secondCopy[i] = Double.longBitsToDouble(secondBits & ~secondMissing);
        entries[i] |=
            (firstMeasured & ~(int) firstMissing) | (secondMeasured & ~(int) secondMissing);
      }
    }
    return valid;
  }

  /** Returns all ones for the bits of a NaN, whose magnitude is above infinity's, else 0. */
  private static long notANumber(long bits) {
    return (INFINITY_BITS - (bits & Long.MAX_VALUE)) >> 63;
  }

  /**
   * Makes {@code points[i]} {@code NaN} if {@code inputs[i]} is infinite, and leaves it as it is
   * otherwise: an input times 0 is {@code NaN} for an infinity and a zero of either sign for a
   * finite input, and adding a zero to points that are not -0.0 changes no bit.
   */
  private static void markInfinite(double[] inputs, int count, double[] points) {
    for (int i = 0; i < count; i++) {
      points[i] += inputs[i] * 0.0;
    }
  }

  /** Returns the first row from {@code from} whose cloud index is out of range. */
  private int firstBadCloud(int from, int count, int[] cloudOfRow) {
    for (int r = from; r < from + count; r++) {
      if (!isCloud(cloudOfRow[r])) {
        return r;
      }
    }
    throw new IllegalStateException("no bad cloud index in [" + from + ", " + (from + count) + ")");
  }

  /** Returns whether {@code c} is the index of one of {@link #clouds()}. */
  private boolean isCloud(int c) {
    return c >= 0 && c < totals.length;
  }

  /** Returns {@code bands.of(score)} for a score in [0, 100], without a branch. */
  private Band bandOf(double score) {
    int above = CompiledCurves.above(score, bandEdges[0])
        + CompiledCurves.above(score, bandEdges[1])
        + CompiledCurves.above(score, bandEdges[2]);
    return BANDS_FROM_CRITICAL[above];
  }

  /** Scores rows when the table would be too large: the shares are divided out per row. */
  private void scoreByDivision(
      int rows,
      double[][] curveInputs,
      int[] cloudOfRow,
      double[] scores,
      double[] coverage,
      @Nullable Band[] bandOfRow) {
    int n = kpiIds.size();
    for (int r = 0; r < rows; r++) {
      int c = cloudOfRow[r];
      if (!isCloud(c)) {
        throw badCloud(r, c);
      }
      double[] w = weights[c];

      // Weigh the applicable KPIs, in the model's order, as Scorer does.
      double applicable = 0;
      for (int k = 0; k < n; k++) {
        double x = curveInputs[k][r];
        if (Double.isInfinite(x)) {
          throw infiniteInput(curveInputs, r);
        }
        if (!Double.isNaN(x) && w[k] > 0) {
          applicable += w[k];
        }
      }
      double rowCoverage = CompiledModel.coverage(applicable, totals[c]);
      coverage[r] = rowCoverage;
      if (applicable == 0 || rowCoverage < minimumCoverage) {
        scores[r] = Double.NaN;
        bandOfRow[r] = null;
        continue;
      }

      // Add up the points, in the model's order, as Scorer does.
      double sum = 0;
      for (int k = 0; k < n; k++) {
        double x = curveInputs[k][r];
        if (!Double.isNaN(x) && w[k] > 0) {
          sum += CompiledModel.share(w[k], applicable) * curves.score(k, x);
        }
      }
      double score = CompiledModel.weightedScore(sum);
      scores[r] = score;
      bandOfRow[r] = bands.of(score);
    }
  }

  private IllegalArgumentException badCloud(int r, int c) {
    return new IllegalArgumentException(
        "cloudOfRow[" + r + "]: must be in [0, " + totals.length + "), was " + c);
  }

  private IllegalArgumentException infiniteInput(double[][] curveInputs, int r) {
    for (int k = 0; k < curveInputs.length; k++) {
      double x = curveInputs[k][r];
      if (Double.isInfinite(x)) {
        return new IllegalArgumentException(
            "curveInputs[" + k + "][" + r + "] (" + kpiIds.get(k)
                + "): must be finite or NaN, was " + x);
      }
    }
    throw new IllegalStateException("no infinite input in row " + r);
  }

  /**
   * For every cloud and every set of KPIs with a value, the coverage, whether the row scores, and
   * each KPI's share of the applicable weight, computed once with the arithmetic of {@link
   * Scorer}. Entry {@code (cloud << n) | measured} describes a row of that cloud whose KPIs with a
   * value are the bits of {@code measured}.
   */
  private static final class ShareTable {
    /** The largest table, in shares, that a scorer builds; beyond it rows divide. */
    static final int MAX_SHARES = 1 << 18;

    final double[] coverage;
    final boolean[] scores;
    /**
     * KPI {@code k}'s share at {@code [k][entry]}: a pass over one KPI then reads a table of its
     * own (6 KB for 8 KPIs and 3 clouds), rather than one share from each entry's row.
     */
    final double[][] shareOfKpi;

    ShareTable(double[][] weights, double[] totals, double minimumCoverage) {
      int n = weights.length == 0 ? 0 : weights[0].length;
      int entries = weights.length << n;
      coverage = new double[entries];
      scores = new boolean[entries];
      shareOfKpi = new double[n][entries];
      for (int c = 0; c < weights.length; c++) {
        for (int measured = 0; measured < 1 << n; measured++) {
          fill((c << n) | measured, measured, weights[c], totals[c], minimumCoverage);
        }
      }
    }

    private void fill(int entry, int measured, double[] w, double total, double minimum) {
      int n = w.length;
      double applicable = 0;
      for (int k = 0; k < n; k++) {
        if ((measured & (1 << k)) != 0 && w[k] > 0) {
          applicable += w[k];
        }
      }
      coverage[entry] = CompiledModel.coverage(applicable, total);
      scores[entry] = !(applicable == 0 || coverage[entry] < minimum);
      for (int k = 0; k < n; k++) {
        if (scores[entry] && (measured & (1 << k)) != 0 && w[k] > 0) {
          shareOfKpi[k][entry] = CompiledModel.share(w[k], applicable);
        }
      }
    }

    static boolean fits(int clouds, int kpis) {
      return kpis < 20 && ((long) clouds * kpis) << kpis <= MAX_SHARES;
    }
  }

  private void checkShapes(
      int rows,
      double[][] curveInputs,
      int[] cloudOfRow,
      double[] scores,
      double[] coverage,
      @Nullable Band[] bandOfRow) {
    Checks.requireNonNegative("rows", rows);
    Checks.requireNonNull("curveInputs", curveInputs);
    if (curveInputs.length != kpiIds.size()) {
      throw new IllegalArgumentException(
          "curveInputs: must hold one column per KPI, " + kpiIds.size() + " for " + kpiIds
              + ", was " + curveInputs.length);
    }
    for (int k = 0; k < curveInputs.length; k++) {
      if (curveInputs[k] == null) {
        throw new NullPointerException("curveInputs[" + k + "]: must not be null");
      }
      requireRows("curveInputs[" + k + "]", curveInputs[k].length, rows);
    }
    requireRows("cloudOfRow", Checks.requireNonNull("cloudOfRow", cloudOfRow).length, rows);
    requireRows("scores", Checks.requireNonNull("scores", scores).length, rows);
    requireRows("coverage", Checks.requireNonNull("coverage", coverage).length, rows);
    requireRows("bandOfRow", Checks.requireNonNull("bandOfRow", bandOfRow).length, rows);
  }

  private static void requireRows(String field, int length, int rows) {
    if (length < rows) {
      throw new IllegalArgumentException(
          field + ": must hold at least " + rows + " rows, held " + length);
    }
  }
}
