package dev.chs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.chs.api.HealthScore;
import dev.chs.api.kpi.KpiResult;
import dev.chs.cli.data.DataSetReader;
import dev.chs.cli.generate.PortfolioGenerator;
import dev.chs.cli.output.ScoreTable;
import dev.chs.core.aggregate.SignalAggregator;
import dev.chs.core.model.HealthModel;
import dev.chs.core.model.ModelFile;
import dev.chs.core.model.WeightedKpi;
import dev.chs.core.score.AccountHealth;
import dev.chs.core.score.CloudHealth;
import dev.chs.core.score.OverallHealth;
import dev.chs.core.score.Scorer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoreCommandTest {
  private static final String AS_OF = "2026-11-30";

  @TempDir static Path sample;

  private static HealthModel model;
  private static Chs.Run csvRun;

  @TempDir Path temp;

  @BeforeAll
  static void scoreTheSample() throws IOException {
    Chs.copySample(sample);
    model = ModelFile.defaultModel(ChsCommand.registry());
    csvRun = Chs.run("score", "--data", sample.toString(), "--as-of", AS_OF,
        "--rejects", sample.resolve("rejects.csv").toString());
  }

  @Test
  void score_sample_writesExactlyTheProductColumns() throws IOException {
    assertThat(csvRun.code()).isZero();
    List<String> header = Chs.csv(csvRun.out()).get(0);

    List<String> expected = new ArrayList<>(List.of(
        "account_id", "cloud", "as_of", "score", "band", "coverage", "renewal_probability", "arr",
        "expected_loss", "flags"));
    for (WeightedKpi kpi : model.kpis()) {
      expected.add(kpi.id());
      expected.add(kpi.id() + "_score");
    }
    assertThat(header).containsExactlyElementsOf(expected);
    assertThat(header).containsExactlyElementsOf(ScoreTable.columns(model));
  }

  @Test
  void score_sample_everyCellEqualsWhatTheLibraryComputes() throws IOException {
    // The library, through its API alone.
    SignalAggregator aggregator = SignalAggregator.of(model, PortfolioGenerator.DEFAULT_END);
    DataSetReader.lenient()
        .read(sample, aggregator::add, (a, n) -> {}, r -> {})
        .suppliedSources()
        .forEach(aggregator::declareSource);
    List<AccountHealth> health =
        Scorer.of(model).scoreAll(aggregator.results(), PortfolioGenerator.DEFAULT_END);

    List<List<String>> rows = Chs.csv(csvRun.out());
    List<String> header = rows.get(0);
    List<Map<String, String>> expected = new ArrayList<>();
    for (AccountHealth account : health) {
      account.clouds().forEach(c -> expected.add(cloudRow(account, c)));
      expected.add(overallRow(account));
    }

    assertThat(rows).hasSize(expected.size() + 1);
    int cells = 0;
    for (int r = 1; r < rows.size(); r++) {
      Map<String, String> want = expected.get(r - 1);
      for (int c = 0; c < header.size(); c++) {
        String column = header.get(c);
        String actual = rows.get(r).get(c);
        String wanted = want.getOrDefault(column, "");
        if (isNumber(wanted) && isNumber(actual)) {
          assertThat(Double.parseDouble(actual))
              .as("row %d, %s", r, column).isEqualTo(Double.parseDouble(wanted));
        } else {
          assertThat(actual).as("row %d, %s", r, column).isEqualTo(wanted);
        }
        cells++;
      }
    }
    assertThat(cells).isGreaterThan(10_000);
  }

  private static Map<String, String> cloudRow(AccountHealth account, CloudHealth cloud) {
    Map<String, String> row = new LinkedHashMap<>();
    row.put("account_id", account.account().value());
    row.put("cloud", cloud.cloud().value());
    row.put("as_of", "2026-11-30T00:00:00Z");
    if (cloud.score() instanceof HealthScore.Scored scored) {
      row.put("score", Double.toString(scored.score()));
      row.put("band", scored.band().name());
      row.put("flags", String.join(";", new TreeSet<>(scored.flags())));
    } else {
      row.put("flags", String.join(";", weighedFlags(cloud.score())));
    }
    row.put("coverage", Double.toString(cloud.score().coverage()));
    row.put("renewal_probability", text(cloud.renewalProbability()));
    row.put("arr", Double.toString(cloud.arr()));
    row.put("expected_loss", text(cloud.expectedLoss()));
    for (KpiResult result : cloud.score().kpis()) {
      if (result instanceof KpiResult.Scored kpi) {
        row.put(kpi.kpiId(), Double.toString(kpi.raw()));
        row.put(kpi.kpiId() + "_score", Double.toString(kpi.score()));
      }
    }
    return row;
  }

  private static Map<String, String> overallRow(AccountHealth account) {
    Map<String, String> row = new LinkedHashMap<>();
    row.put("account_id", account.account().value());
    row.put("cloud", "*");
    row.put("as_of", "2026-11-30T00:00:00Z");
    row.put("coverage", Double.toString(account.overall().coverage()));
    row.put("arr", Double.toString(account.overall().arr()));
    if (account.overall() instanceof OverallHealth.Scored overall) {
      row.put("score", Double.toString(overall.score()));
      row.put("band", overall.band().name());
      row.put("renewal_probability", Double.toString(overall.renewalProbability()));
      row.put("expected_loss", Double.toString(overall.expectedLoss()));
    }
    TreeSet<String> flags = new TreeSet<>();
    for (CloudHealth cloud : account.clouds()) {
      if (cloud.score() instanceof HealthScore.Scored scored) {
        flags.addAll(scored.flags());
      } else {
        flags.addAll(weighedFlags(cloud.score()));
      }
    }
    row.put("flags", String.join(";", flags));
    return row;
  }

  /** The flags of an unscored cloud: those of its measured KPIs that weigh in the cloud. */
  private static TreeSet<String> weighedFlags(HealthScore score) {
    TreeSet<String> flags = new TreeSet<>();
    for (KpiResult result : score.kpis()) {
      if (result instanceof KpiResult.Scored kpi
          && model.kpi(kpi.kpiId()).orElseThrow().weightIn(score.cloud()) > 0) {
        flags.addAll(kpi.flags());
      }
    }
    return flags;
  }

  private static String text(OptionalDouble value) {
    return value.isPresent() ? Double.toString(value.getAsDouble()) : "";
  }

  private static boolean isNumber(String text) {
    try {
      Double.parseDouble(text);
      return !text.isEmpty();
    } catch (NumberFormatException e) {
      return false;
    }
  }

  @Test
  void score_jsonl_parsesBackToTheSameCellsAsCsv() throws IOException {
    Chs.Run jsonl = Chs.run("score", "--data", sample.toString(), "--as-of", AS_OF,
        "--format", "jsonl", "--rejects", temp.resolve("rejects.csv").toString());

    assertThat(jsonl.code()).isZero();
    List<List<String>> csv = Chs.csv(csvRun.out());
    String[] lines = jsonl.out().split("\n");
    assertThat(lines).hasSize(csv.size() - 1);
    JsonFactory json = new JsonFactory();
    for (int i = 0; i < lines.length; i++) {
      List<String> keys = new ArrayList<>();
      List<String> values = new ArrayList<>();
      try (JsonParser parser = json.createParser(lines[i])) {
        assertThat(parser.nextToken()).isEqualTo(JsonToken.START_OBJECT);
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          keys.add(parser.currentName());
          JsonToken value = parser.nextToken();
          values.add(value == JsonToken.VALUE_NULL ? "" : parser.getText());
          if (isNumber(parser.getText())) {
            assertThat(value).isIn(JsonToken.VALUE_NUMBER_INT, JsonToken.VALUE_NUMBER_FLOAT);
          }
        }
        assertThat(parser.nextToken()).isNull();
      }
      assertThat(keys).isEqualTo(csv.get(0));
      assertThat(values).as("line %d", i + 1).isEqualTo(csv.get(i + 1));
    }
  }

  @Test
  void score_sample_endsStandardErrorWithTheSummaryLine() {
    assertThat(csvRun.lastErrLine()).isEqualTo("read 23577 rows: 23577 used, 0 rejected");
    assertThat(csvRun.errLines()).filteredOn(l -> l.startsWith("read ")).hasSize(1);
    assertThat(csvRun.err()).contains("warning: 1366 signals were read by no KPI");
  }

  @Test
  void score_out_writesTheFileAndRejectsBesideIt() throws IOException {
    Path data = Files.createDirectory(temp.resolve("data"));
    Files.writeString(data.resolve("cases.csv"),
        "case_id,account_id,cloud,opened_at,closed_at,first_contact_resolution\n"
            + "C-1,A-1,service,2026-06-01,,\nC-2,A-1,service,yesterday,,\n");
    Path out = Files.createDirectory(temp.resolve("out")).resolve("scores.csv");

    Chs.Run run = Chs.run("score", "--data", data.toString(), "--as-of", "2026-07-01",
        "--out", out.toString());

    assertThat(run.code()).isZero();
    assertThat(run.out()).isEmpty();
    assertThat(Chs.csv(out)).hasSize(3);
    assertThat(Chs.csv(out.resolveSibling("rejects.csv")))
        .containsExactly(List.of("file", "line", "reason"), List.of("cases.csv", "3",
            "opened_at: cannot parse 'yesterday' as an ISO-8601 instant or date"));
    assertThat(run.lastErrLine()).isEqualTo("read 2 rows: 1 used, 1 rejected");
  }

  @Test
  void score_accountIdThatIsAFormula_isEscapedInCsvButNotInJsonl() throws IOException {
    String id = "=HYPERLINK(\"http://evil.example\",\"click\")";
    Path data = Files.createDirectory(temp.resolve("data"));
    Files.writeString(data.resolve("contracts.csv"), "account_id,cloud,arr,renewal_date\n"
        + "\"=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\",-sales,1000,\n");
    Files.writeString(data.resolve("sentiment.csv"), "account_id,cloud,observed_at,score\n"
        + "\"=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\",-sales,2026-06-01,-0.5\n");
    Path rejects = temp.resolve("rejects.csv");

    Chs.Run csv = Chs.run("score", "--data", data.toString(), "--as-of", "2026-07-01",
        "--rejects", rejects.toString(), "--model", minimalModel().toString());
    Chs.Run jsonl = Chs.run("score", "--data", data.toString(), "--as-of", "2026-07-01",
        "--rejects", rejects.toString(), "--model", minimalModel().toString(),
        "--format", "jsonl");

    assertThat(csv.code()).as(csv.err()).isZero();
    List<List<String>> rows = Chs.csv(csv.out());
    Map<String, String> cloudRow = zip(rows.get(0), rows.get(1));
    assertThat(cloudRow.get("account_id")).isEqualTo("'" + id);
    assertThat(cloudRow.get("cloud")).isEqualTo("'-sales");
    assertThat(cloudRow.get("sentiment")).isEqualTo("-0.5");
    assertThat(jsonl.out()).contains("\"account_id\":\"=HYPERLINK(\\\"http://evil.example\\\"");
    assertThat(jsonl.out()).contains("\"sentiment\":-0.5,");
  }

  private Path minimalModel() throws IOException {
    Path file = temp.resolve("model.yaml");
    Files.writeString(file, "version: 1\nkpis:\n  - id: sentiment\n    weight: 1\n");
    return file;
  }

  private static Map<String, String> zip(List<String> keys, List<String> values) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      map.put(keys.get(i), values.get(i));
    }
    return map;
  }
}
