package dev.chs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The catalogue of bad input, end to end through {@code chs score}: each bad row is rejected in
 * {@code rejects.csv} with its file, line and reason, the summary line adds up, and {@code
 * --strict} stops with exit code 1, the summary line still last.
 */
class BadInputTest {
  private static final String CASES =
      "case_id,account_id,cloud,opened_at,closed_at,first_contact_resolution\n";
  private static final String GOOD_CASE = "C-1,A-1,service,2026-06-01,,true\n";
  private static final String CONTRACTS = "account_id,cloud,arr,renewal_date\n";
  private static final String GOOD_CONTRACT = "A-1,service,1000,2027-01-01\n";
  private static final String USAGE = "account_id,cloud,date,active_users,licensed_users\n";
  private static final String GOOD_USAGE = "A-1,service,2026-06-01,5,10\n";
  private static final String SENTIMENT = "account_id,cloud,observed_at,score\n";
  private static final String GOOD_SENTIMENT = "A-1,service,2026-06-01,0.5\n";
  private static final String RENEWALS = "account_id,cloud,renewal_date,outcome\n";
  private static final String GOOD_RENEWAL = "A-1,service,2026-01-01,renewed\n";

  @TempDir Path temp;

  static Stream<Arguments> catalogue() {
    return Stream.of(
        bad("missing required column", "cases.csv",
            "case_id,account_id,cloud,opened_at,closed_at\n", "C-1,A-1,service,2026-06-01,\n",
            "C-2,A-1,service,2026-06-02,\n", "has no column 'first_contact_resolution'", 2),
        bad("empty id", "cases.csv", CASES, GOOD_CASE, ",A-1,service,2026-06-01,,\n",
            "case_id", 1),
        bad("empty account id", "cases.csv", CASES, GOOD_CASE, "C-2,,service,2026-06-01,,\n",
            "account_id", 1),
        bad("unparseable timestamp", "cases.csv", CASES, GOOD_CASE,
            "C-2,A-1,service,01/06/2026,,\n", "opened_at: cannot parse '01/06/2026'", 1),
        bad("case closed before opened", "cases.csv", CASES, GOOD_CASE,
            "C-2,A-1,service,2026-06-05,2026-06-01,\n", "closed_at", 1),
        bad("negative count", "usage.csv", USAGE, GOOD_USAGE, "A-1,service,2026-06-02,-3,10\n",
            "active_users", 1),
        bad("non-numeric count", "usage.csv", USAGE, GOOD_USAGE,
            "A-1,service,2026-06-02,five,10\n", "active_users: must be a whole number", 1),
        bad("licensed_users 0", "usage.csv", USAGE, GOOD_USAGE, "A-1,service,2026-06-02,0,0\n",
            "licensed_users", 1),
        bad("non-numeric ARR", "contracts.csv", CONTRACTS, GOOD_CONTRACT,
            "A-2,service,lots,2027-01-01\n", "arr: must be a number, was 'lots'", 1),
        bad("negative ARR", "contracts.csv", CONTRACTS, GOOD_CONTRACT,
            "A-2,service,-5,2027-01-01\n", "arr", 1),
        bad("sentiment above 1", "sentiment.csv", SENTIMENT, GOOD_SENTIMENT,
            "A-1,service,2026-06-02,1.5\n", "score", 1),
        bad("sentiment below -1", "sentiment.csv", SENTIMENT, GOOD_SENTIMENT,
            "A-1,service,2026-06-02,-1.01\n", "score", 1),
        bad("sentiment NaN", "sentiment.csv", SENTIMENT, GOOD_SENTIMENT,
            "A-1,service,2026-06-02,NaN\n", "score", 1),
        bad("boolean other than true or false", "cases.csv", CASES, GOOD_CASE,
            "C-2,A-1,service,2026-06-01,,yes\n", "first_contact_resolution", 1),
        bad("unknown outcome", "renewals.csv", RENEWALS, GOOD_RENEWAL,
            "A-1,service,2025-01-01,lapsed\n", "outcome: must be renewed or churned", 1),
        bad("repeated id", "cases.csv", CASES, GOOD_CASE, "C-1,A-1,sales,2026-06-03,,\n",
            "repeats the id first seen on line 2", 1));
  }

  private static Arguments bad(
      String what, String file, String header, String good, String badRow, String reason,
      int rejected) {
    return Arguments.of(what, file, header + good + badRow, reason, rejected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("catalogue")
  @Tag("CSV-37")
  void score_badRow_isRejectedWithFileLineAndReason(
      String what, String file, String content, String reason, int rejected) throws IOException {
    Path data = dataSet(file, content);
    Path out = Files.createDirectory(temp.resolve("out")).resolve("scores.csv");

    Chs.Run run = Chs.run("score", "--data", data.toString(), "--as-of", "2026-07-01",
        "--out", out.toString());

    assertThat(run.code()).as(run.err()).isZero();
    List<List<String>> rejects = Chs.csv(out.resolveSibling("rejects.csv"));
    assertThat(rejects).hasSize(1 + rejected);
    assertThat(rejects.get(0)).containsExactly("file", "line", "reason");
    List<String> last = rejects.get(rejected);
    assertThat(last.get(0)).isEqualTo(file);
    assertThat(last.get(1)).isEqualTo("3");
    assertThat(last.get(2)).contains(reason);
    assertThat(run.lastErrLine())
        .isEqualTo("read 2 rows: " + (2 - rejected) + " used, " + rejected + " rejected");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("catalogue")
  @Tag("CSV-36")
  void score_strict_stopsAtTheBadRowWithExitCode1(
      String what, String file, String content, String reason, int rejected) throws IOException {
    Path data = dataSet(file, content);
    Path rejectsFile = temp.resolve("rejects.csv");
    Path out = temp.resolve("scores.csv");

    Chs.Run run = Chs.run("score", "--strict", "--data", data.toString(), "--as-of",
        "2026-07-01", "--out", out.toString(), "--rejects", rejectsFile.toString());

    assertThat(run.code()).as(run.err()).isEqualTo(1);
    int line = rejected == 2 ? 2 : 3;
    int read = line - 1;
    assertThat(run.lastErrLine())
        .isEqualTo("read " + read + " rows: " + (read - 1) + " used, 1 rejected");
    assertThat(run.err()).contains("--strict: stopped at " + file + " line " + line + ": ");
    List<List<String>> rejects = Chs.csv(rejectsFile);
    assertThat(rejects).hasSize(2);
    assertThat(rejects.get(1).subList(0, 2)).containsExactly(file, Integer.toString(line));
    assertThat(rejects.get(1).get(2)).contains(reason);
    assertThat(out).doesNotExist();
    assertThat(run.out()).isEmpty();
  }

  private Path dataSet(String file, String content) throws IOException {
    Path data = Files.createDirectory(temp.resolve("data"));
    Files.writeString(data.resolve(file), content);
    return data;
  }
}
