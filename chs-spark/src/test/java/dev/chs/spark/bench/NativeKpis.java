package dev.chs.spark.bench;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dev.chs.api.kpi.Curve;
import dev.chs.core.model.HealthModel;
import dev.chs.core.model.WeightedKpi;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * The seven built-in KPIs and the score of the default model, written in plain Spark SQL: joins,
 * {@code groupBy} with built-in aggregate functions, and column expressions. It is the baseline
 * of {@link ChsSparkBenchmark}, and reads the same signal frame.
 *
 * <p>How it matches the library's semantics:
 *
 * <ul>
 *   <li>An account's clouds are the distinct non-empty clouds of its rows, or the one cloud {@code
 *       ""} when it names none. Account-wide rows are joined to every cloud of their account, so
 *       they count in each, as the library merges them.
 *   <li>Distinct complaint ids are counted over the routed rows, deduplicated by ({@code
 *       account_id}, {@code cloud}, {@code id}) and joined back, so a complaint seen both in a
 *       cloud and account-wide counts once.
 *   <li>Means are {@code sum / count} of doubles; the library's order-free sums may differ in the
 *       last bits. Counts are exact.
 *   <li>Metrics named after a KPI would override it in the library; this baseline leaves them
 *       out, and the generated data has none (its metrics are {@code nps} and {@code
 *       active_integrations}).
 *   <li>The curves and weights are read from the model, so the score is the model's, with no
 *       per-cloud weight overrides (the default model has none).
 * </ul>
 */
final class NativeKpis {
  private static final String[] IDS = {
    "open_support_cases", "cases_closed_to_created", "first_time_fix_rate", "work_order_volume",
    "complaints_raised", "product_adoption", "sentiment"
  };

  private NativeKpis() {}

  /** Returns the score rows of the frame, cloud rows and overall rows, as chs gives them. */
  static Dataset<Row> scores(Dataset<Row> signals, HealthModel model, Instant asOf) {
    Dataset<Row> clouds = cloudRows(kpis(signals, model, asOf), model);
    return clouds.unionByName(overallRows(clouds, model), true);
  }

  /** Computes the raw values and curve inputs of the seven KPIs per account and cloud. */
  static Dataset<Row> kpis(Dataset<Row> signals, HealthModel model, Instant asOf) {
    long t = micros(asOf);
    long w = model.window().toSeconds() * 1_000_000L;

    // Route: account-wide rows go to every cloud of their account.
    Dataset<Row> rows = signals.withColumn("cloud", coalesce(col("cloud"), lit("")))
        .withColumn("at_us", functions.unix_micros(col("at")))
        .withColumn("until_us", functions.unix_micros(col("until")));
    Dataset<Row> named = rows.where(col("cloud").notEqual(""))
        .select(col("account_id"), col("cloud")).distinct();
    Dataset<Row> unnamed = rows.select(col("account_id")).distinct().alias("a")
        .join(named.alias("n"), col("a.account_id").equalTo(col("n.account_id")), "left_anti")
        .select(col("a.account_id").as("account_id"), lit("").as("cloud"));
    Dataset<Row> allClouds = named.unionByName(unnamed)
        .withColumnRenamed("account_id", "c_account").withColumnRenamed("cloud", "c_cloud");
    Dataset<Row> wide = rows.where(col("cloud").equalTo(""))
        .join(allClouds, col("account_id").equalTo(col("c_account")))
        .withColumn("cloud", col("c_cloud")).drop("c_account", "c_cloud");
    Dataset<Row> routed = rows.where(col("cloud").notEqual("")).unionByName(wide);

    Column isCase = col("kind").equalTo("case");
    Column isWork = col("kind").equalTo("work_order");
    Column at = col("at_us");
    Column until = col("until_us");
    Column openedIn = in(at, t, w);
    Column closedIn = until.isNotNull().and(in(until, t, w));
    Column ftfKnown = isCase.and(closedIn).and(col("flag").isNotNull())
        .or(isWork.and(closedIn).and(col("flag").isNotNull()));
    List<Column> aggregates = new ArrayList<>(List.of(
        count(isCase.and(at.leq(t)).and(until.isNull().or(until.gt(t)))).as("open"),
        count(isCase.and(openedIn)).as("opened"),
        count(isCase.and(closedIn)).as("closed"),
        count(ftfKnown).as("known"),
        count(ftfKnown.and(col("flag"))).as("fixed"),
        count(col("kind").equalTo("usage").and(in(at, t, w))).as("usage_n"),
        sum(when(col("kind").equalTo("usage").and(in(at, t, w)),
            col("active_users").divide(col("licensed_users")))).as("usage_sum"),
        count(col("kind").equalTo("sentiment").and(in(at, t, w))).as("sentiment_n"),
        sum(when(col("kind").equalTo("sentiment").and(in(at, t, w)), col("value")))
            .as("sentiment_sum"),
        coalesce(sum(when(col("kind").equalTo("contract"), col("value"))), lit(0.0)).as("arr")));
    for (int n = 0; n < 4; n++) {
      aggregates.add(count(isWork.and(in(at, t - n * w, w))).as("wo" + n));
    }
    Dataset<Row> sums = routed.groupBy(col("account_id"), col("cloud"))
        .agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(new Column[0]));

