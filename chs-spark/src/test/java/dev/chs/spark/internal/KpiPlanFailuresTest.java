package dev.chs.spark.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chs.api.kpi.KpiValue.NotApplicable;
import dev.chs.api.signal.SupportCase;
import dev.chs.core.aggregate.AccountValues;
import dev.chs.core.aggregate.FailurePolicy;
import dev.chs.core.aggregate.KpiFailureException;
import dev.chs.core.model.HealthModel;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.apache.spark.sql.RowFactory;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A KPI whose result is not a value of its own fails as the aggregator of chs-core fails it. */
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

  private static Object valueOfOneCase(@Nullable String resultId, FailurePolicy policy) {
    HealthModel model =
        HealthModel.builder().kpi(new MisnamedKpi("cases_opened", resultId), 1).build();
    KpiPlan plan = new KpiPlan(model, AS_OF, Set.of(SupportCase.class), policy);
    AccountBuffer buffer = plan.newBuffer();
    plan.add(buffer, RowFactory.create(
        "case", "A-1", "sales", "C-1", T - 86_400_000_000L, null, null, null, null, null));

    AccountValues values = Objects.requireNonNull(plan.values(buffer));
    return values.clouds().get(0).values().get(0);
  }
}
