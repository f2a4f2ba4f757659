package dev.chs.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chs.api.AccountId;
import dev.chs.api.CloudId;
import dev.chs.api.kpi.Curve;
import dev.chs.api.kpi.Direction;
import dev.chs.api.signal.Metric;
import dev.chs.api.signal.RenewalOutcome;
import dev.chs.core.model.HealthModel;
import dev.chs.core.model.MetricKpi;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Entries of {@code docs/bad-input.md} for the Java API of chs-learn: fit options, calibrations,
 * metrics, renewal data and back-tests given bad values. Each test carries its entry's id as a
 * tag.
 */
class LearnBadInputTest {
  private static final RenewalData.Renewal ROW = new RenewalData.Renewal(
      AccountId.of("A-1"), CloudId.ACCOUNT_WIDE, Instant.parse("2026-01-01T00:00:00Z"), true);

  @Test
  @Tag("API-27")
  void fitOptionsListEverySettingOutOfRangeAtOnce() {
    assertThatThrownBy(() -> new FitOptions(
            7, 1, 20, 0, 1.0, 300, 30, 0.6, true, 0.5, Calibration.Kind.PLATT))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("max_bins: must be >= 2, was 1; learning_rate: must be in (0, 1], was 0.0;"
            + " validation_share: must be in (0, 0.5], was 0.6");
    assertThatThrownBy(() -> new FitOptions(
            7, 32, 20, 0.3, Double.NaN, 300, 30, 0.2, true, 0.5, Calibration.Kind.PLATT))
        .hasMessage("l2: must be a finite number >= 0, was NaN");
    assertThatThrownBy(() -> new FitOptions(
            7, 32, 0, 1.5, -1, 0, 0, 0, true, 1.5, Calibration.Kind.PLATT))
        .hasMessage("min_bin_rows: must be >= 1, was 0; learning_rate: must be in (0, 1], was 1.5;"
            + " l2: must be a finite number >= 0, was -1.0; max_rounds: must be >= 1, was 0;"
            + " patience: must be >= 1, was 0; validation_share: must be in (0, 0.5], was 0.0;"
            + " minimum_coverage: must be in [0, 1], was 1.5");
    assertThatThrownBy(() -> new FitOptions(
            7, 32, 20, 0.3, 1.0, 300, 30, 0.2, true, -0.1, Calibration.Kind.PLATT))
        .hasMessage("minimum_coverage: must be in [0, 1], was -0.1");
  }

  @Test
  @Tag("API-27")
  void fitOptionsAcceptEverySettingAtItsBound() {
    // The fewest bins, rows, rounds and patience; the largest learning rate and validation
    // share; no ridge; and both ends of the coverage.
    assertThatCode(() -> new FitOptions(
            7, 2, 1, 1, 0, 1, 1, 0.5, true, 0, Calibration.Kind.PLATT))
        .doesNotThrowAnyException();
    assertThatCode(() -> new FitOptions(
            7, 2, 1, 1, 0, 1, 1, 0.5, false, 1, Calibration.Kind.ISOTONIC))
        .doesNotThrowAnyException();
  }

  @Test
  @Tag("API-28")
  void aCalibrationOfTheWrongShapeIsRefused() {
    assertThatThrownBy(() -> new Calibration.Platt(Double.NaN, 1))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("a, b: must be finite numbers, were NaN and 1.0");
    assertThatThrownBy(() -> new Calibration.Isotonic(List.of(0.0, 50.0), List.of(0.5)))
        .hasMessage("scores, probabilities: must have the same size above 0, were 2 and 1");
    assertThatThrownBy(() -> new Calibration.Isotonic(List.of(0.0, 50.0), List.of(0.5, 0.4)))
        .hasMessage("probabilities[1]: must be >= 0.5, was 0.4");
    assertThatThrownBy(() -> new Calibration.Isotonic(List.of(50.0, 50.0), List.of(0.4, 0.5)))
        .hasMessage("scores[1]: must be greater than scores[0] (50.0), was 50.0");
  }

  @Test
  @Tag("API-28")
  void aCalibrationIsFittedOnOneOutcomePerScore() {
    assertThatThrownBy(() -> Calibration.Platt.fit(new double[2], new boolean[1]))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("scores, renewed: must have the same length above 0, were 2 and 1");
    assertThatThrownBy(() -> Calibration.Isotonic.fit(new double[0], new boolean[0], 10))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("scores, renewed: must have the same length above 0, were 0 and 0");
  }

  @Test
  @Tag("API-29")
  void metricsOfPredictionsOfTheWrongShapeAreRefused() {
    assertThatThrownBy(() -> ModelMetrics.of("m", new double[] {0.5}, new boolean[0], 0))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("churnProbability, churned: must have the same length above 0, were 1"
            + " and 0");
    assertThatThrownBy(() -> ModelMetrics.of("m", new double[] {-0.1}, new boolean[] {true}, 0))
        .hasMessage("churnProbability[0]: must be in [0, 1], was -0.1");
  }

  @Test
  @Tag("API-30")
  void renewalDataOfTheWrongShapeIsRefused() {
    assertThatThrownBy(() -> RenewalData.of(
            "d", List.of("x", "x"), Map.of(), List.of(ROW), new double[][] {{1, 2}}))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("columns: must be unique, were [x, x]");
    assertThatThrownBy(() -> RenewalData.of(
            "d", List.of("x"), Map.of("y", Direction.HIGHER_IS_BETTER), List.of(ROW),
            new double[][] {{1}}))
        .hasMessage("directions: column 'y' is not among the columns [x]");
    assertThatThrownBy(() -> RenewalData.of(
            "d", List.of("x"), Map.of(), List.of(ROW), new double[][] {{1, 2}}))
        .hasMessage("values[0]: must have 1 entries, one per column, had 2");
    assertThatThrownBy(() -> RenewalData.of(
            "d", List.of("x"), Map.of(), List.of(ROW),
            new double[][] {{Double.POSITIVE_INFINITY}}))
        .hasMessage("values[0][0] (x): must be finite or NaN for not applicable, was Infinity");
  }

