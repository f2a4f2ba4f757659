package dev.chs.spark;

import dev.chs.core.model.HealthModel;
import dev.chs.core.model.ModelFile;
import dev.chs.core.plugin.KpiRegistry;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.jspecify.annotations.Nullable;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;

/**
 * A runnable Spark job: it reads a data-set folder of CSV files, scores the portfolio, and writes
 * the scores, the watchlist and the revenue at risk.
 *
 * <pre>
 * spark-submit --class dev.chs.spark.ChsSparkJob --master yarn chs-spark-job.jar \
 *     --data s3a://bucket/portfolio --as-of 2026-11-30 --out s3a://bucket/chs \
 *     [--model s3a://bucket/model.yaml] [--format csv|parquet]
 * </pre>
 *
 * <p>It writes three folders under {@code --out}: {@code scores}, {@code watchlist} (its {@code
 * distress} and {@code reasons} joined by {@code ;} and {@code |} in CSV) and {@code
 * revenue_at_risk}, replacing what is there. {@code --as-of} takes a date (00:00 UTC) or an
 * ISO-8601 instant; {@code --model} a YAML or JSON model file that Spark can read, the default
 * model of chs when absent. A usage error exits with status 2.
 *
 * @since 0.1.0
 */
public final class ChsSparkJob {
  /** The names of the options, without their dashes. */
  private static final List<String> NAMES = List.of("data", "as-of", "out", "model", "format");

  private ChsSparkJob() {}

  /**
   * Runs the job in the session that {@code spark-submit} configures.
   *
   * @param args the options above
   */
  public static void main(String[] args) {
    Map<String, String> options;
    try {
      options = options(args);
    } catch (IllegalArgumentException e) {
      System.err.println("chs-spark: " + e.getMessage());
      System.err.println("usage: ChsSparkJob --data DIR --as-of DATE --out DIR"
          + " [--model FILE] [--format csv|parquet]");
      System.exit(2);
      return;
    }
    SparkSession spark = SparkSession.builder().appName("chs-spark").getOrCreate();
    try {
      run(spark, options);
    } finally {
      spark.stop();
    }
  }

  /**
   * Runs the job in a session.
   *
   * @param spark the session
   * @param options the options, by name without the dashes: {@code data}, {@code as-of}, {@code
   *     out}, and optionally {@code model} and {@code format}
   * @throws IllegalArgumentException if an option is missing, unknown or of a value it cannot
   *     take, as the command line's checks say
   */
  public static void run(SparkSession spark, Map<String, String> options) {
    checked(options);
    Instant asOf = instant(required(options, "as-of"));
    String format = options.getOrDefault("format", "csv");
    ChsSpark chs = ChsSpark.of(spark, model(spark, options.get("model")));
    SignalFrames signals = SignalFrames.readCsv(spark, required(options, "data")).cache();

    Dataset<Row> scores = chs.scores(signals, asOf).cache();
    write(scores, format, required(options, "out") + "/scores");
    write(chs.revenueAtRisk(scores), format, required(options, "out") + "/revenue_at_risk");
    Dataset<Row> watchlist = chs.watchlist(signals, asOf);
    if (format.equals("csv")) {
      watchlist = watchlist
          .withColumn("distress", concat_ws(";", col("distress")))
          .withColumn("reasons", concat_ws(" | ", col("reasons")));
    }
    write(watchlist, format, required(options, "out") + "/watchlist");
  }

  private static void write(Dataset<Row> rows, String format, String path) {
    rows.coalesce(1).write().mode(SaveMode.Overwrite).option("header", "true").format(format)
        .save(path);
  }

  private static String required(Map<String, String> options, String name) {
    String value = options.get(name);
    if (value == null) {
      throw new IllegalArgumentException("--" + name + " is required");
    }
    return value;
  }

  private static HealthModel model(SparkSession spark, @Nullable String path) {
    KpiRegistry registry = KpiRegistry.discover(ChsModel.contextLoader());
    if (path == null) {
      return ModelFile.defaultModel(registry);
    }
    List<Row> text = spark.read().option("wholetext", "true").text(path).collectAsList();
    ModelFile.Format syntax = path.toLowerCase(java.util.Locale.ROOT).endsWith(".json")
        ? ModelFile.Format.JSON
        : ModelFile.Format.YAML;
    return ModelFile.read(text.isEmpty() ? "" : text.get(0).getString(0), syntax, path,
        registry);
  }

  private static Instant instant(String text) {
    return text.length() == 10
        ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
        : Instant.parse(text);
  }

  static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.length; i += 2) {
      String name = args[i];
      if (!name.startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --name value pairs, found '" + name + "'");
      }
      options.put(name.substring(2), args[i + 1]);
    }
    return checked(options);
  }

  /** Checks the options by name without their dashes, and returns them. */
  private static Map<String, String> checked(Map<String, String> options) {
    for (String name : new TreeSet<>(options.keySet())) {
      if (!NAMES.contains(name)) {
        throw new IllegalArgumentException("--" + name + ": unknown option; expected --"
            + String.join(", --", NAMES));
      }
    }
    for (String required : List.of("data", "as-of", "out")) {
      if (!options.containsKey(required)) {
        throw new IllegalArgumentException("--" + required + " is required");
      }
    }
    String format = options.getOrDefault("format", "csv");
    if (!format.equals("csv") && !format.equals("parquet")) {
      throw new IllegalArgumentException("--format: must be csv or parquet, was '" + format + "'");
    }
    try {
      instant(required(options, "as-of"));
    } catch (java.time.DateTimeException e) {
      throw new IllegalArgumentException(
          "--as-of: must be a date or an ISO-8601 instant, was '" + options.get("as-of") + "'");
    }
    return options;
  }
}
