package dev.chs.spark;

import dev.chs.api.Band;
import dev.chs.api.Checks;
import dev.chs.api.CloudId;
import dev.chs.core.aggregate.FailurePolicy;
import dev.chs.core.model.HealthModel;
import dev.chs.core.model.WeightedKpi;
import dev.chs.core.portfolio.RevenueAtRisk;
import dev.chs.core.portfolio.RiskTotals;
import dev.chs.spark.internal.AccountScoring;
import dev.chs.spark.internal.KpiAggregator;
import dev.chs.spark.internal.KpiRows;
import dev.chs.spark.internal.ScoreRows;
import dev.chs.spark.internal.SignalRows;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.jspecify.annotations.Nullable;
import static org.apache.spark.sql.functions.col;

/**
 * Scores whole portfolios on Apache Spark with a health model, with the same results as the
 * in-process library: row by row, bit for bit.
 *
 * <p>The model is broadcast once, when this object is created, as the text of its model file (see
 * {@link ChsModel}); executors rebuild it once per JVM. Signals are grouped by account and
 * aggregated by a typed Spark {@code Aggregator} whose buffer holds the library's own KPI
 * accumulators for each cloud of the account, so partial results merge across partitions exactly
 * as {@link dev.chs.core.aggregate.SignalAggregator} merges them. Each account's values are then
 * scored by {@link dev.chs.core.score.Scorer}.
 *
 * <h2>Output</h2>
 *
 * <p>{@link #kpis} gives one row per account and cloud: {@code account_id}, {@code cloud}, {@code
 * arr}, then one struct column per KPI of the model, named by its id, with the fields {@code raw},
 * {@code curve_input}, {@code evidence}, {@code flags} and {@code reason}; the first four are null
 * when the KPI is not applicable, and {@code reason} says why.
 *
 * <p>{@link #scores} gives the columns of the product's score output: {@code account_id}, {@code
 * cloud}, {@code as_of} (timestamp), {@code score}, {@code band}, {@code coverage}, {@code
 * renewal_probability}, {@code arr}, {@code expected_loss}, {@code flags} (sorted, joined by
 * {@code ;}), then for each KPI its raw value under its id and its score under {@code <id>_score}.
 * There is one row per account and cloud, and one per account with cloud {@code *} for its
 * overall score, whose KPI columns are null and whose flags are those of its scored clouds. An
 * unscored value is null. An account whose signals name no cloud has the one cloud {@code ""}.
 *
 * <p>An instance is immutable and may be used from several threads of the driver.
 *
 * @since 0.1.0
 */
public final class ChsSpark {
  /** The schema of {@link #revenueAtRisk}. */
  private static final StructType RISK = new StructType()
      .add("scope", DataTypes.StringType, false)
      .add("key", DataTypes.StringType)
      .add("arr", DataTypes.DoubleType, false)
      .add("expected_loss", DataTypes.DoubleType, false)
      .add("exposed_arr", DataTypes.DoubleType, false)
      .add("unscored_arr", DataTypes.DoubleType, false);

  private final SparkSession spark;
  private final HealthModel model;
  private final Broadcast<ChsModel> broadcast;
  private final FailurePolicy policy;

  private ChsSpark(SparkSession spark, HealthModel model, FailurePolicy policy) {
    this.spark = spark;
    this.model = model;
    this.policy = policy;
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    this.broadcast = context.broadcast(ChsModel.of(model));
  }

  /**
   * Returns chs on a Spark session, isolating KPIs whose accumulators throw, as the library does
   * by default.
   *
   * @param spark the session
   * @param model the model; its KPIs must be found by {@link
   *     dev.chs.core.plugin.KpiRegistry#discover(ClassLoader)} on the executors too
   * @return chs on Spark, with the model broadcast
   * @throws NullPointerException if an argument is null
   */
  public static ChsSpark of(SparkSession spark, HealthModel model) {
    return of(spark, model, FailurePolicy.ISOLATE);
  }

  /**
   * Returns chs on a Spark session.
   *
   * @param spark the session
   * @param model the model
   * @param policy what a KPI whose accumulator throws does: is not applicable there, or stops the
   *     job with a {@link dev.chs.core.aggregate.KpiFailureException}
   * @return chs on Spark, with the model broadcast
   * @throws NullPointerException if an argument is null
   */
  public static ChsSpark of(SparkSession spark, HealthModel model, FailurePolicy policy) {
    return new ChsSpark(
        Checks.requireNonNull("spark", spark), Checks.requireNonNull("model", model),
        Checks.requireNonNull("policy", policy));
  }

  /**
   * Returns the model.
   *
   * @return the model this instance scores with
   */
  public HealthModel model() {
    return model;
  }

  /**
   * Returns the session.
   *
   * @return the Spark session
   */
  public SparkSession spark() {
    return spark;
  }

