package dev.chs.learn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chs.core.plugin.KpiRegistry;
import dev.chs.kpis.BuiltInKpis;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The targets of docs/renewal-prediction.md that are met, on the two data sets that back-test
 * fastest: 5 stratified folds, seed 7, default fit options. mlc-churn (up to two minutes under
 * load) is left to {@code BacktestMain} and {@code chs backtest}.
 */
class RealDataTargetsTest {
  private static final KpiRegistry REGISTRY = KpiRegistry.of(BuiltInKpis.all());

  @Test
  void iranianChurnReachesTheAdditiveCeilingAndBeatsLogisticOnBrier() throws Exception {
    // Its calibration target, by bins of width 0.1, is not met at seed 7 (see
    // docs/renewal-prediction.md); by deciles of risk it is.
    BacktestReport report = backtest("iranian-churn");
    ModelMetrics learned = report.model(Backtest.LEARNED).orElseThrow();
    ModelMetrics logistic = report.model(Backtest.LOGISTIC).orElseThrow();

    assertThat(learned.auc()).isGreaterThanOrEqualTo(0.944 - 0.01);
    assertThat(learned.brier()).isLessThanOrEqualTo(logistic.brier());
    assertThat(learned.maxDecileCalibrationError()).isLessThanOrEqualTo(0.05);
  }

  @Test
  void telcoChurnReachesTheAdditiveCeilingBeatsLogisticAndIsCalibrated() throws Exception {
    BacktestReport report = backtest("ibm-telco-wa-churn");
    ModelMetrics learned = report.model(Backtest.LEARNED).orElseThrow();
    ModelMetrics logistic = report.model(Backtest.LOGISTIC).orElseThrow();

    assertThat(learned.auc()).isGreaterThanOrEqualTo(0.842 - 0.01);
    assertThat(learned.brier()).isLessThanOrEqualTo(logistic.brier());
    assertThat(learned.maxCalibrationError()).isLessThanOrEqualTo(0.05);
    assertThat(learned.maxDecileCalibrationError()).isLessThanOrEqualTo(0.05);
  }

  private static BacktestReport backtest(String name) throws Exception {
    RenewalData data = RenewalData.read(Path.of("../data", name), REGISTRY, null,
        RenewalData.DEFAULT_LEAD);
    return Backtest.crossValidate(data, Backtest.DEFAULT_FOLDS, Backtest.DEFAULT_SEED,
        FitOptions.DEFAULT);
  }
}
