package dev.chs.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.chs.core.model.RenewalMapping;
import java.util.List;
import org.junit.jupiter.api.Test;

class CalibrationTest {
  @Test
  void plattMatchesTheRatesOfTwoScoresByHand() {
    // At score 0, 1 of 4 renewed; at 100, 3 of 4. Maximum likelihood puts the curve through
    // both rates: a = logit(0.25) = -ln 3, and a + 100 b = logit(0.75) = ln 3.
    double[] scores = {0, 0, 0, 0, 100, 100, 100, 100};
    boolean[] renewed = {true, false, false, false, true, true, true, false};

    Calibration.Platt platt = Calibration.Platt.fit(scores, renewed);

    assertThat(platt.a()).isCloseTo(-Math.log(3), within(1e-4));
    assertThat(platt.b()).isCloseTo(2 * Math.log(3) / 100, within(1e-6));
    assertThat(platt.probability(0)).isCloseTo(0.25, within(1e-5));
    assertThat(platt.probability(50)).isCloseTo(0.5, within(1e-5));
    RenewalMapping.Logistic mapping = platt.toMapping();
    assertThat(mapping.midpoint()).isCloseTo(50, within(1e-3));
    assertThat(mapping.scale()).isCloseTo(100 / (2 * Math.log(3)), within(1e-3));
    assertThat(mapping.probability(100)).isCloseTo(0.75, within(1e-5));
  }

  @Test
  void aPlattSlopeThatIsNotPositiveMapsToANearlyFlatLogistic() {
    // Higher scores renew less here: no positive scale fits, so the mapping is flat.
    Calibration.Platt platt = new Calibration.Platt(Math.log(4), -0.01);

    RenewalMapping.Logistic mapping = platt.toMapping();

    double atFifty = platt.probability(50);
    assertThat(mapping.probability(0)).isCloseTo(atFifty, within(1e-4));
    assertThat(mapping.probability(100)).isCloseTo(atFifty, within(1e-4));
  }

  @Test
  void isotonicPoolsScoresWhoseRatesFallByHand() {
    // Rates by score: 10 -> 0, 20 -> 1, 30 -> 0, 40 -> 1. 20 and 30 pool to 0.5 at score 25.
    double[] scores = {10, 20, 30, 40};
    boolean[] renewed = {false, true, false, true};

    Calibration.Isotonic isotonic = Calibration.Isotonic.fit(scores, renewed);

    assertThat(isotonic.scores()).containsExactly(10.0, 25.0, 40.0);
    assertThat(isotonic.probabilities()).containsExactly(0.0, 0.5, 1.0);
    assertThat(isotonic.probability(25)).isEqualTo(0.5);
    assertThat(isotonic.probability(32.5)).isCloseTo(0.75, within(1e-12));
    // Kept off 0 and 1 so that log loss stays finite.
    assertThat(isotonic.probability(0)).isEqualTo(0.001);
    assertThat(isotonic.probability(100)).isEqualTo(0.999);
  }

  @Test
  void isotonicMergesABlockBelowTheFloorIntoTheNeighbourOfCloserRateByHand() {
    // Four tied groups whose rates already rise: 0 of 4 at 10, 1 of 2 at 20, 3 of 4 at 30 and
    // 4 of 4 at 40. With blocks of at least 3, the block at 20 (rate 0.5) joins the one at 30
    // (0.75, nearer than 0 at 10): 4 of 6 renewed, rate 2/3, at the mean score
    // (2 * 20 + 4 * 30) / 6 = 80/3.
    double[] scores = {10, 10, 10, 10, 20, 20, 30, 30, 30, 30, 40, 40, 40, 40};
    boolean[] renewed = {false, false, false, false, true, false, true, true, true, false, true,
        true, true, true};

    Calibration.Isotonic plain = Calibration.Isotonic.fit(scores, renewed);
    Calibration.Isotonic floored = Calibration.Isotonic.fit(scores, renewed, 3);

    assertThat(plain.scores()).containsExactly(10.0, 20.0, 30.0, 40.0);
    assertThat(plain.probabilities()).containsExactly(0.0, 0.5, 0.75, 1.0);
    assertThat(floored.scores()).hasSize(3);
    assertThat(floored.scores().get(0)).isEqualTo(10.0);
    assertThat(floored.scores().get(1)).isCloseTo(80.0 / 3, within(1e-12));
    assertThat(floored.scores().get(2)).isEqualTo(40.0);
    assertThat(floored.probabilities().get(1)).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(floored.probabilities()).containsSequence(0.0).endsWith(1.0);
  }

