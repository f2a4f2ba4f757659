package dev.chs.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import dev.chs.api.Checks;
import dev.chs.spark.internal.SignalRows;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.jspecify.annotations.Nullable;

/**
 * The signals of a portfolio as one DataFrame, the <em>signal frame</em>, built from DataFrames
 * with the canonical columns of the input files.
 *
 * <p>Each canonical DataFrame becomes rows of the signal frame, whose schema is {@link #SCHEMA}:
 *
 * <table class="striped">
 *   <caption>Columns of the signal frame, and where each kind of row takes them from</caption>
 *   <thead>
 *     <tr><th scope="col">column</th><th scope="col">type</th><th scope="col">holds</th></tr>
 *   </thead>
 *   <tbody>
 *     <tr><td>{@code kind}</td><td>string</td><td>{@code case}, {@code work_order}, {@code
 *         complaint}, {@code usage}, {@code sentiment}, {@code contract} or {@code
 *         metric}</td></tr>
 *     <tr><td>{@code account_id}</td><td>string</td><td>the account</td></tr>
 *     <tr><td>{@code cloud}</td><td>string</td><td>the cloud; null or empty for the whole
 *         account</td></tr>
 *     <tr><td>{@code id}</td><td>string</td><td>{@code case_id}, {@code work_order_id}, {@code
 *         complaint_id}, or the name of a metric</td></tr>
 *     <tr><td>{@code at}</td><td>timestamp</td><td>{@code opened_at}, {@code created_at},
 *         {@code raised_at}, {@code date}, {@code observed_at}, or a contract's {@code
 *         renewal_date}</td></tr>
 *     <tr><td>{@code until}</td><td>timestamp</td><td>{@code closed_at}, {@code
 *         completed_at}</td></tr>
 *     <tr><td>{@code flag}</td><td>boolean</td><td>{@code first_contact_resolution}, {@code
 *         first_time_fix}</td></tr>
 *     <tr><td>{@code active_users}</td><td>bigint</td><td>{@code active_users}</td></tr>
 *     <tr><td>{@code licensed_users}</td><td>bigint</td><td>{@code licensed_users}</td></tr>
 *     <tr><td>{@code value}</td><td>double</td><td>a sentiment {@code score}, a contract's
 *         {@code arr}, or a metric's value</td></tr>
 *   </tbody>
 * </table>
 *
 * <p>Input columns may be typed (timestamps, booleans, numbers) or strings. Strings are read by
 * the rules of the product's input files: a timestamp is an ISO-8601 instant with {@code Z} or an
 * offset, or a date meaning 00:00 UTC, and a date and time without an offset is an error; a
 * boolean is exactly {@code true} or {@code false}; an empty string is unknown. Timestamps keep
 * microseconds, Spark's precision. Other columns are ignored. In a metrics DataFrame every column
 * but {@code account_id} and {@code cloud} is a metric, and a null cell is no metric.
 *
 * <p><strong>Bad rows stop the job.</strong> A value that cannot be read, or that a signal
 * rejects (such as {@code licensed_users} of 0), fails the Spark job with an {@link
 * IllegalArgumentException} whose message names the column and the value, and for signal rules
 * also the kind, the account and the cloud. No row is dropped silently. To keep going past bad
 * rows, filter them out before building the frame, and count what was filtered.
 *
 * <p>A signal frame is immutable. Renewal outcomes are not signals that KPIs read, and {@code
 * accounts.csv} holds only names; neither has a place here.
 *
 * @since 0.1.0
 */
public final class SignalFrames {
  /** The schema of a signal frame. */
  public static final StructType SCHEMA = new StructType()
      .add("kind", DataTypes.StringType, false)
      .add("account_id", DataTypes.StringType)
      .add("cloud", DataTypes.StringType)
      .add("id", DataTypes.StringType)
      .add("at", DataTypes.TimestampType)
      .add("until", DataTypes.TimestampType)
      .add("flag", DataTypes.BooleanType)
      .add("active_users", DataTypes.LongType)
      .add("licensed_users", DataTypes.LongType)
      .add("value", DataTypes.DoubleType);

  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
  private static final Pattern WHOLE = Pattern.compile("-?\\d+");
  private static final Set<DataType> INTEGERS = Set.of(
      DataTypes.ByteType, DataTypes.ShortType, DataTypes.IntegerType, DataTypes.LongType);
  private static final List<String> CSV_FILES = List.of("contracts.csv", "cases.csv",
      "work_orders.csv", "complaints.csv", "usage.csv", "sentiment.csv", "metrics.csv");

