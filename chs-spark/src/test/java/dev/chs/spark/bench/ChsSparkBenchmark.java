package dev.chs.spark.bench;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;

import dev.chs.cli.generate.GeneratedPortfolio;
import dev.chs.cli.generate.PortfolioGenerator;
import dev.chs.core.model.HealthModel;
import dev.chs.core.model.ModelFile;
import dev.chs.core.plugin.KpiRegistry;
import dev.chs.spark.ChsSpark;
import dev.chs.spark.SignalFrames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Times chs on Spark against the same KPIs and score written in native Spark SQL ({@link
 * NativeKpis}), in one JVM, on a generated portfolio of several million signals.
 *
 * <p>It generates the portfolio with the CLI's seeded generator, reads it with {@link
 * SignalFrames#readCsv}, caches the signal frame and counts it, so that I/O and parsing are left
 * out. Then it alternates the two jobs: warm-up rounds first, then measured rounds, each job
 * computing every score row and writing it to Spark's {@code noop} sink. It prints the medians,
 * the ratio, and how far the native scores are from chs's.
 *
 * <p>Run it from the repository root, after a build:
 *
 * <pre>
 * mvn -o -q -pl chs-spark -am -Pbenchmark -DskipTests verify
 * </pre>
 *
 * <p>{@code -Dbenchmark.accounts=70000 -Dbenchmark.runs=5} are the defaults; the profile runs
 * {@code java} with Spark's JVM flags and {@code -Xmx6g}. Arguments of {@code main}: accounts,
 * measured rounds, and optionally the number of cores for {@code local[n]} (default 2).
 */
public final class ChsSparkBenchmark {
  private static final Instant AS_OF = PortfolioGenerator.DEFAULT_END;
  private static final int WARM_UP = 1;

  private ChsSparkBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param args accounts, measured rounds, and cores
   * @throws Exception if the portfolio cannot be written
   */
  public static void main(String[] args) throws Exception {
    int accounts = args.length > 0 ? Integer.parseInt(args[0]) : 70_000;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int cores = args.length > 2 ? Integer.parseInt(args[2]) : 2;

    Path folder = Files.createTempDirectory("chs-bench");
    long started = System.nanoTime();
    GeneratedPortfolio portfolio = PortfolioGenerator.generate(accounts, 7, folder, AS_OF);
    System.out.printf(Locale.ROOT, "generated %d accounts, %d rows in %.1f s: %s%n", accounts,
        portfolio.totalRows(), seconds(started), portfolio.rows());

    SparkSession spark = SparkSession.builder()
        .master("local[" + cores + "]")
        .appName("chs-spark-benchmark")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", String.valueOf(4 * cores))
        .getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    try {
      run(spark, folder, runs);
    } finally {
      spark.stop();
    }
  }

  private static void run(SparkSession spark, Path folder, int runs) {
    HealthModel model = ModelFile.defaultModel(KpiRegistry.discover());
    ChsSpark chs = ChsSpark.of(spark, model);

    long started = System.nanoTime();
    SignalFrames frames = SignalFrames.readCsv(spark, folder.toString()).cache();
    long signals = frames.frame().count();
    System.out.printf(Locale.ROOT, "cached %d signal rows in %.1f s%n", signals,
        seconds(started));

    Supplier<Dataset<Row>> library = () -> chs.scores(frames, AS_OF);
    Supplier<Dataset<Row>> sql = () -> NativeKpis.scores(frames.frame(), model, AS_OF);
    List<Double> chsTimes = new ArrayList<>();
    List<Double> nativeTimes = new ArrayList<>();
    for (int round = 0; round < WARM_UP + runs; round++) {
      double a = time(library);
      double b = time(sql);
      boolean measured = round >= WARM_UP;
      if (measured) {
        chsTimes.add(a);
        nativeTimes.add(b);
      }
      System.out.printf(Locale.ROOT, "%s %d: chs %.2f s, native %.2f s%n",
          measured ? "round" : "warm-up", round, a, b);
    }

    double chsMedian = median(chsTimes);
    double nativeMedian = median(nativeTimes);
    System.out.printf(Locale.ROOT,
        "signals %d: median chs %.2f s, native Spark SQL %.2f s, ratio %.2f%n",
        signals, chsMedian, nativeMedian, chsMedian / nativeMedian);
    compare(library.get(), sql.get());
  }

  /** Prints how many score rows each job gave, and how far apart their scores are. */
  private static void compare(Dataset<Row> chs, Dataset<Row> sql) {
    Dataset<Row> joined = chs.alias("c").join(sql.alias("n"),
        col("c.account_id").equalTo(col("n.account_id")).and(col("c.cloud").equalTo(
            col("n.cloud"))), "full_outer");
    Row row = joined.agg(
            max(abs(col("c.score").minus(col("n.score")))),
            org.apache.spark.sql.functions.sum(
                org.apache.spark.sql.functions.when(
                    col("c.band").eqNullSafe(col("n.band")).unary_$bang(), 1).otherwise(0)),
            org.apache.spark.sql.functions.sum(
                org.apache.spark.sql.functions.when(
                    col("c.flags").eqNullSafe(col("n.flags")).unary_$bang(), 1).otherwise(0)),
            org.apache.spark.sql.functions.count(org.apache.spark.sql.functions.lit(1)))
        .first();
    System.out.printf(Locale.ROOT, "score rows: chs %d, native %d, joined %d; max |score"
            + " difference| %s, band mismatches %s, flag mismatches %s%n",
        chs.count(), sql.count(), row.getLong(3), row.get(0), row.get(1), row.get(2));
  }

  private static double time(Supplier<Dataset<Row>> job) {
    long started = System.nanoTime();
    job.get().write().format("noop").mode("overwrite").save();
    return seconds(started);
  }

  private static double median(List<Double> times) {
    List<Double> sorted = new ArrayList<>(times);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static double seconds(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1e9;
  }
}
