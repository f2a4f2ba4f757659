package dev.chs.cli.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chs.api.signal.Signal;
import dev.chs.api.signal.SupportCase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Entries of {@code docs/bad-input.md} for the CSV reader that {@link DataSetReaderTest} and
 * {@link CsvParserTest} do not already cover. Each test carries its entry's id as a tag, and
 * checks the whole rejection: file, line and reason.
 */
class CsvBadInputTest {
  private static final String CASES =
      "case_id,account_id,cloud,opened_at,closed_at,first_contact_resolution\n";
  private static final String GOOD_CASE = "C-1,A-1,service,2026-06-01,,true\n";
  private static final String USAGE = "account_id,cloud,date,active_users,licensed_users\n";
  private static final String GOOD_USAGE = "A-1,,2026-06-01,3,10\n";
  private static final String CONTRACTS = "account_id,cloud,arr,renewal_date\n";
  private static final String GOOD_CONTRACT = "A-1,sales,100,\n";

  @TempDir Path folder;

  private final List<Signal> signals = new ArrayList<>();
  private final List<Reject> rejects = new ArrayList<>();

  private DataSetSummary read(String file, String text) throws IOException {
    Files.write(folder.resolve(file), text.getBytes(StandardCharsets.UTF_8));
    DataSetSummary summary =
        DataSetReader.lenient().read(folder, signals::add, (a, n) -> { }, rejects::add);
    assertThat(summary.total().rejected()).isEqualTo(rejects.size());
    return summary;
  }

  /** Reads a good row and then a bad one, and returns the reason the bad one was rejected. */
  private String reasonOf(String file, String header, String good, String bad)
      throws IOException {
    DataSetSummary summary = read(file, header + good + bad + "\n");
    assertThat(summary.files().get(file)).isEqualTo(new ReadCounts(2, 1, 1));
    assertThat(rejects).singleElement().satisfies(reject -> {
      assertThat(reject.file()).isEqualTo(file);
      assertThat(reject.line()).isEqualTo(3);
    });
    return rejects.get(0).reason();
  }

  @Test
  @Tag("CSV-05")
  void anEmptyFileHasNoRowsAndIsNotSupplied() throws IOException {
    Files.writeString(
        folder.resolve("complaints.csv"), "complaint_id,account_id,cloud,raised_at\n");

    DataSetSummary summary = read("cases.csv", "");

    assertThat(summary.files().get("cases.csv")).isEqualTo(ReadCounts.NONE);
    assertThat(summary.supplied(SupportCase.class)).isFalse();
    assertThat(rejects).isEmpty();
  }

  @Test
  @Tag("CSV-06")
  void blankLinesAreNeitherRowsNorRejectsAndKeepTheLineNumbers() throws IOException {
    DataSetSummary summary = read("cases.csv", CASES + "\n\r\n" + GOOD_CASE + "\n" + "C-2,,,,,\n");

    assertThat(summary.files().get("cases.csv")).isEqualTo(new ReadCounts(2, 1, 1));
    assertThat(rejects).containsExactly(
        new Reject("cases.csv", 6, "account_id: must not be empty, was ''"));
  }

  @Test
  @Tag("CSV-10")
  void headerNamesAreTrimmedAndUnknownColumnsIgnored() throws IOException {
    read("cases.csv", " opened_at ,note,case_id,account_id,cloud,closed_at,"
        + "first_contact_resolution\n2026-06-01,\"a, b\",C-1,A-1,,,\n");

    assertThat(rejects).isEmpty();
    assertThat(signals).singleElement().isInstanceOfSatisfying(SupportCase.class,
        c -> assertThat(c.caseId()).isEqualTo("C-1"));
  }

  @Test
  @Tag("CSV-12")
  void textAfterAClosingQuoteRejectsTheRow() throws IOException {
    assertThat(reasonOf("cases.csv", CASES, GOOD_CASE, "\"C-2\"x,A-1,,2026-06-01,,"))
        .isEqualTo("field 1 has text after its closing quote");
  }

  @Test
  @Tag("CSV-14")
  void aFieldOrARecordBeyondTheParsersLimitsIsRejected() throws IOException {
    String longId = "C".repeat(CsvParser.DEFAULT_MAX_FIELD_LENGTH + 1);
    assertThat(reasonOf("cases.csv", CASES, GOOD_CASE, longId + ",A-1,,2026-06-01,,"))
        .isEqualTo("field 1 is longer than 1048576 characters");

    rejects.clear();
    String wide = "C-2,A-1,,2026-06-01,," + ",".repeat(CsvParser.DEFAULT_MAX_FIELDS);
    assertThat(reasonOf("cases.csv", CASES, GOOD_CASE, wide))
        .isEqualTo("the record has more than 10000 fields");
  }