  private final Dataset<Row> frame;
  private final Set<String> kinds;

  private SignalFrames(Dataset<Row> frame, Set<String> kinds) {
    this.frame = frame;
    this.kinds = Set.copyOf(kinds);
  }

  /**
   * Returns a builder of a signal frame.
   *
   * @param spark the session
   * @return a new builder
   */
  public static Builder builder(SparkSession spark) {
    return new Builder(Checks.requireNonNull("spark", spark));
  }

  /**
   * Reads the signal files of a data-set folder with Spark's CSV reader: {@code contracts.csv},
   * {@code cases.csv}, {@code work_orders.csv}, {@code complaints.csv}, {@code usage.csv}, {@code
   * sentiment.csv} and {@code metrics.csv}, those that are present. Each is read with its header,
   * every column as a string, so that columns may come in any order and unknown ones are ignored;
   * the strings are then read by the rules above. A line with more fields than the header fails
   * the job ({@code FAILFAST}).
   *
   * @param spark the session
   * @param folder the folder, as a path or URI that Spark's file systems read, such as {@code
   *     s3a://bucket/portfolio} or {@code /data/portfolio}
   * @return the signal frame
   * @throws IllegalArgumentException if the folder holds none of these files, or a file lacks a
   *     column; the message names the file
   * @throws java.io.UncheckedIOException if the folder cannot be listed
   */
  public static SignalFrames readCsv(SparkSession spark, String folder) {
    Builder builder = builder(spark);
    boolean any = false;
    for (String file : CSV_FILES) {
      String path = folder.endsWith("/") ? folder + file : folder + "/" + file;
      if (!exists(spark, path)) {
        continue;
      }
      Dataset<Row> csv = spark.read()
          .option("header", "true")
          .option("inferSchema", "false")
          .option("mode", "FAILFAST")
          .option("encoding", "UTF-8")
          .csv(path);
      csv = refuseMalformedText(csv, path);
      any = true;
      try {
        switch (file) {
          case "contracts.csv" -> builder.contracts(csv);
          case "cases.csv" -> builder.cases(csv);
          case "work_orders.csv" -> builder.workOrders(csv);
          case "complaints.csv" -> builder.complaints(csv);
          case "usage.csv" -> builder.usage(csv);
          case "sentiment.csv" -> builder.sentiment(csv);
          default -> builder.metrics(csv);
        }
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
      }
    }
    if (!any) {
      throw new IllegalArgumentException(
          "folder: must hold at least one of " + CSV_FILES + ", '" + folder + "' holds none");
    }
    return builder.build();
  }

  private static boolean exists(SparkSession spark, String path) {
    try {
      org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(path);
      return file.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("folder: cannot look for '" + path + "': " + e, e);
    }
  }

  /**
   * Wraps a DataFrame that already has the schema {@link #SCHEMA}.
   *
   * @param frame the signal frame
   * @param kinds the kinds of signal whose sources were supplied, even if they held no row: a
   *     count KPI that reads a supplied source is a real zero rather than not applicable
   * @return the signal frame
   * @throws IllegalArgumentException if a column of {@link #SCHEMA} is missing or a kind unknown
   */
  public static SignalFrames of(Dataset<Row> frame, Set<String> kinds) {
    for (StructField field : SCHEMA.fields()) {
      if (!Arrays.asList(frame.columns()).contains(field.name())) {
        throw new IllegalArgumentException(
            "frame: must have the column '" + field.name() + "' of a signal frame, has "
                + Arrays.toString(frame.columns()));
      }
    }
    SignalRows.requireKinds(kinds);
    return new SignalFrames(frame.select(columnsOf(SCHEMA)), kinds);
  }

  /**
   * Returns the signal frame.
   *
   * @return the DataFrame, with the schema {@link #SCHEMA}
   */
  public Dataset<Row> frame() {
    return frame;
  }

  /**
   * Returns the kinds of signal whose sources were supplied.
   *
   * @return the kinds, such as {@code case} and {@code usage}
   */
  public Set<String> kinds() {
    return kinds;
  }

  /**
   * Returns these signals with the frame cached, for jobs that compute more than once from them.
   *
   * @return signal frames over the cached frame
   */
  public SignalFrames cache() {
    return new SignalFrames(frame.cache(), kinds);
  }

  private static Column[] columnsOf(StructType schema) {
    return Arrays.stream(schema.fieldNames()).map(functions::col).toArray(Column[]::new);
  }

