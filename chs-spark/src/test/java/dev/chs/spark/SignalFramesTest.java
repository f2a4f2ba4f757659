package dev.chs.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.apache.spark.SparkException;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Canonical DataFrames become signal frames by the library's rules, and bad rows stop the job. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignalFramesTest {
  private static final StructType CASES = SparkTests.strings("case_id", "account_id", "cloud", "opened_at",
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
  @Tag("SPARK-06")
  void timestamp_withoutAnOffset_stopsTheJob_namingTheColumnAndValue() {
    Dataset<Row> cases = spark.createDataFrame(List.<Row>of(
        RowFactory.create("C-1", "A-1", "sales", "2026-06-30T10:15:30", "", "")), CASES);

    assertThatThrownBy(() -> SignalFrames.builder(spark).cases(cases).build().frame().collect())
        .hasStackTraceContaining("opened_at: '2026-06-30T10:15:30' has no offset");
  }

  @Test
  @Tag("SPARK-07")
  void boolean_otherThanTrueOrFalse_stopsTheJob() {
    Dataset<Row> cases = spark.createDataFrame(List.<Row>of(
        RowFactory.create("C-1", "A-1", "sales", "2026-06-30", "", "yes")), CASES);

    assertThatThrownBy(() -> SignalFrames.builder(spark).cases(cases).build().frame().collect())
        .hasStackTraceContaining("first_contact_resolution: must be true or false, was 'yes'");
  }

  @Test
  @Tag("SPARK-11")
  void usage_thatASignalRejects_stopsTheScoring_namingAccountColumnAndValue() {
    Dataset<Row> usage = spark.createDataFrame(List.<Row>of(
        RowFactory.create("A-7", "sales", "2026-11-01", "3", "0")),
        SparkTests.strings("account_id", "cloud", "date", "active_users", "licensed_users"));
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
        SparkTests.strings("account_id", "cloud", "sentiment", "nps"));

    List<Row> rows = SignalFrames.builder(spark).metrics(metrics).build().frame().collectAsList();

    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).<String>getAs("id")).isEqualTo("sentiment");
    assertThat(rows.get(0).<Double>getAs("value")).isEqualTo(0.4);
  }

  @Test
  @Tag("SPARK-02")
  void metrics_withoutAnAccountIdColumn_areRefusedAtOnce_namingTheColumns() {
    Dataset<Row> metrics = spark.createDataFrame(List.<Row>of(RowFactory.create("A-1", "0.4")),
        SparkTests.strings("account", "sentiment"));

    assertThatThrownBy(() -> SignalFrames.builder(spark).metrics(metrics))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("column 'account_id': missing; the DataFrame has [account, sentiment]");
  }

  @Test
  @Tag("SPARK-03")
  void timestampColumnOfAnotherType_isRefusedAtOnce() {
    StructType typed = new StructType().add("case_id", DataTypes.StringType)
        .add("account_id", DataTypes.StringType).add("cloud", DataTypes.StringType)
        .add("opened_at", DataTypes.IntegerType).add("closed_at", DataTypes.StringType)
        .add("first_contact_resolution", DataTypes.IntegerType);
    Dataset<Row> cases = spark.createDataFrame(
        List.<Row>of(RowFactory.create("C-1", "A-1", "sales", 5, "", 1)), typed);

    assertThatThrownBy(() -> SignalFrames.builder(spark).cases(cases))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("column 'opened_at': must be a timestamp, a date or a string, was"
            + " IntegerType");
  }

  @Test
  @Tag("SPARK-03")
  void countColumnsThatCanHoldAFraction_takeWholeValues_andRefuseAFractionOrAValueBeyond64Bits() {
    StructType doubles = usageOf(DataTypes.DoubleType);
    StructType decimals = usageOf(DataTypes.createDecimalType(30, 2));

    Row whole = usage(doubles, 2.0, 10.0).frame().first();
    Row exact = usage(decimals, new BigDecimal("9007199254740993.00"), BigDecimal.TEN)
        .frame().first();

    assertThat(whole.<Long>getAs("active_users")).isEqualTo(2L);
    assertThat(exact.<Long>getAs("active_users")).isEqualTo(9007199254740993L);
    assertThatThrownBy(() -> usage(doubles, 2.5, 10.0).frame().collect())
        .isInstanceOf(SparkException.class)
        .hasStackTraceContaining("active_users: must be a whole number from -9223372036854775808"
            + " to 9223372036854775807, was 2.5");
    assertThatThrownBy(() -> usage(doubles, 2.0, 1e30).frame().collect())
        .isInstanceOf(SparkException.class)
        .hasStackTraceContaining("licensed_users: must be a whole number from"
            + " -9223372036854775808 to 9223372036854775807, was 1.0E30");
    assertThatThrownBy(() -> usage(decimals, new BigDecimal("0.50"), BigDecimal.TEN)
        .frame().collect())
        .isInstanceOf(SparkException.class)
        .hasStackTraceContaining("active_users: must be a whole number from"
            + " -9223372036854775808 to 9223372036854775807, was 0.50");
  }

  @Test
  @Tag("SPARK-03")
  void countColumnOfATypeThatIsNoNumber_isRefusedAtOnce() {
    StructType booleans = usageOf(DataTypes.BooleanType);

    assertThatThrownBy(() -> usage(booleans, true, true))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("column 'active_users': must be a number or a string, was BooleanType");
  }

  @Test
  @Tag("SPARK-03")
  void numberColumnOfATypeThatIsNoNumber_isRefusedAtOnce_aMetricsColumnIncluded() {
    StructType types = new StructType().add("account_id", DataTypes.StringType)
        .add("cloud", DataTypes.StringType).add("renewed", DataTypes.BooleanType);
    Dataset<Row> metrics = spark.createDataFrame(
        List.<Row>of(RowFactory.create("A-1", "sales", true)), types);

    assertThatThrownBy(() -> SignalFrames.builder(spark).metrics(metrics))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("column 'renewed': must be a number or a string, was BooleanType");
  }

  private static StructType usageOf(DataType counts) {
    return new StructType().add("account_id", DataTypes.StringType)
        .add("cloud", DataTypes.StringType).add("date", DataTypes.StringType)
        .add("active_users", counts).add("licensed_users", counts);
  }

  private SignalFrames usage(StructType type, Object active, Object licensed) {
    return SignalFrames.builder(spark).usage(spark.createDataFrame(
        List.<Row>of(RowFactory.create("A-1", "sales", "2026-11-01", active, licensed)), type))
        .build();
  }

  @Test
  @Tag("SPARK-06")
  void timestamp_thatIsNoDate_orBeyondSparksRange_stopsTheJob_namingTheColumnAndValue() {
    assertThatThrownBy(() -> framesOfOneCase("2026-02-30").frame().collect())
        .isInstanceOf(SparkException.class)
        .hasMessageContaining("[FAILED_EXECUTE_UDF]")
        .hasStackTraceContaining(
            "opened_at: cannot parse '2026-02-30' as an ISO-8601 instant or date");
    assertThatThrownBy(() -> framesOfOneCase("+999999999-12-31T00:00:00Z").frame().collect())
        .isInstanceOf(SparkException.class)
        .hasStackTraceContaining("opened_at: must be within the range of Spark timestamps"
            + " (microseconds since 1970 in 64 bits), was +999999999-12-31T00:00:00Z");
  }

  @Test
  @Tag("SPARK-08")
  void count_thatIsNotAWholeNumber_orBeyond64Bits_stopsTheJob() {
    assertThatThrownBy(() -> usageFrames("2.5", "10").frame().collect())
        .isInstanceOf(SparkException.class)
        .hasStackTraceContaining("active_users: must be a whole number, was '2.5'");
    assertThatThrownBy(() -> usageFrames("1", "9223372036854775808").frame().collect())
        .isInstanceOf(SparkException.class)
        .hasStackTraceContaining("licensed_users: must be a whole number no larger than"
            + " 9223372036854775807, was '9223372036854775808'");
    assertThatThrownBy(() -> usageFrames("-9223372036854775809", "1").frame().collect())
        .hasStackTraceContaining("active_users: must be a whole number no smaller than"
            + " -9223372036854775808, was '-9223372036854775809'");
  }

  @Test
  @Tag("SPARK-09")
  void number_thatIsNotPlainDecimal_stopsTheJob_namingTheColumn() {
    Dataset<Row> contracts = spark.createDataFrame(
        List.<Row>of(RowFactory.create("A-1", "sales", "12k", "")),
        SparkTests.strings("account_id", "cloud", "arr", "renewal_date"));
    Dataset<Row> metrics = spark.createDataFrame(
        List.<Row>of(RowFactory.create("A-1", "sales", "Infinity")),
        SparkTests.strings("account_id", "cloud", "churn_risk"));

    assertThatThrownBy(() -> SignalFrames.builder(spark).contracts(contracts).build().frame()
        .collect())
        .isInstanceOf(SparkException.class)
        .hasStackTraceContaining("arr: must be a number, was '12k'");
    assertThatThrownBy(() -> SignalFrames.builder(spark).metrics(metrics).build().frame()
        .collect())
        .isInstanceOf(SparkException.class)
        .hasStackTraceContaining("churn_risk: must be a number, was 'Infinity'");
  }

  @Test
  @Tag("SPARK-10")
  void emptyCellThatTheSignalNeeds_stopsTheScoring_namingTheRowAndTheColumn() {
    Dataset<Row> noId = spark.createDataFrame(List.<Row>of(
        RowFactory.create("", "A-1", "sales", "2026-06-30", "", "")), CASES);
    Dataset<Row> noAccount = spark.createDataFrame(List.<Row>of(
        RowFactory.create("C-1", "", "sales", "2026-06-30", "", "")), CASES);

    assertThatThrownBy(() -> scoresOf(SignalFrames.builder(spark).cases(noId).build()))
        .isInstanceOf(SparkException.class)
        .hasStackTraceContaining("signal row of kind 'case', account_id 'A-1', cloud 'sales',"
            + " id 'null': case_id: must not be null");
    assertThatThrownBy(() -> scoresOf(SignalFrames.builder(spark).cases(noAccount).build()))
        .hasStackTraceContaining("signal row of kind 'case', account_id 'null', cloud 'sales',"
            + " id 'C-1': account_id: must not be empty");
    assertThatThrownBy(() -> scoresOf(framesOfOneCase("")))
        .hasStackTraceContaining("id 'C-1': opened_at: must not be null");
    assertThatThrownBy(() -> scoresOf(usageFrames("", "10")))
        .hasStackTraceContaining("signal row of kind 'usage', account_id 'A-1', cloud 'sales',"
            + " id 'null': active_users: must not be empty");
  }

  @Test
  @Tag("SPARK-11")
  void valueThatBreaksASignalsRule_stopsTheScoring_namingTheRowAndTheRule() {
    Dataset<Row> overall = spark.createDataFrame(List.<Row>of(
        RowFactory.create("C-1", "A-1", "*", "2026-06-30", "", "")), CASES);
    Dataset<Row> sentiment = spark.createDataFrame(List.<Row>of(
        RowFactory.create("A-1", "sales", "2026-06-30", "1.5")),
        SparkTests.strings("account_id", "cloud", "observed_at", "score"));
    Dataset<Row> contracts = spark.createDataFrame(List.<Row>of(
        RowFactory.create("A-1", "sales", "1e400", "")),
        SparkTests.strings("account_id", "cloud", "arr", "renewal_date"));

    assertThatThrownBy(() -> scoresOf(SignalFrames.builder(spark).cases(overall).build()))
        .isInstanceOf(SparkException.class)
        .hasStackTraceContaining("signal row of kind 'case', account_id 'A-1', cloud '*', id"
            + " 'C-1': cloud: must not be '*', which names an account's overall row in output");
    assertThatThrownBy(() -> scoresOf(SignalFrames.builder(spark).sentiment(sentiment).build()))
        .hasStackTraceContaining("signal row of kind 'sentiment', account_id 'A-1', cloud"
            + " 'sales', id 'null': score: must be in [-1.0, 1.0], was 1.5");
    assertThatThrownBy(() -> scoresOf(SignalFrames.builder(spark).contracts(contracts).build()))
        .hasStackTraceContaining("signal row of kind 'contract', account_id 'A-1', cloud"
            + " 'sales', id 'null': arr: must be a finite number, was Infinity");
  }

  @Test
  @Tag("SPARK-12")
  void row_ofAnUnknownKind_stopsTheScoring_namingTheKindsItTakes() {
    Dataset<Row> deals = framesOfOneCase("2026-06-30").frame()
        .withColumn("kind", functions.lit("deal"));

    assertThatThrownBy(() -> scoresOf(SignalFrames.of(deals, Set.of("case"))))
        .isInstanceOf(SparkException.class)
        .hasStackTraceContaining("signal row of kind 'deal', account_id 'A-1', cloud 'sales',"
            + " id 'C-1': kind: must be one of [case, complaint, contract, metric, sentiment,"
            + " usage, work_order], was 'deal'");
  }

  @Test
  @Tag("SPARK-12")
  void suppliedKind_thatIsUnknown_isRefusedAtOnce() {
    Dataset<Row> frame = framesOfOneCase("2026-06-30").frame();

    assertThatThrownBy(() -> SignalFrames.of(frame, Set.of("case", "deal")))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("kinds: each must be one of [case, complaint, contract, metric, sentiment,"
            + " usage, work_order], was 'deal'");
    assertThatThrownBy(() -> chs.kpiFunction(SparkTests.AS_OF, Set.of("deal")))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("kinds: each must be one of [case, ");
  }

  @Test
  @Tag("SPARK-13")
  void signalFrame_withoutAColumn_isRefusedAtOnce() {
    Dataset<Row> frame = framesOfOneCase("2026-06-30").frame().drop("flag");

    assertThatThrownBy(() -> SignalFrames.of(frame, Set.of("case")))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("frame: must have the column 'flag' of a signal frame, has [kind,"
            + " account_id, cloud, id, at, until, active_users, licensed_users, value]");
  }

  @Test
  @Tag("SPARK-13")
  void signalFrame_withAColumnOfAnotherType_failsWhenScoringIsPlanned() {
    Dataset<Row> frame = framesOfOneCase("2026-06-30").frame()
        .withColumn("at", functions.col("at").cast("string"));
    SignalFrames frames = SignalFrames.of(frame, Set.of("case"));

    assertThatThrownBy(() -> chs.scores(frames, SparkTests.AS_OF))
        .isInstanceOf(AnalysisException.class)
        .hasMessageContaining("[DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE]")
        .hasMessageContaining("\"at\" has the type \"STRING\"");
  }

  private SignalFrames framesOfOneCase(String openedAt) {
    return SignalFrames.builder(spark).cases(spark.createDataFrame(List.<Row>of(
        RowFactory.create("C-1", "A-1", "sales", openedAt, "", "")), CASES)).build();
  }

  private SignalFrames usageFrames(String active, String licensed) {
    return SignalFrames.builder(spark).usage(spark.createDataFrame(List.<Row>of(
        RowFactory.create("A-1", "sales", "2026-11-01", active, licensed)),
        SparkTests.strings("account_id", "cloud", "date", "active_users", "licensed_users"))).build();
  }

  private List<Row> scoresOf(SignalFrames frames) {
    return chs.scores(frames, SparkTests.AS_OF).collectAsList();
  }

  private static Instant instant(Row row, String column) {
    return row.<Timestamp>getAs(column).toInstant();
  }
}
