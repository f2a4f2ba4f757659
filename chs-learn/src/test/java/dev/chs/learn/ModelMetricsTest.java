package dev.chs.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ModelMetricsTest {
  @Test
  void aucCountsOrderedPairsByHand() {
    // Churners score 0.35 and 0.8, the others 0.1 and 0.4: 3 of 4 pairs are in order.
    double auc = ModelMetrics.auc(new double[] {0.1, 0.4, 0.35, 0.8},
        new boolean[] {false, false, true, true});

    assertThat(auc).isEqualTo(0.75);
  }

  @Test
  void aucCountsATieAsHalf() {
    // Pairs: (0.5 vs 0.5) tie = 0.5, (0.5 vs 0.2) = 1: (0.5 + 1) / 2.
    double auc = ModelMetrics.auc(new double[] {0.5, 0.5, 0.2},
        new boolean[] {true, false, false});

    assertThat(auc).isEqualTo(0.75);
  }

  @Test
  void aPerfectlyCalibratedBinOfFiftyAtOneHalfMeetsTheToleranceAboutHalfTheTime() {
    // B ~ Binomial(50, 0.5) within 0.05 of 0.5 means 23 <= B <= 27:
    // (C(50,23) + C(50,24) + C(50,25) + C(50,26) + C(50,27)) / 2^50 = 0.52011...
    double within = ModelMetrics.withinTolerance(50, 0.5);

    assertThat(within).isCloseTo(0.5201123383016721, within(1e-12));
    assertThat(ModelMetrics.withinTolerance(80, 0)).isEqualTo(1);
  }

  @Test
  void theCalibrationPassChanceMultipliesTheBinsOfFiftyOrMoreByHand() {
    // 50 accounts at 0.55: 25 <= B <= 30 of Binomial(50, 0.55), 0.60600...; 60 at 0.05:
    // B <= 6 of Binomial(60, 0.05), 0.97031...; the 10 accounts at 0.95 are too few to count.
    int n = 120;
    double[] p = new double[n];
    boolean[] churned = new boolean[n];
    for (int i = 0; i < n; i++) {
      p[i] = i < 50 ? 0.55 : i < 110 ? 0.05 : 0.95;
      churned[i] = i % 2 == 0;
    }

    ModelMetrics metrics = ModelMetrics.of("m", p, churned, 0);

    assertThat(metrics.calibrationPassChance())
        .isCloseTo(0.6060014195277397 * 0.9703058980451141, within(1e-12));
  }

  @Test
  void aucIsUndefinedForOneClass() {
    assertThat(ModelMetrics.auc(new double[] {0.1, 0.2}, new boolean[] {true, true})).isNaN();
  }

  @Test
  void brierAndLogLossByHand() {
    ModelMetrics m = ModelMetrics.of("m", new double[] {0.8, 0.4}, new boolean[] {true, false}, 0);

    // ((0.8 - 1)^2 + (0.4 - 0)^2) / 2 = (0.04 + 0.16) / 2
    assertThat(m.brier()).isCloseTo(0.1, within(1e-12));
    // -(ln 0.8 + ln 0.6) / 2
    assertThat(m.logLoss()).isCloseTo(-(Math.log(0.8) + Math.log(0.6)) / 2, within(1e-12));
  }

  @Test
  void topDecileLiftAndCaptureByHand() {
    // 20 accounts, 4 churners; the top decile is the 2 highest predictions, one a churner.
    double[] p = new double[20];
    boolean[] churned = new boolean[20];
    for (int i = 0; i < 20; i++) {
      p[i] = i / 20.0;
    }
    churned[19] = true;
    churned[5] = true;
    churned[6] = true;
    churned[7] = true;

    ModelMetrics m = ModelMetrics.of("m", p, churned, 0);

    // Top-decile churn rate 1/2 over a base rate of 4/20.
    assertThat(m.topDecileLift()).isCloseTo(2.5, within(1e-12));
    assertThat(m.topDecileCaptured()).isCloseTo(0.25, within(1e-12));
  }

  @Test
  void reliabilityHasTenBinsOfWidthOneTenth() {
    ModelMetrics m = ModelMetrics.of("m", new double[] {0.05, 0.07, 0.95, 1.0},
        new boolean[] {false, true, true, true}, 0);

    assertThat(m.reliability()).hasSize(10);
    ReliabilityBin first = m.reliability().get(0);
    assertThat(first.count()).isEqualTo(2);
    assertThat(first.meanPredicted()).isCloseTo(0.06, within(1e-12));
    assertThat(first.observedRate()).isEqualTo(0.5);
    ReliabilityBin last = m.reliability().get(9);
    assertThat(last.count()).isEqualTo(2);
    assertThat(last.upper()).isEqualTo(1.0);
    assertThat(m.reliability().get(4).count()).isZero();
    assertThat(m.reliability().get(4).meanPredicted()).isNaN();
    // No bin holds 50 accounts, so none counts for the calibration error.
    assertThat(m.maxCalibrationError()).isZero();
  }

  @Test
  void riskDecilesHoldATenthOfTheAccountsEachInOrderOfPrediction() {
    // 20 distinct predictions i / 20 in reverse order: each decile holds two, the first 0 and
    // 0.05 (one churned), the last 0.9 and 0.95 (both churned).
    double[] p = new double[20];
    boolean[] churned = new boolean[20];
    for (int i = 0; i < 20; i++) {
      p[i] = (19 - i) / 20.0;
      churned[i] = i < 2 || i == 19;
    }

    ModelMetrics m = ModelMetrics.of("m", p, churned, 0);

    assertThat(m.riskDeciles()).hasSize(10)
        .allSatisfy(bin -> assertThat(bin.count()).isEqualTo(2));
    ReliabilityBin first = m.riskDeciles().get(0);
    assertThat(first.lower()).isZero();
    assertThat(first.upper()).isEqualTo(0.1);
    assertThat(first.meanPredicted()).isCloseTo(0.025, within(1e-12));
    assertThat(first.observedRate()).isEqualTo(0.5);
    ReliabilityBin second = m.riskDeciles().get(1);
    assertThat(second.lower()).isEqualTo(0.1);
    assertThat(second.upper()).isEqualTo(0.2);
    ReliabilityBin last = m.riskDeciles().get(9);
    assertThat(last.lower()).isEqualTo(0.9);
    assertThat(last.upper()).isEqualTo(1.0);
    assertThat(last.meanPredicted()).isCloseTo(0.925, within(1e-12));
    assertThat(last.observedRate()).isEqualTo(1.0);
  }

  @Test
  void accountsWithTheSamePredictionShareADecile() {
    // Five ties at 0.1 fill the first bin, so the deciles that would have split them are not
    // made: six bins in all.
    double[] p = {0.1, 0.1, 0.1, 0.1, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6};
    boolean[] churned = {true, false, false, false, false, false, true, false, true, true};

    ModelMetrics m = ModelMetrics.of("m", p, churned, 0);

    assertThat(m.riskDeciles()).extracting(ReliabilityBin::count)
        .containsExactly(5, 1, 1, 1, 1, 1);
    assertThat(m.riskDeciles()).extracting(ReliabilityBin::lower)
        .containsExactly(0.0, 0.2, 0.3, 0.4, 0.5, 0.6);
    assertThat(m.riskDeciles().get(0).observedRate()).isEqualTo(0.2);
    assertThat(m.riskDeciles().get(0).upper()).isEqualTo(0.2);
  }

  @Test
  void theDecileCalibrationErrorAndPassChanceCountDecilesOfFiftyOrMore() {
    // 500 accounts at 0.2, of which 100 churned (error 0), and 500 at 0.6, of which 250 churned
    // (error 0.1). Ties make them two bins of 500.
    int n = 1000;
    double[] p = new double[n];
    boolean[] churned = new boolean[n];
    for (int i = 0; i < n; i++) {
      p[i] = i < 500 ? 0.2 : 0.6;
      churned[i] = i < 500 ? i % 5 == 0 : i % 2 == 0;
    }

    ModelMetrics m = ModelMetrics.of("m", p, churned, 0);

    assertThat(m.riskDeciles()).extracting(ReliabilityBin::count).containsExactly(500, 500);
    assertThat(m.maxDecileCalibrationError()).isCloseTo(0.1, within(1e-12));
    assertThat(m.decileCalibrationPassChance()).isCloseTo(
        ModelMetrics.withinTolerance(500, 0.2) * ModelMetrics.withinTolerance(500, 0.6),
        within(1e-12));
    assertThat(m.decileCalibrationPassChance()).isLessThan(1).isGreaterThan(0.9);
  }

  @Test
  void theMaxCalibrationErrorCountsBinsOfExactlyFifty() {
    // 50 accounts at 0.25, 20 of them churned: error |0.25 - 0.4| = 0.15. 49 at 0.85, none
    // churned: error 0.85, but too few to count.
    double[] p = new double[99];
    boolean[] churned = new boolean[99];
    for (int i = 0; i < 99; i++) {
      p[i] = i < 50 ? 0.25 : 0.85;
      churned[i] = i < 20;
    }

    ModelMetrics m = ModelMetrics.of("m", p, churned, 0);

    assertThat(m.reliability().get(2).count()).isEqualTo(50);
    assertThat(m.maxCalibrationError()).isCloseTo(0.15, within(1e-12));
    assertThat(m.maxDecileCalibrationError()).isCloseTo(0.15, within(1e-12));
  }

  @Test
  void tiesAtTheTopFillTheLastDecile() {
    // Seven ties at 0.9 take in every cut from the fourth on.
    double[] p = {0.1, 0.2, 0.3, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9};
    boolean[] churned = new boolean[10];

    ModelMetrics m = ModelMetrics.of("m", p, churned, 0);

    assertThat(m.riskDeciles()).extracting(ReliabilityBin::count).containsExactly(1, 1, 1, 7);
    assertThat(m.riskDeciles().get(3).lower()).isEqualTo(0.9);
    assertThat(m.riskDeciles().get(3).upper()).isEqualTo(1.0);
  }

  @Test
  void fewerThanTenAccountsMakeADecileEach() {
    ModelMetrics m = ModelMetrics.of("m", new double[] {0.7, 0.1, 0.4, 0.2},
        new boolean[] {true, false, false, true}, 0);

    assertThat(m.riskDeciles()).extracting(ReliabilityBin::meanPredicted)
        .containsExactly(0.1, 0.2, 0.4, 0.7);
    assertThat(m.riskDeciles()).extracting(ReliabilityBin::observedRate)
        .containsExactly(0.0, 1.0, 0.0, 1.0);
  }

  @Test
  void theTopDecileBreaksTiesByInputOrder() {
    // 10 accounts all at 0.5: the top decile is the first, who churned; the last churned too.
    double[] p = new double[10];
    boolean[] churned = new boolean[10];
    java.util.Arrays.fill(p, 0.5);
    churned[0] = true;
    churned[9] = true;

    ModelMetrics m = ModelMetrics.of("m", p, churned, 0);

    // Top-decile churn rate 1 over a base rate of 2/10; half the churners captured.
    assertThat(m.topDecileLift()).isCloseTo(5, within(1e-12));
    assertThat(m.topDecileCaptured()).isEqualTo(0.5);
  }

  @Test
  void rejectsAProbabilityOutsideTheUnitInterval() {
    assertThatThrownBy(() -> ModelMetrics.of("m", new double[] {1.5}, new boolean[] {true}, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("churnProbability[0]: must be in [0, 1], was 1.5");
  }
}
