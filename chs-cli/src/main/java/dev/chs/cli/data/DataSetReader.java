package dev.chs.cli.data;

import dev.chs.api.AccountId;
import dev.chs.api.CloudId;
import dev.chs.api.signal.Complaint;
import dev.chs.api.signal.Contract;
import dev.chs.api.signal.Metric;
import dev.chs.api.signal.RenewalOutcome.Outcome;
import dev.chs.api.signal.RenewalOutcome;
import dev.chs.api.signal.SentimentSample;
import dev.chs.api.signal.Signal;
import dev.chs.api.signal.SupportCase;
import dev.chs.api.signal.UsageSample;
import dev.chs.api.signal.WorkOrder;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Reads a data set: the CSV files of {@link DataFile}, streamed row by row into signals.
 *
 * <p>Every data row is either <em>used</em>, and handed on as signals or an account name, or
 * <em>rejected</em>, and handed on as a {@link Reject} naming its file, line and reason. Rows are
 * never collected: memory grows with the number of distinct ids in the file being read (see
 * below), not with the rows handed on.
 *
 * <p>The rules, beyond the product's "Input files":
 *
 * <ul>
 *   <li>Header names are trimmed and matched exactly; columns may come in any order, and unknown
 *       columns are ignored. In {@code metrics.csv} every named column other than {@code
 *       account_id} and {@code cloud} is a metric.
 *   <li>A header that lacks a required column, or names one twice, spoils the whole file: each of
 *       its rows is rejected with that reason (so the counts still add up), and the file's signal
 *       type is not reported as supplied. A file with no header at all has no rows and is not
 *       supplied either. A header with an unclosed quote that runs to the end of the file is an
 *       {@link IOException}, since the rows it swallowed cannot be counted.
 *   <li>Cells are not trimmed. An empty cell is unknown: null for {@code closed_at}, {@code
 *       completed_at}, {@code renewal_date} of a contract and the booleans, no metric for an empty
 *       metric cell, {@link CloudId#ACCOUNT_WIDE} for the cloud. An empty id, timestamp, count,
 *       number or outcome that the signal needs rejects the row.
 *   <li>Timestamps are ISO-8601 instants with {@code Z} or an offset ({@code
 *       2026-06-30T10:15:30Z}, {@code 2026-06-30T12:15:30+02:00}), or a date ({@code 2026-06-30})
 *       meaning 00:00 UTC. A date and time <em>without</em> an offset is rejected: the reader will
 *       not guess a time zone.
 *   <li>Booleans are exactly {@code true} or {@code false}; outcomes exactly {@code renewed} or
 *       {@code churned}; counts are decimal integers; numbers are decimal, with an optional
 *       exponent.
 *   <li>A repeated key within one file rejects the second and later rows, naming the line of the
 *       first used row with that key: {@code case_id}, {@code work_order_id}, {@code complaint_id},
 *       {@code account_id} in {@code accounts.csv}, ({@code account_id}, {@code cloud}) in {@code
 *       metrics.csv} and ({@code account_id}, {@code cloud}, {@code renewal_date}) in {@code
 *       renewals.csv}, where the date is compared as an instant. Only the hashes of keys are kept;
 *       see {@link FirstSeenLines} for the memory it takes and the small chance of a false repeat.
 *   <li>In strict mode the first bad row is handed to the rejects consumer, and then {@link
 *       BadRowException} is thrown.
 * </ul>
 *
 * <p>A reader holds only its mode, so one instance may serve several threads; the consumers are
 * called on the calling thread.
 *
 * @since 0.1.0
 */
public final class DataSetReader {
  private final boolean strict;

  private DataSetReader(boolean strict) {
    this.strict = strict;
  }

  /**
   * Returns a reader that rejects bad rows and carries on.
   *
   * @return the lenient reader
   */
  public static DataSetReader lenient() {
    return new DataSetReader(false);
  }

  /**
   * Returns a reader that stops at the first bad row by throwing {@link BadRowException}.
   *
   * @return the strict reader
   */
  public static DataSetReader strict() {
    return new DataSetReader(true);
  }

  /**
   * Reads the data set in a folder.
   *
   * @param folder the data-set folder
   * @param signals receives each signal of each used row
   * @param names receives the account and name of each used row of {@code accounts.csv}; the name
   *     is empty when unknown
   * @param rejects receives each rejected row
   * @return the counts per file and the supplied signal types
   * @throws IllegalArgumentException if {@code folder} is not a folder, or holds no signal file
   *     and no {@code metrics.csv}
   * @throws BadRowException in strict mode, at the first bad row
   * @throws IOException if a file cannot be read or is not valid UTF-8; the message names the file
   */
  public DataSetSummary read(
      Path folder,
      Consumer<? super Signal> signals,
      BiConsumer<? super AccountId, ? super String> names,
      Consumer<? super Reject> rejects)
      throws IOException {
    if (!Files.isDirectory(folder)) {
      throw new IllegalArgumentException("data set: must be a folder, was '" + folder + "'");
    }
    return read(DataSetSource.folder(folder), signals, names, rejects);
  }

  /**
   * Reads a data set from any source, such as resources bundled in a jar.
   *
   * @param source where the files come from
   * @param signals receives each signal of each used row
   * @param names receives the account and name of each used row of {@code accounts.csv}
   * @param rejects receives each rejected row
   * @return the counts per file and the supplied signal types
   * @throws IllegalArgumentException if the source holds no signal file and no {@code
   *     metrics.csv}
   * @throws BadRowException in strict mode, at the first bad row
   * @throws IOException if a file cannot be read or is not valid UTF-8; the message names the file
   */
  public DataSetSummary read(
      DataSetSource source,
      Consumer<? super Signal> signals,
      BiConsumer<? super AccountId, ? super String> names,
      Consumer<? super Reject> rejects)
      throws IOException {
    Set<DataFile> present = presentFiles(source);
    Reading reading = new Reading(signals, names, rejects);
    for (DataFile file : present) {
      try (Reader in = source.open(file.fileName())) {
        if (in != null) {
          reading.file(file, in);
        }
      } catch (IOException e) {
        throw new IOException(file.fileName() + ": " + e.getMessage(), e);
      }
    }
    return reading.summary();
  }

  /** Finds the files present, and checks that at least one of them holds signals. */
  private static Set<DataFile> presentFiles(DataSetSource source) throws IOException {
    Set<DataFile> present = EnumSet.noneOf(DataFile.class);
    for (DataFile file : DataFile.values()) {
      try (Reader in = source.open(file.fileName())) {
        if (in != null) {
          present.add(file);
        }
      }
    }
    if (present.stream().noneMatch(f -> f.signalType().isPresent())) {
      String expected =
          EnumSet.complementOf(EnumSet.of(DataFile.ACCOUNTS)).stream()
              .map(DataFile::fileName)
              .collect(Collectors.joining(", "));
      throw new IllegalArgumentException(
          "data set: " + source.describe() + " holds "
              + (present.isEmpty() ? "no data file" : "only accounts.csv")
              + "; expected at least one of " + expected);
    }
    return present;
  }

  /** The state of one call to {@code read}. */
  private final class Reading {
    private final Consumer<? super Signal> signals;
    private final BiConsumer<? super AccountId, ? super String> names;
    private final Consumer<? super Reject> rejects;
    private final Map<String, ReadCounts> done = new LinkedHashMap<>();
    private final Set<Class<? extends Signal>> supplied = new HashSet<>();
    private final FirstSeenLines firstSeen = new FirstSeenLines();
    private final List<Metric> rowMetrics = new ArrayList<>();

    private @Nullable DataFile file;
    private long used;
    private long rejected;

    Reading(
        Consumer<? super Signal> signals,
        BiConsumer<? super AccountId, ? super String> names,
        Consumer<? super Reject> rejects) {
      this.signals = signals;
      this.names = names;
      this.rejects = rejects;
    }

    void file(DataFile current, Reader in) throws IOException {
      this.file = current;
      used = 0;
      rejected = 0;
      firstSeen.clear();
      try (CsvParser csv = new CsvParser(in)) {
        if (csv.next()) {
          Header header = Header.of(current, csv);
          String headerProblem = csv.problem();
          if (header.problem() == null) {
            current.signalType().ifPresent(supplied::add);
            readRows(csv, header);
          } else if (rejectAll(csv, header.problem()) == 0 && headerProblem != null) {
            // A malformed header that swallowed the whole file hides rows that cannot be counted.
            throw new IOException("line 1: the header is malformed: " + headerProblem);
          }
        }
      }
      done.put(current.fileName(), counts());
      firstSeen.clear();
    }

    DataSetSummary summary() {
      return new DataSetSummary(done, supplied);
    }

    /** Returns the file being read, which {@link #file} sets before it reads a row. */
    private DataFile current() {
      return Objects.requireNonNull(file, "file");
    }

    private void readRows(CsvParser csv, Header header) throws IOException {
      Row row = new Row(current().requiredColumns(), header.positions());
      int width = header.width();
      while (csv.next()) {
        row.at(csv);
        try {
          if (csv.problem() != null) {
            throw new BadValue(csv.problem());
          }
          if (csv.size() != width) {
            throw new BadValue(
                "expected " + width + " fields as in the header, found " + csv.size());
          }
          decode(row, header, csv.line());
          used++;
        } catch (BadValue e) {
          reject(csv.line(), String.valueOf(e.getMessage()));
        }
      }
    }

    /** Rejects every remaining row for one reason; returns how many there were. */
    private long rejectAll(CsvParser csv, String reason) throws IOException {
      long n = 0;
      while (csv.next()) {
        reject(csv.line(), reason);
        n++;
      }
      return n;
    }

    private void reject(long line, String reason) {
      rejected++;
      Reject reject = new Reject(current().fileName(), line, reason);
      rejects.accept(reject);
      if (strict) {
        Map<String, ReadCounts> soFar = new LinkedHashMap<>(done);
        soFar.put(current().fileName(), counts());
        throw new BadRowException(reject, new DataSetSummary(soFar, supplied));
      }
    }

    private ReadCounts counts() {
      return new ReadCounts(used + rejected, used, rejected);
    }

    /** Decodes a row, checks its key, and hands it on; throws before handing anything on. */
    private void decode(Row row, Header header, long line) throws BadValue {
      switch (current()) {
        case ACCOUNTS -> {
          AccountId account = row.account();
          unique(line, FirstSeenLines.hash(account.value()), row);
          names.accept(account, row.text("name"));
        }
        case METRICS -> decodeMetrics(row, header, line);
        default -> {
          Signal signal = signal(row);
          unique(line, key(signal), row);
          signals.accept(signal);
        }
      }
    }

    /** Builds the row's signal; the signal's own checks become the reason for a rejection. */
    private Signal signal(Row row) throws BadValue {
      try {
        return newSignal(row);
      } catch (IllegalArgumentException e) {
        throw new BadValue(String.valueOf(e.getMessage()));
      }
    }

    private Signal newSignal(Row row) throws BadValue {
      return switch (current()) {
        case CONTRACTS -> new Contract(
              row.account(), row.cloud(), row.number("arr"), row.optionalInstant("renewal_date"));
        case CASES -> new SupportCase(
              row.required("case_id"),
              row.account(),
              row.cloud(),
              row.instant("opened_at"),
              row.optionalInstant("closed_at"),
              row.optionalBoolean("first_contact_resolution"));
        case WORK_ORDERS -> new WorkOrder(
              row.required("work_order_id"),
              row.account(),
              row.cloud(),
              row.instant("created_at"),
              row.optionalInstant("completed_at"),
              row.optionalBoolean("first_time_fix"));
        case COMPLAINTS -> new Complaint(
              row.required("complaint_id"), row.account(), row.cloud(), row.instant("raised_at"));
        case USAGE -> new UsageSample(
              row.account(),
              row.cloud(),
              row.instant("date"),
              row.count("active_users"),
              row.count("licensed_users"));
        case SENTIMENT -> new SentimentSample(
              row.account(), row.cloud(), row.instant("observed_at"), row.number("score"));
        case RENEWALS -> new RenewalOutcome(
              row.account(), row.cloud(), row.instant("renewal_date"), outcome(row));
        default -> throw new IllegalStateException(
            "file: has no signal decoder, was " + file);
      };
    }

    private void decodeMetrics(Row row, Header header, long line) throws BadValue {
      AccountId account = row.account();
      CloudId cloud = row.cloud();
      rowMetrics.clear();
      for (int i = 0; i < header.metricNames().length; i++) {
        String text = row.cell(header.metricPositions()[i]);
        if (!text.isEmpty()) {
          String name = header.metricNames()[i];
          double value = Row.parseNumber(name, text);
          try {
            rowMetrics.add(new Metric(account, cloud, name, value));
          } catch (IllegalArgumentException e) {
            throw new BadValue(String.valueOf(e.getMessage()));
          }
        }
      }
      long key = FirstSeenLines.add(FirstSeenLines.hash(account.value()), cloud.value());
      unique(line, key, row);
      rowMetrics.forEach(signals);
    }

    private Outcome outcome(Row row) throws BadValue {
      String text = row.text("outcome");
      return switch (text) {
        case "renewed" -> Outcome.RENEWED;
        case "churned" -> Outcome.CHURNED;
        default -> throw new BadValue("outcome: must be renewed or churned, was '" + text + "'");
      };
    }

    /** Returns the hash of a signal's key, or 0 for files whose rows may repeat. */
    private long key(Signal signal) {
      if (signal instanceof SupportCase c) {
        return FirstSeenLines.hash(c.caseId());
      } else if (signal instanceof WorkOrder w) {
        return FirstSeenLines.hash(w.workOrderId());
      } else if (signal instanceof Complaint c) {
        return FirstSeenLines.hash(c.complaintId());
      } else if (signal instanceof RenewalOutcome r) {
        Instant date = r.renewalDate();
        long h = FirstSeenLines.add(FirstSeenLines.hash(signal.account().value()),
            signal.cloud().value());
        return FirstSeenLines.add(FirstSeenLines.add(h, date.getEpochSecond()), date.getNano());
      }
      return 0;
    }

    private void unique(long line, long key, Row row) throws BadValue {
      if (current().keyColumns().isEmpty()) {
        return;
      }
      long first = firstSeen.putIfAbsent(key, line);
      if (first < 0) {
        return;
      }
      List<String> columns = current().keyColumns();
      String values =
          columns.stream().map(c -> "'" + row.text(c) + "'").collect(Collectors.joining(", "));
      String where = first == 0 ? "an earlier line" : "line " + first;
      if (columns.size() == 1) {
        throw new BadValue(
            columns.get(0) + ": " + values + " repeats the id first seen on " + where);
      }
      throw new BadValue(
          String.join(", ", columns) + ": (" + values + ") repeats the key first seen on "
              + where);
    }
  }

  /**
   * The header of a file: where each required column is, which columns are metrics, or why the
   * header spoils the file.
   */
  // Never compared or hashed: a header is read while its file is, so the identity equality of
  // its arrays, which the check warns of, does not matter.
  @SuppressWarnings("ArrayRecordComponent")
  private record Header(
      int width,
      Map<String, Integer> positions,
      String[] metricNames,
      int[] metricPositions,
      @Nullable String problem) {

    static Header of(DataFile file, CsvParser csv) {
      Map<String, Integer> positions = new HashMap<>();
      List<String> found = new ArrayList<>();
      String problem =
          csv.problem() == null
              ? null
              : "the header is malformed: " + csv.problem() + "; every row of "
                  + file.fileName() + " is rejected";
      for (int i = 0; i < csv.size(); i++) {
        String name = csv.get(i).trim();
        found.add(name);
        Integer earlier = positions.putIfAbsent(name, i);
        boolean matters = file == DataFile.METRICS || file.requiredColumns().contains(name);
        if (earlier != null && matters && !name.isEmpty() && problem == null) {
          problem = "the header names column '" + name + "' twice (fields " + (earlier + 1)
              + " and " + (i + 1) + "); every row of " + file.fileName() + " is rejected";
        }
      }
      List<String> missing = new ArrayList<>(file.requiredColumns());
      missing.removeAll(positions.keySet());
      if (!missing.isEmpty() && problem == null) {
        problem = file.fileName() + " has no column "
            + missing.stream().map(c -> "'" + c + "'").collect(Collectors.joining(", "))
            + " (its header has: " + String.join(", ", found) + "); every row of the file"
            + " is rejected";
      }
      List<String> metricNames = new ArrayList<>();
      List<Integer> metricPositions = new ArrayList<>();
      if (file == DataFile.METRICS) {
        for (int i = 0; i < found.size(); i++) {
          String name = found.get(i);
          if (!name.isEmpty() && !file.requiredColumns().contains(name)) {
            metricNames.add(name);
            metricPositions.add(i);
          }
        }
      }
      return new Header(
          csv.size(),
          positions,
          metricNames.toArray(new String[0]),
          metricPositions.stream().mapToInt(Integer::intValue).toArray(),
          problem);
    }
  }
}
