package dev.chs.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chs.core.aggregate.FailurePolicy;
import java.util.List;
import org.apache.spark.SparkException;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Values that pass the signal frame but not the aggregation or the scoring: metrics given twice,
 * sums a KPI cannot hold, repeated ids, and stored rows of another form.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScoringBadValuesTest {
  private static final StructType USAGE =
      SparkTests.strings("account_id", "cloud", "date", "active_users", "licensed_users");

  private SparkSession spark;
  private ChsSpark chs;

  @BeforeAll
  void start() {
    spark = SparkTests.session(false);
    chs = ChsSpark.of(spark, SparkTests.defaultModel());
  }

  @Test
  @Tag("SPARK-14")
  void metric_givenTwiceWithTwoValues_stopsTheScoring_namingBothValues() {
    Dataset<Row> metrics = spark.createDataFrame(List.of(
        RowFactory.create("A-1", "sales", "0.5"), RowFactory.create("A-1", "sales", "0.6")),
        SparkTests.strings("account_id", "cloud", "sentiment"));

    assertThatThrownBy(() -> chs.scoreMetrics(metrics, SparkTests.AS_OF).collect())
        .isInstanceOf(SparkException.class)
        .hasStackTraceContaining("metric 'sentiment' of account A-1, cloud 'sales': must be"
            + " given once, was 0.")
        .satisfiesAnyOf(
            e -> assertThat(e).hasStackTraceContaining("was 0.5 and 0.6"),
            e -> assertThat(e).hasStackTraceContaining("was 0.6 and 0.5"));
  }

  @Test
  @Tag("SPARK-15")
  void usageThatAdoptionCannotSum_makesTheKpiNotApplicable_andStopsTheJobUnderFail() {
    Dataset<Row> usage = spark.createDataFrame(List.<Row>of(
        RowFactory.create("A-1", "sales", "2026-11-01", "9223372036854775807", "1")), USAGE);
    SignalFrames frames = SignalFrames.builder(spark).usage(usage).build();
    String cause = "java.lang.IllegalArgumentException: active_users / licensed_users: must be"
        + " below 2^63, was 9223372036854775807 / 1";

    Row adoption = chs.kpis(frames, SparkTests.AS_OF).first().getAs("product_adoption");

    assertThat(adoption.isNullAt(0)).isTrue();
    assertThat(adoption.<String>getAs("reason")).isEqualTo("failed: " + cause);
    ChsSpark failing = ChsSpark.of(spark, chs.model(), FailurePolicy.FAIL);
    assertThatThrownBy(() -> failing.kpis(frames, SparkTests.AS_OF).collect())
        .isInstanceOf(SparkException.class)
        .hasStackTraceContaining("dev.chs.core.aggregate.KpiFailureException: KPI"
            + " 'product_adoption' failed for account A-1, cloud sales: " + cause);
  }

  @Test
  @Tag("SPARK-21")
  void caseId_givenTwice_isNotChecked_andBothRowsCount() {
    StructType cases = SparkTests.strings("case_id", "account_id", "cloud", "opened_at", "closed_at",
        "first_contact_resolution");
    Dataset<Row> twice = spark.createDataFrame(List.of(
        RowFactory.create("C-1", "A-1", "sales", "2026-11-01", "", ""),
        RowFactory.create("C-1", "A-1", "sales", "2026-11-01", "", "")), cases);

    Row open = chs.kpis(SignalFrames.builder(spark).cases(twice).build(), SparkTests.AS_OF)
        .first().getAs("open_support_cases");

    assertThat(open.<Double>getAs("raw")).isEqualTo(2.0);
  }

  @Test
  @Tag("SPARK-20")
  void kpiRows_withoutAColumnOfTheModel_areRefusedWhenScoringIsPlanned() {
    Dataset<Row> kpis = spark.createDataFrame(List.<Row>of(RowFactory.create("A-1", "sales")),
        SparkTests.strings("account_id", "cloud"));

    assertThatThrownBy(() -> chs.scoreKpis(kpis, SparkTests.AS_OF))
        .isInstanceOf(AnalysisException.class)
        .hasMessageContaining("[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column, variable, or"
            + " function parameter with name `arr` cannot be resolved");
  }

  @Test
  @Tag("SPARK-20")
  void scoreRows_withABandThatIsNoBand_stopTheTotals_namingTheRow() {
    Dataset<Row> metrics = spark.createDataFrame(List.<Row>of(
        RowFactory.create("A-1", "sales", "0.5")), SparkTests.strings("account_id", "cloud", "sentiment"));
    Dataset<Row> scores = chs.scoreMetrics(metrics, SparkTests.AS_OF)
        .withColumn("score", functions.lit(50.0))
        .withColumn("band", functions.lit("GREAT"));

    assertThatThrownBy(() -> chs.revenueAtRisk(scores))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("band of account 'A-1', cloud 'sales': must be one of [HEALTHY, WATCH,"
            + " AT_RISK, CRITICAL], was 'GREAT'");
  }
}
