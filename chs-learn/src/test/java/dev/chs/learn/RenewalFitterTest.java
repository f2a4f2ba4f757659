package dev.chs.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.chs.api.AccountId;
import dev.chs.api.CloudId;
import dev.chs.api.kpi.Curve;
import dev.chs.api.kpi.Direction;
import dev.chs.api.signal.Metric;
import dev.chs.api.signal.Signal;
import dev.chs.core.model.HealthModel;
import dev.chs.core.model.ModelFile;
import dev.chs.core.model.RenewalMapping;
import dev.chs.core.model.WeightedKpi;
import dev.chs.core.plugin.KpiRegistry;
import dev.chs.core.score.AccountHealth;
import dev.chs.core.score.Scorer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class RenewalFitterTest {
  private static final RenewalData DATA = Synthetic.data(1500, 11, 0);
  private static final FittedModel FITTED = RenewalFitter.fit(DATA, FitOptions.DEFAULT);

  @Test
  void theSameSeedGivesTheSameModelFileBytes() {
    FittedModel again = RenewalFitter.fit(DATA, FitOptions.DEFAULT);

    assertThat(ModelFile.write(again.model(), ModelFile.Format.YAML))
        .isEqualTo(ModelFile.write(FITTED.model(), ModelFile.Format.YAML));
  }

  @Test
  void learnsTheDirectionOfEachColumn() {
    assertThat(FITTED.directions()).containsEntry("usage", Direction.HIGHER_IS_BETTER)
        .containsEntry("tickets", Direction.LOWER_IS_BETTER);
  }

  @Test
  void learnedCurvesAreMonotoneInTheirDirection() {
    for (WeightedKpi kpi : FITTED.model().kpis()) {
      Curve.Steps steps = (Curve.Steps) kpi.curve();
      double previous = steps.below();
      boolean rising = FITTED.directions().get(kpi.id()) == Direction.HIGHER_IS_BETTER;
      for (Curve.Step step : steps.steps()) {
        if (rising) {
          assertThat(step.score()).as(kpi.id()).isGreaterThanOrEqualTo(previous);
        } else {
          assertThat(step.score()).as(kpi.id()).isLessThanOrEqualTo(previous);
        }
        previous = step.score();
      }
    }
  }

  @Test
  void weighsTheInformativeColumnsMost() {
    HealthModel model = FITTED.model();
    double usage = model.kpi("usage").orElseThrow().weight();
    double tickets = model.kpi("tickets").orElseThrow().weight();
    double noise = model.kpi("noise").map(WeightedKpi::weight).orElse(0.0);

    assertThat(usage).isGreaterThan(noise);
    assertThat(tickets).isGreaterThan(noise);
  }

  @Test
  void theModelsRenewalMappingIsItsIsotonicCalibration() {
    RenewalMapping.Isotonic mapping = (RenewalMapping.Isotonic) FITTED.model().renewal();

    assertThat(mapping).isEqualTo(FITTED.isotonic().toMapping());
    assertThat(mapping.probability(100)).isGreaterThan(mapping.probability(0));
  }

  @Test
  void aFittedMetricModelRoundTripsThroughItsModelFile() {
    for (ModelFile.Format format : ModelFile.Format.values()) {
      String text = ModelFile.write(FITTED.model(), format);

      HealthModel read = ModelFile.read(text, format, "fitted", KpiRegistry.discover());

      assertThat(read).as(format.name()).isEqualTo(FITTED.model());
    }
  }

  @Test
  void aFittedSnapshotModelOfRealDataScoresTheSameAfterItsFile() throws IOException {
    KpiRegistry builtIns = KpiRegistry.discover();
    RenewalData data = RenewalData.read(Path.of("../data/iranian-churn"), builtIns, null,
        RenewalData.DEFAULT_LEAD);
    FittedModel fitted = RenewalFitter.fit(data, FitOptions.DEFAULT);
    String yaml = ModelFile.write(fitted.model(), ModelFile.Format.YAML);

    HealthModel read = ModelFile.read(yaml, ModelFile.Format.YAML, "iranian.yaml", builtIns);

    assertThat(yaml).contains("\n    metric: true\n");
    assertThat(read).isEqualTo(fitted.model());
    double[] scores = Predictions.scores(fitted.model(), data);
    assertThat(Predictions.scores(read, data)).containsExactly(scores);
    assertThat(Predictions.renewal(scores, read, 0.5))
        .containsExactly(Predictions.renewal(scores, fitted.model(), 0.5));
  }

  @Test
  void aPlattFitWritesTheMappingTheBacktestReads() {
    FittedModel platt = RenewalFitter.fit(DATA,
        FitOptions.DEFAULT.withCalibration(Calibration.Kind.PLATT));
    String yaml = ModelFile.write(platt.model(), ModelFile.Format.YAML);

    HealthModel read = ModelFile.read(yaml, ModelFile.Format.YAML, "platt.yaml",
        KpiRegistry.discover());

    assertThat(yaml).contains("\nrenewal:").doesNotContain("type: isotonic");
    assertThat(read).isEqualTo(platt.model());
    assertThat(read.renewal()).isEqualTo(platt.platt().toMapping());
    assertThat(platt.platt().b()).isPositive();
    // The same weights and curves as the isotonic fit: only the mapping differs.
    assertThat(read.kpis()).isEqualTo(FITTED.model().kpis());
    double[] scores = Predictions.scores(read, DATA);
    assertThat(Predictions.renewal(scores, read, 0.5)).containsExactly(
        Predictions.renewal(scores, platt.platt().toMapping(), 0.5));
  }

  @Test
  void fitOptionsCalibrateIsotonicallyUnlessTold() {
    assertThat(FitOptions.DEFAULT.calibration()).isEqualTo(Calibration.Kind.ISOTONIC);
    assertThat(new FitOptions(7, 8, 30, 0.3, 3, 300, 30, 0.2, true, 0.5).calibration())
        .isEqualTo(Calibration.Kind.ISOTONIC);
    assertThat(FitOptions.DEFAULT.withCalibration(Calibration.Kind.PLATT).withSeed(3))
        .isEqualTo(new FitOptions(3, 32, 20, 0.3, 1.0, 300, 30, 0.2, true, 0.5,
            Calibration.Kind.PLATT));
    assertThatThrownBy(() -> FitOptions.DEFAULT.withCalibration(null))
        .isInstanceOf(NullPointerException.class).hasMessage("calibration");
  }

  @Test
  void isotonicLevelsHoldATenthOfFewerThan250HeldOutAccounts() {
    assertThat(blockRowsFor(240, z -> 0.5)).isEqualTo(24);
    assertThat(blockRowsFor(9, z -> 0.5)).isEqualTo(1);
  }

  @Test
  void outcomesThatDoNotDependOnTheLogOddsGetTheCoarsestLevels() {
    // Any level finer than the whole is fitted noise, and costs log loss on the other folds.
    assertThat(blockRowsFor(4000, z -> 0.7)).isEqualTo(200);
    // 2,000 rows still leave room for ten levels of 200.
    assertThat(blockRowsFor(2000, z -> 0.7)).isEqualTo(200);
  }

  @Test
  void iranianChurnIsCalibratedWithTheFinestLevels() throws IOException {
    // Its renewal rate rises steeply over a narrow range of scores (docs/renewal-prediction.md).
    RenewalData iranian = RenewalData.read(Path.of("../data/iranian-churn"),
        KpiRegistry.discover(), null, RenewalData.DEFAULT_LEAD);

    assertThat(RenewalFitter.fit(iranian, FitOptions.DEFAULT).calibrationBlockRows())
        .isEqualTo(25);
  }

  @Test
  void choosingTheLevelsNeedsOneFoldAndOutcomePerLogOdds() {
    assertThatThrownBy(() -> RenewalFitter.calibrationBlockRows(
            new double[3], new boolean[3], new int[2], 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("logOdds, renewed, fold: must have the same length, were 3, 3 and 2");
  }

  @Test
  void aSteepRiseInRenewalGetsFinerLevelsThanNoise() {
    // Renewal rises from 0.05 to 0.95 within a tenth of the range of the log-odds: levels of 200
    // accounts would each straddle much of the rise.
    assertThat(blockRowsFor(4000, z -> 1 / (1 + Math.exp(-20 * z)))).isLessThan(200);
  }

  @Test
  void bothCalibrationsKeepTheTrainingRenewalRateOnAverage() {
    int renewed = 0;
    for (RenewalData.Renewal row : DATA.rows()) {
      renewed += row.renewed() ? 1 : 0;
    }
    double[] scores = Predictions.scores(FITTED.model(), DATA);
    double platt = 0;
    double isotonic = 0;
    for (double score : scores) {
      platt += FITTED.platt().probability(score);
      isotonic += FITTED.isotonic().probability(score);
    }

    assertThat(FITTED.trainingRenewalRate()).isEqualTo(renewed / 1500.0);
    // Fitted on held-out log-odds, each maps the final model's scores of the same rows to about
    // the rate that renewed; composed with a wrong map from score to log-odds, they would not.
    assertThat(platt / scores.length).isCloseTo(FITTED.trainingRenewalRate(), within(0.02));
    assertThat(isotonic / scores.length).isCloseTo(FITTED.trainingRenewalRate(), within(0.02));
  }

  @Test
  void theFitRecordsTheLevelsItChose() {
    // 1,500 rows leave room for levels of 25, 50 or 100 held-out accounts.
    assertThat(FITTED.calibrationBlockRows()).isIn(25, 50, 100);
    assertThat(FITTED.isotonic().scores().size()).isLessThanOrEqualTo(1500 / 25);
  }

  /**
   * Returns the level size the fitter chooses for {@code n} held-out log-odds spread evenly over
   * [-3, 3], each renewed with the given probability, dealt to 5 stratified folds.
   */
  private static int blockRowsFor(int n, java.util.function.DoubleUnaryOperator renewal) {
    java.util.Random random = new java.util.Random(11);
    double[] logOdds = new double[n];
    boolean[] renewed = new boolean[n];
    for (int r = 0; r < n; r++) {
      logOdds[r] = -3 + 6.0 * r / n;
      renewed[r] = random.nextDouble() < renewal.applyAsDouble(logOdds[r]);
    }
    int[] fold = dev.chs.learn.internal.Folds.stratified(renewed, 5, 7);
    return RenewalFitter.calibrationBlockRows(logOdds, renewed, fold, 5);
  }

  @Test
  void scoresMetricSignalsLikeAnyOtherModel() {
    // Score three accounts from raw metric signals, and compare with the fitter's own scoring.
    RenewalData three = DATA.subset(new int[] {0, 1, 2});
    List<Signal> signals = new ArrayList<>();
    for (int r = 0; r < 3; r++) {
      for (int c = 0; c < three.columns().size(); c++) {
        signals.add(new Metric(three.rows().get(r).account(), CloudId.ACCOUNT_WIDE,
            three.columns().get(c), three.value(r, c)));
      }
    }
    Instant asOf = Instant.parse("2026-01-01T00:00:00Z");

    List<AccountHealth> health = Scorer.of(FITTED.model()).scoreSignals(signals, asOf);
    double[] expected = Predictions.scores(FITTED.model(), three);

    for (int r = 0; r < 3; r++) {
      AccountHealth account = health.get(r);
      assertThat(account.account()).isEqualTo(three.rows().get(r).account());
      double probability = account.clouds().get(0).renewalProbability().getAsDouble();
      assertThat(probability).isEqualTo(FITTED.model().renewal().probability(expected[r]));
    }
  }

  @Test
  void staysUsefulWhenAKpiIsMissingForMostAccounts() {
    RenewalData sparse = Synthetic.data(1500, 11, 0.8);
    RenewalData test = Synthetic.data(1500, 12, 0.8);

    FittedModel fitted = RenewalFitter.fit(sparse, FitOptions.DEFAULT);
    double[] scores = Predictions.scores(fitted.model(), test);
    boolean[] churned = new boolean[test.size()];
    double[] churn = new double[test.size()];
    for (int r = 0; r < churned.length; r++) {
      churned[r] = !test.rows().get(r).renewed();
      churn[r] = 1 - fitted.model().renewal().probability(scores[r]);
    }

    // Tickets alone reach about 0.7 here; the sparse usage must not spoil them.
    assertThat(Predictions.unscored(scores)).isZero();
    assertThat(ModelMetrics.auc(churn, churned)).isGreaterThan(0.7);
    for (WeightedKpi kpi : fitted.model().kpis()) {
      assertThat(kpi.weight()).isBetween(0.0, 1.0);
    }
  }

  @Test
  void monotoneCanBeSwitchedOff() {
    FittedModel free = RenewalFitter.fit(DATA, FitOptions.DEFAULT.withMonotone(false));

    assertThat(free.model().kpis()).isNotEmpty();
    assertThat(free.directions()).isEqualTo(FITTED.directions());
  }

  @Test
  @Tag("API-32")
  void rejectsDataWithOneOutcome() {
    List<RenewalData.Renewal> rows = new ArrayList<>();
    double[][] values = new double[20][];
    for (int r = 0; r < 20; r++) {
      rows.add(new RenewalData.Renewal(AccountId.of("A" + r), CloudId.ACCOUNT_WIDE,
          Instant.EPOCH, true));
      values[r] = new double[] {r};
    }
    RenewalData allRenewed = RenewalData.of("x", List.of("usage"), java.util.Map.of(), rows,
        values);

    assertThatThrownBy(() -> RenewalFitter.fit(allRenewed, FitOptions.DEFAULT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("data: must hold at least 10 rows with both outcomes, had 20 rows, 0 churned");
  }
}
