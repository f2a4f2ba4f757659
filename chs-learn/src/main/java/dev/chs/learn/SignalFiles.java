package dev.chs.learn;

import dev.chs.api.AccountId;
import dev.chs.api.CloudId;
import dev.chs.api.signal.Complaint;
import dev.chs.api.signal.Metric;
import dev.chs.api.signal.RenewalOutcome;
import dev.chs.api.signal.SentimentSample;
import dev.chs.api.signal.Signal;
import dev.chs.api.signal.SupportCase;
import dev.chs.api.signal.UsageSample;
import dev.chs.api.signal.WorkOrder;
import dev.chs.learn.internal.Csv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The signals and renewal outcomes of a data-set folder, read strictly: the first bad row is an
 * {@link IOException} that names the file, the line and the reason.
 *
 * <p>This is a small reader for learning and back-testing, not the command line's reader: it has
 * no rejects file and no row accounting. It reads the canonical files of PRODUCT.md that a
 * back-test needs: {@code cases.csv}, {@code work_orders.csv}, {@code complaints.csv}, {@code
 * usage.csv}, {@code sentiment.csv}, {@code renewals.csv} and, on request, {@code metrics.csv}.
 * Columns come in any order and unknown ones are ignored; an empty field is unknown; a
 * timestamp is ISO-8601, and a date without a time is 00:00 UTC; booleans are {@code true} or
 * {@code false}. A quoted field may not span lines.
 *
 * @param signals the signals of the event files, file by file in the order above
 * @param renewals the renewal outcomes of {@code renewals.csv}, in file order
 * @param hasEvents whether any of the five event files exists
 * @since 0.1.0
 */
public record SignalFiles(List<Signal> signals, List<RenewalOutcome> renewals, boolean hasEvents) {
  /**
   * Creates the contents of a folder.
   *
   * @throws NullPointerException if a list is null
   */
  public SignalFiles {
    signals = List.copyOf(signals);
    renewals = List.copyOf(renewals);
  }

  /**
   * Reads a folder. Files that do not exist are skipped, except {@code renewals.csv}.
   *
   * @param dir the data-set folder
   * @return its signals and renewals
   * @throws IOException if {@code renewals.csv} is missing, a file cannot be read or is not UTF-8,
   *     lacks a required column, or has a bad row; the message names the file, and the line of a
   *     bad row
   */
  public static SignalFiles read(Path dir) throws IOException {
    List<Signal> signals = new ArrayList<>();
    boolean events = false;
    events |= each(dir.resolve("cases.csv"), signals, SignalFiles::supportCase);
    events |= each(dir.resolve("work_orders.csv"), signals, SignalFiles::workOrder);
    events |= each(dir.resolve("complaints.csv"), signals, SignalFiles::complaint);
    events |= each(dir.resolve("usage.csv"), signals, SignalFiles::usage);
    events |= each(dir.resolve("sentiment.csv"), signals, SignalFiles::sentiment);
    Path renewalFile = dir.resolve("renewals.csv");
    if (!Files.exists(renewalFile)) {
      throw new IOException(dir + ": must hold renewals.csv, the outcomes to learn from");
    }
    List<RenewalOutcome> renewals = new ArrayList<>();
    each(renewalFile, renewals, SignalFiles::renewal);
    return new SignalFiles(signals, renewals, events);
  }

  /**
   * Reads {@code metrics.csv}: one {@link Metric} per non-empty cell of each numeric column, that
   * is, each column besides {@code account_id} and {@code cloud} whose every non-empty field is a
   * finite number. Other columns are skipped.
   *
   * @param file the file
   * @return the metrics, row by row, columns in header order
   * @throws IOException if the file cannot be read or is not UTF-8, lacks {@code account_id}, or
   *     has a row with an empty account id, a blank cloud or {@code *}, or a value under a
   *     column without a name; the message names the file, and the line of a bad row
   */
  public static List<Metric> readMetrics(Path file) throws IOException {
    Csv csv = Csv.read(file);
    int account = csv.requireColumn("account_id");
    int cloud = csv.column("cloud");
    List<Integer> numeric = new ArrayList<>();
    for (int c = 0; c < csv.header().size(); c++) {
      if (c != account && c != cloud && isNumeric(csv, c)) {
        numeric.add(c);
      }
    }
    List<Metric> metrics = new ArrayList<>();
    for (Csv.Row record : csv.records()) {
      try {
        addMetrics(csv, record, account, cloud, numeric, metrics);
      } catch (IllegalArgumentException e) {
        throw new IOException(file + ", line " + record.line() + ": " + e.getMessage(), e);
      }
    }
    return metrics;
  }

  private static void addMetrics(Csv csv, Csv.Row record, int account, int cloud,
      List<Integer> numeric, List<Metric> metrics) {
    AccountId id = AccountId.of(required(record, account, "account_id"));
    CloudId cloudId = cloud < 0 ? CloudId.ACCOUNT_WIDE : CloudId.of(Csv.field(record, cloud));
    for (int c : numeric) {
      String text = Csv.field(record, c).strip();
      if (!text.isEmpty()) {
        metrics.add(new Metric(id, cloudId, csv.header().get(c), Double.parseDouble(text)));
      }
    }
  }

