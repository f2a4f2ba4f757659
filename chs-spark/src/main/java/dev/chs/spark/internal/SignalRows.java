package dev.chs.spark.internal;

import dev.chs.api.AccountId;
import dev.chs.api.Checks;
import dev.chs.api.CloudId;
import dev.chs.api.signal.Complaint;
import dev.chs.api.signal.Contract;
import dev.chs.api.signal.Metric;
import dev.chs.api.signal.SentimentSample;
import dev.chs.api.signal.Signal;
import dev.chs.api.signal.SupportCase;
import dev.chs.api.signal.UsageSample;
import dev.chs.api.signal.WorkOrder;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.jspecify.annotations.Nullable;

/**
 * Turns signal rows into chs signals, with the checks of the signals' own constructors, and parses
 * timestamps as the library's CSV reader does. Stateless.
 */
public final class SignalRows {
  /** The kind of a support case row. */
  public static final String CASE = "case";
  /** The kind of a work order row. */
  public static final String WORK_ORDER = "work_order";
  /** The kind of a complaint row. */
  public static final String COMPLAINT = "complaint";
  /** The kind of a usage row. */
  public static final String USAGE = "usage";
  /** The kind of a sentiment row. */
  public static final String SENTIMENT = "sentiment";
  /** The kind of a contract row. */
  public static final String CONTRACT = "contract";
  /** The kind of a metric cell. */
  public static final String METRIC = "metric";

  /** The signal type of each kind. */
  public static final Map<String, Class<? extends Signal>> TYPES = Map.of(
      CASE, SupportCase.class,
      WORK_ORDER, WorkOrder.class,
      COMPLAINT, Complaint.class,
      USAGE, UsageSample.class,
      SENTIMENT, SentimentSample.class,
      CONTRACT, Contract.class,
      METRIC, Metric.class);

  /** The kinds, in order of name, for messages. */
  private static final Set<String> KINDS = new TreeSet<>(TYPES.keySet());

  /**
   * The columns that the KPI aggregator reads, by position: a signal frame with its timestamps as
   * microseconds since the epoch.
   */
  public static final StructType INPUT = new StructType()
      .add("kind", DataTypes.StringType)
      .add("account_id", DataTypes.StringType)
      .add("cloud", DataTypes.StringType)
      .add("id", DataTypes.StringType)
      .add("at_us", DataTypes.LongType)
      .add("until_us", DataTypes.LongType)
      .add("flag", DataTypes.BooleanType)
      .add("active_users", DataTypes.LongType)
      .add("licensed_users", DataTypes.LongType)
      .add("value", DataTypes.DoubleType);

  private static final int KIND = 0;
  private static final int ACCOUNT = 1;
  private static final int CLOUD = 2;
  private static final int ID = 3;
  private static final int AT = 4;
  private static final int UNTIL = 5;
  private static final int FLAG = 6;
  private static final int ACTIVE = 7;
  private static final int LICENSED = 8;
  private static final int VALUE = 9;

  private SignalRows() {}

  /**
   * Returns the signal of a row of {@link #INPUT}, or of a row of a signal frame's columns, whose
   * {@code at} and {@code until} are timestamps, as the SQL function {@code chs_kpis} passes them.
   *
   * @param row the row
   * @return the signal
   * @throws IllegalArgumentException if a value the signal needs is missing or breaks a rule of
   *     the signal; the message names the kind, the account, the cloud, the column and the value
   */
  public static Signal toSignal(Row row) {
    try {
      return signal(row);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException(
          "signal row of kind '" + row.get(KIND) + "', account_id '" + row.get(ACCOUNT)
              + "', cloud '" + nullToEmpty(string(row, CLOUD)) + "', id '" + row.get(ID) + "': "
              + e.getMessage(), e);
    }
  }