  /**
   * Builds a signal frame from canonical DataFrames. Not thread-safe.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private final SparkSession spark;
    private final List<Dataset<Row>> parts = new ArrayList<>();
    private final Set<String> kinds = new LinkedHashSet<>();

    private Builder(SparkSession spark) {
      this.spark = spark;
    }

    /**
     * Adds support cases: {@code case_id}, {@code account_id}, {@code cloud}, {@code opened_at},
     * {@code closed_at}, {@code first_contact_resolution}.
     *
     * @param cases the cases
     * @return this builder
     */
    public Builder cases(Dataset<Row> cases) {
      return add(SignalRows.CASE, cases, string(cases, "case_id"),
          instant(cases, "opened_at"), instant(cases, "closed_at"),
          bool(cases, "first_contact_resolution"), nothing(DataTypes.LongType),
          nothing(DataTypes.LongType), nothing(DataTypes.DoubleType));
    }

    /**
     * Adds work orders: {@code work_order_id}, {@code account_id}, {@code cloud}, {@code
     * created_at}, {@code completed_at}, {@code first_time_fix}.
     *
     * @param workOrders the work orders
     * @return this builder
     */
    public Builder workOrders(Dataset<Row> workOrders) {
      return add(SignalRows.WORK_ORDER, workOrders, string(workOrders, "work_order_id"),
          instant(workOrders, "created_at"), instant(workOrders, "completed_at"),
          bool(workOrders, "first_time_fix"), nothing(DataTypes.LongType),
          nothing(DataTypes.LongType), nothing(DataTypes.DoubleType));
    }

    /**
     * Adds complaints: {@code complaint_id}, {@code account_id}, {@code cloud}, {@code
     * raised_at}.
     *
     * @param complaints the complaints
     * @return this builder
     */
    public Builder complaints(Dataset<Row> complaints) {
      return add(SignalRows.COMPLAINT, complaints, string(complaints, "complaint_id"),
          instant(complaints, "raised_at"), nothing(DataTypes.TimestampType),
          nothing(DataTypes.BooleanType), nothing(DataTypes.LongType),
          nothing(DataTypes.LongType), nothing(DataTypes.DoubleType));
    }

    /**
     * Adds usage samples: {@code account_id}, {@code cloud}, {@code date}, {@code active_users},
     * {@code licensed_users}.
     *
     * @param usage the usage samples
     * @return this builder
     */
    public Builder usage(Dataset<Row> usage) {
      return add(SignalRows.USAGE, usage, nothing(DataTypes.StringType),
          instant(usage, "date"), nothing(DataTypes.TimestampType),
          nothing(DataTypes.BooleanType), whole(usage, "active_users"),
          whole(usage, "licensed_users"), nothing(DataTypes.DoubleType));
    }

    /**
     * Adds sentiment samples: {@code account_id}, {@code cloud}, {@code observed_at}, {@code
     * score}.
     *
     * @param sentiment the sentiment samples
     * @return this builder
     */
    public Builder sentiment(Dataset<Row> sentiment) {
      return add(SignalRows.SENTIMENT, sentiment, nothing(DataTypes.StringType),
          instant(sentiment, "observed_at"), nothing(DataTypes.TimestampType),
          nothing(DataTypes.BooleanType), nothing(DataTypes.LongType),
          nothing(DataTypes.LongType), number(sentiment, "score"));
    }

    /**
     * Adds contracts: {@code account_id}, {@code cloud}, {@code arr}, {@code renewal_date}.
     *
     * @param contracts the contracts
     * @return this builder
     */
    public Builder contracts(Dataset<Row> contracts) {
      return add(SignalRows.CONTRACT, contracts, nothing(DataTypes.StringType),
          instant(contracts, "renewal_date"), nothing(DataTypes.TimestampType),
          nothing(DataTypes.BooleanType), nothing(DataTypes.LongType),
          nothing(DataTypes.LongType), number(contracts, "arr"));
    }

