package dev.chs.learn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chs.api.AccountId;
import dev.chs.api.CloudId;
import dev.chs.api.signal.Complaint;
import dev.chs.api.signal.RenewalOutcome;
import dev.chs.api.signal.SentimentSample;
import dev.chs.api.signal.SupportCase;
import dev.chs.api.signal.UsageSample;
import dev.chs.api.signal.WorkOrder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SignalFilesTest {
  private static final AccountId A1 = AccountId.of("A-1");
  private static final AccountId A2 = AccountId.of("A-2");
  private static final CloudId SALES = CloudId.of("sales");
  private static final CloudId SERVICE = CloudId.of("service");
  private static final String RENEWALS = "account_id,cloud,renewal_date,outcome";

  @TempDir Path dir;

  @Test
  void readsEveryFileIntoItsSignalsFieldByField() throws IOException {
    write("cases.csv", "case_id,account_id,cloud,opened_at,closed_at,first_contact_resolution",
        "C-1,A-1,sales,2026-01-02T03:04:05Z,2026-01-03,true",
        "C-2,A-1,,2026-01-05,,");
    write("work_orders.csv",
        "work_order_id,account_id,cloud,created_at,completed_at,first_time_fix",
        "W-1,A-2,service,2026-02-01,2026-02-03T10:00:00Z,false");
    write("complaints.csv", "complaint_id,account_id,cloud,raised_at", "K-1,A-1,sales,2026-03-01");
    write("usage.csv", "account_id,cloud,date,active_users,licensed_users",
        "A-1,sales,2026-03-31,42,50");
    write("sentiment.csv", "account_id,cloud,observed_at,score", "A-2,service,2026-04-01,-0.25");
    write("renewals.csv", RENEWALS, "A-1,sales,2026-06-01,renewed", "A-2,,2026-07-01,CHURNED");

    SignalFiles files = SignalFiles.read(dir);

    assertThat(files.hasEvents()).isTrue();
    assertThat(files.signals()).containsExactly(
        new SupportCase("C-1", A1, SALES, Instant.parse("2026-01-02T03:04:05Z"),
            Instant.parse("2026-01-03T00:00:00Z"), true),
        new SupportCase("C-2", A1, CloudId.ACCOUNT_WIDE, Instant.parse("2026-01-05T00:00:00Z"),
            null, null),
        new WorkOrder("W-1", A2, SERVICE, Instant.parse("2026-02-01T00:00:00Z"),
            Instant.parse("2026-02-03T10:00:00Z"), false),
        new Complaint("K-1", A1, SALES, Instant.parse("2026-03-01T00:00:00Z")),
        new UsageSample(A1, SALES, Instant.parse("2026-03-31T00:00:00Z"), 42, 50),
        new SentimentSample(A2, SERVICE, Instant.parse("2026-04-01T00:00:00Z"), -0.25));
    assertThat(files.renewals()).containsExactly(
        new RenewalOutcome(A1, SALES, Instant.parse("2026-06-01T00:00:00Z"),
            RenewalOutcome.Outcome.RENEWED),
        new RenewalOutcome(A2, CloudId.ACCOUNT_WIDE, Instant.parse("2026-07-01T00:00:00Z"),
            RenewalOutcome.Outcome.CHURNED));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "cases.csv|case_id,account_id,cloud,opened_at|C-1,A-1,sales,2026-01-02",
    "work_orders.csv|work_order_id,account_id,cloud,created_at|W-1,A-1,sales,2026-01-02",
    "complaints.csv|complaint_id,account_id,cloud,raised_at|K-1,A-1,sales,2026-01-02",
    "usage.csv|account_id,cloud,date,active_users,licensed_users|A-1,sales,2026-01-02,1,2",
    "sentiment.csv|account_id,cloud,observed_at,score|A-1,sales,2026-01-02,0.5"
  })
  void anyOneEventFileMakesAnEventDataSet(String file, String header, String row)
      throws IOException {
    write(file, header, row);
    write("renewals.csv", RENEWALS, "A-1,sales,2026-06-01,renewed");

    SignalFiles files = SignalFiles.read(dir);

    assertThat(files.hasEvents()).isTrue();
    assertThat(files.signals()).hasSize(1);
  }

  @Test
  void renewalsAloneMakeNoEventDataSet() throws IOException {
    write("renewals.csv", RENEWALS, "A-1,sales,2026-06-01,renewed");

    SignalFiles files = SignalFiles.read(dir);

    assertThat(files.hasEvents()).isFalse();
    assertThat(files.signals()).isEmpty();
    assertThat(files.renewals()).hasSize(1);
  }

  private void write(String file, String... lines) throws IOException {
    Files.write(dir.resolve(file), List.of(lines), StandardCharsets.UTF_8);
  }
}