  private static boolean isNumeric(Csv csv, int column) {
    boolean any = false;
    for (Csv.Row record : csv.records()) {
      String text = Csv.field(record, column).strip();
      if (text.isEmpty()) {
        continue;
      }
      try {
        if (!Double.isFinite(Double.parseDouble(text))) {
          return false;
        }
        any = true;
      } catch (NumberFormatException e) {
        return false;
      }
    }
    return any;
  }

  private interface RowReader<T> {
    T read(Csv csv, Csv.Row record) throws IOException;
  }

  private static <T> boolean each(Path file, List<? super T> out, RowReader<T> reader)
      throws IOException {
    if (!Files.exists(file)) {
      return false;
    }
    Csv csv = Csv.read(file);
    for (Csv.Row record : csv.records()) {
      try {
        out.add(reader.read(csv, record));
      } catch (IllegalArgumentException | DateTimeParseException e) {
        throw new IOException(file + ", line " + record.line() + ": " + e.getMessage(), e);
      }
    }
    return true;
  }

  private static SupportCase supportCase(Csv csv, Csv.Row r) throws IOException {
    return new SupportCase(text(csv, r, "case_id"), account(csv, r), cloud(csv, r),
        instant(csv, r, "opened_at"), optionalInstant(csv, r, "closed_at"),
        bool(csv, r, "first_contact_resolution"));
  }

  private static WorkOrder workOrder(Csv csv, Csv.Row r) throws IOException {
    return new WorkOrder(text(csv, r, "work_order_id"), account(csv, r), cloud(csv, r),
        instant(csv, r, "created_at"), optionalInstant(csv, r, "completed_at"),
        bool(csv, r, "first_time_fix"));
  }

  private static Complaint complaint(Csv csv, Csv.Row r) throws IOException {
    return new Complaint(text(csv, r, "complaint_id"), account(csv, r), cloud(csv, r),
        instant(csv, r, "raised_at"));
  }

  private static UsageSample usage(Csv csv, Csv.Row r) throws IOException {
    return new UsageSample(account(csv, r), cloud(csv, r), instant(csv, r, "date"),
        whole(csv, r, "active_users"), whole(csv, r, "licensed_users"));
  }

  private static SentimentSample sentiment(Csv csv, Csv.Row r) throws IOException {
    return new SentimentSample(account(csv, r), cloud(csv, r),
        instant(csv, r, "observed_at"), number(csv, r, "score"));
  }

  private static RenewalOutcome renewal(Csv csv, Csv.Row r) throws IOException {
    String outcome = text(csv, r, "outcome").toLowerCase(Locale.ROOT);
    RenewalOutcome.Outcome value;
    if (outcome.equals("renewed")) {
      value = RenewalOutcome.Outcome.RENEWED;
    } else if (outcome.equals("churned")) {
      value = RenewalOutcome.Outcome.CHURNED;
    } else {
      throw new IllegalArgumentException(
          "outcome: must be 'renewed' or 'churned', was '" + outcome + "'");
    }
    return new RenewalOutcome(account(csv, r), cloud(csv, r),
        instant(csv, r, "renewal_date"), value);
  }

  private static AccountId account(Csv csv, Csv.Row r) throws IOException {
    return AccountId.of(text(csv, r, "account_id"));
  }

  private static CloudId cloud(Csv csv, Csv.Row r) {
    int at = csv.column("cloud");
    return at < 0 ? CloudId.ACCOUNT_WIDE : CloudId.of(Csv.field(r, at).strip());
  }

  private static String text(Csv csv, Csv.Row r, String column) throws IOException {
    return required(r, csv.requireColumn(column), column);
  }

  private static String required(Csv.Row r, int at, String column) {
    String value = Csv.field(r, at).strip();
    if (value.isEmpty()) {
      throw new IllegalArgumentException(column + ": must not be empty");
    }
    return value;
  }

  private static Instant instant(Csv csv, Csv.Row r, String column) throws IOException {
    return parseInstant(required(r, csv.requireColumn(column), column));
  }

  private static @Nullable Instant optionalInstant(Csv csv, Csv.Row r, String column) {
    int at = csv.column(column);
    String value = at < 0 ? "" : Csv.field(r, at).strip();
    return value.isEmpty() ? null : parseInstant(value);
  }

  private static Instant parseInstant(String value) {
    return value.length() == 10
        ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
        : Instant.parse(value);
  }

  private static @Nullable Boolean bool(Csv csv, Csv.Row r, String column) {
    int at = csv.column(column);
    String value = at < 0 ? "" : Csv.field(r, at).strip();
    if (value.isEmpty()) {
      return null;
    }
    if (value.equals("true") || value.equals("false")) {
      return Boolean.valueOf(value);
    }
    throw new IllegalArgumentException(
        column + ": must be 'true', 'false' or empty, was '" + value + "'");
  }

  private static long whole(Csv csv, Csv.Row r, String column) throws IOException {
    String value = text(csv, r, column);
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          column + ": must be a whole number, was '" + value + "'", e);
    }
  }

  private static double number(Csv csv, Csv.Row r, String column) throws IOException {
    String value = text(csv, r, column);
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(column + ": must be a number, was '" + value + "'", e);
    }
  }
}
