package dev.chs.benchmarks;

import dev.chs.api.Band;
import dev.chs.api.CloudId;
import dev.chs.api.kpi.Curve;
import dev.chs.core.model.HealthModel;
import dev.chs.core.score.ColumnarScorer;
import dev.chs.kpis.BuiltInKpis;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Columnar scoring of 1M (account, cloud) rows by 8 KPI columns, against the memory-bandwidth
 * floor.
 *
 * <p>Each op scores every row: the eight curve inputs of a row (the seven built-in KPIs and one
 * KPI aggregated upstream, about 10% of cells not applicable) go through the model's curves and
 * the weights of the row's cloud into a score, a coverage and a band, written to preallocated
 * arrays. {@link #baselineSumColumns} reads the same columns and the cloud index, and writes
 * their sum per row: the least any scoring pass must move through memory. The target is a ratio
 * of at most 1.5 between the two.
 *
 * <p>{@link #floorFindNotApplicable} measures a second floor, of work rather than of memory: it
 * only finds which cells are {@code NaN}, as a bit per KPI in an int per row, which every scorer
 * of these columns must do before it can weigh a row. Its ratio to the baseline shows how much of
 * the budget that step alone takes on the JVM that runs it.
 *
 * <p>Run with:
 *
 * <pre>
 * java -jar chs-benchmarks/target/benchmarks.jar ColumnarScoringBenchmark -f 1 -wi 3 -i 5 -w 2s -r 2s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class ColumnarScoringBenchmark {
  /** The share of cells that are not applicable, in percent. */
  static final int NOT_APPLICABLE_PERCENT = 10;

  private static final long INFINITY_BITS = Double.doubleToRawLongBits(Double.POSITIVE_INFINITY);

  @Param("1000000")
  int rows;

  double[][] columns;
  int[] cloudOfRow;
  double[] scores;
  int[] measured;
  double[] coverage;
  Band[] bands;
  ColumnarScorer scorer;

  /** Makes the model, the columns and the outputs. */
  @Setup(Level.Trial)
  public void setup() {
    HealthModel.Builder builder = HealthModel.builder();
    BuiltInKpis.all().forEach(kpi -> builder.kpi(kpi, 1));
    builder.kpi(new ScoringOnlyKpi("nps", new Curve.Linear(-50, 50)), 1);
    HealthModel model = builder
        .cloudWeight("first_time_fix_rate", CloudId.of("service"), 2)
        .cloudWeight("product_adoption", CloudId.of("sales"), 3)
        .build();
    scorer = ColumnarScorer.of(model, SyntheticPortfolio.CLOUDS);

    // Curve inputs in each KPI's usual range: counts, ratios, changes, means and a net score.
    Random random = new Random(SyntheticPortfolio.SEED);
    double[][] ranges = {{0, 25}, {0, 1.5}, {0.3, 1}, {-1, 2.5}, {0, 4}, {0, 1.2}, {-1, 1},
        {-100, 100}};
    columns = new double[ranges.length][rows];
    for (int k = 0; k < ranges.length; k++) {
      for (int r = 0; r < rows; r++) {
        columns[k][r] = random.nextInt(100) < NOT_APPLICABLE_PERCENT
            ? Double.NaN
            : ranges[k][0] + random.nextDouble() * (ranges[k][1] - ranges[k][0]);
      }
    }
    // Counts are whole numbers.
    for (int k : new int[] {0, 4}) {
      for (int r = 0; r < rows; r++) {
        columns[k][r] = Math.floor(columns[k][r]);
      }
    }
    cloudOfRow = new int[rows];
    for (int r = 0; r < rows; r++) {
      cloudOfRow[r] = random.nextInt(SyntheticPortfolio.CLOUDS.size());
    }
    scores = new double[rows];
    measured = new int[rows];
    coverage = new double[rows];
    bands = new Band[rows];
  }

  /**
   * The memory-bandwidth floor: reads the eight columns and the cloud index of every row, and
   * writes their sum.
   *
   * @return the output array
   */
  @Benchmark
  public double[] baselineSumColumns() {
    double[] c0 = columns[0];
    double[] c1 = columns[1];
    double[] c2 = columns[2];
    double[] c3 = columns[3];
    double[] c4 = columns[4];
    double[] c5 = columns[5];
    double[] c6 = columns[6];
    double[] c7 = columns[7];
    int[] clouds = cloudOfRow;
    double[] out = scores;
    for (int r = 0; r < rows; r++) {
      out[r] = c0[r] + c1[r] + c2[r] + c3[r] + c4[r] + c5[r] + c6[r] + c7[r] + clouds[r];
    }
    return out;
  }

  /**
   * Finds the cells that are not applicable: sets bit {@code k} of a row's int when column {@code
   * k} has a value there. A {@code NaN} is told apart by its bits, in a loop over each column that
   * has no branch, which is the cheapest way this project found on Java 17 (a compare, {@code x ==
   * x}, is slower; see the README).
   *
   * @return the bits of every row
   */
  @Benchmark
  public int[] floorFindNotApplicable() {
    int[] out = measured;
    java.util.Arrays.fill(out, 0, rows, 0);
    for (int k = 0; k < columns.length; k++) {
      double[] column = columns[k];
      int bit = 1 << k;
      for (int r = 0; r < rows; r++) {
        // The magnitude of a NaN's bits is above that of infinity: then the difference is not
        // negative and its sign bit 0.
        long magnitude = Double.doubleToRawLongBits(column[r]) & Long.MAX_VALUE;
        out[r] |= bit & (int) ((magnitude - INFINITY_BITS - 1) >> 63);
      }
    }
    return out;
  }

  /**
   * Scores every row through {@link ColumnarScorer#score}.
   *
   * @return the score array
   */
  @Benchmark
  public double[] scoreColumns() {
    scorer.score(rows, columns, cloudOfRow, scores, coverage, bands);
    return scores;
  }
}
