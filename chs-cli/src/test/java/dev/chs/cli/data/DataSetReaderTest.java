package dev.chs.cli.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chs.api.AccountId;
import dev.chs.api.CloudId;
import dev.chs.api.signal.Complaint;
import dev.chs.api.signal.Contract;
import dev.chs.api.signal.Metric;
import dev.chs.api.signal.RenewalOutcome;
import dev.chs.api.signal.RenewalOutcome.Outcome;
import dev.chs.api.signal.SentimentSample;
import dev.chs.api.signal.Signal;
import dev.chs.api.signal.SupportCase;
import dev.chs.api.signal.UsageSample;
import dev.chs.api.signal.WorkOrder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataSetReaderTest {
  private static final AccountId A1 = AccountId.of("A-1");
  private static final CloudId SERVICE = CloudId.of("service");
  private static final String CASES_HEADER =
      "case_id,account_id,cloud,opened_at,closed_at,first_contact_resolution\n";

  @TempDir Path folder;

  private final List<Signal> signals = new ArrayList<>();
  private final Map<AccountId, String> names = new LinkedHashMap<>();
  private final List<Reject> rejects = new ArrayList<>();

  private void write(String file, String text) throws IOException {
    Files.write(folder.resolve(file), text.getBytes(StandardCharsets.UTF_8));
  }

  private DataSetSummary read() throws IOException {
    DataSetSummary summary =
        DataSetReader.lenient().read(folder, signals::add, names::put, rejects::add);
    ReadCounts total = summary.total();
    assertThat(total.used() + total.rejected()).isEqualTo(total.read());
    assertThat(total.rejected()).isEqualTo(rejects.size());
    return summary;
  }

  /** Reads one bad row after a good one, and returns its rejection. */
  private Reject rejectOf(String file, String header, String good, String bad) throws IOException {
    write(file, header + good + "\n" + bad + "\n");
    DataSetSummary summary = read();
    assertThat(summary.files().get(file)).isEqualTo(new ReadCounts(2, 1, 1));
    assertThat(summary.summaryLine()).isEqualTo("read 2 rows: 1 used, 1 rejected");
    assertThat(rejects).hasSize(1);
    return rejects.get(0);
  }

  private static final String GOOD_CASE = "C-1,A-1,service,2026-06-01T10:00:00Z,,true";

  @Test
  void readsEveryFileIntoItsSignals() throws IOException {
    write("accounts.csv", "account_id,name\nA-1,Acme Logistics 0001\nA-2,\n");
    write("contracts.csv", "account_id,cloud,arr,renewal_date\nA-1,service,48200,2027-03-01\n");
    write("cases.csv", CASES_HEADER + GOOD_CASE + "\n");
    write(
        "work_orders.csv",
        "work_order_id,account_id,cloud,created_at,completed_at,first_time_fix\n"
            + "W-1,A-1,,2026-06-02,2026-06-03T08:00:00+02:00,false\n");
    write(
        "complaints.csv",
        "complaint_id,account_id,cloud,raised_at\nK-1,A-1,service,2026-06-04\n");
    write(
        "usage.csv",
        "account_id,cloud,date,active_users,licensed_users\nA-1,service,2026-06-01,12,40\n");
    write("sentiment.csv", "account_id,cloud,observed_at,score\nA-1,,2026-06-05,-0.25\n");
    write(
        "renewals.csv",
        "account_id,cloud,renewal_date,outcome\nA-1,service,2026-03-01,renewed\n");
    write("metrics.csv", "account_id,cloud,nps,seats\nA-1,service,42,\n");

    DataSetSummary summary = read();

    Instant june1 = Instant.parse("2026-06-01T00:00:00Z");
    assertThat(signals)
        .containsExactly(
            new Contract(A1, SERVICE, 48_200, Instant.parse("2027-03-01T00:00:00Z")),
            new SupportCase("C-1", A1, SERVICE, june1.plusSeconds(36_000), null, true),
            new WorkOrder(
                "W-1",
                A1,
                CloudId.ACCOUNT_WIDE,
                Instant.parse("2026-06-02T00:00:00Z"),
                Instant.parse("2026-06-03T06:00:00Z"),
                false),
            new Complaint("K-1", A1, SERVICE, Instant.parse("2026-06-04T00:00:00Z")),
            new UsageSample(A1, SERVICE, june1, 12, 40),
            new SentimentSample(
                A1, CloudId.ACCOUNT_WIDE, Instant.parse("2026-06-05T00:00:00Z"), -0.25),
            new RenewalOutcome(
                A1, SERVICE, Instant.parse("2026-03-01T00:00:00Z"), Outcome.RENEWED),
            new Metric(A1, SERVICE, "nps", 42));
    assertThat(names).containsExactly(
        Map.entry(A1, "Acme Logistics 0001"), Map.entry(AccountId.of("A-2"), ""));
    assertThat(rejects).isEmpty();
    assertThat(summary.summaryLine()).isEqualTo("read 10 rows: 10 used, 0 rejected");
    assertThat(summary.files().keySet())
        .containsExactly(
            "accounts.csv", "contracts.csv", "cases.csv", "work_orders.csv", "complaints.csv",
            "usage.csv", "sentiment.csv", "renewals.csv", "metrics.csv");
    assertThat(summary.suppliedSources())
        .containsExactlyInAnyOrder(
            Contract.class, SupportCase.class, WorkOrder.class, Complaint.class,
            UsageSample.class, SentimentSample.class, RenewalOutcome.class, Metric.class);
  }

  @Test
  @Tag("CSV-04")
  void readsAByteOrderMarkCrlfAndQuotedFieldsWithTheRightLines() throws IOException {
    write(
        "accounts.csv",
        "\uFEFFaccount_id,name\r\nA-1,\"Smith, Jones & \"\"Partners\"\"\"\r\n"
            + "A-2,\"Café\r\nMüller\"\r\nA-1,again\r\n");
    write("complaints.csv", "complaint_id,account_id,cloud,raised_at\r\n");

    read();

    assertThat(names)
        .containsExactly(
            Map.entry(A1, "Smith, Jones & \"Partners\""),
            Map.entry(AccountId.of("A-2"), "Café\r\nMüller"));
    assertThat(rejects)
        .containsExactly(
            new Reject("accounts.csv", 5, "account_id: 'A-1' repeats the id first seen on line 2"));
  }

  @Test
  @Tag("CSV-10")
  void takesColumnsInAnyOrderAndIgnoresUnknownOnes() throws IOException {
    write(
        "cases.csv",
        "note,first_contact_resolution,closed_at,opened_at,cloud,account_id,case_id\n"
            + "\"hi, there\",,2026-06-02,2026-06-01,,A-1,C-9\n");

    read();

    assertThat(signals)
        .containsExactly(
            new SupportCase(
                "C-9",
                A1,
                CloudId.ACCOUNT_WIDE,
                Instant.parse("2026-06-01T00:00:00Z"),
                Instant.parse("2026-06-02T00:00:00Z"),
                null));
  }

  @Test
  void takesEmptyAsUnknown() throws IOException {
    write(
        "work_orders.csv",
        "work_order_id,account_id,cloud,created_at,completed_at,first_time_fix\n"
            + "W-1,A-1,,2026-06-02,,\n");
    write("contracts.csv", "account_id,cloud,arr,renewal_date\nA-1,sales,10,\n");

    read();

    assertThat(signals)
        .containsExactly(
            new Contract(A1, CloudId.of("sales"), 10, null),
            new WorkOrder(
                "W-1", A1, CloudId.ACCOUNT_WIDE, Instant.parse("2026-06-02T00:00:00Z"), null,
                null));
  }

  @Test
  @Tag("CSV-07")
  void rejectsEveryRowOfAFileThatLacksARequiredColumn() throws IOException {
    write(
        "cases.csv",
        "case_id,account_id,cloud,closed_at,first_contact_resolution\nC-1,A-1,,,\nC-2,A-1,,,\n");
    write("complaints.csv", "complaint_id,account_id,cloud,raised_at\nK-1,A-1,,2026-06-04\n");

    DataSetSummary summary = read();

    String reason =
        "cases.csv has no column 'opened_at' (its header has: case_id, account_id, cloud, "
            + "closed_at, first_contact_resolution); every row of the file is rejected";
    assertThat(rejects)
        .containsExactly(new Reject("cases.csv", 2, reason), new Reject("cases.csv", 3, reason));
    assertThat(summary.files().get("cases.csv")).isEqualTo(new ReadCounts(2, 0, 2));
    assertThat(summary.summaryLine()).isEqualTo("read 3 rows: 1 used, 2 rejected");
    assertThat(summary.suppliedSources()).containsExactly(Complaint.class);
  }

  @Test
  @Tag("CSV-08")
  void rejectsAFileThatNamesARequiredColumnTwice() throws IOException {
    write(
        "complaints.csv",
        "complaint_id,account_id,cloud,raised_at,cloud\nK-1,A-1,,2026-06-04,x\n");

    DataSetSummary summary = read();

    assertThat(rejects)
        .containsExactly(
            new Reject(
                "complaints.csv",
                2,
                "the header names column 'cloud' twice (fields 3 and 5); every row of "
                    + "complaints.csv is rejected"));
    assertThat(summary.suppliedSources()).isEmpty();
  }

  @Test
  @Tag("CSV-09")
  void failsOnAHeaderWhoseQuoteSwallowsTheFile() throws IOException {
    write("complaints.csv", "complaint_id,\"account_id,cloud,raised_at\nK-1,A-1,,2026-06-04\n");

    assertThatThrownBy(this::read)
        .isInstanceOf(IOException.class)
        .hasMessage(
            "complaints.csv: line 1: the header is malformed: the quoted field 2 opened on line 1"
                + " is not closed before the end of the input");
  }

  @Test
  @Tag("CSV-09")
  void rejectsEveryRowAfterAMalformedHeader() throws IOException {
    write("complaints.csv", "complaint_id,\"account_id\"x,cloud,raised_at\nK-1,A-1,,2026-06-04\n");

    read();

    assertThat(rejects)
        .containsExactly(
            new Reject(
                "complaints.csv",
                2,
                "the header is malformed: field 2 has text after its closing quote; every row of"
                    + " complaints.csv is rejected"));
  }

  @Test
  @Tag("CSV-15")
  void rejectsAnEmptyId() throws IOException {
    assertThat(rejectOf("cases.csv", CASES_HEADER, GOOD_CASE, ",A-1,,2026-06-01,,"))
        .isEqualTo(new Reject("cases.csv", 3, "case_id: must not be empty"));
  }

  @Test
  @Tag("CSV-16")
  void rejectsAnEmptyAccountId() throws IOException {
    assertThat(
            rejectOf(
                "complaints.csv",
                "complaint_id,account_id,cloud,raised_at\n",
                "K-1,A-1,,2026-06-01",
                "K-2,,,2026-06-01"))
        .isEqualTo(new Reject("complaints.csv", 3, "account_id: must not be empty, was ''"));
  }

  @Test
  @Tag("CSV-18")
  void rejectsATimestampThatCannotBeParsed() throws IOException {
    assertThat(rejectOf("cases.csv", CASES_HEADER, GOOD_CASE, "C-2,A-1,,2026-13-01,,"))
        .isEqualTo(
            new Reject(
                "cases.csv", 3,
                "opened_at: cannot parse '2026-13-01' as an ISO-8601 instant or date"));
  }

  @Test
  @Tag("CSV-19")
  void rejectsALocalDateTimeWithoutOffset() throws IOException {
    assertThat(rejectOf("cases.csv", CASES_HEADER, GOOD_CASE, "C-2,A-1,,2026-06-01T10:00:00,,"))
        .isEqualTo(
            new Reject(
                "cases.csv", 3,
                "opened_at: '2026-06-01T10:00:00' has no offset; expected Z or an offset such "
                    + "as +02:00"));
  }

  @Test
  @Tag("CSV-15")
  void rejectsAnEmptyRequiredTimestamp() throws IOException {
    assertThat(rejectOf("cases.csv", CASES_HEADER, GOOD_CASE, "C-2,A-1,,,,"))
        .isEqualTo(new Reject("cases.csv", 3, "opened_at: must not be empty"));
  }

  @Test
  @Tag("CSV-21")
  void rejectsACaseClosedBeforeItWasOpened() throws IOException {
    assertThat(
            rejectOf(
                "cases.csv", CASES_HEADER, GOOD_CASE,
                "C-2,A-1,,2026-06-02T00:00:00Z,2026-06-01T00:00:00Z,"))
        .isEqualTo(
            new Reject(
                "cases.csv", 3,
                "closed_at: must not be before opened_at (2026-06-02T00:00:00Z), was "
                    + "2026-06-01T00:00:00Z"));
  }

  private static final String USAGE_HEADER =
      "account_id,cloud,date,active_users,licensed_users\n";
  private static final String GOOD_USAGE = "A-1,,2026-06-01,3,10";

  @Test
  @Tag("CSV-24")
  void rejectsANegativeCount() throws IOException {
    assertThat(rejectOf("usage.csv", USAGE_HEADER, GOOD_USAGE, "A-1,,2026-06-02,-3,10"))
        .isEqualTo(new Reject("usage.csv", 3, "active_users: must be >= 0, was -3"));
  }

  @Test
  @Tag("CSV-22")
  void rejectsACountThatIsNotAWholeNumber() throws IOException {
    assertThat(rejectOf("usage.csv", USAGE_HEADER, GOOD_USAGE, "A-1,,2026-06-02,2.5,10"))
        .isEqualTo(new Reject("usage.csv", 3, "active_users: must be a whole number, was '2.5'"));
    rejects.clear();
    assertThat(rejectOf("usage.csv", USAGE_HEADER, GOOD_USAGE, "A-1,,2026-06-02,3,ten"))
        .isEqualTo(new Reject("usage.csv", 3, "licensed_users: must be a whole number, was 'ten'"));
  }

  @Test
  @Tag("CSV-24")
  void rejectsNoLicensedUsers() throws IOException {
    assertThat(rejectOf("usage.csv", USAGE_HEADER, GOOD_USAGE, "A-1,,2026-06-02,0,0"))
        .isEqualTo(new Reject("usage.csv", 3, "licensed_users: must be >= 1, was 0"));
  }

  private static final String CONTRACTS_HEADER = "account_id,cloud,arr,renewal_date\n";
  private static final String GOOD_CONTRACT = "A-1,sales,100,";

  @Test
  @Tag("CSV-24")
  @Tag("CSV-25")
  void rejectsANonNumericOrNegativeArr() throws IOException {
    assertThat(rejectOf("contracts.csv", CONTRACTS_HEADER, GOOD_CONTRACT, "A-2,sales,12k,"))
        .isEqualTo(new Reject("contracts.csv", 3, "arr: must be a number, was '12k'"));
    rejects.clear();
    assertThat(rejectOf("contracts.csv", CONTRACTS_HEADER, GOOD_CONTRACT, "A-2,sales,-5,"))
        .isEqualTo(new Reject("contracts.csv", 3, "arr: must be >= 0, was -5.0"));
    rejects.clear();
    assertThat(rejectOf("contracts.csv", CONTRACTS_HEADER, GOOD_CONTRACT, "A-2,sales,1d,"))
        .isEqualTo(new Reject("contracts.csv", 3, "arr: must be a number, was '1d'"));
  }

  @Test
  @Tag("CSV-17")
  void rejectsAContractWithoutCloudAndTheOverallCloudName() throws IOException {
    assertThat(rejectOf("contracts.csv", CONTRACTS_HEADER, GOOD_CONTRACT, "A-2,,5,"))
        .isEqualTo(
            new Reject("contracts.csv", 3, "cloud: a contract must name its cloud, was empty"));
    rejects.clear();
    assertThat(rejectOf("contracts.csv", CONTRACTS_HEADER, GOOD_CONTRACT, "A-2,*,5,"))
        .isEqualTo(
            new Reject(
                "contracts.csv", 3,
                "cloud: must not be '*', which names an account's overall row in output"));
  }

  private static final String SENTIMENT_HEADER = "account_id,cloud,observed_at,score\n";
  private static final String GOOD_SENTIMENT = "A-1,,2026-06-01,0.5";

  @Test
  @Tag("CSV-27")
  void rejectsSentimentOutsideItsScaleOrNaN() throws IOException {
    assertThat(rejectOf("sentiment.csv", SENTIMENT_HEADER, GOOD_SENTIMENT, "A-1,,2026-06-02,1.5"))
        .isEqualTo(new Reject("sentiment.csv", 3, "score: must be in [-1.0, 1.0], was 1.5"));
    rejects.clear();
    assertThat(rejectOf("sentiment.csv", SENTIMENT_HEADER, GOOD_SENTIMENT, "A-1,,2026-06-02,NaN"))
        .isEqualTo(new Reject("sentiment.csv", 3, "score: must be in [-1.0, 1.0], was NaN"));
  }

  @Test
  @Tag("CSV-28")
  void rejectsABooleanOtherThanTrueOrFalse() throws IOException {
    assertThat(rejectOf("cases.csv", CASES_HEADER, GOOD_CASE, "C-2,A-1,,2026-06-01,,yes"))
        .isEqualTo(
            new Reject(
                "cases.csv", 3, "first_contact_resolution: must be true or false, was 'yes'"));
    rejects.clear();
    assertThat(rejectOf("cases.csv", CASES_HEADER, GOOD_CASE, "C-2,A-1,,2026-06-01,,TRUE"))
        .isEqualTo(
            new Reject(
                "cases.csv", 3, "first_contact_resolution: must be true or false, was 'TRUE'"));
  }

  @Test
  @Tag("CSV-29")
  void rejectsAnUnknownOutcome() throws IOException {
    assertThat(
            rejectOf(
                "renewals.csv",
                "account_id,cloud,renewal_date,outcome\n",
                "A-1,sales,2026-03-01,churned",
                "A-1,sales,2026-04-01,lost"))
        .isEqualTo(
            new Reject("renewals.csv", 3, "outcome: must be renewed or churned, was 'lost'"));
  }

  @Test
  @Tag("CSV-11")
  void rejectsARowWithTheWrongNumberOfFields() throws IOException {
    assertThat(rejectOf("cases.csv", CASES_HEADER, GOOD_CASE, "C-2,A-1,,2026-06-01,"))
        .isEqualTo(new Reject("cases.csv", 3, "expected 6 fields as in the header, found 5"));
  }

  @Test
  @Tag("CSV-13")
  void rejectsAnUnterminatedQuoteNamingItsLine() throws IOException {
    assertThat(rejectOf("cases.csv", CASES_HEADER, GOOD_CASE, "C-2,\"A-1,,2026-06-01,,\nC-3"))
        .isEqualTo(
            new Reject(
                "cases.csv", 3,
                "the quoted field 2 opened on line 3 is not closed before the end of the input"));
  }

  @Test
  @Tag("CSV-30")
  void rejectsRepeatedIdsNamingTheFirstLine() throws IOException {
    write(
        "cases.csv",
        CASES_HEADER + GOOD_CASE + "\nC-2,A-1,,2026-06-01,,\nC-3,A-1,,bad,,\nC-3,A-1,,2026-06-01,,"
            + "\nC-2,A-1,,2026-06-03,,\nC-2,A-1,,2026-06-04,,\n");
    write(
        "work_orders.csv",
        "work_order_id,account_id,cloud,created_at,completed_at,first_time_fix\n"
            + "C-2,A-1,,2026-06-01,,\nC-2,A-1,,2026-06-01,,\n");

    DataSetSummary summary = read();

    assertThat(rejects)
        .containsExactly(
            new Reject(
                "cases.csv", 4,
                "opened_at: cannot parse 'bad' as an ISO-8601 instant or date"),
            new Reject("cases.csv", 6, "case_id: 'C-2' repeats the id first seen on line 3"),
            new Reject("cases.csv", 7, "case_id: 'C-2' repeats the id first seen on line 3"),
            new Reject(
                "work_orders.csv", 3,
                "work_order_id: 'C-2' repeats the id first seen on line 2"));
    assertThat(summary.files().get("cases.csv")).isEqualTo(new ReadCounts(6, 3, 3));
  }

  @Test
  @Tag("CSV-31")
  void rejectsRepeatedKeysOfRenewalsAndMetrics() throws IOException {
    write(
        "renewals.csv",
        "account_id,cloud,renewal_date,outcome\nA-1,sales,2026-03-01,renewed\n"
            + "A-1,,2026-03-01,renewed\nA-1,sales,2026-03-01T00:00:00Z,churned\n");
    write("metrics.csv", "account_id,cloud,nps\nA-1,,1\nA-1,sales,2\nA-1,,3\n");

    read();

    assertThat(rejects)
        .containsExactly(
            new Reject(
                "renewals.csv", 4,
                "account_id, cloud, renewal_date: ('A-1', 'sales', '2026-03-01T00:00:00Z') "
                    + "repeats the key first seen on line 2"),
            new Reject(
                "metrics.csv", 4,
                "account_id, cloud: ('A-1', '') repeats the key first seen on line 2"));
  }

  @Test
  @Tag("CSV-32")
  void rejectsAMetricThatIsNotAFiniteNumberNamingTheColumn() throws IOException {
    write(
        "metrics.csv",
        "account_id,cloud,nps,churn_risk\nA-1,,10,0.2\nA-2,,20,high\nA-3,,30,Infinity\n");

    DataSetSummary summary = read();

    assertThat(signals)
        .containsExactly(new Metric(A1, CloudId.ACCOUNT_WIDE, "nps", 10),
            new Metric(A1, CloudId.ACCOUNT_WIDE, "churn_risk", 0.2));
    assertThat(rejects)
        .containsExactly(
            new Reject("metrics.csv", 3, "churn_risk: must be a number, was 'high'"),
            new Reject(
                "metrics.csv", 4, "churn_risk: must be a finite number, was Infinity"));
    assertThat(summary.summaryLine()).isEqualTo("read 3 rows: 1 used, 2 rejected");
  }

  @Test
  @Tag("CSV-36")
  void stopsAtTheFirstBadRowInStrictMode() throws IOException {
    write("accounts.csv", "account_id,name\nA-1,x\n");
    write("cases.csv", CASES_HEADER + GOOD_CASE + "\nC-2,A-1,,2026-06-01,,maybe\nC-3,,,,,\n");

    assertThatThrownBy(
            () -> DataSetReader.strict().read(folder, signals::add, names::put, rejects::add))
        .isInstanceOfSatisfying(
            BadRowException.class,
            e -> {
              assertThat(e.reject())
                  .isEqualTo(
                      new Reject(
                          "cases.csv", 3,
                          "first_contact_resolution: must be true or false, was 'maybe'"));
              assertThat(e.getMessage())
                  .isEqualTo(
                      "cases.csv line 3: first_contact_resolution: must be true or false, "
                          + "was 'maybe'");
              assertThat(e.soFar().summaryLine()).isEqualTo("read 3 rows: 2 used, 1 rejected");
            });
    assertThat(rejects).hasSize(1);
    assertThat(signals).hasSize(1);
  }

  @Test
  @Tag("CSV-01")
  @Tag("CSV-02")
  void failsWhenNoSignalFileIsPresent() throws IOException {
    write("accounts.csv", "account_id,name\n");

    assertThatThrownBy(this::read)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "data set: " + folder + " holds only accounts.csv; expected at least one of "
                + "contracts.csv, cases.csv, work_orders.csv, complaints.csv, usage.csv, "
                + "sentiment.csv, renewals.csv, metrics.csv");
    assertThatThrownBy(() -> DataSetReader.lenient().read(
            folder.resolve("nowhere"), signals::add, names::put, rejects::add))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("data set: must be a folder, was '" + folder.resolve("nowhere") + "'");
  }

  @Test
  @Tag("CSV-05")
  void countsAFileWithOnlyAHeaderAsSuppliedAndEmpty() throws IOException {
    write("complaints.csv", "complaint_id,account_id,cloud,raised_at\n");

    DataSetSummary summary = read();

    assertThat(summary.supplied(Complaint.class)).isTrue();
    assertThat(summary.supplied(SupportCase.class)).isFalse();
    assertThat(summary.summaryLine()).isEqualTo("read 0 rows: 0 used, 0 rejected");
  }

  @Test
  @Tag("CSV-03")
  void namesTheFileAndLineOfBytesThatAreNotUtf8() throws IOException {
    Files.write(
        folder.resolve("complaints.csv"),
        new byte[] {'c', 'o', 'm', 'p', 'l', 'a', 'i', 'n', 't', '_', 'i', 'd', '\n', (byte) 0xFF});

    assertThatThrownBy(this::read)
        .isInstanceOf(IOException.class)
        .hasMessage("complaints.csv: line 2: the input is not valid UTF-8");
  }
}