    /**
     * Adds metrics aggregated upstream: {@code account_id}, {@code cloud}, then one column per
     * metric, each cell that is not null becoming one metric.
     *
     * @param metrics the metrics, one row per account and cloud
     * @return this builder
     */
    public Builder metrics(Dataset<Row> metrics) {
      typeOf(metrics, "account_id");
      typeOf(metrics, "cloud");
      List<Column> cells = new ArrayList<>();
      for (String name : metrics.columns()) {
        if (!name.equals("account_id") && !name.equals("cloud")) {
          cells.add(functions.struct(lit(name).as("id"), number(metrics, name).as("value")));
        }
      }
      if (cells.isEmpty()) {
        kinds.add(SignalRows.METRIC);
        return this;
      }
      Dataset<Row> exploded = metrics
          .select(col("account_id"), col("cloud"),
              functions.explode(functions.array(cells.toArray(new Column[0]))).as("cell"))
          .where(col("cell.value").isNotNull());
      return add(SignalRows.METRIC, exploded, col("cell.id"),
          nothing(DataTypes.TimestampType), nothing(DataTypes.TimestampType),
          nothing(DataTypes.BooleanType), nothing(DataTypes.LongType),
          nothing(DataTypes.LongType), col("cell.value"));
    }

    /**
     * Builds the signal frame: the union of the DataFrames added.
     *
     * @return the signal frame
     * @throws IllegalStateException if nothing was added
     */
    public SignalFrames build() {
      if (kinds.isEmpty()) {
        throw new IllegalStateException(
            "signal frame: add at least one source of signals or metrics, none was added");
      }
      Dataset<Row> frame = parts.isEmpty()
          ? spark.createDataFrame(List.of(), SCHEMA)
          : parts.get(0);
      for (int i = 1; i < parts.size(); i++) {
        frame = frame.unionAll(parts.get(i));
      }
      return new SignalFrames(frame, kinds);
    }

