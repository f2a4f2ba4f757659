package dev.chs.core.model;

import dev.chs.api.kpi.Curve;
import dev.chs.core.plugin.KpiRegistry;
import java.util.List;

/** Stand-ins for the seven built-in KPIs, which live in chs-kpis, and a registry of them. */
final class ModelFixtures {
  static final FakeKpi OPEN_SUPPORT_CASES =
      new FakeKpi("open_support_cases", new Curve.Linear(10, 0));
  static final FakeKpi CASES_CLOSED_TO_CREATED = new FakeKpi("cases_closed_to_created",
      Curve.Piecewise.of(new Curve.Point(0.4, 0), new Curve.Point(1.0, 100)));
  static final FakeKpi FIRST_TIME_FIX_RATE =
      new FakeKpi("first_time_fix_rate", new Curve.Linear(0.5, 0.95));
  static final FakeKpi WORK_ORDER_VOLUME =
      new FakeKpi("work_order_volume", new Curve.Linear(-1, 0));
  static final FakeKpi COMPLAINTS_RAISED = new FakeKpi("complaints_raised",
      Curve.Steps.of(100, new Curve.Step(1, 40), new Curve.Step(3, 0)));
  static final FakeKpi PRODUCT_ADOPTION =
      new FakeKpi("product_adoption", new Curve.Linear(0.2, 0.8));
  static final FakeKpi SENTIMENT = new FakeKpi("sentiment", new Curve.Linear(-1, 1));

  static final List<FakeKpi> ALL = List.of(
      OPEN_SUPPORT_CASES, CASES_CLOSED_TO_CREATED, FIRST_TIME_FIX_RATE, WORK_ORDER_VOLUME,
      COMPLAINTS_RAISED, PRODUCT_ADOPTION, SENTIMENT);

  /** The seven stand-ins. */
  static final KpiRegistry REGISTRY = KpiRegistry.of(ALL);

  /** The ids that {@link KpiRegistry#unknown} lists for {@link #REGISTRY}. */
  static final String AVAILABLE = "cases_closed_to_created, complaints_raised, "
      + "first_time_fix_rate, open_support_cases, product_adoption, sentiment, work_order_volume";

  private ModelFixtures() {}

  /** Reads YAML with {@link #REGISTRY}. */
  static HealthModel yaml(String text) {
    return ModelFile.read(text, ModelFile.Format.YAML, "test.yaml", REGISTRY);
  }

  /** Reads JSON with {@link #REGISTRY}. */
  static HealthModel json(String text) {
    return ModelFile.read(text, ModelFile.Format.JSON, "test.json", REGISTRY);
  }
}
