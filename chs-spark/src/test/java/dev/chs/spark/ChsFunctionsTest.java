package dev.chs.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chs.api.AccountId;
import dev.chs.api.CloudId;
import dev.chs.api.HealthScore;
import dev.chs.api.kpi.KpiValue;
import dev.chs.core.aggregate.CloudValues;
import dev.chs.core.model.HealthModel;
import dev.chs.core.score.CloudHealth;
import dev.chs.core.score.Scorer;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.apache.spark.SparkException;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The SQL functions give what the Java API and the library give. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChsFunctionsTest {
  private SparkSession spark;
  private HealthModel model;
  private ChsSpark chs;
  private SignalFrames frames;

  @BeforeAll
  void start() {
    spark = SparkTests.session(false);
    model = SparkTests.defaultModel();
    chs = ChsSpark.of(spark, model);
    Path folder = SparkTests.copySample(SparkTests.tempFolder("chs-sql"));
    frames = SignalFrames.readCsv(spark, folder.toString()).cache();
    ChsFunctions.register(chs, SparkTests.AS_OF, frames.kinds());
    frames.frame().createOrReplaceTempView("chs_signals");
  }

  @Test
  void chsKpis_inSql_equalsAccountKpis() {
    List<Row> sql = spark.sql("SELECT account_id, chs_kpis(kind, account_id, cloud, id, at,"
        + " until, flag, active_users, licensed_users, value) AS kpis FROM chs_signals"
        + " GROUP BY account_id ORDER BY account_id").collectAsList();
    List<Row> java = chs.accountKpis(frames, SparkTests.AS_OF).orderBy("account_id")
        .collectAsList();

    assertThat(sql).hasSize(300).isEqualTo(java);
  }

  @Test
  @Tag("SPARK-12")
  void chsKpis_ofARowWithoutAKind_failsNamingTheRowAndTheKindsItTakes() {
    assertThatThrownBy(() -> spark.sql("SELECT chs_kpis(CAST(NULL AS STRING), account_id, cloud,"
        + " id, at, until, flag, active_users, licensed_users, value) FROM chs_signals"
        + " WHERE account_id = 'A-0001' GROUP BY account_id").collect())
        .hasStackTraceContaining("signal row of kind 'null', account_id 'A-0001'")
        .hasStackTraceContaining("kind: must be one of");
  }

  @Test
  void chsScore_equalsTheScorerOnTheSameValues() {
    Row row = spark.sql("SELECT chs_score('sales', 1000.0, named_struct("
        + "'open_support_cases', 3, 'sentiment', 0.2, 'product_adoption', 0.45,"
        + " 'first_time_fix_rate', 0.7, 'unknown_column', 1)) AS s").first().getStruct(0);

    CloudHealth expected = Scorer.of(model).score(AccountId.of("any"), new CloudValues(
        CloudId.of("sales"), 1000, List.of(
            KpiValue.Measured.of("open_support_cases", 3, 1),
            KpiValue.Measured.of("sentiment", 0.2, 1),
            KpiValue.Measured.of("product_adoption", 0.45, 1),
            KpiValue.Measured.of("first_time_fix_rate", 0.7, 1))));
    HealthScore.Scored scored = (HealthScore.Scored) expected.score();
    assertThat(row.getDouble(0)).isEqualTo(scored.score());
    assertThat(row.getString(1)).isEqualTo(scored.band().name());
    assertThat(row.getDouble(2)).isEqualTo(scored.coverage());
    assertThat(row.getDouble(3)).isEqualTo(expected.renewalProbability().getAsDouble());
    assertThat(row.getDouble(4)).isEqualTo(expected.expectedLoss().getAsDouble());
  }

  @Test
  void chsScore_withTooLittleCoverage_isNullButKeepsItsCoverage() {
    Row row = spark.sql("SELECT chs_score('', 0, named_struct('sentiment', 0.2))").first()
        .getStruct(0);

    assertThat(row.isNullAt(0)).isTrue();
    assertThat(row.isNullAt(1)).isTrue();
    assertThat(row.getDouble(2)).isEqualTo(0.15 / 1.0);
  }

  @Test
  @Tag("SPARK-06")
  void chsInstant_readsDatesAndOffsets_andRejectsLocalTimes() {
    Row row = spark.sql("SELECT chs_instant('2026-06-30'),"
        + " chs_instant('2026-06-30T12:00:00+02:00'), chs_instant('')").first();

    assertThat(((Timestamp) row.get(0)).toInstant())
        .isEqualTo(Instant.parse("2026-06-30T00:00:00Z"));
    assertThat(((Timestamp) row.get(1)).toInstant())
        .isEqualTo(Instant.parse("2026-06-30T10:00:00Z"));
    assertThat(row.isNullAt(2)).isTrue();
    assertThatThrownBy(() -> spark.sql("SELECT chs_instant('2026-06-30T12:00:00')").collect())
        .hasStackTraceContaining("has no offset");
  }

  @Test
  @Tag("SPARK-06")
  void chsInstant_ofTextThatIsNoInstant_orBeyondSparksRange_failsNamingTheText() {
    assertThatThrownBy(() -> spark.sql("SELECT chs_instant('tomorrow')").collect())
        .isInstanceOf(SparkException.class)
        .hasStackTraceContaining(
            "chs_instant: cannot parse 'tomorrow' as an ISO-8601 instant or date");
    assertThatThrownBy(() -> spark.sql("SELECT chs_instant('+999999999-12-31T00:00:00Z')")
        .collect())
        .isInstanceOf(SparkException.class)
        .hasStackTraceContaining("chs_instant: must be within the range of Spark timestamps"
            + " (microseconds since 1970 in 64 bits), was +999999999-12-31T00:00:00Z");
  }

  @Test
  @Tag("SPARK-12")
  void register_withAnUnknownKind_isRefusedBeforeRegistering() {
    assertThatThrownBy(() -> ChsFunctions.register(chs, SparkTests.AS_OF, Set.of("deal")))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("kinds: each must be one of [case, complaint, contract, metric, sentiment,"
            + " usage, work_order], was 'deal'");
  }

  @Test
  @Tag("SPARK-16")
  void chsScore_ofAValueThatIsNotANumber_failsNamingTheKpiAndTheValue() {
    assertThatThrownBy(() -> score("'sales'", "1000.0", "named_struct('sentiment', 'high')"))
        .isInstanceOf(SparkException.class)
        .hasMessageContaining("[FAILED_EXECUTE_UDF]")
        .hasStackTraceContaining("sentiment: must be a number, was high (java.lang.String)");
    assertThatThrownBy(() -> score("'sales'", "'lots'", "named_struct('sentiment', 0.2)"))
        .hasStackTraceContaining("arr: must be a number, was lots (java.lang.String)");
    assertThatThrownBy(() -> score("'sales'", "1000.0", "named_struct('sentiment', double('NaN'))"))
        .hasStackTraceContaining("sentiment.raw: must be a finite number, was NaN");
  }

  @Test
  @Tag("SPARK-16")
  void chsScore_ofABadCloudOrArr_failsWithTheRuleOfTheLibrary() {
    assertThatThrownBy(() -> score("'*'", "1000.0", "named_struct('sentiment', 0.2)"))
        .isInstanceOf(SparkException.class)
        .hasStackTraceContaining(
            "cloud: must not be '*', which names an account's overall row in output");
    assertThatThrownBy(() -> score("'sales'", "-1.0", "named_struct('sentiment', 0.2)"))
        .hasStackTraceContaining("arr of cloud 'sales': must be a finite number >= 0, was -1.0");
  }

  @Test
  @Tag("SPARK-16")
  void chsScore_ofArgumentsOfTheWrongShape_failsNamingTheArgument() {
    assertThatThrownBy(() -> score("'sales'", "1000.0", "5"))
        .isInstanceOf(SparkException.class)
        .hasStackTraceContaining(
            "values: must be a struct of KPI values, was 5 (java.lang.Integer)");
    assertThatThrownBy(() -> score("7", "1000.0", "named_struct('sentiment', 0.2)"))
        .hasStackTraceContaining("cloud: must be a string, was 7 (java.lang.Integer)");
    assertThatThrownBy(() -> spark.sql("SELECT chs_score('sales', 1000.0)").collect())
        .isInstanceOf(AnalysisException.class)
        .hasMessageContaining("[WRONG_NUM_ARGS.WITHOUT_SUGGESTION] The `chs_score` requires 3"
            + " parameters but the actual number is 2");
  }

  private Row score(String cloud, String arr, String values) {
    return spark.sql("SELECT chs_score(" + cloud + ", " + arr + ", " + values + ")").first();
  }
}