    // Distinct complaint ids apart: count(DISTINCT) beside the other aggregates would make Spark
    // expand every row, so the few complaint rows are deduplicated and counted on their own.
    Dataset<Row> complaints = routed
        .where(col("kind").equalTo("complaint").and(in(at, t, w)))
        .select(col("account_id").as("k_account"), col("cloud").as("k_cloud"), col("id"))
        .distinct()
        .groupBy(col("k_account"), col("k_cloud"))
        .agg(functions.count(lit(1)).as("complaints"));
    Dataset<Row> counts = sums.join(complaints, col("account_id").equalTo(col("k_account"))
            .and(col("cloud").equalTo(col("k_cloud"))), "left")
        .withColumn("complaints", coalesce(col("complaints"), lit(0L)));

    Column baseline = col("wo1").plus(col("wo2")).plus(col("wo3"));
    return counts.select(
        col("account_id"), col("cloud"), col("arr"),
        col("open").cast("double").as("open_support_cases"),
        ratio(col("closed"), col("opened")).as("cases_closed_to_created"),
        ratio(col("fixed"), col("known")).as("first_time_fix_rate"),
        when(baseline.gt(0), col("wo0").cast("double")).as("work_order_volume"),
        when(baseline.gt(0), col("wo0").multiply(3).minus(baseline).cast("double")
            .divide(baseline)).as("work_order_volume_input"),
        col("complaints").cast("double").as("complaints_raised"),
        ratio(col("usage_sum"), col("usage_n")).as("product_adoption"),
        ratio(col("sentiment_sum"), col("sentiment_n")).as("sentiment"),
        when(baseline.gt(0).and(col("wo0").multiply(3).minus(baseline).multiply(2)
            .leq(baseline.multiply(-1))), lit("DISENGAGING")).as("disengaging"),
        when(baseline.gt(0).and(col("wo0").multiply(3).minus(baseline).multiply(2)
            .geq(baseline)), lit("SURGE")).as("surge"));
  }

  /** Scores each cloud: curves, weighted mean, coverage, band, renewal and flags. */
  static Dataset<Row> cloudRows(Dataset<Row> kpis, HealthModel model) {
    List<WeightedKpi> weighted = model.kpis();
    Map<String, String> inputs = Map.of("work_order_volume", "work_order_volume_input");
    double total = 0;
    for (WeightedKpi kpi : weighted) {
      total += kpi.weight();
    }
    Column applicable = lit(0.0);
    for (WeightedKpi kpi : weighted) {
      applicable = applicable.plus(when(col(kpi.id()).isNotNull(), lit(kpi.weight()))
          .otherwise(lit(0.0)));
    }
    Dataset<Row> scored = kpis.withColumn("applicable", applicable);
    for (WeightedKpi kpi : weighted) {
      String input = inputs.getOrDefault(kpi.id(), kpi.id());
      scored = scored.withColumn(kpi.id() + "_score", curve(kpi.curve(), col(input)));
    }
    Column points = lit(0.0);
    for (WeightedKpi kpi : weighted) {
      points = points.plus(coalesce(lit(kpi.weight()).divide(col("applicable"))
          .multiply(col(kpi.id() + "_score")), lit(0.0)));
    }
    Column coverage = col("applicable").divide(lit(total));
    Column isScored = col("applicable").gt(0).and(coverage.geq(model.minimumCoverage()));
    Column score = when(isScored, greatest(lit(0.0), least(lit(100.0), points)));
    Column flags = functions.concat_ws(";",
        when(col("complaints_raised").gt(0), lit("COMPLAINT")), col("disengaging"),
        col("surge"));
    Dataset<Row> withScore = scored.withColumn("coverage", coverage)
        .withColumn("score", score)
        .withColumn("renewal_probability", renewal(col("score"), model))
        .withColumn("expected_loss", col("arr").multiply(lit(1.0)
            .minus(col("renewal_probability"))))
        .withColumn("band", band(col("score"), model))
        .withColumn("flags", when(isScored, flags));
    List<Column> out = new ArrayList<>(List.of(col("account_id"), col("cloud"), col("score"),
        col("band"), col("coverage"), col("renewal_probability"), col("arr"),
        col("expected_loss"), col("flags")));
    for (String id : IDS) {
      out.add(col(id));
      out.add(col(id + "_score"));
    }
    return withScore.select(out.toArray(new Column[0]));
  }

  /** The overall row of each account: its scored clouds weighted by ARR. */
  static Dataset<Row> overallRows(Dataset<Row> clouds, HealthModel model) {
    Column scored = col("score").isNotNull();
    Dataset<Row> sums = clouds.groupBy(col("account_id")).agg(
        sum(col("arr")).as("arr"),
        sum(col("arr").multiply(col("coverage"))).as("arr_coverage"),
        sum(col("coverage")).as("sum_coverage"),
        functions.count(lit(1)).as("clouds"),
        sum(when(scored, col("arr"))).as("scored_arr"),
        sum(when(scored, col("arr").multiply(col("score")))).as("arr_points"),
        sum(when(scored, col("score"))).as("sum_scores"),
        functions.count(when(scored, lit(1))).as("scored_clouds"),
        sum(when(scored, col("expected_loss"))).as("expected_loss"),
        functions.concat_ws(";", functions.array_sort(functions.array_remove(
            functions.array_distinct(functions.flatten(functions.collect_list(
                functions.split(when(scored, col("flags")), ";")))), "")))
            .as("flag_list"));
    Column byArr = col("scored_arr").gt(0);
    Column score = when(col("scored_clouds").gt(0), greatest(lit(0.0), least(lit(100.0),
        when(byArr, col("arr_points").divide(col("scored_arr")))
            .otherwise(col("sum_scores").divide(col("scored_clouds"))))));
    Column coverage = when(col("arr").gt(0), col("arr_coverage").divide(col("arr")))
        .otherwise(col("sum_coverage").divide(col("clouds")));
    Column probability = when(byArr, lit(1.0).minus(col("expected_loss")
        .divide(col("scored_arr")))).otherwise(renewal(score, model));
    return sums.select(col("account_id"), lit("*").as("cloud"), score.as("score"),
        band(score, model).as("band"), coverage.as("coverage"),
        when(score.isNotNull(), probability).as("renewal_probability"), col("arr"),
        col("expected_loss"), when(score.isNotNull(), col("flag_list")).as("flags"));
  }

  private static Column curve(Curve curve, Column x) {
    if (curve instanceof Curve.Linear linear) {
      Column t = x.minus(linear.worst()).divide(linear.best() - linear.worst());
      return when(x.isNull(), lit(null)).when(t.leq(0), lit(0.0)).when(t.geq(1), lit(100.0))
          .otherwise(t.multiply(100));
    }
    if (curve instanceof Curve.Piecewise piecewise) {
      List<Curve.Point> points = piecewise.points();
      Column result = when(x.isNull(), lit(null))
          .when(x.leq(points.get(0).x()), lit(points.get(0).score()));
      for (int i = 1; i < points.size(); i++) {
        Curve.Point left = points.get(i - 1);
        Curve.Point right = points.get(i);
        result = result.when(x.leq(right.x()), lit(left.score()).plus(
            x.minus(left.x()).divide(right.x() - left.x()).multiply(right.score() - left.score())));
      }
      return result.otherwise(lit(points.get(points.size() - 1).score()));
    }
    Curve.Steps steps = (Curve.Steps) curve;
    Column result = when(x.isNull(), lit(null));
    for (int i = steps.steps().size() - 1; i >= 0; i--) {
      Curve.Step step = steps.steps().get(i);
      result = result.when(x.geq(step.from()), lit(step.score()));
    }
    return result.otherwise(lit(steps.below()));
  }

  private static Column band(Column score, HealthModel model) {
    return when(score.geq(model.bands().healthy()), lit("HEALTHY"))
        .when(score.geq(model.bands().watch()), lit("WATCH"))
        .when(score.geq(model.bands().atRisk()), lit("AT_RISK"))
        .when(score.isNotNull(), lit("CRITICAL"));
  }

  private static Column renewal(Column score, HealthModel model) {
    var logistic = (dev.chs.core.model.RenewalMapping.Logistic) model.renewal();
    return lit(1.0).divide(lit(1.0).plus(functions.exp(score.minus(logistic.midpoint())
        .divide(logistic.scale()).multiply(-1))));
  }

  private static Column in(Column micros, long t, long w) {
    return micros.gt(t - w).and(micros.leq(t));
  }

  private static Column count(Column condition) {
    return sum(when(condition, lit(1L)).otherwise(lit(0L)));
  }

  private static Column ratio(Column numerator, Column denominator) {
    return when(denominator.gt(0), numerator.cast("double").divide(denominator));
  }

  private static long micros(Instant instant) {
    return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1000;
  }
}