  @Test
  @Tag("CSV-16")
  void aBlankAccountIdIsRejected() throws IOException {
    assertThat(reasonOf("cases.csv", CASES, GOOD_CASE, "C-2, ,,2026-06-01,,"))
        .isEqualTo("account_id: must not be empty, was ' '");
  }

  @Test
  @Tag("CSV-17")
  void aBlankCloudIsRejected() throws IOException {
    assertThat(reasonOf("cases.csv", CASES, GOOD_CASE, "C-2,A-1, ,2026-06-01,,"))
        .isEqualTo("cloud: must be empty (account-wide) or a name, was ' '");
  }

  @ParameterizedTest(name = "{0}")
  @Tag("CSV-20")
  @CsvSource(delimiter = '|', value = {
      "2026-02-30",
      "2026-06-01T25:00:00Z",
      "2026-06-01T10:00:60Z",
      "2026-06-01T10:00:00+19:00",
      "+1000000000-01-01T00:00:00Z",
      "2026-06-01T10:00:00.1234567891Z"})
  void anImpossibleDateOrTimeIsRejected(String opened) throws IOException {
    assertThat(reasonOf("cases.csv", CASES, GOOD_CASE, "C-2,A-1,," + opened + ",,"))
        .isEqualTo("opened_at: cannot parse '" + opened + "' as an ISO-8601 instant or date");
  }

  @Test
  @Tag("CSV-21")
  void aWorkOrderCompletedBeforeItWasCreatedIsRejected() throws IOException {
    String header = "work_order_id,account_id,cloud,created_at,completed_at,first_time_fix\n";
    assertThat(reasonOf("work_orders.csv", header, "W-1,A-1,,2026-06-01,,\n",
            "W-2,A-1,,2026-06-02,2026-06-01T23:59:59Z,"))
        .isEqualTo("completed_at: must not be before created_at (2026-06-02T00:00:00Z), was "
            + "2026-06-01T23:59:59Z");
  }

  @ParameterizedTest(name = "''{0}''")
  @Tag("CSV-22")
  @CsvSource(delimiter = '|', value = {"+5", "' 5'", "1e3", "5.0", "0x10", "'5 '"})
  void aCountThatIsNotPlainDecimalDigitsIsRejected(String count) throws IOException {
    assertThat(reasonOf("usage.csv", USAGE, GOOD_USAGE, "A-1,,2026-06-02," + count + ",10"))
        .isEqualTo("active_users: must be a whole number, was '" + count + "'");
  }

  @Test
  @Tag("CSV-23")
  void aCountBeyondSixtyFourBitsIsRejected() throws IOException {
    assertThat(reasonOf("usage.csv", USAGE, GOOD_USAGE,
            "A-1,,2026-06-02,1,9223372036854775808"))
        .isEqualTo("licensed_users: must be a whole number no larger than 9223372036854775807,"
            + " was '9223372036854775808'");
  }

  @ParameterizedTest(name = "''{0}''")
  @Tag("CSV-25")
  @CsvSource(delimiter = '|', value = {"0x1p3", "' 1'", "1 000", "1,5", "e5", "--1", "∞"})
  void aNumberThatIsNotPlainDecimalIsRejected(String arr) throws IOException {
    String quoted = "A-2,sales,\"" + arr + "\",";
    assertThat(reasonOf("contracts.csv", CONTRACTS, GOOD_CONTRACT, quoted))
        .isEqualTo("arr: must be a number, was '" + arr + "'");
  }

  @ParameterizedTest(name = "''{0}''")
  @Tag("CSV-26")
  @CsvSource(delimiter = '|', value = {
      "Infinity|Infinity", "1e400|Infinity", "-Infinity|-Infinity", "NaN|NaN"})
  void aNumberThatIsNotFiniteIsRejectedNamingTheColumn(String arr, String shown)
      throws IOException {
    assertThat(reasonOf("contracts.csv", CONTRACTS, GOOD_CONTRACT, "A-2,sales," + arr + ","))
        .isEqualTo("arr: must be a finite number, was " + shown);
  }
}
