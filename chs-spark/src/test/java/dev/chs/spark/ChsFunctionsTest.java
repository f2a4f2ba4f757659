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
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
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
}