  @Test
  void isotonicWithAFloorAboveEveryAccountIsTheOverallRate() {
    double[] scores = {10, 20, 30, 40, 50};
    boolean[] renewed = {false, true, false, true, true};

    Calibration.Isotonic one = Calibration.Isotonic.fit(scores, renewed, 100);

    assertThat(one.scores()).containsExactly(30.0);
    assertThat(one.probabilities()).containsExactly(0.6);
    assertThatThrownBy(() -> Calibration.Isotonic.fit(scores, renewed, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("minBlockRows: must be >= 1, was 0");
  }

  @Test
  void isotonicBecomesAMappingThatBendsWhereItMeetsItsBounds() {
    Calibration.Isotonic isotonic = new Calibration.Isotonic(
        List.of(10.0, 25.0, 40.0), List.of(0.0, 0.5, 1.0));

    RenewalMapping.Isotonic mapping = isotonic.toMapping();

    assertThat(mapping.points()).hasSize(7);
    assertThat(mapping.points().get(0)).isEqualTo(new RenewalMapping.Point(0, 0.001));
    assertThat(mapping.points().get(1)).isEqualTo(new RenewalMapping.Point(10, 0.001));
    assertThat(mapping.points().get(2).score()).isCloseTo(10.03, within(1e-12));
    assertThat(mapping.points().get(3)).isEqualTo(new RenewalMapping.Point(25, 0.5));
    assertThat(mapping.points().get(4).score()).isCloseTo(39.97, within(1e-12));
    assertThat(mapping.points().get(6)).isEqualTo(new RenewalMapping.Point(100, 0.999));
    for (double score = 0; score <= 100; score += 0.01) {
      assertThat(mapping.probability(score)).as("at %s", score)
          .isCloseTo(isotonic.probability(score), within(1e-12));
    }
  }

  @Test
  void isotonicKnotsBeyondTheScoresAreCutAtTheirEnds() {
    Calibration.Isotonic isotonic = new Calibration.Isotonic(
        List.of(-20.0, 50.0, 130.0), List.of(0.2, 0.6, 0.8));

    assertThat(isotonic.toMapping().points()).containsExactly(
        new RenewalMapping.Point(0, isotonic.probability(0)), new RenewalMapping.Point(50, 0.6),
        new RenewalMapping.Point(100, isotonic.probability(100)));
    assertThat(new Calibration.Isotonic(List.of(50.0), List.of(0.85)).toMapping().points())
        .containsExactly(new RenewalMapping.Point(0, 0.85), new RenewalMapping.Point(50, 0.85),
            new RenewalMapping.Point(100, 0.85));
  }

  @Test
  void isotonicRescalesItsKnotsToAnotherScale() {
    Calibration.Isotonic onLogOdds = new Calibration.Isotonic(
        java.util.List.of(-1.0, 1.0), java.util.List.of(0.2, 0.8));

    // z = -2 + 0.04 * score, so z = -1 at score 25 and z = 1 at score 75.
    Calibration.Isotonic onScores = onLogOdds.rescaled(-2, 0.04);

    assertThat(onScores.scores().get(0)).isCloseTo(25, within(1e-9));
    assertThat(onScores.scores().get(1)).isCloseTo(75, within(1e-9));
    assertThat(onScores.probability(50)).isCloseTo(0.5, within(1e-9));
  }
}
