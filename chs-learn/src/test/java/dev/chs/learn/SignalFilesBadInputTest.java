package dev.chs.learn;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Entries of {@code docs/bad-input.md} for the strict reader of {@code chs fit} and {@code chs
 * backtest}: every bad row or file is an {@link IOException} that names the file, and the line
 * where one is known. Each test carries its entry's id as a tag.
 */
class SignalFilesBadInputTest {
  private static final String RENEWALS =
      "account_id,cloud,renewal_date,outcome\nA-1,sales,2026-01-01,renewed\n";

  @TempDir Path dir;

  @Test
  @Tag("CSV-40")
  void aBadRowStopsTheReadNamingFileLineAndReason() throws IOException {
    Files.writeString(dir.resolve("renewals.csv"), RENEWALS);
    Path cases = Files.writeString(dir.resolve("cases.csv"),
        "case_id,account_id,cloud,opened_at,closed_at,first_contact_resolution\n"
            + "C-1,A-1,,2026-06-01,,\nC-2,A-1,,2026-06-01,,maybe\n");

    assertThatThrownBy(() -> SignalFiles.read(dir))
        .isExactlyInstanceOf(IOException.class)
        .hasMessage(cases + ", line 3: first_contact_resolution: must be 'true', 'false' or"
            + " empty, was 'maybe'");
  }

  @Test
  @Tag("CSV-40")
  void aMissingColumnOrRenewalsFileStopsTheRead() throws IOException {
    assertThatThrownBy(() -> SignalFiles.read(dir))
        .isExactlyInstanceOf(IOException.class)
        .hasMessage(dir + ": must hold renewals.csv, the outcomes to learn from");
    Path renewals = Files.writeString(dir.resolve("renewals.csv"),
        "account_id,cloud,outcome\nA-1,sales,renewed\n");
    assertThatThrownBy(() -> SignalFiles.read(dir))
        .isExactlyInstanceOf(IOException.class)
        .hasMessage(renewals + ": must have a column 'renewal_date', header was"
            + " [account_id, cloud, outcome]");
  }

  @Test
  @Tag("CSV-41")
  void bytesThatAreNotUtf8AreAnIoExceptionNamingTheFile() throws IOException {
    Path renewals = Files.write(dir.resolve("renewals.csv"),
        (RENEWALS + "Caf\u00e9,sales,2026-02-01,renewed\n").getBytes(StandardCharsets.ISO_8859_1));

    assertThatThrownBy(() -> SignalFiles.read(dir))
        .isExactlyInstanceOf(IOException.class)
        .hasMessage(renewals + ": must be UTF-8 text, has a malformed byte sequence after line 0");
  }

  @Test
  @Tag("CSV-42")
  void aBadRowOfMetricsIsAnIoExceptionNamingFileAndLine() throws IOException {
    Path metrics = Files.writeString(dir.resolve("metrics.csv"),
        "account_id,cloud,nps\nA-1,sales,3\nA-2,*,4\n");

    assertThatThrownBy(() -> SignalFiles.readMetrics(metrics))
        .isExactlyInstanceOf(IOException.class)
        .hasMessage(metrics + ", line 3: cloud: must not be '*', which names an account's"
            + " overall row in output");

    Files.writeString(metrics, "account_id,cloud,nps\nA-1,sales,3\n,,4\n");
    assertThatThrownBy(() -> SignalFiles.readMetrics(metrics))
        .isExactlyInstanceOf(IOException.class)
        .hasMessage(metrics + ", line 3: account_id: must not be empty");

    Files.writeString(metrics, "account_id,cloud,\nA-1,sales,3\n");
    assertThatThrownBy(() -> SignalFiles.readMetrics(metrics))
        .isExactlyInstanceOf(IOException.class)
        .hasMessage(metrics + ", line 2: metric name: must not be empty, was ''");
  }
}
