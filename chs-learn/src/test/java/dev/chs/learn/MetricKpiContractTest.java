package dev.chs.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chs.api.AccountId;
import dev.chs.api.CloudId;
import dev.chs.api.Window;
import dev.chs.api.kpi.Curve;
import dev.chs.api.kpi.Direction;
import dev.chs.api.kpi.Kpi;
import dev.chs.api.kpi.KpiValue;
import dev.chs.api.signal.Metric;
import dev.chs.api.signal.SentimentSample;
import dev.chs.api.signal.Signal;
import dev.chs.core.model.MetricKpi;
import dev.chs.testkit.KpiContract;
import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.api.Test;

/**
 * Runs the KPI contract on {@link MetricKpi}, which lives in chs-core; the contract's test kit is a
 * test dependency of chs-learn, not of chs-core.
 */
class MetricKpiContractTest extends KpiContract<MetricKpi.Accumulator> {
  private static final Window WINDOW =
      new Window(Instant.parse("2026-06-30T00:00:00Z"), Duration.ofDays(90));
  private static final AccountId ACCOUNT = AccountId.of("A-1");
  private static final MetricKpi KPI =
      new MetricKpi("total_day_minutes", Direction.LOWER_IS_BETTER, new Curve.Linear(350, 100));

  @Override
  protected Kpi<MetricKpi.Accumulator> kpi() {
    return KPI;
  }

  @Override
  protected Window window() {
    return WINDOW;
  }

  @Override
  protected Arbitrary<Signal> signals() {
    // Its own column and another one, which it must ignore.
    return Arbitraries.oneOf(
        Arbitraries.doubles().between(-1e6, 1e6).ofScale(3)
            .map(v -> new Metric(ACCOUNT, CloudId.ACCOUNT_WIDE, KPI.id(), v)),
        Arbitraries.doubles().between(-10, 10)
            .map(v -> new Metric(ACCOUNT, CloudId.ACCOUNT_WIDE, "other_column", v)));
  }

  @Override
  protected Arbitrary<Signal> signalsAfter(Instant t) {
    // A metric carries no instant, so nothing the KPI reads can be dated after t.
    return instantsAfter(t).map(at -> new SentimentSample(ACCOUNT, CloudId.ACCOUNT_WIDE, at, 0));
  }

  @Override
  protected boolean isRegisteredAsService() {
    return false;
  }

  @Test
  void averagesTheMetricsOfItsColumn() {
    KpiValue value = resultOf(true,
        new Metric(ACCOUNT, CloudId.ACCOUNT_WIDE, KPI.id(), 100),
        new Metric(ACCOUNT, CloudId.of("sales"), KPI.id(), 200),
        new Metric(ACCOUNT, CloudId.ACCOUNT_WIDE, "other_column", 7));

    assertThat(value).isEqualTo(KpiValue.Measured.of(KPI.id(), 150, 2));
  }

  @Test
  void isNotApplicableWithoutAValue() {
    assertThat(resultOf(true)).isInstanceOf(KpiValue.NotApplicable.class);
  }

  @Test
  void rejectsAnIdThatIsNotAColumnName() {
    assertThatThrownBy(() -> new MetricKpi("Total Day", Direction.HIGHER_IS_BETTER,
        new Curve.Linear(0, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("id: must match [a-z][a-z0-9_]*")
        .hasMessageContaining("'Total Day'");
  }
}
