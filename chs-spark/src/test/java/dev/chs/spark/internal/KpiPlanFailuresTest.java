package dev.chs.spark.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chs.api.kpi.KpiValue.Measured;
import dev.chs.api.kpi.KpiValue.NotApplicable;
import dev.chs.api.signal.Metric;
import dev.chs.api.signal.SupportCase;
import dev.chs.core.aggregate.AccountValues;
import dev.chs.core.aggregate.FailurePolicy;
import dev.chs.core.aggregate.KpiFailureException;
import dev.chs.core.model.HealthModel;
import dev.chs.kpis.Sentiment;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A KPI whose result is not a value of its own fails, and a metric given twice is refused before
 * any KPI sees it, as in the aggregator of chs-core.
 */
class KpiPlanFailuresTest {
  private static final Instant AS_OF = Instant.parse("2026-11-30T00:00:00Z");
  private static final long T = AS_OF.getEpochSecond() * 1_000_000L;

  @Test
  @Tag("API-38")
  void aResultThatIsAValueOfAnotherKpiMakesTheKpiNotApplicable() {
    assertThat(valueOfOneCase("other", FailurePolicy.ISOLATE)).isEqualTo(new NotApplicable(
        "cases_opened", "failed: java.lang.IllegalStateException: result: must be a value of KPI"
            + " 'cases_opened', was a value of KPI 'other'"));
  }

  @Test
  @Tag("API-38")
  void aNullResultMakesTheKpiNotApplicable() {
    assertThat(valueOfOneCase(null, FailurePolicy.ISOLATE)).isEqualTo(new NotApplicable(
        "cases_opened", "failed: java.lang.IllegalStateException: result: must not be null"));
  }

  @Test
  @Tag("API-39")
  void aResultThatIsAValueOfAnotherKpiStopsTheJobUnderTheFailPolicy() {
    assertThatThrownBy(() -> valueOfOneCase("other", FailurePolicy.FAIL))
        .isExactlyInstanceOf(KpiFailureException.class)
        .hasMessage("KPI 'cases_opened' failed for account A-1, cloud sales: "
            + "java.lang.IllegalStateException: result: must be a value of KPI 'cases_opened',"
            + " was a value of KPI 'other'");
  }

  @Test
  @Tag("API-22")
  void aMetricThatIsRefusedReachesNoKpiThatReadsMetrics() {
    HealthModel model = HealthModel.builder()
        .kpi(new Sentiment(), 1)
        .kpi(new SignalCountingKpi("metrics_seen", "metrics_seen"), 1)
        .build();
    KpiPlan plan = new KpiPlan(model, AS_OF, Set.of(Metric.class), FailurePolicy.ISOLATE);
    AccountBuffer buffer = plan.newBuffer();
    plan.add(buffer, metric(0.4));

    assertThatThrownBy(() -> plan.add(buffer, metric(0.5)))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("metric 'sentiment' of account A-1, cloud 'sales': must be given once, was"
            + " 0.4 and 0.5");
    assertThat(Objects.requireNonNull(plan.values(buffer)).clouds().get(0).values())
        .containsExactly(Measured.of("sentiment", 0.4, 1), Measured.of("metrics_seen", 1, 1));
  }

  private static Row metric(double sentiment) {
    return RowFactory.create(
        "metric", "A-1", "sales", "sentiment", null, null, null, null, null, sentiment);
  }

  private static Object valueOfOneCase(@Nullable String resultId, FailurePolicy policy) {
    HealthModel model =
        HealthModel.builder().kpi(new SignalCountingKpi("cases_opened", resultId), 1).build();
    KpiPlan plan = new KpiPlan(model, AS_OF, Set.of(SupportCase.class), policy);
    AccountBuffer buffer = plan.newBuffer();
    plan.add(buffer, RowFactory.create(
        "case", "A-1", "sales", "C-1", T - 86_400_000_000L, null, null, null, null, null));

    AccountValues values = Objects.requireNonNull(plan.values(buffer));
    return values.clouds().get(0).values().get(0);
  }
}