  @Test
  @Tag("API-30")
  void aNegativeLeadIsRefused() {
    HealthModel model = HealthModel.builder()
        .kpi(new MetricKpi("x", Direction.HIGHER_IS_BETTER, new Curve.Linear(0, 1)), 1)
        .build();

    assertThatThrownBy(() -> RenewalData.pointInTime(
            "d", model, List.of(), List.of(), Duration.ofDays(-1)))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("lead: must be zero or more, was PT-24H");
  }

  @Test
  @Tag("API-31")
  void aTimeSplitOutsideTheOpenUnitIntervalIsRefused() {
    RenewalData data = RenewalData.of("d", List.of("x"), Map.of(), List.of(ROW),
        new double[][] {{1}});

    for (double share : new double[] {0, 1, Double.NaN}) {
      assertThatThrownBy(() -> Backtest.timeSplit(data, share, FitOptions.DEFAULT))
          .isExactlyInstanceOf(IllegalArgumentException.class)
          .hasMessage("testShare: must be in (0, 1), was " + share);
    }
  }

  @Test
  @Tag("API-33")
  void snapshotMetricsGivenTwiceOrMissingForTheModelAreRefused() {
    AccountId account = AccountId.of("A-1");
    List<Metric> twice = List.of(new Metric(account, CloudId.ACCOUNT_WIDE, "nps", 3),
        new Metric(account, CloudId.ACCOUNT_WIDE, "nps", 4));
    List<RenewalOutcome> renewals = List.of(new RenewalOutcome(
        account, CloudId.ACCOUNT_WIDE, ROW.renewalDate(), RenewalOutcome.Outcome.RENEWED));

    assertThatThrownBy(() -> RenewalData.fromMetrics("d", twice, renewals, null))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("metric 'nps' of account A-1, cloud '': must be given once, was 3.0 and 4.0");

    HealthModel model = HealthModel.builder()
        .kpi(new MetricKpi("churn_risk", Direction.LOWER_IS_BETTER, new Curve.Linear(1, 0)), 1)
        .build();
    assertThatThrownBy(() -> RenewalData.fromMetrics("d", twice.subList(0, 1), renewals, model))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("model: KPIs [churn_risk] have no column in the metrics, whose columns are"
            + " [nps]");
  }

  @Test
  @Tag("API-41")
  void aBacktestRefusesTrainingRowsWhoseColumnsAreAllConstantOrEmpty() {
    List<RenewalData.Renewal> rows = new ArrayList<>();
    double[][] values = new double[40][];
    for (int r = 0; r < 40; r++) {
      rows.add(new RenewalData.Renewal(AccountId.of("A-" + r), CloudId.ACCOUNT_WIDE,
          ROW.renewalDate(), r % 3 != 0));
      values[r] = new double[] {1, Double.NaN};
    }
    RenewalData flat = RenewalData.of("flat", List.of("x", "y"), Map.of(), rows, values);

    assertThatThrownBy(() -> Backtest.crossValidate(flat, 2, 7, FitOptions.DEFAULT))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("data: must have a column that varies on the training rows, but each of"
            + " [x, y] is constant or empty there");
  }

  @Test
  @Tag("API-42")
  void renewalDataRefusesToDropEveryColumn() {
    RenewalData data = RenewalData.of("d", List.of("x", "y"), Map.of(), List.of(ROW),
        new double[][] {{1, 2}});

    assertThatThrownBy(() -> data.without(List.of("x", "y", "z")))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("dropped: must leave at least one of the columns [x, y], was [x, y, z]");
    assertThat(data.without(List.of("y", "z")).columns()).containsExactly("x");
  }

  @Test
  @Tag("API-43")
  void predictionsRefuseAModelWithAKpiThatHasNoColumn() {
    HealthModel model = HealthModel.builder()
        .kpi(new MetricKpi("x", Direction.HIGHER_IS_BETTER, new Curve.Linear(0, 1)), 1)
        .kpi(new MetricKpi("nps", Direction.HIGHER_IS_BETTER, new Curve.Linear(-100, 100)), 1)
        .build();
    RenewalData data = RenewalData.of("d", List.of("x", "y"), Map.of(), List.of(ROW),
        new double[][] {{1, 2}});

    assertThatThrownBy(() -> Predictions.scores(model, data))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("model: KPI 'nps' has no column in the data, whose columns are [x, y]");
  }

  @Test
  @Tag("API-44")
  void anIsotonicCalibrationIsRescaledOnlyByAFiniteSlopeAboveZero() {
    Calibration.Isotonic onLogOdds =
        new Calibration.Isotonic(List.of(-1.0, 1.0), List.of(0.2, 0.8));

    for (double slope : new double[] {0, -0.04, Double.NaN, Double.POSITIVE_INFINITY}) {
      assertThatThrownBy(() -> onLogOdds.rescaled(-2, slope))
          .isExactlyInstanceOf(IllegalArgumentException.class)
          .hasMessage("slope: must be a finite number > 0, was " + slope);
    }
    assertThatThrownBy(() -> onLogOdds.rescaled(Double.NaN, 0.04))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("intercept: must be a finite number, was NaN");
  }
}
