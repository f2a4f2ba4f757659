package dev.chs.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.SparkException;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A data-set folder that Spark's CSV reader cannot turn into signals stops the job, by name. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadCsvTest {
  private static final String CASES_HEADER =
      "case_id,account_id,cloud,opened_at,closed_at,first_contact_resolution\n";

  private SparkSession spark;

  @BeforeAll
  void start() {
    spark = SparkTests.session(false);
  }

  @Test
  @Tag("SPARK-01")
  void folder_thatHoldsNoSignalFile_isRefused_namingTheFilesItLooksFor() {
    Path empty = SparkTests.tempFolder("chs-empty");

    assertThatThrownBy(() -> SignalFrames.readCsv(spark, empty.toString()))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("folder: must hold at least one of [contracts.csv, cases.csv,"
            + " work_orders.csv, complaints.csv, usage.csv, sentiment.csv, metrics.csv], '"
            + empty + "' holds none");
  }

  @Test
  @Tag("SPARK-01")
  void folder_onAFileSystemThatSparkLacks_isRefused_namingThePath() {
    assertThatThrownBy(() -> SignalFrames.readCsv(spark, "nope://bucket/portfolio"))
        .isExactlyInstanceOf(UncheckedIOException.class)
        .hasMessageStartingWith("folder: cannot look for 'nope://bucket/portfolio/contracts.csv':")
        .hasMessageContaining("No FileSystem for scheme \"nope\"");
  }

  @Test
  @Tag("SPARK-02")
  void file_withoutARequiredColumn_isRefusedAtOnce_namingTheFileAndTheColumn()
      throws IOException {
    Path folder = SparkTests.tempFolder("chs-columns");
    Files.writeString(folder.resolve("cases.csv"),
        "case_id,account_id,cloud,closed_at\nC-1,A-1,sales,\n");

    assertThatThrownBy(() -> SignalFrames.readCsv(spark, folder.toString()))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage(folder + "/cases.csv: column 'opened_at': missing; the DataFrame has"
            + " [case_id, account_id, cloud, closed_at]");
  }

  @Test
  @Tag("SPARK-04")
  void line_withMoreOrFewerFieldsThanTheHeader_failsTheJob_namingTheFileAndTheRecord()
      throws IOException {
    Path more = SparkTests.tempFolder("chs-fields");
    Files.writeString(more.resolve("cases.csv"),
        CASES_HEADER + "C-1,A-1,sales,2026-06-01,,,extra\n");
    Path fewer = SparkTests.tempFolder("chs-fields");
    Files.writeString(fewer.resolve("cases.csv"), CASES_HEADER + "C-1,A-1,sales\n");

    assertThatThrownBy(() -> SignalFrames.readCsv(spark, more.toString()).frame().collect())
        .isInstanceOf(SparkException.class)
        .hasMessageContaining("[FAILED_READ_FILE.NO_HINT] Encountered error while reading file")
        .hasMessageContaining(more.resolve("cases.csv").toString())
        .hasStackTraceContaining("[MALFORMED_CSV_RECORD] Malformed CSV record:"
            + " C-1,A-1,sales,2026-06-01,,,extra");
    assertThatThrownBy(() -> SignalFrames.readCsv(spark, fewer.toString()).frame().collect())
        .isInstanceOf(SparkException.class)
        .hasStackTraceContaining("[MALFORMED_CSV_RECORD] Malformed CSV record: C-1,A-1,sales");
  }

  @Test
  @Tag("SPARK-05")
  void bytesThatAreNotUtf8_stopTheJob_namingTheFileColumnAndCell() throws IOException {
    Path folder = SparkTests.tempFolder("chs-latin1");
    Files.write(folder.resolve("cases.csv"), (CASES_HEADER + "C-1,A-\u00e9,sales,2026-06-01,,\n")
        .getBytes(StandardCharsets.ISO_8859_1));
    Path utf8 = SparkTests.tempFolder("chs-utf8");
    Files.write(utf8.resolve("cases.csv"), (CASES_HEADER + "C-1,A-\u00e9,sales,2026-06-01,,\n")
        .getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> SignalFrames.readCsv(spark, folder.toString()).frame().collect())
        .hasStackTraceContaining(folder.resolve("cases.csv") + ": column 'account_id': must be"
            + " UTF-8 text; a byte that is not became U+FFFD in 'A-\uFFFD'");
    assertThat(SignalFrames.readCsv(spark, utf8.toString()).frame().collectAsList())
        .singleElement().extracting(row -> row.<String>getAs("account_id")).isEqualTo("A-\u00e9");
  }
}
