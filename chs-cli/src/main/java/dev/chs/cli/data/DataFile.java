package dev.chs.cli.data;

import dev.chs.api.signal.Complaint;
import dev.chs.api.signal.Contract;
import dev.chs.api.signal.Metric;
import dev.chs.api.signal.RenewalOutcome;
import dev.chs.api.signal.SentimentSample;
import dev.chs.api.signal.Signal;
import dev.chs.api.signal.SupportCase;
import dev.chs.api.signal.UsageSample;
import dev.chs.api.signal.WorkOrder;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The files a data set may hold, in the order {@link DataSetReader} reads them, with their
 * required columns and the columns whose values must not repeat within the file.
 *
 * @since 0.1.0
 */
public enum DataFile {
  /** {@code accounts.csv}: account names. */
  ACCOUNTS("accounts.csv", null, List.of("account_id", "name"), List.of("account_id")),
  /** {@code contracts.csv}: ARR and renewal date of each cloud under contract. */
  CONTRACTS(
      "contracts.csv",
      Contract.class,
      List.of("account_id", "cloud", "arr", "renewal_date"),
      List.of()),
  /** {@code cases.csv}: support cases. */
  CASES(
      "cases.csv",
      SupportCase.class,
      List.of(
          "case_id", "account_id", "cloud", "opened_at", "closed_at", "first_contact_resolution"),
      List.of("case_id")),
  /** {@code work_orders.csv}: field-service work orders. */
  WORK_ORDERS(
      "work_orders.csv",
      WorkOrder.class,
      List.of(
          "work_order_id", "account_id", "cloud", "created_at", "completed_at", "first_time_fix"),
      List.of("work_order_id")),
  /** {@code complaints.csv}: complaints. */
  COMPLAINTS(
      "complaints.csv",
      Complaint.class,
      List.of("complaint_id", "account_id", "cloud", "raised_at"),
      List.of("complaint_id")),
  /** {@code usage.csv}: product-usage samples. */
  USAGE(
      "usage.csv",
      UsageSample.class,
      List.of("account_id", "cloud", "date", "active_users", "licensed_users"),
      List.of()),
  /** {@code sentiment.csv}: sentiment samples. */
  SENTIMENT(
      "sentiment.csv",
      SentimentSample.class,
      List.of("account_id", "cloud", "observed_at", "score"),
      List.of()),
  /** {@code renewals.csv}: outcomes of past renewals. */
  RENEWALS(
      "renewals.csv",
      RenewalOutcome.class,
      List.of("account_id", "cloud", "renewal_date", "outcome"),
      List.of("account_id", "cloud", "renewal_date")),
  /** {@code metrics.csv}: values aggregated upstream, one column per metric. */
  METRICS(
      "metrics.csv", Metric.class, List.of("account_id", "cloud"), List.of("account_id", "cloud"));

  private final String fileName;
  private final @Nullable Class<? extends Signal> signalType;
  // Each list is a List.of, so immutable; the check sees only the declared type, List.
  @SuppressWarnings("ImmutableEnumChecker")
  private final List<String> requiredColumns;

  @SuppressWarnings("ImmutableEnumChecker") // a List.of too
  private final List<String> keyColumns;

  DataFile(
      String fileName,
      @Nullable Class<? extends Signal> signalType,
      List<String> requiredColumns,
      List<String> keyColumns) {
    this.fileName = fileName;
    this.signalType = signalType;
    this.requiredColumns = requiredColumns;
    this.keyColumns = keyColumns;
  }

  /**
   * Returns the file's name within a data-set folder.
   *
   * @return the name, such as {@code cases.csv}
   */
  public String fileName() {
    return fileName;
  }

  /**
   * Returns the type of signal the file's rows become.
   *
   * @return the signal type; empty for {@code accounts.csv}, whose rows are names
   */
  public Optional<Class<? extends Signal>> signalType() {
    return Optional.ofNullable(signalType);
  }

  /**
   * Returns the columns the header must have. Other columns are ignored, except in {@code
   * metrics.csv}, where every other column is a metric.
   *
   * @return the required columns, in the order the product documents them
   */
  public List<String> requiredColumns() {
    return requiredColumns;
  }

  /**
   * Returns the columns whose values together must not repeat within the file.
   *
   * @return the key columns; empty when repeats are allowed
   */
  public List<String> keyColumns() {
    return keyColumns;
  }
}
