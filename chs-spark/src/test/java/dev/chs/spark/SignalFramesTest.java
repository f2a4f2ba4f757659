package dev.chs.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Canonical DataFrames become signal frames by the library's rules, and bad rows stop the job. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignalFramesTest {
  private static final StructType CASES = strings("case_id", "account_id", "cloud", "opened_at",
      "closed_at", "first_contact_resolution");

  private SparkSession spark;
  private ChsSpark chs;

  @BeforeAll
  void start() {
    spark = SparkTests.session(false);
    chs = ChsSpark.of(spark, SparkTests.defaultModel());
  }

  @Test
  void cases_withOffsetsAndDates_becomeTheSameInstantsAsTheLibraryReads() {
    Dataset<Row> cases = spark.createDataFrame(List.of(
        RowFactory.create("C-1", "A-1", "", "2026-06-30T12:15:30+02:00", "", "true"),
        RowFactory.create("C-2", "A-1", "sales", "2026-06-30", "2026-07-01T00:00:00Z", "")),
        CASES);

    List<Row> rows = SignalFrames.builder(spark).cases(cases).build().frame()
        .orderBy("id").collectAsList();

    assertThat(instant(rows.get(0), "at")).isEqualTo(Instant.parse("2026-06-30T10:15:30Z"));
    assertThat(rows.get(0).<String>getAs("cloud")).isNull();
    assertThat(rows.get(0).<Object>getAs("until")).isNull();
    assertThat(rows.get(0).<Boolean>getAs("flag")).isTrue();
    assertThat(instant(rows.get(1), "at")).isEqualTo(Instant.parse("2026-06-30T00:00:00Z"));
    assertThat(rows.get(1).<Object>getAs("flag")).isNull();
  }

  @Test
  void timestamp_withoutAnOffset_stopsTheJob_namingTheColumnAndValue() {
    Dataset<Row> cases = spark.createDataFrame(List.<Row>of(
        RowFactory.create("C-1", "A-1", "sales", "2026-06-30T10:15:30", "", "")), CASES);

    assertThatThrownBy(() -> SignalFrames.builder(spark).cases(cases).build().frame().collect())
        .hasStackTraceContaining("opened_at: '2026-06-30T10:15:30' has no offset");
  }

  @Test
  void boolean_otherThanTrueOrFalse_stopsTheJob() {
    Dataset<Row> cases = spark.createDataFrame(List.<Row>of(
        RowFactory.create("C-1", "A-1", "sales", "2026-06-30", "", "yes")), CASES);

    assertThatThrownBy(() -> SignalFrames.builder(spark).cases(cases).build().frame().collect())
        .hasStackTraceContaining("first_contact_resolution: must be true or false, was 'yes'");
  }

  @Test
  void usage_thatASignalRejects_stopsTheScoring_namingAccountColumnAndValue() {
    Dataset<Row> usage = spark.createDataFrame(List.<Row>of(
        RowFactory.create("A-7", "sales", "2026-11-01", "3", "0")),
        strings("account_id", "cloud", "date", "active_users", "licensed_users"));
    SignalFrames frames = SignalFrames.builder(spark).usage(usage).build();

    assertThatThrownBy(() -> chs.scores(frames, SparkTests.AS_OF).collect())
        .hasStackTraceContaining("account_id 'A-7'")
        .hasStackTraceContaining("licensed_users: must be >= 1, was 0");
  }

  @Test
  void signalsAfterTheAsOfInstant_nameNoCloudAndNoAccount_asInTheLibrary() {
    Instant asOf = SparkTests.AS_OF;
    Dataset<Row> cases = spark.createDataFrame(List.of(
        RowFactory.create("C-1", "A-1", "sales", asOf.minusSeconds(86_400).toString(), "", ""),
        RowFactory.create("C-2", "A-1", "service", asOf.plusSeconds(1).toString(), "", ""),
        RowFactory.create("C-3", "A-2", "sales", asOf.plusSeconds(1).toString(), "", "")),
        CASES);
    SignalFrames frames = SignalFrames.builder(spark).cases(cases).build();

    List<Row> rows = chs.scores(frames, asOf).orderBy("account_id", "cloud").collectAsList();

    // A-1's service cloud and the account A-2 first appear after T, so as of T they are not.
    assertThat(rows).extracting(row -> row.<String>getAs("account_id") + "/"
        + row.<String>getAs("cloud")).containsExactly("A-1/*", "A-1/sales");
  }

  @Test
  void metrics_becomeOneSignalPerCell_andEmptyCellsNone() {
    Dataset<Row> metrics = spark.createDataFrame(List.of(
        RowFactory.create("A-1", "", "0.4", ""), RowFactory.create("A-2", "sales", "", "")),
        strings("account_id", "cloud", "sentiment", "nps"));

    List<Row> rows = SignalFrames.builder(spark).metrics(metrics).build().frame().collectAsList();

    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).<String>getAs("id")).isEqualTo("sentiment");
    assertThat(rows.get(0).<Double>getAs("value")).isEqualTo(0.4);
  }

  private static Instant instant(Row row, String column) {
    return row.<Timestamp>getAs(column).toInstant();
  }

  private static StructType strings(String... columns) {
    StructType type = new StructType();
    for (String column : columns) {
      type = type.add(column, DataTypes.StringType);
    }
    return type;
  }
}
