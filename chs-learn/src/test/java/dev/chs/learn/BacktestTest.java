package dev.chs.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chs.api.AccountId;
import dev.chs.api.CloudId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class BacktestTest {
  private static final RenewalData DATA = Synthetic.data(800, 21, 0.3);
  private static final BacktestReport REPORT =
      Backtest.crossValidate(DATA, 5, 7, FitOptions.DEFAULT);

  @Test
  void comparesTheLearnedModelWithBothPeersOnTheSameRows() {
    assertThat(REPORT.models()).extracting(ModelMetrics::name)
        .containsExactly("learned", "learned_platt", "default", "logistic");
    assertThat(REPORT.rows()).isEqualTo(800);
    assertThat(REPORT.churned()).isEqualTo(DATA.churned());
    ModelMetrics learned = REPORT.model("learned").orElseThrow();
    assertThat(learned.auc()).isGreaterThan(0.7);
    assertThat(learned.reliability()).hasSize(10);
  }

  @Test
  void theLearnedRowReadsTheModelsOwnMappingAndTheOtherRowTheOtherCalibration() {
    BacktestReport platt = Backtest.crossValidate(DATA, 5, 7,
        FitOptions.DEFAULT.withCalibration(Calibration.Kind.PLATT));

    assertThat(platt.models()).extracting(ModelMetrics::name)
        .containsExactly("learned", "learned_isotonic", "default", "logistic");
    // The same model and scores: each calibration gives the same figures under either name.
    assertThat(named("x", platt.model("learned").orElseThrow()))
        .isEqualTo(named("x", REPORT.model("learned_platt").orElseThrow()));
    assertThat(named("x", platt.model("learned_isotonic").orElseThrow()))
        .isEqualTo(named("x", REPORT.model("learned").orElseThrow()));
  }

  private static ModelMetrics named(String name, ModelMetrics m) {
    return new ModelMetrics(name, m.auc(), m.brier(), m.logLoss(), m.topDecileLift(),
        m.topDecileCaptured(), m.reliability(), m.riskDeciles(), m.unscored());
  }

  @Test
  void theSameSeedGivesTheSameReport() {
    assertThat(Backtest.crossValidate(DATA, 5, 7, FitOptions.DEFAULT).toJson())
        .isEqualTo(REPORT.toJson());
  }

  @Test
  void printsOneJsonObjectWithAModelsArray() throws Exception {
    JsonNode json = new ObjectMapper().readTree(REPORT.toJson());

    assertThat(json.get("validation").asText()).isEqualTo("stratified_k_fold");
    assertThat(json.get("folds").asInt()).isEqualTo(5);
    assertThat(json.get("seed").asLong()).isEqualTo(7);
    assertThat(json.get("label").asText()).isEqualTo("churn");
    JsonNode models = json.get("models");
    assertThat(models.size()).isEqualTo(4);
    for (JsonNode model : models) {
      assertThat(model.has("name")).isTrue();
      assertThat(model.get("auc").isNumber()).isTrue();
      assertThat(model.get("brier").isNumber()).isTrue();
      assertThat(model.get("log_loss").isNumber()).isTrue();
      assertThat(model.get("reliability").size()).isEqualTo(10);
      assertThat(model.get("risk_deciles").size()).isBetween(1, 10);
      assertThat(model.get("max_decile_calibration_error").isNumber()).isTrue();
      assertThat(model.get("decile_calibration_pass_chance").isNumber()).isTrue();
    }
  }

  @Test
  void theJsonHoldsEveryFigureAndBinOfTheMetrics() throws Exception {
    JsonNode json = new ObjectMapper().readTree(REPORT.toJson());
    JsonNode node = json.get("models").get(0);
    ModelMetrics learned = REPORT.models().get(0);

    assertThat(node.get("top_decile_lift").asDouble()).isEqualTo(learned.topDecileLift());
    assertThat(node.get("top_decile_churn_captured").asDouble())
        .isEqualTo(learned.topDecileCaptured());
    assertThat(node.get("max_calibration_error").asDouble())
        .isEqualTo(learned.maxCalibrationError());
    assertThat(node.get("calibration_pass_chance").asDouble())
        .isEqualTo(learned.calibrationPassChance());
    assertThat(node.get("max_decile_calibration_error").asDouble())
        .isEqualTo(learned.maxDecileCalibrationError());
    assertThat(node.get("decile_calibration_pass_chance").asDouble())
        .isEqualTo(learned.decileCalibrationPassChance());
    assertThat(node.get("unscored").asInt()).isEqualTo(learned.unscored());
    assertSameBins(node.get("reliability"), learned.reliability());
    assertSameBins(node.get("risk_deciles"), learned.riskDeciles());
  }

  private static void assertSameBins(JsonNode json, List<ReliabilityBin> bins) {
    assertThat(json.size()).isEqualTo(bins.size());
    for (int b = 0; b < bins.size(); b++) {
      JsonNode bin = json.get(b);
      ReliabilityBin expected = bins.get(b);
      assertThat(bin.get("lower").asDouble()).isEqualTo(expected.lower());
      assertThat(bin.get("upper").asDouble()).isEqualTo(expected.upper());
      assertThat(bin.get("count").asInt()).isEqualTo(expected.count());
      if (expected.count() == 0) {
        assertThat(bin.get("mean_predicted").isNull()).isTrue();
        assertThat(bin.get("observed_rate").isNull()).isTrue();
      } else {
        assertThat(bin.get("mean_predicted").asDouble()).isEqualTo(expected.meanPredicted());
        assertThat(bin.get("observed_rate").asDouble()).isEqualTo(expected.observedRate());
      }
    }
  }

  @Test
  void theTablePrintsTheChurnRateAndABinOfEachTable() {
    ModelMetrics learned = REPORT.models().get(0);
    ReliabilityBin width = learned.reliability().get(0);
    ReliabilityBin decile = learned.riskDeciles().get(learned.riskDeciles().size() - 1);
    String table = REPORT.toTable();

    assertThat(table).startsWith(String.format(java.util.Locale.ROOT,
        "data set: %s, 800 renewals, %d churned (%.3f)%n", DATA.name(), DATA.churned(),
        DATA.churned() / 800.0));
    assertThat(table).contains(String.format(java.util.Locale.ROOT, "[0.0, 0.1) %7d %10.3f",
        width.count(), width.meanPredicted()));
    assertThat(table).contains(String.format(java.util.Locale.ROOT, "[%.3f, 1.000] %7d %10.3f",
        decile.lower(), decile.count(), decile.meanPredicted()));
  }

  @Test
  void theTableNamesEveryModel() {
    assertThat(REPORT.toTable()).contains("learned ", "default ", "logistic ", "reliability of",
        "(deciles of risk)", "stratified 5-fold cross-validation, seed 7");
  }

  @Test
  void aTimeSplitTestsOnTheLatestRenewals() {
    BacktestReport split = Backtest.timeSplit(DATA, 0.3, FitOptions.DEFAULT);

    assertThat(split.validation()).isEqualTo("time_split");
    assertThat(split.rows()).isBetween(200, 260);
  }

  @Test
  @Tag("API-31")
  void aTimeSplitNeedsMoreThanOneRenewalDate() {
    List<RenewalData.Renewal> rows = new ArrayList<>();
    double[][] values = new double[40][];
    for (int r = 0; r < 40; r++) {
      rows.add(new RenewalData.Renewal(AccountId.of("A" + r), CloudId.ACCOUNT_WIDE,
          Instant.parse("2020-01-01T00:00:00Z"), r % 3 != 0));
      values[r] = new double[] {r};
    }
    RenewalData snapshot = RenewalData.of("snapshot", List.of("x"), Map.of(), rows, values);

    assertThatThrownBy(() -> Backtest.timeSplit(snapshot, 0.3, FitOptions.DEFAULT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 distinct renewal dates");
  }

  @Test
  @Tag("API-31")
  void rejectsMoreFoldsThanTheRarerOutcomeHasRows() {
    assertThatThrownBy(() -> Backtest.crossValidate(DATA, 10_000, 7, FitOptions.DEFAULT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("folds: must be in [2, ");
  }

  @Test
  @Tag("API-31")
  void takesFromTwoFoldsToAsManyAsTheRarerOutcomeHasRows() {
    RenewalData small = Synthetic.data(60, 5, 0);
    int rarer = Math.min(small.churned(), small.size() - small.churned());

    assertThatThrownBy(() -> Backtest.crossValidate(small, 1, 7, FitOptions.DEFAULT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("folds: must be in [2, " + rarer + "] (the rows of the rarer outcome), was 1");
    assertThatThrownBy(() -> Backtest.crossValidate(small, rarer + 1, 7, FitOptions.DEFAULT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageEndingWith("was " + (rarer + 1));
    assertThat(Backtest.crossValidate(small, 2, 7, FitOptions.DEFAULT).rows()).isEqualTo(60);
    assertThat(Backtest.crossValidate(small, rarer, 7, FitOptions.DEFAULT).folds())
        .isEqualTo(rarer);
  }

  @Test
  void countsTheAccountsEachModelCouldNotScore() {
    // One column predicts and is missing for every other row; the other is constant, so its
    // curve is flat and the learned model leaves it out. A row without x has no KPI to score
    // by, where logistic regression imputes the mean.
    java.util.SplittableRandom random = new java.util.SplittableRandom(3);
    List<RenewalData.Renewal> rows = new ArrayList<>();
    double[][] values = new double[400][];
    for (int r = 0; r < 400; r++) {
      double x = random.nextDouble();
      rows.add(new RenewalData.Renewal(AccountId.of("A" + r), CloudId.ACCOUNT_WIDE,
          Instant.parse("2025-01-01T00:00:00Z"),
          random.nextDouble() < 1 / (1 + Math.exp(-6 * (x - 0.4)))));
      values[r] = new double[] {r % 2 == 0 ? Double.NaN : x, 1};
    }
    RenewalData half = RenewalData.of("half", List.of("x", "c"), Map.of(), rows, values);

    BacktestReport report = Backtest.crossValidate(half, 5, 7, FitOptions.DEFAULT);
    ModelMetrics learned = report.model(Backtest.LEARNED).orElseThrow();

    assertThat(learned.unscored()).isEqualTo(200);
    assertThat(report.model(Backtest.LEARNED_PLATT).orElseThrow().unscored())
        .isEqualTo(learned.unscored());
    assertThat(report.model(Backtest.LOGISTIC).orElseThrow().unscored()).isZero();
  }
}
