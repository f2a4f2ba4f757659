package dev.chs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chs.core.model.HealthModel;
import dev.chs.core.model.ModelFile;
import dev.chs.core.model.RenewalMapping;
import dev.chs.core.plugin.KpiRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LearnCommandsTest {
  @TempDir Path dir;

  @Test
  void fit_writesACalibratedModelFileThatScoreUses() throws IOException {
    Path sample = Chs.copySample(Files.createDirectory(dir.resolve("sample")));
    Path model = dir.resolve("model.yaml");

    Chs.Run fit = Chs.run("fit", "--data", sample.toString(), "--out", model.toString(),
        "--rejects", dir.resolve("rejects.csv").toString());

    assertThat(fit.code()).isZero();
    assertThat(fit.lastErrLine()).isEqualTo("read 23577 rows: 23577 used, 0 rejected");
    assertThat(fit.errLines()).contains("fitted 849 renewals (114 churned) with 6 KPIs in 16"
        + " rounds, calibrated isotonically with levels of at least 25 held-out accounts");
    HealthModel fitted = ModelFile.read(model, KpiRegistry.discover());
    // Isotonic by default: a mapping learned from the renewals, rising with the score.
    assertThat(fitted.renewal()).isInstanceOf(RenewalMapping.Isotonic.class);
    assertThat(fitted.renewal().probability(100))
        .isGreaterThan(fitted.renewal().probability(0));

    Chs.Run score = Chs.run("score", "--data", sample.toString(), "--as-of", "2026-11-30",
        "--model", model.toString(), "--rejects", dir.resolve("rejects.csv").toString());
    assertThat(score.code()).isZero();
    assertThat(score.out()).startsWith("account_id,cloud,as_of,score,band,coverage");
  }

  @Test
  void fit_isDeterministicForASeed() throws IOException {
    Path sample = Chs.copySample(Files.createDirectory(dir.resolve("sample")));
    String rejects = dir.resolve("rejects.csv").toString();

    Chs.Run first = Chs.run("fit", "--data", sample.toString(), "--rejects", rejects);
    Chs.Run second = Chs.run("fit", "--data", sample.toString(), "--rejects", rejects);

    assertThat(first.code()).isZero();
    assertThat(first.out()).startsWith("version: 1").isEqualTo(second.out());
  }

  @Test
  void backtest_json_holdsTheLearnedModelAndBothPeers() throws IOException {
    Path sample = Chs.copySample(Files.createDirectory(dir.resolve("sample")));

    Chs.Run run = Chs.run("backtest", "--data", sample.toString(), "--format", "json",
        "--rejects", dir.resolve("rejects.csv").toString());

    assertThat(run.code()).isZero();
    JsonNode report = new ObjectMapper().readTree(run.out());
    assertThat(report.get("folds").asInt()).isEqualTo(5);
    assertThat(report.get("seed").asLong()).isEqualTo(7);
    List<String> names = new ArrayList<>();
    for (JsonNode model : report.get("models")) {
      names.add(model.get("name").asText());
      assertThat(model.get("auc").asDouble()).isBetween(0.0, 1.0);
      assertThat(model.get("brier").asDouble()).isBetween(0.0, 1.0);
      assertThat(model.get("log_loss").asDouble()).isPositive();
    }
    assertThat(names).contains("learned", "default", "logistic");
  }

  @Test
  void backtest_table_isTheDefault() throws IOException {
    Path sample = Chs.copySample(Files.createDirectory(dir.resolve("sample")));

    Chs.Run run = Chs.run("backtest", "--data", sample.toString(), "--split", "time",
        "--rejects", dir.resolve("rejects.csv").toString());

    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("model").contains("AUC").contains("learned")
        .contains("default").contains("logistic");
  }

  @Test
  void fit_withoutRenewals_isAUsageError() throws IOException {
    Path data = Files.createDirectory(dir.resolve("data"));
    Files.writeString(data.resolve("sentiment.csv"),
        "account_id,cloud,observed_at,score\nA-1,sales,2026-01-01,0.5\n");

    Chs.Run run = Chs.run("fit", "--data", data.toString(),
        "--rejects", dir.resolve("rejects.csv").toString());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("renewals.csv must hold past renewals");
    assertThat(run.lastErrLine()).isEqualTo("read 1 rows: 1 used, 0 rejected");
  }
}
