package dev.chs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Usage errors exit with code 2 and say what was wrong; help and version work everywhere. */
class UsageErrorTest {
  @TempDir Path temp;

  private Path data() throws IOException {
    Path data = temp.resolve("data");
    Files.createDirectories(data);
    Files.writeString(data.resolve("sentiment.csv"),
        "account_id,cloud,observed_at,score\nA-1,sales,2026-06-01,0.5\n");
    return data;
  }

  private Chs.Run score(String... more) throws IOException {
    String[] args = new String[more.length + 1];
    args[0] = "score";
    System.arraycopy(more, 0, args, 1, more.length);
    return Chs.run(args);
  }

  @Test
  @Tag("CLI-01")
  void score_withoutData_exits2NamingTheOption() throws IOException {
    Chs.Run run = score("--as-of", "2026-07-01");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("Missing required option: '--data=DIR'");
  }

  @Test
  @Tag("CSV-01")
  void score_missingFolder_exits2() throws IOException {
    Chs.Run run = score("--data", temp.resolve("nowhere").toString(), "--as-of", "2026-07-01",
        "--rejects", temp.resolve("r.csv").toString());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("--data: must be a data-set folder, was '")
        .contains("(missing)");
    assertThat(run.lastErrLine()).isEqualTo("read 0 rows: 0 used, 0 rejected");
  }

  @Test
  @Tag("CSV-02")
  void score_emptyFolder_exits2() throws IOException {
    Path empty = Files.createDirectory(temp.resolve("empty"));

    Chs.Run run = score("--data", empty.toString(), "--as-of", "2026-07-01",
        "--rejects", temp.resolve("r.csv").toString());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("holds no data file; expected at least one of");
    assertThat(run.lastErrLine()).isEqualTo("read 0 rows: 0 used, 0 rejected");
  }

  @ParameterizedTest
  @ValueSource(strings = {"yesterday", "2026-13-01", "2026-07-01T10:00:00", "07/01/2026"})
  @Tag("CSV-38")
  void score_unparseableDate_exits2(String date) throws IOException {
    Chs.Run run = score("--data", data().toString(), "--as-of", date);

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("Invalid value for option '--as-of'")
        .contains("expected a date such as 2026-11-30").contains("'" + date + "'");
  }

  @Test
  void score_asOfWithAnOffset_isThatInstant() throws IOException {
    Chs.Run run = score("--data", data().toString(), "--as-of", "2026-07-01T02:00:00+02:00",
        "--rejects", temp.resolve("r.csv").toString());

    assertThat(run.code()).isZero();
    assertThat(run.out()).contains(",2026-07-01T00:00:00Z,");
  }

  @Test
  @Tag("MODEL-25")
  void score_badModelFile_exits2AndPrintsEveryErrorWithItsPath() throws IOException {
    Path model = temp.resolve("model.yaml");
    Files.writeString(model, "version: 1\nmin_coverage: 2\nkpis:\n"
        + "  - id: sentiment\n    weight: -1\n  - id: no_such_kpi\n    weight: 1\n");

    Chs.Run run = score("--data", data().toString(), "--as-of", "2026-07-01",
        "--model", model.toString());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("the model file is not valid")
        .contains("min_coverage").contains("kpis[0].weight").contains("kpis[1].id")
        .contains("no_such_kpi");
    assertThat(run.lastErrLine()).isEqualTo("read 0 rows: 0 used, 0 rejected");
  }

  @Test
  @Tag("MODEL-25")
  void score_modelWithoutAKnownExtension_exits2() throws IOException {
    Path model = Files.writeString(temp.resolve("model.txt"), "version: 1\n");

    Chs.Run run = score("--data", data().toString(), "--as-of", "2026-07-01",
        "--model", model.toString());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("must end in .yaml, .yml or .json");
  }

  @Test
  @Tag("MODEL-03")
  void score_missingModelFile_exits2() throws IOException {
    Chs.Run run = score("--data", data().toString(), "--as-of", "2026-07-01",
        "--model", temp.resolve("absent.yaml").toString());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("no such file").contains("absent.yaml");
  }

  @Test
  @Tag("CSV-43")
  void score_unknownFormat_exits2() throws IOException {
    Chs.Run run = score("--data", data().toString(), "--as-of", "2026-07-01", "--format", "xml");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("Invalid value for option '--format'");
  }

  @Test
  @Tag("CSV-43")
  void score_unknownOption_exits2() throws IOException {
    Chs.Run run = score("--data", data().toString(), "--as-of", "2026-07-01", "--fast");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("Unknown option: '--fast'");
  }

  @Test
  @Tag("CSV-43")
  void score_outAndRejectsTheSameFile_exits2() throws IOException {
    Path file = temp.resolve("same.csv");

    Chs.Run run = score("--data", data().toString(), "--as-of", "2026-07-01",
        "--out", file.toString(), "--rejects", file.toString());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("--out and --rejects: must name different files");
  }

  @Test
  @Tag("CSV-43")
  void chs_withoutACommand_exits2WithUsage() {
    Chs.Run run = Chs.run();

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("name a command").contains("Usage: chs");
  }

  @Test
  @Tag("CSV-43")
  void chs_unknownCommand_exits2() {
    Chs.Run run = Chs.run("scores");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("Unmatched argument");
  }

  @ParameterizedTest
  @ValueSource(strings = {"demo", "score", "report", "watchlist", "generate"})
  void help_worksForEveryCommand(String command) {
    Chs.Run run = Chs.run(command, "--help");

    assertThat(run.code()).isZero();
    assertThat(run.out()).startsWith("Usage: chs " + command).contains("--help")
        .contains("--version");
  }

  @Test
  void help_ofTheTopCommand_listsTheCommandsAndExitCodes() {
    Chs.Run run = Chs.run("--help");

    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("demo").contains("score").contains("report")
        .contains("watchlist").contains("generate").contains("Exit codes: 0 success");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "demo", "score", "report", "watchlist", "generate"})
  void version_worksForEveryCommand(String command) {
    Chs.Run run = command.isEmpty() ? Chs.run("--version") : Chs.run(command, "--version");

    assertThat(run.code()).isZero();
    assertThat(run.out()).startsWith("chs 0.1.0");
  }
}
