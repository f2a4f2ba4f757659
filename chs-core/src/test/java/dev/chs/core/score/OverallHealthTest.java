package dev.chs.core.score;

import static dev.chs.core.score.ScorerTest.ACME;
import static dev.chs.core.score.ScorerTest.SALES;
import static dev.chs.core.score.ScorerTest.SERVICE;
import static dev.chs.core.score.ScorerTest.measured;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.chs.api.Band;
import dev.chs.api.CloudId;
import dev.chs.core.aggregate.AccountValues;
import dev.chs.core.aggregate.CloudValues;
import dev.chs.core.model.CloudRollup;
import dev.chs.core.model.HealthModel;
import dev.chs.core.model.RenewalMapping;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OverallHealthTest {
  private static final Instant T = Instant.parse("2026-06-01T00:00:00Z");
  private static final CloudId REVENUE = CloudId.of("revenue");
  private static final RenewalMapping RENEWAL = RenewalMapping.DEFAULT;

  /** One KPI scored as its own value, so each cloud's score is the value given. */
  private static HealthModel model(CloudRollup rollup) {
    return HealthModel.builder().kpi(FakeKpi.identity("a"), 1).rollup(rollup).build();
  }

  private static CloudValues cloud(CloudId cloud, double arr, double score) {
    return new CloudValues(cloud, arr, List.of(measured("a", score)));
  }

  private static CloudValues unscored(CloudId cloud, double arr) {
    return new CloudValues(cloud, arr, List.of());
  }

  private static OverallHealth.Scored overall(CloudRollup rollup, CloudValues... clouds) {
    AccountHealth health =
        Scorer.of(model(rollup)).score(new AccountValues(ACME, List.of(clouds)), T);
    return (OverallHealth.Scored) health.overall();
  }

  @Test
  void arrWeightedRollUpWeighsEachCloudByItsArr() {
    // sales: ARR 300, score 80; service: ARR 100, score 40. Shares 0.75 and 0.25.
    // Points 0.75 * 80 = 60 and 0.25 * 40 = 10: overall 70, HEALTHY; weakest is service (40).
    // Expected loss 300 * (1 - p(80)) + 100 * (1 - p(40)); probability 1 - loss / 400.
    OverallHealth.Scored overall =
        overall(CloudRollup.ARR_WEIGHTED, cloud(SERVICE, 100, 40), cloud(SALES, 300, 80));

    double loss = 300 * (1 - RENEWAL.probability(80)) + 100 * (1 - RENEWAL.probability(40));
    assertThat(overall.score()).isEqualTo(70);
    assertThat(overall.band()).isEqualTo(Band.HEALTHY);
    assertThat(overall.clouds()).containsExactly(
        new CloudContribution(SALES, 300, 0.75, 80, 60),
        new CloudContribution(SERVICE, 100, 0.25, 40, 10));
    assertThat(overall.weakestCloud()).isEqualTo(SERVICE);
    assertThat(overall.weakestScore()).isEqualTo(40);
    assertThat(overall.arr()).isEqualTo(400);
    assertThat(overall.scoredArr()).isEqualTo(400);
    assertThat(overall.expectedLoss()).isCloseTo(loss, within(1e-9));
    assertThat(overall.renewalProbability()).isCloseTo(1 - loss / 400, within(1e-12));
    assertThat(overall.coverage()).isEqualTo(1.0);
  }

  @Test
  void equalRollUpWeighsEveryScoredCloudTheSame() {
    // (80 + 40) / 2 = 60, whatever the ARR.
    OverallHealth.Scored overall =
        overall(CloudRollup.EQUAL, cloud(SALES, 300, 80), cloud(SERVICE, 100, 40));

    assertThat(overall.score()).isEqualTo(60);
    assertThat(overall.clouds()).extracting(CloudContribution::weight).containsExactly(1.0, 1.0);
  }

  @Test
  void arrWeightedRollUpFallsBackToEqualWeightsWhenTheScoredCloudsCarryNoArr() {
    // No ARR anywhere: weights 1 and 1, overall (80 + 40) / 2 = 60.
    // With no scored ARR, the probability is the mapping of the overall score, p(60).
    OverallHealth.Scored overall =
        overall(CloudRollup.ARR_WEIGHTED, cloud(SALES, 0, 80), cloud(SERVICE, 0, 40));

    assertThat(overall.score()).isEqualTo(60);
    assertThat(overall.renewalProbability()).isEqualTo(RENEWAL.probability(60));
    assertThat(overall.expectedLoss()).isZero();
  }

  @Test
  void theWeakestCloudIsShownEvenWhenItsArrHidesItFromTheAverage() {
    // service has no ARR: share 0, so the overall is sales' 90, but service scores 10.
    OverallHealth.Scored overall =
        overall(CloudRollup.ARR_WEIGHTED, cloud(SALES, 500, 90), cloud(SERVICE, 0, 10));

    assertThat(overall.score()).isEqualTo(90);
    assertThat(overall.weakestCloud()).isEqualTo(SERVICE);
    assertThat(overall.weakestScore()).isEqualTo(10);
  }

  @Test
  void anUnscoredCloudLeavesTheScoreAloneButLowersCoverageAndIsNotCountedAsSafe() {
    // revenue (ARR 600) has no values: coverage 0 and no expected loss.
    // Coverage (300 * 1 + 100 * 1 + 600 * 0) / 1000 = 0.4; score 70 as before.
    // Probability 1 - loss / 400: the unscored 600 is neither safe nor lost.
    OverallHealth.Scored overall = overall(CloudRollup.ARR_WEIGHTED,
        cloud(SALES, 300, 80), cloud(SERVICE, 100, 40), unscored(REVENUE, 600));

    double loss = 300 * (1 - RENEWAL.probability(80)) + 100 * (1 - RENEWAL.probability(40));
    assertThat(overall.score()).isEqualTo(70);
    assertThat(overall.coverage()).isCloseTo(0.4, within(1e-12));
    assertThat(overall.arr()).isEqualTo(1000);
    assertThat(overall.scoredArr()).isEqualTo(400);
    assertThat(overall.renewalProbability()).isCloseTo(1 - loss / 400, within(1e-12));
  }

  @Test
  void anAccountWithoutAScoredCloudHasInsufficientDataOverall() {
    AccountHealth health = Scorer.of(model(CloudRollup.ARR_WEIGHTED))
        .score(new AccountValues(ACME, List.of(unscored(SALES, 200), unscored(SERVICE, 0))), T);

    assertThat(health.overall()).isEqualTo(new OverallHealth.InsufficientData(0, 200));
    assertThat(health.clouds()).extracting(CloudHealth::cloud).containsExactly(SALES, SERVICE);
  }

  @Test
  void cloudsComeOutInOrderOfCloudIdWhateverTheInputOrder() {
    AccountHealth health = Scorer.of(model(CloudRollup.ARR_WEIGHTED)).score(new AccountValues(
        ACME, List.of(cloud(SERVICE, 1, 50), cloud(REVENUE, 1, 50), cloud(SALES, 1, 50))), T);

    assertThat(health.clouds()).extracting(CloudHealth::cloud)
        .containsExactly(REVENUE, SALES, SERVICE);
    assertThat(health.asOf()).isEqualTo(T);
    assertThat(health.cloud(SALES)).isPresent();
    assertThat(health.cloud(CloudId.of("marketing"))).isEmpty();
  }
}
