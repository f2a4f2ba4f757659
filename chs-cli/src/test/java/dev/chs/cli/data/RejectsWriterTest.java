package dev.chs.cli.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class RejectsWriterTest {
  @Test
  void writesAHeaderAndQuotesReasonsThatNeedIt() throws IOException {
    StringWriter text = new StringWriter();
    try (RejectsWriter rejects = new RejectsWriter(text)) {
      rejects.accept(new Reject("cases.csv", 3, "opened_at: must not be empty"));
      rejects.accept(
          new Reject("accounts.csv", 12, "account_id, cloud: ('A, 1', '\"x\"') repeats"));
      assertThat(rejects.written()).isEqualTo(2);
    }

    assertThat(text.toString())
        .isEqualTo(
            "file,line,reason\n"
                + "cases.csv,3,opened_at: must not be empty\n"
                + "accounts.csv,12,\"account_id, cloud: ('A, 1', '\"\"x\"\"') repeats\"\n");
    try (CsvParser csv = new CsvParser(new StringReader(text.toString()))) {
      csv.next();
      csv.next();
      csv.next();
      assertThat(csv.fields())
          .containsExactly("accounts.csv", "12", "account_id, cloud: ('A, 1', '\"x\"') repeats");
    }
  }

  @Test
  void refusesARejectWithoutFileLineOrReason() {
    assertThatThrownBy(() -> new Reject("cases.csv", 0, "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "file, line, reason: must be a name, a line >= 1 and a reason, were 'cases.csv', 0, "
                + "'x'");
  }
}
