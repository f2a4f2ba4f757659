package dev.chs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Entries of {@code docs/bad-input.md} that only show end to end, through {@code chs score}:
 * bytes that are not UTF-8, values that the reader takes but a KPI cannot use, signals after the
 * as-of instant, signals no KPI reads, and ids that the files do not share. Each test carries its
 * entry's id as a tag.
 */
class BadDataSetTest {
  private static final String CASES =
      "case_id,account_id,cloud,opened_at,closed_at,first_contact_resolution\n";

  @TempDir Path temp;

  private Path data;

  private Chs.Run score(String... files) throws IOException {
    data = Files.createDirectories(temp.resolve("data"));
    for (int i = 0; i < files.length; i += 2) {
      Files.writeString(data.resolve(files[i]), files[i + 1]);
    }
    return Chs.run("score", "--data", data.toString(), "--as-of", "2026-07-01",
        "--out", temp.resolve("scores.csv").toString());
  }

  /** Returns the score rows as account, cloud and ARR, without the header. */
  private List<List<String>> rows() throws IOException {
    List<List<String>> table = Chs.csv(temp.resolve("scores.csv"));
    int arr = table.get(0).indexOf("arr");
    return table.subList(1, table.size()).stream()
        .map(row -> List.of(row.get(0), row.get(1), row.get(arr)))
        .toList();
  }

  @Test
  @Tag("CSV-03")
  void bytesThatAreNotUtf8StopTheRunWithExitCode2NamingFileAndLine() throws IOException {
    Path folder = Files.createDirectories(temp.resolve("latin1"));
    Files.write(folder.resolve("cases.csv"),
        (CASES + "C-1,A-1,,2026-06-01,,\nC-2,Caf\u00e9,,2026-06-01,,\n")
            .getBytes(StandardCharsets.ISO_8859_1));

    for (boolean strict : List.of(false, true)) {
      List<String> args = new ArrayList<>(List.of("score", "--data", folder.toString(),
          "--as-of", "2026-07-01", "--out", temp.resolve("s.csv").toString()));
      if (strict) {
        args.add("--strict");
      }

      Chs.Run run = Chs.run(args.toArray(new String[0]));

      assertThat(run.code()).as(run.err()).isEqualTo(2);
      assertThat(run.err()).contains("cases.csv: line 3: the input is not valid UTF-8");
      assertThat(temp.resolve("s.csv")).doesNotExist();
    }
  }

  @Test
  @Tag("CSV-33")
  void aValueTooLargeForAKpiLeavesThatKpiNotApplicableWithAWarning() throws IOException {
    Chs.Run run = score("usage.csv", "account_id,cloud,date,active_users,licensed_users\n"
        + "A-1,sales,2026-06-01,9223372036854775807,1\nA-2,sales,2026-06-01,5,10\n");

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.errLines()).containsExactly(
        "warning: KPI 'product_adoption' failed for account A-1, cloud sales:"
            + " java.lang.IllegalArgumentException: active_users / licensed_users: must be below"
            + " 2^63, was 9223372036854775807 / 1",
        "read 2 rows: 2 used, 0 rejected");
    List<List<String>> table = Chs.csv(temp.resolve("scores.csv"));
    int adoption = table.get(0).indexOf("product_adoption");
    assertThat(table.get(1).subList(0, 2)).containsExactly("A-1", "sales");
    assertThat(table.get(1).get(adoption)).isEmpty();
    assertThat(table.get(3).subList(0, 2)).containsExactly("A-2", "sales");
    assertThat(table.get(3).get(adoption)).isEqualTo("0.5");
  }

  @Test
  @Tag("CSV-34")
  void signalsAfterTheAsOfInstantAreUsedButDoNotCountAndAreCountedInAWarning()
      throws IOException {
    Chs.Run run = score("cases.csv", CASES + "C-1,A-1,sales,2026-06-01,,\n"
        + "C-2,A-1,service,2026-07-01T00:00:01Z,,\nC-3,A-2,sales,2026-12-01,,\n");

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.errLines()).containsExactly(
        "warning: 2 signals are dated after the as-of instant 2026-07-01T00:00:00Z and did not"
            + " count",
        "read 3 rows: 3 used, 0 rejected");
    assertThat(rows()).containsExactly(List.of("A-1", "sales", "0"), List.of("A-1", "*", "0"));
  }

  @Test
  @Tag("CSV-35")
  void filesAreNotCheckedAgainstEachOther() throws IOException {
    Chs.Run run = score(
        "accounts.csv", "account_id,name\nA-1,Acme\nA-2,Bolt\n",
        "contracts.csv", "account_id,cloud,arr,renewal_date\nA-3,service,100,\n",
        "cases.csv", CASES + "C-1,A-1,sales,2026-06-01,,\nC-2,A-9,sales,2026-06-02,,\n");

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.lastErrLine()).isEqualTo("read 5 rows: 5 used, 0 rejected");
    // A-2 has a name but no signal; A-9 has a case but no name; A-3 has a contract only.
    assertThat(rows()).containsExactly(
        List.of("A-1", "sales", "0"), List.of("A-1", "*", "0"),
        List.of("A-3", "service", "100"), List.of("A-3", "*", "100"),
        List.of("A-9", "sales", "0"), List.of("A-9", "*", "0"));
  }

  @Test
  @Tag("CSV-39")
  void signalsThatNoKpiReadsAreCountedInAWarning() throws IOException {
    Chs.Run run = score(
        "metrics.csv", "account_id,cloud,nps\nA-1,sales,42\n",
        "renewals.csv", "account_id,cloud,renewal_date,outcome\nA-1,sales,2026-01-01,renewed\n");

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.errLines()).containsExactly(
        "warning: 2 signals were read by no KPI of the model (such as renewal outcomes, and"
            + " metrics.csv columns that name no KPI)",
        "read 2 rows: 2 used, 0 rejected");
  }
}
