package dev.chs.core.portfolio;

import dev.chs.api.AccountId;
import dev.chs.api.CloudId;
import dev.chs.api.kpi.Curve;
import dev.chs.api.kpi.KpiValue;
import dev.chs.core.aggregate.AccountValues;
import dev.chs.core.aggregate.CloudValues;
import dev.chs.core.model.Bands;
import dev.chs.core.model.HealthModel;
import dev.chs.core.score.AccountHealth;
import dev.chs.core.score.FakeKpi;
import dev.chs.core.score.Scorer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Accounts for the portfolio tests, scored by a model in which only the KPI {@code health} weighs
 * anything: a cloud's score is exactly the health value given. The distress KPIs weigh nothing,
 * and are measured only when a test gives them.
 */
final class Portfolio {
  static final CloudId SALES = CloudId.of("sales");
  static final CloudId SERVICE = CloudId.of("service");
  static final CloudId REVENUE = CloudId.of("revenue");
  static final Instant BEFORE = Instant.parse("2026-03-02T00:00:00Z");
  static final Instant NOW = Instant.parse("2026-05-31T00:00:00Z");

  static final HealthModel MODEL = model(Bands.DEFAULT);
  static final Scorer SCORER = Scorer.of(MODEL);

  private Portfolio() {}

  static HealthModel model(Bands bands) {
    return HealthModel.builder()
        .kpi(FakeKpi.identity("health"), 1)
        // 0 open cases score 100, 20 or more score 0.
        .kpi(new FakeKpi("open_support_cases", new Curve.Linear(20, 0)), 0)
        .kpi(new FakeKpi("cases_closed_to_created", new Curve.Linear(0, 1)), 0)
        .kpi(new FakeKpi("complaints_raised", new Curve.Linear(5, 0)), 0)
        .kpi(new FakeKpi("sentiment", new Curve.Linear(-1, 1)), 0)
        .bands(bands)
        .build();
  }

  /** A cloud whose score is {@code health}, with the other KPI values given. */
  static CloudValues cloud(CloudId cloud, double arr, double health, KpiValue... others) {
    List<KpiValue> values = new ArrayList<>(List.of(others));
    values.add(KpiValue.Measured.of("health", health, 1));
    return new CloudValues(cloud, arr, values);
  }

  /** A cloud without a score: nothing weighted is measured. */
  static CloudValues unscored(CloudId cloud, double arr, KpiValue... others) {
    return new CloudValues(cloud, arr, List.of(others));
  }

  static AccountHealth account(String id, Instant asOf, CloudValues... clouds) {
    return SCORER.score(new AccountValues(AccountId.of(id), List.of(clouds)), asOf);
  }

  static KpiValue openCases(double count) {
    return KpiValue.Measured.of("open_support_cases", count, (long) count);
  }

  static KpiValue closedToCreated(double ratio) {
    return KpiValue.Measured.of("cases_closed_to_created", ratio, 10);
  }

  static KpiValue complaints(double count) {
    return new KpiValue.Measured("complaints_raised", count, count, (long) count,
        count > 0 ? Set.of("COMPLAINT") : Set.of());
  }

  static KpiValue sentiment(double mean) {
    return KpiValue.Measured.of("sentiment", mean, 5);
  }
}
