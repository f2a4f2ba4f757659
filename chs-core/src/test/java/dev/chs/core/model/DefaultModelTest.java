package dev.chs.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.chs.api.CloudId;
import dev.chs.core.plugin.KpiRegistry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DefaultModelTest {
  private final HealthModel model = ModelFile.defaultModel(ModelFixtures.REGISTRY);

  @Test
  void weighsTheSevenKpisAsDocumented() {
    Map<String, Double> weights = new LinkedHashMap<>();
    model.kpis().forEach(kpi -> weights.put(kpi.id(), kpi.weight()));

    assertThat(weights).containsExactly(
        Map.entry("open_support_cases", 0.15),
        Map.entry("cases_closed_to_created", 0.10),
        Map.entry("first_time_fix_rate", 0.15),
        Map.entry("work_order_volume", 0.05),
        Map.entry("complaints_raised", 0.15),
        Map.entry("product_adoption", 0.25),
        Map.entry("sentiment", 0.15));
    assertThat(model.totalWeightIn(CloudId.of("service"))).isCloseTo(1.0, within(1e-12));
    assertThat(model.kpis()).allSatisfy(kpi -> assertThat(kpi.cloudWeights()).isEmpty());
  }

  @Test
  void scoresEachKpiByItsOwnDefaultCurve() {
    assertThat(model.kpis())
        .allSatisfy(kpi -> assertThat(kpi.curve()).isEqualTo(kpi.kpi().defaultCurve()));
  }

  @Test
  void keepsTheDefaultSettings() {
    assertThat(model.window()).isEqualTo(Duration.ofDays(90));
    assertThat(model.minimumCoverage()).isEqualTo(HealthModel.DEFAULT_MINIMUM_COVERAGE);
    assertThat(model.bands()).isEqualTo(Bands.DEFAULT);
    assertThat(model.rollup()).isEqualTo(CloudRollup.ARR_WEIGHTED);
    assertThat(model.interventions()).isEqualTo(InterventionPolicy.DEFAULT);
    assertThat(model.watchlist()).isEqualTo(WatchlistPolicy.DEFAULT);
    assertThat(model.renewal()).isEqualTo(RenewalMapping.DEFAULT);
  }

  @Test
  void equalsTheSameModelBuiltInCode() {
    HealthModel built = HealthModel.builder()
        .kpi(ModelFixtures.OPEN_SUPPORT_CASES, 0.15)
        .kpi(ModelFixtures.CASES_CLOSED_TO_CREATED, 0.10)
        .kpi(ModelFixtures.FIRST_TIME_FIX_RATE, 0.15)
        .kpi(ModelFixtures.WORK_ORDER_VOLUME, 0.05)
        .kpi(ModelFixtures.COMPLAINTS_RAISED, 0.15)
        .kpi(ModelFixtures.PRODUCT_ADOPTION, 0.25)
        .kpi(ModelFixtures.SENTIMENT, 0.15)
        .build();

    assertThat(model).isEqualTo(built);
  }

  @Test
  void namesTheKpisMissingFromTheRegistry() {
    KpiRegistry partial = KpiRegistry.of(ModelFixtures.SENTIMENT, ModelFixtures.PRODUCT_ADOPTION);

    assertThatThrownBy(() -> ModelFile.defaultModel(partial))
        .isInstanceOf(ModelException.class)
        .hasMessageStartingWith("default-model.yaml: 5 errors\n"
            + "  kpis[0].id: unknown KPI 'open_support_cases'; available: product_adoption,"
            + " sentiment\n");
  }
}
