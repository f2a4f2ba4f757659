package dev.chs.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.chs.api.CloudId;
import org.junit.jupiter.api.Test;

class HealthModelBuilderTest {
  private final FakeKpi first = FakeKpi.withId("first");
  private final FakeKpi second = FakeKpi.withId("second");
  private final FakeKpi third = FakeKpi.withId("third");

  @Test
  void reportsEachBadCloudWeightAtTheIndexOfItsKpi() {
    ModelException e = catchThrowableOfType(
        ModelException.class,
        () -> HealthModel.builder()
            .kpi(first, 1)
            .kpi(second, 1)
            .kpi(third, 1)
            .cloudWeight("first", CloudId.of("sales"), -1)
            .cloudWeight("third", CloudId.of("service"), -2)
            .build());

    assertThat(e.errors()).containsExactly(
        "kpis[0].weights_by_cloud.sales: must be >= 0, was -1.0",
        "kpis[2].weights_by_cloud.service: must be >= 0, was -2.0");
  }
}
