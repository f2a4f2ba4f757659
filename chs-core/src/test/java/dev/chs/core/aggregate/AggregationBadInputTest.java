package dev.chs.core.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chs.api.AccountId;
import dev.chs.api.CloudId;
import dev.chs.api.Window;
import dev.chs.api.kpi.KpiValue.Measured;
import dev.chs.api.kpi.KpiValue.NotApplicable;
import dev.chs.api.signal.Metric;
import dev.chs.api.signal.SentimentSample;
import dev.chs.api.signal.SupportCase;
import dev.chs.core.model.HealthModel;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Entries of {@code docs/bad-input.md} for signal aggregation: a KPI that throws, signals after
 * the as-of instant, merges that do not fit, a metric given twice, and a KPI whose result is not a
 * value of its own. Each test carries its
 * entry's id as a tag.
 */
class AggregationBadInputTest {
  private static final Instant T = Instant.parse("2026-06-30T00:00:00Z");
  private static final AccountId ACME = AccountId.of("acme");
  private static final CloudId SALES = CloudId.of("sales");
  private static final Duration NINETY_DAYS = Duration.ofDays(90);

  private final CountingKpi opened = new CountingKpi("cases_opened");
  private final CountingKpi other = new CountingKpi("other");
  private final HealthModel model = HealthModel.builder().kpi(opened, 1).build();

  @Test
  @Tag("API-18")
  void aKpiThatThrowsIsNotApplicableForThatPairAndIsListedOnce() {
    SignalAggregator aggregator = SignalAggregator.of(model, T);
    aggregator.add(opened("boom-1"));
    aggregator.add(opened("boom-2"));
    aggregator.add(opened("c-3"));

    CloudValues sales = aggregator.results().get(0).clouds().get(0);

    assertThat(sales.values().get(0)).isEqualTo(new NotApplicable(
        "cases_opened", "failed: java.lang.IllegalStateException: cannot count boom-1"));
    assertThat(aggregator.failures()).singleElement().satisfies(failure -> assertThat(
        failure.message()).isEqualTo("KPI 'cases_opened' failed for account acme, cloud sales: "
            + "java.lang.IllegalStateException: cannot count boom-1"));
  }

  @Test
  @Tag("API-19")
  void aKpiThatThrowsUnderTheFailPolicyStopsTheAggregation() {
    SignalAggregator aggregator = SignalAggregator.of(model, T, FailurePolicy.FAIL);

    assertThatThrownBy(() -> aggregator.add(opened("boom-1")))
        .isExactlyInstanceOf(KpiFailureException.class)
        .hasMessage("KPI 'cases_opened' failed for account acme, cloud sales: "
            + "java.lang.IllegalStateException: cannot count boom-1")
        .hasCauseExactlyInstanceOf(IllegalStateException.class);
  }

  @Test
  @Tag("API-20")
  void aSignalAfterTheAsOfInstantIsCountedApartAndNamesNoPair() {
    SignalAggregator aggregator = SignalAggregator.of(model, T);
    aggregator.add(new SupportCase("c-1", ACME, SALES, T.plusNanos(1), null, null));
    aggregator.add(new SentimentSample(ACME, CloudId.of("service"), T.plusSeconds(60), 0.5));

    assertThat(aggregator.results()).isEmpty();
    assertThat(aggregator.afterAsOf()).isEqualTo(2);
    assertThat(aggregator.failures()).isEmpty();
  }

  @Test
  @Tag("API-21")
  void mergingAnAggregatorOfAnotherWindowOrModelIsRefused() {
    SignalAggregator now = SignalAggregator.of(model, T);
    SignalAggregator earlier = SignalAggregator.of(model, T.minus(Duration.ofDays(1)));
    SignalAggregator otherModel =
        SignalAggregator.of(HealthModel.builder().kpi(other, 1).build(), T);

    assertThatThrownBy(() -> now.merge(earlier))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("other: must aggregate over the window " + new Window(T, NINETY_DAYS)
            + ", was " + new Window(T.minus(Duration.ofDays(1)), NINETY_DAYS));
    assertThatThrownBy(() -> now.merge(otherModel))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("other: must aggregate the same model, was another one (its KPIs [other],"
            + " this aggregator's [cases_opened])");
  }