    private Builder add(String kind, Dataset<Row> source, Column id, Column at, Column until,
        Column flag, Column active, Column licensed, Column value) {
      parts.add(source.select(
          lit(kind).as("kind"),
          string(source, "account_id").as("account_id"),
          string(source, "cloud").as("cloud"),
          id.cast(DataTypes.StringType).as("id"),
          at.as("at"),
          until.as("until"),
          flag.as("flag"),
          active.as("active_users"),
          licensed.as("licensed_users"),
          value.as("value")));
      kinds.add(kind);
      return this;
    }
  }

  private static Column nothing(DataType type) {
    return lit(null).cast(type);
  }

  /**
   * Fails a row of a CSV file that held bytes that are not UTF-8. Spark's reader decodes each such
   * byte as U+FFFD and reports nothing, so a cell that holds U+FFFD stops the action that reads it,
   * naming the file, the column and the cell, as the CLI's reader stops at bytes that are not
   * UTF-8.
   */
  private static Dataset<Row> refuseMalformedText(Dataset<Row> csv, String path) {
    List<Column> checked = new ArrayList<>();
    for (String name : csv.columns()) {
      Column cell = col(name);
      checked.add(functions.when(cell.contains("\uFFFD"), functions.raise_error(functions.concat(
              lit(path + ": column '" + name + "': must be UTF-8 text; a byte that is not became"
                  + " U+FFFD in '"), cell, lit("'"))))
          .otherwise(cell).as(name));
    }
    return csv.select(checked.toArray(Column[]::new));
  }

  private static DataType typeOf(Dataset<Row> source, String column) {
    StructType schema = source.schema();
    if (!Arrays.asList(schema.fieldNames()).contains(column)) {
      throw new IllegalArgumentException(
          "column '" + column + "': missing; the DataFrame has " + Arrays.toString(
              schema.fieldNames()));
    }
    return schema.apply(column).dataType();
  }

  private static Column string(Dataset<Row> source, String column) {
    DataType type = typeOf(source, column);
    Column c = col(column);
    return type.equals(DataTypes.StringType) ? functions.nullif(c, lit("")) : c.cast("string");
  }

  private static Column instant(Dataset<Row> source, String column) {
    DataType type = typeOf(source, column);
    if (type.equals(DataTypes.TimestampType)) {
      return col(column);
    }
    if (type.equals(DataTypes.DateType)) {
      return functions.timestamp_micros(
          functions.unix_date(col(column)).cast("long").multiply(86_400_000_000L));
    }
    if (type.equals(DataTypes.StringType)) {
      return functions.timestamp_micros(instantParser(column).apply(col(column)));
    }
    throw new IllegalArgumentException(
        "column '" + column + "': must be a timestamp, a date or a string, was " + type);
  }

  private static Column bool(Dataset<Row> source, String column) {
    DataType type = typeOf(source, column);
    if (type.equals(DataTypes.BooleanType)) {
      return col(column);
    }
    if (!type.equals(DataTypes.StringType)) {
      throw new IllegalArgumentException(
          "column '" + column + "': must be a boolean or a string, was " + type);
    }
    UDF1<String, Boolean> parse = text -> {
      if (text == null || text.isEmpty()) {
        return null;
      }
      return switch (text) {
        case "true" -> Boolean.TRUE;
        case "false" -> Boolean.FALSE;
        default -> throw new IllegalArgumentException(
            column + ": must be true or false, was '" + text + "'");
      };
    };
    return functions.udf(parse, DataTypes.BooleanType).apply(col(column));
  }

  /**
   * Returns a count column as longs. Integers are cast; a column that can hold a fraction is
   * checked value by value, so that a fraction or a value beyond 64 bits fails naming the column
   * rather than being cut off or wrapped; text is parsed as the CSV reader parses it.
   */
  private static Column whole(Dataset<Row> source, String column) {
    DataType type = typeOf(source, column);
    if (INTEGERS.contains(type)) {
      return col(column).cast(DataTypes.LongType);
    }
    if (type instanceof DecimalType) {
      UDF1<java.math.BigDecimal, Long> exact = decimal -> {
        if (decimal == null) {
          return null;
        }
        try {
          return decimal.longValueExact();
        } catch (ArithmeticException e) {
          throw notWhole(column, decimal.toPlainString(), e);
        }
      };
      return functions.udf(exact, DataTypes.LongType).apply(col(column));
    }
    if (type.equals(DataTypes.DoubleType) || type.equals(DataTypes.FloatType)) {
      UDF1<Double, Long> exact = number -> {
        if (number == null) {
          return null;
        }
        // 2^63 is a double, and every double below it in magnitude that has no fraction is a long.
        if (number != Math.rint(number) || !(Math.abs(number) < 0x1p63 || number == -0x1p63)) {
          throw notWhole(column, String.valueOf(number), null);
        }
        return (long) (double) number;
      };
      return functions.udf(exact, DataTypes.LongType).apply(
          col(column).cast(DataTypes.DoubleType));
    }
    if (!type.equals(DataTypes.StringType)) {
      throw new IllegalArgumentException(
          "column '" + column + "': must be a number or a string, was " + type);
    }
    UDF1<String, Long> parse = text -> {
      if (text == null || text.isEmpty()) {
        return null;
      }
      if (!WHOLE.matcher(text).matches()) {
        throw new IllegalArgumentException(
            column + ": must be a whole number, was '" + text + "'");
      }
      try {
        return Long.parseLong(text);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(column + ": must be a whole number "
            + (text.startsWith("-") ? "no smaller than " + Long.MIN_VALUE
                : "no larger than " + Long.MAX_VALUE)
            + ", was '" + text + "'", e);
      }
    };
    return functions.udf(parse, DataTypes.LongType).apply(col(column));
  }

  private static IllegalArgumentException notWhole(
      String column, String value, @Nullable ArithmeticException cause) {
    return new IllegalArgumentException(column + ": must be a whole number from " + Long.MIN_VALUE
        + " to " + Long.MAX_VALUE + ", was " + value, cause);
  }

  private static Column number(Dataset<Row> source, String column) {
    DataType type = typeOf(source, column);
    if (type instanceof NumericType) {
      return col(column).cast(DataTypes.DoubleType);
    }
    if (!type.equals(DataTypes.StringType)) {
      throw new IllegalArgumentException(
          "column '" + column + "': must be a number or a string, was " + type);
    }
    UDF1<String, Double> parse = text -> {
      if (text == null || text.isEmpty()) {
        return null;
      }
      if (!DECIMAL.matcher(text).matches()) {
        throw new IllegalArgumentException(column + ": must be a number, was '" + text + "'");
      }
      return Double.parseDouble(text);
    };
    return functions.udf(parse, DataTypes.DoubleType).apply(col(column));
  }

  /**
   * Returns a function that parses a string column as the library's CSV reader does, into
   * microseconds since the epoch.
   */
  static UserDefinedFunction instantParser(String column) {
    UDF1<String, Long> parse = text -> {
      java.time.Instant instant = SignalRows.parseInstant(column, text);
      return instant == null ? null : micros(column, instant);
    };
    return functions.udf(parse, DataTypes.LongType);
  }

  /**
   * Returns an instant as microseconds since the epoch, Spark's timestamps.
   *
   * @throws IllegalArgumentException if the instant lies beyond the range of 64-bit microseconds
   *     (about 292,000 years either side of 1970)
   */
  static long micros(String column, java.time.Instant instant) {
    try {
      return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L),
          instant.getNano() / 1000);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(column + ": must be within the range of Spark"
          + " timestamps (microseconds since 1970 in 64 bits), was " + instant, e);
    }
  }
}