  private static Signal signal(Row row) {
    String kind = nullToEmpty(string(row, KIND));
    AccountId account = AccountId.of(require("account_id", string(row, ACCOUNT)));
    CloudId cloud = CloudId.of(nullToEmpty(string(row, CLOUD)));
    String id = string(row, ID);
    // A null cell that the signal requires fails with the signal's own check and message.
    return switch (kind) {
      case CASE -> new SupportCase(Checks.requireId("case_id", id), account, cloud,
          at(row, "opened_at"), instant(row, UNTIL), flag(row));
      case WORK_ORDER -> new WorkOrder(Checks.requireId("work_order_id", id), account, cloud,
          at(row, "created_at"), instant(row, UNTIL), flag(row));
      case COMPLAINT -> new Complaint(
          Checks.requireId("complaint_id", id), account, cloud, at(row, "raised_at"));
      case USAGE -> new UsageSample(account, cloud, at(row, "date"),
          count(row, ACTIVE, "active_users"), count(row, LICENSED, "licensed_users"));
      case SENTIMENT ->
          new SentimentSample(account, cloud, at(row, "observed_at"), number(row, "score"));
      case CONTRACT -> new Contract(account, cloud, number(row, "arr"), instant(row, AT));
      case METRIC -> {
        String name = Checks.requireId("metric name", id);
        yield new Metric(account, cloud, name, number(row, name));
      }
      default -> throw new IllegalArgumentException(
          "kind: must be one of " + KINDS + ", was '" + kind + "'");
    };
  }

  /**
   * Checks the kinds of signal said to be supplied.
   *
   * @param kinds the kinds
   * @throws IllegalArgumentException if one is not a kind of {@link #TYPES}; the message names it
   */
  public static void requireKinds(Set<String> kinds) {
    for (String kind : kinds) {
      if (!TYPES.containsKey(kind)) {
        throw new IllegalArgumentException(
            "kinds: each must be one of " + KINDS + ", was '" + kind + "'");
      }
    }
  }

  /** Returns the instant in {@code AT}, which the signal names {@code field}; never null. */
  private static Instant at(Row row, String field) {
    return Checks.requireNonNull(field, instant(row, AT));
  }

  private static @Nullable String string(Row row, int i) {
    return row.isNullAt(i) ? null : row.getString(i);
  }

  /** Reads microseconds since the epoch, or a timestamp as Spark hands it to Java. */
  private static @Nullable Instant instant(Row row, int i) {
    Object value = row.get(i);
    if (value == null) {
      return null;
    }
    if (value instanceof Instant instant) {
      return instant;
    }
    if (value instanceof java.sql.Timestamp timestamp) {
      return timestamp.toInstant();
    }
    long micros = (Long) value;
    return Instant.ofEpochSecond(
        Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
  }

  private static @Nullable Boolean flag(Row row) {
    return row.isNullAt(FLAG) ? null : row.getBoolean(FLAG);
  }

  private static long count(Row row, int i, String column) {
    if (row.isNullAt(i)) {
      throw new IllegalArgumentException(column + ": must not be empty");
    }
    return row.getLong(i);
  }

  private static double number(Row row, String column) {
    if (row.isNullAt(VALUE)) {
      throw new IllegalArgumentException(column + ": must not be empty");
    }
    return row.getDouble(VALUE);
  }

  /**
   * Parses a timestamp as the library's CSV reader does: an ISO-8601 instant with {@code Z} or an
   * offset, or a date, which means 00:00 UTC. A date and time without an offset is rejected.
   *
   * @param column the column's name, for the message
   * @param text the text; null or empty for unknown
   * @return the instant, or null for null or empty text
   * @throws IllegalArgumentException if the text is neither form; the message names the column
   *     and the value
   */
  public static @Nullable Instant parseInstant(String column, @Nullable String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      if (text.length() == 10) {
        return LocalDate.parse(text).atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
      }
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeException e) {
      if (isLocalDateTime(text)) {
        throw new IllegalArgumentException(
            column + ": '" + text + "' has no offset; expected Z or an offset such as +02:00", e);
      }
      throw new IllegalArgumentException(
          column + ": cannot parse '" + text + "' as an ISO-8601 instant or date", e);
    }
  }

  private static boolean isLocalDateTime(String text) {
    try {
      LocalDateTime.parse(text);
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }

  private static String require(String column, @Nullable String value) {
    if (value == null) {
      throw new IllegalArgumentException(column + ": must not be empty");
    }
    return value;
  }

  private static String nullToEmpty(@Nullable String text) {
    return text == null ? "" : text;
  }
}
