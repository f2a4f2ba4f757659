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
  void findsAKpiOfTheModelByItsId() {
    HealthModel model = HealthModel.builder().kpi(first, 1).kpi(second, 3).build();

    assertThat(model.kpi("second")).hasValueSatisfying(kpi -> {
      assertThat(kpi.kpi()).isSameAs(second);
      assertThat(kpi.weight()).isEqualTo(3);
    });
    assertThat(model.kpi("third")).isEmpty();
  }

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

  @Test
  void reportsEveryBadWeightWhenTheModelIsBuilt() {
    HealthModel.Builder builder = HealthModel.builder().kpi(first, -1).kpi(second, Double.NaN);

    ModelException e = catchThrowableOfType(ModelException.class, builder::build);

    assertThat(e.errors()).containsExactly(
        "kpis[0].weight: must be >= 0, was -1.0",
        "kpis[1].weight: must be >= 0, was NaN");
  }

  @Test
  void startsFromEverySettingOfAModelIncludingItsCloudWeights() {
    HealthModel model = HealthModel.builder()
        .kpi(first, 1)
        .kpi(second, 2)
        .cloudWeight("second", CloudId.of("service"), 5)
        .minimumCoverage(0.8)
        .rollup(CloudRollup.EQUAL)
        .build();

    assertThat(model.toBuilder().build()).isEqualTo(model);
    assertThat(model.toBuilder().build().kpis().get(1).weightIn(CloudId.of("service")))
        .isEqualTo(5);
  }
}
