package dev.chs.core.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.chs.api.AccountId;
import dev.chs.api.Band;
import dev.chs.api.CloudId;
import dev.chs.api.Contribution;
import dev.chs.api.HealthScore;
import dev.chs.api.kpi.KpiResult;
import dev.chs.api.kpi.KpiValue;
import dev.chs.core.aggregate.AccountValues;
import dev.chs.core.aggregate.CloudValues;
import dev.chs.core.model.HealthModel;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScorerTest {
  static final AccountId ACME = AccountId.of("acme");
  static final CloudId SALES = CloudId.of("sales");
  static final CloudId SERVICE = CloudId.of("service");

  /** Three KPIs scored as their own value: a weighs 2, b and c weigh 1; coverage 0.5 needed. */
  private final HealthModel model = HealthModel.builder()
      .kpi(FakeKpi.identity("a"), 2)
      .kpi(FakeKpi.identity("b"), 1)
      .kpi(FakeKpi.identity("c"), 1)
      .cloudWeight("a", SERVICE, 1)
      .cloudWeight("c", SERVICE, 0)
      .build();
  private final Scorer scorer = Scorer.of(model);

  static KpiValue.Measured measured(String id, double value) {
    return KpiValue.Measured.of(id, value, 1);
  }

  static KpiValue.Measured flagged(String id, double value, String flag) {
    return new KpiValue.Measured(id, value, value, 1, Set.of(flag));
  }

  private HealthScore.Scored scored(CloudId cloud, List<KpiValue> values) {
    return (HealthScore.Scored) scorer.score(ACME, cloud, values);
  }

  @Test
  void scoreIsTheWeightedMeanOfTheKpiScoresAndTheirPointsAddUpToIt() {
    // Weights 2, 1, 1 of 4: shares 0.5, 0.25, 0.25.
    // Points 0.5 * 80 = 40, 0.25 * 50 = 12.5, 0.25 * 20 = 5: score 57.5, band WATCH.
    // Points lost 0.5 * 20 = 10, 0.25 * 50 = 12.5, 0.25 * 80 = 20: 42.5 = 100 - 57.5.
    HealthScore.Scored score =
        scored(SALES, List.of(measured("c", 20), measured("a", 80), measured("b", 50)));

    assertThat(score.score()).isEqualTo(57.5);
    assertThat(score.band()).isEqualTo(Band.WATCH);
    assertThat(score.coverage()).isEqualTo(1.0);
    assertThat(score.contributions()).containsExactly(
        new Contribution("a", 2, 0.5, 80, 40, 10),
        new Contribution("b", 1, 0.25, 50, 12.5, 12.5),
        new Contribution("c", 1, 0.25, 20, 5, 20));
    assertThat(score.kpis()).extracting(KpiResult::kpiId).containsExactly("a", "b", "c");
  }

  @Test
  void aKpiWithoutValueLowersCoverageAndLeavesTheOthersToShareTheScore() {
    // c has no value: applicable weight 3 of 4, coverage 0.75.
    // Shares 2/3 and 1/3: points 2/3 * 90 = 60 and 1/3 * 30 = 10, score 70, band HEALTHY.
    HealthScore.Scored score = scored(SALES, List.of(measured("a", 90), measured("b", 30)));

    assertThat(score.coverage()).isEqualTo(0.75);
    assertThat(score.score()).isCloseTo(70, within(1e-9));
    assertThat(score.contributions()).extracting(Contribution::share)
        .containsExactly(2.0 / 3, 1.0 / 3);
    assertThat(score.kpis().get(2))
        .isEqualTo(new KpiValue.NotApplicable("c", Scorer.NO_VALUE_SUPPLIED));
  }

  @Test
  void coverageBelowTheMinimumGivesInsufficientDataWithoutANumber() {
    // Only b (weight 1 of 4) is applicable: coverage 0.25 < 0.5.
    HealthScore score = scorer.score(ACME, SALES, List.of(
        measured("b", 90), new KpiValue.NotApplicable("a", "no cases opened in the window")));

    assertThat(score).isEqualTo(new HealthScore.InsufficientData(ACME, SALES, 0.25, 0.5, List.of(
        new KpiValue.NotApplicable("a", "no cases opened in the window"),
        new KpiResult.Scored("b", 90, 90, 1, Set.of()),
        new KpiValue.NotApplicable("c", Scorer.NO_VALUE_SUPPLIED))));
  }

  @Test
  void coverageExactlyAtTheMinimumIsScored() {
    // Only a (weight 2 of 4) is applicable: coverage 0.5, the minimum; share 1, score 64.
    HealthScore.Scored score = scored(SALES, List.of(measured("a", 64)));

    assertThat(score.coverage()).isEqualTo(0.5);
    assertThat(score.score()).isEqualTo(64);
  }

  @Test
  void aCloudOverrideChangesTheWeightsAndAZeroWeightNeitherCountsNorContributes() {
    // In service: a weighs 1, b 1, c 0. c is listed but does not count or add its flag.
    // Points 0.5 * 80 = 40 and 0.5 * 50 = 25: score 65, coverage 2 / 2 = 1.
    HealthScore.Scored score = scored(SERVICE, List.of(
        measured("a", 80), flagged("b", 50, "SURGE"), flagged("c", 0, "COMPLAINT")));

    assertThat(score.score()).isEqualTo(65);
    assertThat(score.coverage()).isEqualTo(1.0);
    assertThat(score.contributions()).containsExactly(
        new Contribution("a", 1, 0.5, 80, 40, 10),
        new Contribution("b", 1, 0.5, 50, 25, 25));
    assertThat(score.kpis()).extracting(KpiResult::kpiId).containsExactly("a", "b", "c");
    assertThat(score.flags()).containsExactly("SURGE");
  }

  @Test
  void aCloudWhoseApplicableKpisAllWeighZeroHasInsufficientDataEvenWithNoMinimum() {
    Scorer lenient = Scorer.of(HealthModel.builder()
        .kpi(FakeKpi.identity("a"), 1)
        .kpi(FakeKpi.identity("c"), 1)
        .cloudWeight("c", SERVICE, 0)
        .minimumCoverage(0)
        .build());

    HealthScore score = lenient.score(ACME, SERVICE, List.of(measured("c", 100)));

    assertThat(score).isInstanceOf(HealthScore.InsufficientData.class);
    assertThat(score.coverage()).isZero();
  }

  @Test
  void bandsStartExactlyAtTheirThresholds() {
    // One KPI of share 1: the score is the value itself (through the curve's rounding).
    Scorer single = Scorer.of(HealthModel.builder().kpi(FakeKpi.identity("a"), 1).build());

    assertThat(bandOf(single, 70)).isEqualTo(Band.HEALTHY);
    assertThat(bandOf(single, 70 - 1e-9)).isEqualTo(Band.WATCH);
    assertThat(bandOf(single, 50)).isEqualTo(Band.WATCH);
    assertThat(bandOf(single, 50 - 1e-9)).isEqualTo(Band.AT_RISK);
    assertThat(bandOf(single, 30)).isEqualTo(Band.AT_RISK);
    assertThat(bandOf(single, 30 - 1e-9)).isEqualTo(Band.CRITICAL);
    assertThat(bandOf(single, 0)).isEqualTo(Band.CRITICAL);
    assertThat(bandOf(single, 100)).isEqualTo(Band.HEALTHY);
  }

  private static Band bandOf(Scorer scorer, double value) {
    return ((HealthScore.Scored) scorer.score(ACME, SALES, List.of(measured("a", value)))).band();
  }

  @Test
  void flagsAreTheUnionOfTheApplicableKpisFlags() {
    HealthScore.Scored score = scored(SALES, List.of(
        flagged("a", 10, "DISENGAGING"), flagged("b", 10, "COMPLAINT"), measured("c", 10)));

    assertThat(score.flags()).containsExactlyInAnyOrder("DISENGAGING", "COMPLAINT");
  }

  @Test
  void rejectsAValueOfAKpiTheModelDoesNotHaveNamingItAndTheModelsKpis() {
    assertThatThrownBy(() -> scorer.score(ACME, SALES, List.of(measured("sentiment", 0.3))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("values of cloud 'sales': KPI 'sentiment' is not in the model, whose KPIs"
            + " are [a, b, c]");
  }

  @Test
  void rejectsTwoValuesOfOneKpi() {
    assertThatThrownBy(() -> scorer.score(ACME, SALES, List.of(measured("a", 1), measured("a", 2))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("values of cloud 'sales': at most one value per KPI expected, 'a' appears"
            + " twice");
  }

  @Test
  void cloudHealthPricesTheRenewalRiskOfAScoredCloudOnly() {
    // Score 50 maps to probability 0.5 by default: expected loss 1000 * (1 - 0.5) = 500.
    CloudHealth priced = scorer.score(ACME, new CloudValues(SALES, 1000, List.of(
        measured("a", 50), measured("b", 50), measured("c", 50))));
    CloudHealth unscored = scorer.score(ACME, new CloudValues(SALES, 1000, List.of()));

    assertThat(priced.renewalProbability()).hasValue(0.5);
    assertThat(priced.expectedLoss()).hasValue(500);
    assertThat(unscored.renewalProbability()).isEmpty();
    assertThat(unscored.expectedLoss()).isEmpty();
    assertThat(unscored.arr()).isEqualTo(1000);
  }

  @Test
  void rejectsANegativeArrNamingTheCloud() {
    assertThatThrownBy(() -> new CloudValues(SALES, -1, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("arr of cloud 'sales': must be a finite number >= 0, was -1.0");
  }

  @Test
  void rejectsAnAccountThatNamesACloudTwice() {
    CloudValues sales = new CloudValues(SALES, 0, List.of());

    assertThatThrownBy(() -> new AccountValues(ACME, List.of(sales, sales)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("clouds of account 'acme': each cloud at most once expected, 'sales' appears"
            + " twice");
  }
}
