package dev.chs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The command-line entries of {@code docs/bad-input.md}: option values that {@code chs} refuses,
 * with exit code 2 and a message naming the option and the value, before it writes anything.
 */
class BadOptionTest {
  private static final String NOTHING_READ = "read 0 rows: 0 used, 0 rejected";

  @TempDir Path temp;

  /** A data set of one sentiment file, whose third line is a bad row. */
  private Path sentiment() throws IOException {
    Path data = Files.createDirectories(temp.resolve("data"));
    Files.writeString(data.resolve("sentiment.csv"), "account_id,cloud,observed_at,score\n"
        + "A-1,sales,2026-06-01,0.5\nA-1,sales,2026-06-02,1.5\n");
    return data;
  }

  /** A small generated data set with past renewals, for fit and backtest. */
  private Path renewals() {
    Path data = temp.resolve("generated");
    Chs.Run generated = Chs.run("generate", "--accounts", "30", "--out", data.toString());
    assertThat(generated.code()).as(generated.err()).isZero();
    return data;
  }

  private String rejects() {
    return temp.resolve("rejects.csv").toString();
  }

  @Test
  @Tag("CLI-01")
  void generate_withoutOut_exits2NamingTheOption() {
    Chs.Run run = Chs.run("generate", "--accounts", "5");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.errLines()).containsExactly(
        "chs: Missing required option: '--out=DIR'", "Try 'chs generate --help' for more.");
    assertThat(run.out()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"fit", "backtest"})
  @Tag("CLI-01")
  void learning_withoutData_exits2NamingTheOption(String command) {
    Chs.Run run = Chs.run(command, "--lead", "30");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.errLines()).containsExactly("chs: Missing required option: '--data=DIR'",
        "Try 'chs " + command + " --help' for more.");
  }

  @Test
  @Tag("CLI-01")
  void report_withoutAsOf_exits2NamingTheOption() throws IOException {
    Chs.Run run = Chs.run("report", "--data", sentiment().toString());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).startsWith("chs: Missing required option: '--as-of=DATE'\n");
    assertThat(temp.resolve("chs-report.html")).doesNotExist();
  }

  @Test
  @Tag("CLI-02")
  void score_optionWithoutItsValue_exits2() throws IOException {
    Chs.Run run = Chs.run("score", "--data", sentiment().toString(), "--as-of");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err())
        .startsWith("chs: Missing required parameter for option '--as-of' (DATE)\n");
  }

  @Test
  @Tag("CLI-02")
  void score_optionGivenTwice_exits2() throws IOException {
    String data = sentiment().toString();

    Chs.Run run = Chs.run("score", "--data", data, "--data", data, "--as-of", "2026-07-01",
        "--rejects", rejects());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).startsWith("chs: option '--data' (DIR) should be specified only once\n");
    assertThat(Path.of(rejects())).doesNotExist();
  }

  @Test
  @Tag("CLI-03")
  void numberThatDoesNotParse_exits2NamingOptionAndValue() {
    Chs.Run accounts = Chs.run("generate", "--accounts", "3000000000", "--out",
        temp.resolve("g").toString());
    Chs.Run seed = Chs.run("fit", "--data", temp.toString(), "--seed", "1.5");
    Chs.Run folds = Chs.run("backtest", "--data", temp.toString(), "--folds", "five");
    Chs.Run lead = Chs.run("fit", "--data", temp.toString(), "--lead", "");

    assertThat(accounts.code()).isEqualTo(2);
    assertThat(accounts.err()).startsWith(
        "chs: Invalid value for option '--accounts': '3000000000' is not an int\n");
    assertThat(temp.resolve("g")).doesNotExist();
    assertThat(seed.code()).isEqualTo(2);
    assertThat(seed.err())
        .startsWith("chs: Invalid value for option '--seed': '1.5' is not a long\n");
    assertThat(folds.code()).isEqualTo(2);
    assertThat(folds.err())
        .startsWith("chs: Invalid value for option '--folds': 'five' is not an int\n");
    assertThat(lead.code()).isEqualTo(2);
    assertThat(lead.err()).startsWith("chs: Invalid value for option '--lead': '' is not an int\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "100000000"})
  @Tag("CLI-04")
  void generate_accountsOutOfRange_exits2AndWritesNothing(String accounts) {
    Path out = temp.resolve("generated");

    Chs.Run run = Chs.run("generate", "--accounts", accounts, "--out", out.toString());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.errLines())
        .containsExactly("chs: accounts: must be in [1, 99999999], was " + accounts);
    assertThat(run.out()).isEmpty();
    assertThat(out).doesNotExist();
  }

  @Test
  @Tag("CLI-05")
  void generate_endThatIsNoDate_exits2() {
    Chs.Run run = Chs.run("generate", "--end", "07/01/2026", "--out", temp.toString());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).startsWith("chs: Invalid value for option '--end': expected a date"
        + " such as 2026-11-30 or an instant such as 2026-11-30T00:00:00Z, was '07/01/2026'\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0999-12-31", "9999-01-01"})
  @Tag("CLI-05")
  void generate_endOutsideTheYearsItWrites_exits2(String end) {
    Path out = temp.resolve("generated");

    Chs.Run run = Chs.run("generate", "--end", end, "--out", out.toString());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.errLines()).containsExactly(
        "chs: end: must be in a year from 1000 to 9998, was " + end + "T00:00:00Z");
    assertThat(out).doesNotExist();
  }

  @ParameterizedTest
  @ValueSource(strings = {"fit", "backtest"})
  @Tag("CLI-06")
  void learning_negativeLead_exits2BeforeReading(String command) throws IOException {
    Chs.Run run = Chs.run(command, "--data", sentiment().toString(), "--lead", "-5",
        "--rejects", rejects());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.errLines())
        .containsExactly("chs: --lead: must be >= 0 days, was -5", NOTHING_READ);
    assertThat(Path.of(rejects())).doesNotExist();
  }

  @ParameterizedTest
  @ValueSource(strings = {"1", "0", "-3", "100000"})
  @Tag("CLI-07")
  void backtest_foldsOutOfRange_exits2NamingTheRange(String folds) {
    Path data = renewals();

    Chs.Run run = Chs.run("backtest", "--data", data.toString(), "--folds", folds,
        "--rejects", rejects());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.errLines()).hasSize(2);
    assertThat(run.errLines().get(0)).matches("chs: folds: must be in \\[2, \\d+\\] \\(the rows"
        + " of the rarer outcome\\), was " + folds);
    assertThat(run.lastErrLine()).matches("read \\d+ rows: \\d+ used, 0 rejected")
        .isNotEqualTo(NOTHING_READ);
    assertThat(run.out()).isEmpty();
    assertThat(Path.of(rejects())).hasContent("file,line,reason");
  }

  @Test
  @Tag("CLI-08")
  void backtest_unknownSplitOrFormat_exits2ListingTheValues() {
    Chs.Run split = Chs.run("backtest", "--data", temp.toString(), "--split", "random");
    Chs.Run format = Chs.run("backtest", "--data", temp.toString(), "--format", "xml");

    assertThat(split.code()).isEqualTo(2);
    assertThat(split.err()).startsWith("chs: Invalid value for option '--split': expected one"
        + " of [KFOLD, TIME] (case-insensitive) but was 'random'\n");
    assertThat(format.code()).isEqualTo(2);
    assertThat(format.err()).startsWith("chs: Invalid value for option '--format': expected one"
        + " of [TABLE, JSON] (case-insensitive) but was 'xml'\n");
  }

  @Test
  @Tag("CLI-09")
  void score_flagGivenAValueOtherThanTrueOrFalse_exits2() throws IOException {
    Chs.Run run = Chs.run("score", "--data", sentiment().toString(), "--as-of", "2026-07-01",
        "--strict=maybe");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err())
        .startsWith("chs: Invalid value for option '--strict': 'maybe' is not a boolean\n");
  }

  @Test
  @Tag("CLI-09")
  void score_strictFalse_readsLeniently() throws IOException {
    Chs.Run run = Chs.run("score", "--data", sentiment().toString(), "--as-of", "2026-07-01",
        "--strict=false", "--rejects", rejects());

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.lastErrLine()).isEqualTo("read 2 rows: 1 used, 1 rejected");
  }

  @ParameterizedTest
  @ValueSource(strings = {"score", "watchlist", "report"})
  @Tag("CLI-10")
  void outInAMissingFolder_exits2NamingTheOptionBeforeReading(String command)
      throws IOException {
    Path out = temp.resolve("nowhere").resolve("out.csv");

    Chs.Run run = Chs.run(command, "--data", sentiment().toString(), "--as-of", "2026-07-01",
        "--out", out.toString());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.errLines()).containsExactly("chs: --out: must name a file in an existing"
        + " folder, was '" + out + "' (no folder " + out.getParent() + ")", NOTHING_READ);
    assertThat(run.out()).isEmpty();
  }

  @Test
  @Tag("CLI-10")
  void score_outThatIsAFolder_exits2BeforeWritingRejects() throws IOException {
    Path folder = Files.createDirectory(temp.resolve("folder"));

    Chs.Run run = Chs.run("score", "--data", sentiment().toString(), "--as-of", "2026-07-01",
        "--out", folder.toString());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.errLines()).containsExactly(
        "chs: --out: must name a file, was '" + folder + "' (a folder)", NOTHING_READ);
    assertThat(folder).isEmptyDirectory();
  }

  @ParameterizedTest
  @ValueSource(strings = {"score", "fit", "backtest"})
  @Tag("CLI-10")
  void rejectsThatCannotBeWritten_exits2NamingTheOption(String command) throws IOException {
    Path folder = Files.createDirectory(temp.resolve("folder"));
    Path missing = temp.resolve("nowhere").resolve("rejects.csv");
    String data = sentiment().toString();
    String[] asOf = command.equals("score") ? new String[] {"--as-of", "2026-07-01"}
        : new String[] {"--lead", "30"};

    Chs.Run intoFolder = Chs.run(command, "--data", data, asOf[0], asOf[1],
        "--rejects", folder.toString());
    Chs.Run intoNowhere = Chs.run(command, "--data", data, asOf[0], asOf[1],
        "--rejects", missing.toString());

    assertThat(intoFolder.code()).isEqualTo(2);
    assertThat(intoFolder.errLines()).containsExactly(
        "chs: --rejects: must name a file, was '" + folder + "' (a folder)", NOTHING_READ);
    assertThat(intoNowhere.code()).isEqualTo(2);
    assertThat(intoNowhere.errLines()).containsExactly("chs: --rejects: must name a file in an"
        + " existing folder, was '" + missing + "' (no folder " + missing.getParent() + ")",
        NOTHING_READ);
  }

  @Test
  @Tag("CLI-10")
  void demo_outInAMissingFolder_exits2BeforeScoring() {
    Path out = temp.resolve("nowhere").resolve("report.html");

    Chs.Run run = Chs.run("demo", "--out", out.toString());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.errLines()).containsExactly("chs: --out: must name a file in an existing"
        + " folder, was '" + out + "' (no folder " + out.getParent() + ")", NOTHING_READ);
    assertThat(run.out()).isEmpty();
  }

  @Test
  @Tag("CLI-11")
  void generate_outThatIsAFile_exits2() throws IOException {
    Path file = Files.writeString(temp.resolve("notes.txt"), "keep me\n");

    Chs.Run run = Chs.run("generate", "--accounts", "2", "--out", file.toString());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.errLines()).containsExactly("chs: --out: must be a folder, or missing so"
        + " that it is created, was '" + file + "' (a file)");
    assertThat(file).hasContent("keep me");
  }

  @Test
  @Tag("CLI-12")
  void fit_outWithoutAModelFileExtension_exits2BeforeReading() throws IOException {
    Path out = temp.resolve("model.txt");

    Chs.Run run = Chs.run("fit", "--data", sentiment().toString(), "--out", out.toString(),
        "--rejects", rejects());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.errLines()).containsExactly("chs: --out: must end in .yaml, .yml or .json to"
        + " tell the model file's format, was '" + out + "'", NOTHING_READ);
    assertThat(out).doesNotExist();
    assertThat(Path.of(rejects())).doesNotExist();
  }

  @Test
  @Tag("CLI-10")
  void fit_outInAMissingFolder_exits2BeforeReading() throws IOException {
    Path out = temp.resolve("nowhere").resolve("model.yaml");

    Chs.Run run = Chs.run("fit", "--data", sentiment().toString(), "--out", out.toString(),
        "--rejects", rejects());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.errLines()).containsExactly("chs: --out: must name a file in an existing"
        + " folder, was '" + out + "' (no folder " + out.getParent() + ")", NOTHING_READ);
  }

  @Test
  @Tag("CLI-13")
  void backtest_foldsWithATimeSplit_exits2_andATimeSplitAloneRuns() throws IOException {
    Path data = renewals();

    Chs.Run withFolds = Chs.run("backtest", "--data", data.toString(), "--split", "time",
        "--folds", "5", "--format", "json", "--rejects", rejects());
    Chs.Run without = Chs.run("backtest", "--data", data.toString(), "--split", "time",
        "--format", "json", "--rejects", rejects());

    assertThat(withFolds.code()).isEqualTo(2);
    assertThat(withFolds.errLines()).containsExactly(
        "chs: --folds: only with --split kfold, which has folds; was 5 with --split time",
        NOTHING_READ);
    assertThat(without.code()).as(without.err()).isZero();
    JsonNode report = new ObjectMapper().readTree(without.out());
    assertThat(report.get("validation").asText()).isEqualTo("time_split");
  }
}