  /**
   * Returns the KPI aggregate function, for use in {@code groupBy(...).agg(...)}. It takes the ten
   * columns of a signal frame in the order of {@link SignalFrames#SCHEMA}, with {@code at} and
   * {@code until} as microseconds since the epoch ({@code unix_micros}), and returns a struct
   * with one field, {@code clouds}: an array of per-cloud structs as {@link #kpis} describes.
   * Group by {@code account_id}: the function expects the rows of one account.
   *
   * @param asOf the instant T
   * @param kinds the kinds of signal whose sources were supplied
   * @return the function
   * @throws IllegalArgumentException if a kind is not a kind of signal of a signal frame, such as
   *     {@code case}
   */
  public UserDefinedFunction kpiFunction(Instant asOf, Set<String> kinds) {
    Checks.requireNonNull("as_of", asOf);
    return functions.udaf(
        new KpiAggregator(broadcast, asOf, kinds, policy), Encoders.row(SignalRows.INPUT));
  }

  /**
   * Computes the KPI values of every account as of an instant, one row per account: {@code
   * account_id} and {@code kpis}, a struct holding {@code clouds}, an array with one struct per
   * cloud in order of cloud id.
   *
   * @param signals the signals
   * @param asOf the instant T; signals after it never count
   * @return the values, one row per account
   */
  public Dataset<Row> accountKpis(SignalFrames signals, Instant asOf) {
    Dataset<Row> frame = signals.frame();
    Column[] input = {
      col("kind"), col("account_id"), col("cloud"), col("id"),
      functions.unix_micros(col("at")), functions.unix_micros(col("until")), col("flag"),
      col("active_users"), col("licensed_users"), col("value")
    };
    // An account whose signals all came into being after T has no clouds as of T, and the
    // library does not list it.
    return frame.groupBy(col("account_id"))
        .agg(kpiFunction(asOf, signals.kinds()).apply(input).as("kpis"))
        .filter(functions.size(col("kpis.clouds")).gt(0));
  }

  /**
   * Computes the KPI values of every account and cloud as of an instant, in the form the class
   * description gives.
   *
   * @param signals the signals
   * @param asOf the instant T
   * @return one row per account and cloud
   */
  public Dataset<Row> kpis(SignalFrames signals, Instant asOf) {
    List<Column> columns = new ArrayList<>();
    columns.add(col("account_id"));
    columns.add(col("c.cloud").as("cloud"));
    columns.add(col("c.arr").as("arr"));
    for (WeightedKpi kpi : model.kpis()) {
      columns.add(col("c." + kpi.id()).as(kpi.id()));
    }
    return accountKpis(signals, asOf)
        .select(col("account_id"), functions.explode(col("kpis.clouds")).as("c"))
        .select(columns.toArray(new Column[0]));
  }

  /**
   * Scores every account and cloud, and every account overall, from its signals.
   *
   * @param signals the signals
   * @param asOf the instant T
   * @return the score rows, in the columns the class description gives
   */
  public Dataset<Row> scores(SignalFrames signals, Instant asOf) {
    return scoreAccounts(
        accountKpis(signals, asOf).select(col("account_id"), col("kpis.clouds")), asOf);
  }

  /**
   * Scores KPI values in the form that {@link #kpis} gives, such as ones stored by an earlier job.
   *
   * @param kpis one row per account and cloud, with the columns of {@link #kpis}
   * @param asOf the instant T that the values were computed for
   * @return the score rows
   */
  public Dataset<Row> scoreKpis(Dataset<Row> kpis, Instant asOf) {
    StructType cloud = KpiRows.cloud(model);
    Column[] fields = new Column[cloud.fields().length];
    for (int i = 0; i < fields.length; i++) {
      fields[i] = col(cloud.fields()[i].name());
    }
    Dataset<Row> accounts = kpis.groupBy(col("account_id"))
        .agg(functions.collect_list(functions.struct(fields)).as("clouds"));
    return scoreAccounts(accounts, asOf);
  }

  /**
   * Scores metrics aggregated upstream, in the form of {@code metrics.csv}: {@code account_id},
   * {@code cloud}, then one numeric column per metric. A column named after a KPI of the model is
   * that KPI's value; a KPI without a column is not applicable. It is the same as scoring a
   * signal frame built from the metrics alone.
   *
   * @param metrics one row per account and cloud
   * @param asOf the instant T
   * @return the score rows
   */
  public Dataset<Row> scoreMetrics(Dataset<Row> metrics, Instant asOf) {
    return scores(SignalFrames.builder(spark).metrics(metrics).build(), asOf);
  }

  private Dataset<Row> scoreAccounts(Dataset<Row> accounts, Instant asOf) {
    StructType schema = ScoreRows.schema(model);
    return accounts
        .mapPartitions(AccountScoring.scores(broadcast, asOf), Encoders.row(schema))
        .withColumn("as_of", functions.timestamp_micros(col("as_of")));
  }