  @Test
  @Tag("API-22")
  void aMetricGivenTwiceWithTwoValuesIsRefused() {
    SignalAggregator aggregator = SignalAggregator.of(model, T);
    aggregator.add(new Metric(ACME, SALES, "cases_opened", 7));
    aggregator.add(new Metric(ACME, SALES, "cases_opened", 7));

    assertThatThrownBy(() -> aggregator.add(new Metric(ACME, SALES, "cases_opened", 8)))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("metric 'cases_opened' of account acme, cloud 'sales': must be given once,"
            + " was 7.0 and 8.0");
  }

  @Test
  @Tag("API-22")
  void aMetricThatIsRefusedReachesNoKpiThatReadsMetrics() {
    SignalAggregator aggregator = SignalAggregator.of(
        HealthModel.builder().kpi(opened, 1).kpi(CountingKpi.ofMetrics("metrics_seen"), 1).build(),
        T);
    aggregator.add(new Metric(ACME, SALES, "cases_opened", 7));

    assertThatThrownBy(() -> aggregator.add(new Metric(ACME, SALES, "cases_opened", 8)))
        .isExactlyInstanceOf(IllegalArgumentException.class);
    assertThat(aggregator.results().get(0).clouds().get(0).values())
        .containsExactly(Measured.of("cases_opened", 7, 1), Measured.of("metrics_seen", 1, 1));
  }

  @ParameterizedTest(name = "with a store: {0}")
  @ValueSource(booleans = {false, true})
  @Tag("API-38")
  void aKpiWhoseResultIsAValueOfAnotherKpiIsNotApplicableForThatPair(boolean hasStates) {
    CountingKpi misnamed = CountingKpi.withResultsOf("cases_opened", "other", hasStates);
    SignalAggregator aggregator = SignalAggregator.of(
        HealthModel.builder().kpi(misnamed, 1).kpi(CountingKpi.withStates("cases_too"), 1).build(),
        T);
    aggregator.add(opened("c-1"));

    CloudValues sales = aggregator.results().get(0).clouds().get(0);

    assertThat(sales.values()).containsExactly(
        new NotApplicable("cases_opened", "failed: java.lang.IllegalStateException: result: must"
            + " be a value of KPI 'cases_opened', was a value of KPI 'other'"),
        Measured.of("cases_too", 1, 1));
    assertThat(aggregator.failures()).singleElement().satisfies(failure -> assertThat(
        failure.message()).isEqualTo("KPI 'cases_opened' failed for account acme, cloud sales: "
            + "java.lang.IllegalStateException: result: must be a value of KPI 'cases_opened',"
            + " was a value of KPI 'other'"));
  }

  @ParameterizedTest(name = "with a store: {0}")
  @ValueSource(booleans = {false, true})
  @Tag("API-38")
  void aKpiWhoseResultIsNullIsNotApplicableForThatPair(boolean hasStates) {
    SignalAggregator aggregator = SignalAggregator.of(
        HealthModel.builder().kpi(CountingKpi.withResultsOf("cases_opened", null, hasStates), 1)
            .build(),
        T);
    aggregator.add(opened("c-1"));

    assertThat(aggregator.results().get(0).clouds().get(0).values()).containsExactly(
        new NotApplicable(
            "cases_opened", "failed: java.lang.IllegalStateException: result: must not be null"));
  }

  @Test
  @Tag("API-39")
  void aKpiWhoseResultIsAValueOfAnotherKpiStopsTheResultsUnderTheFailPolicy() {
    SignalAggregator aggregator = SignalAggregator.of(
        HealthModel.builder().kpi(CountingKpi.withResultsOf("cases_opened", "other", true), 1)
            .build(),
        T, FailurePolicy.FAIL);
    aggregator.add(opened("c-1"));

    assertThatThrownBy(aggregator::results)
        .isExactlyInstanceOf(KpiFailureException.class)
        .hasMessage("KPI 'cases_opened' failed for account acme, cloud sales: "
            + "java.lang.IllegalStateException: result: must be a value of KPI 'cases_opened',"
            + " was a value of KPI 'other'");
  }

  private static SupportCase opened(String id) {
    return new SupportCase(id, ACME, SALES, T.minus(Duration.ofDays(1)), null, null);
  }
}