  /**
   * Builds the watchlist as of an instant: the accounts whose score is falling since one window
   * earlier, or already low, and that show distress, ranked by revenue at risk, as {@link
   * dev.chs.core.portfolio.Watchlist} defines it. Signals are aggregated twice, as of T and as of
   * T - W.
   *
   * <p>Columns: {@code account_id}, {@code expected_loss}, {@code exposed_arr}, {@code trend}
   * (null when either overall score is missing), {@code distress} (an array of {@code
   * HEAVY_SUPPORT_LOAD}, {@code COMPLAINT}, {@code LOW_SENTIMENT}) and {@code reasons} (an array
   * of sentences), sorted by expected loss and exposed ARR, highest first, then by account id.
   *
   * @param signals the signals
   * @param asOf the instant T
   * @return the watchlist, ranked
   */
  public Dataset<Row> watchlist(SignalFrames signals, Instant asOf) {
    Dataset<Row> now = accountKpis(signals, asOf)
        .select(col("account_id"), col("kpis.clouds").as("now"));
    Dataset<Row> before = accountKpis(signals, asOf.minus(model.window()))
        .select(col("account_id").as("before_id"), col("kpis.clouds").as("before"));
    return now.join(before, now.col("account_id").equalTo(before.col("before_id")), "left")
        .select(col("account_id"), col("now"), col("before"))
        .mapPartitions(AccountScoring.watchlist(broadcast, asOf),
            Encoders.row(ScoreRows.WATCHLIST))
        .orderBy(col("expected_loss").desc(), col("exposed_arr").desc(), col("account_id"));
  }

  /**
   * Totals the revenue at risk of score rows, as {@link RevenueAtRisk#of} does. Only cloud rows
   * count, not overall rows. The rows are streamed to the driver in order of account and cloud,
   * one partition at a time, and added up there in the library's order, so that the totals equal
   * the library's bit for bit: floating-point sums depend on their order.
   *
   * @param scores rows of {@link #scores}
   * @return the revenue at risk
   * @throws IllegalArgumentException if a scored row's band is not a {@link Band}
   */
  public RevenueAtRisk revenueAtRiskTotals(Dataset<Row> scores) {
    Iterator<Row> rows = scores.where(col("cloud").notEqual(CloudId.OVERALL))
        .select("cloud", "score", "band", "arr", "expected_loss", "account_id")
        .orderBy(col("account_id"), col("cloud"))
        .toLocalIterator();
    RiskTotals total = RiskTotals.ZERO;
    SortedMap<CloudId, RiskTotals> byCloud = new TreeMap<>();
    Map<Band, RiskTotals> byBand = new EnumMap<>(Band.class);
    while (rows.hasNext()) {
      Row row = rows.next();
      double arr = row.getDouble(3);
      RiskTotals totals;
      if (row.isNullAt(1)) {
        totals = new RiskTotals(arr, 0, 0, arr);
      } else {
        Band band = band(row);
        totals = new RiskTotals(arr, row.getDouble(4), band.isExposed() ? arr : 0, 0);
        byBand.merge(band, totals, RiskTotals::plus);
      }
      total = total.plus(totals);
      byCloud.merge(CloudId.of(row.getString(0)), totals, RiskTotals::plus);
    }
    return new RevenueAtRisk(total, byCloud, byBand);
  }

  /**
   * Totals the revenue at risk of score rows, as {@link #revenueAtRiskTotals} does, as a small
   * DataFrame: one row with {@code scope} {@code total}, one per cloud with scope {@code cloud},
   * and one per band with scope {@code band}, each with its {@code key} (null for the total),
   * {@code arr}, {@code expected_loss}, {@code exposed_arr} and {@code unscored_arr}.
   *
   * @param scores rows of {@link #scores}
   * @return the totals
   */
  public Dataset<Row> revenueAtRisk(Dataset<Row> scores) {
    RevenueAtRisk risk = revenueAtRiskTotals(scores);
    List<Row> rows = new ArrayList<>();
    rows.add(riskRow("total", null, risk.total()));
    risk.byCloud().forEach((cloud, totals) -> rows.add(riskRow("cloud", cloud.value(), totals)));
    risk.byBand().forEach((band, totals) -> rows.add(riskRow("band", band.name(), totals)));
    return spark.createDataFrame(rows, RISK);
  }

  private static Band band(Row row) {
    String name = row.getString(2);
    try {
      return Band.valueOf(name);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException("band of account '" + row.getString(5) + "', cloud '"
          + row.getString(0) + "': must be one of " + Arrays.toString(Band.values()) + ", was "
          + (name == null ? "null" : "'" + name + "'"), e);
    }
  }

  private static Row riskRow(String scope, @Nullable String key, RiskTotals totals) {
    return RowFactory.create(scope, key, totals.arr(), totals.expectedLoss(), totals.exposedArr(),
        totals.unscoredArr());
  }

  Broadcast<ChsModel> broadcast() {
    return broadcast;
  }

  FailurePolicy policy() {
    return policy;
  }
}
