package dev.chs.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chs.api.AccountId;
import dev.chs.api.CloudId;
import dev.chs.api.Window;
import dev.chs.api.kpi.Curve;
import dev.chs.api.kpi.Direction;
import dev.chs.api.kpi.KpiValue;
import dev.chs.api.signal.Metric;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The KPI contract of the test kit runs on this KPI in chs-learn, as MetricKpiContractTest. */
class MetricKpiTest {
  private static final Window WINDOW =
      new Window(Instant.parse("2026-06-30T00:00:00Z"), Duration.ofDays(90));
  private static final AccountId ACCOUNT = AccountId.of("A-1");
  private static final MetricKpi KPI =
      new MetricKpi("total_day_minutes", Direction.LOWER_IS_BETTER, new Curve.Linear(300, 100));

  @Test
  void averagesTheMetricsNamedAfterItsId() {
    MetricKpi.Accumulator accumulator = KPI.newAccumulator(WINDOW);
    accumulator.add(new Metric(ACCOUNT, CloudId.ACCOUNT_WIDE, KPI.id(), 100));
    accumulator.add(new Metric(ACCOUNT, CloudId.of("sales"), KPI.id(), 250));
    accumulator.add(new Metric(ACCOUNT, CloudId.ACCOUNT_WIDE, "total_night_minutes", 7));

    assertThat(accumulator.result(true)).isEqualTo(KpiValue.Measured.of(KPI.id(), 175, 2));
  }

  @Test
  void isNotApplicableWithoutAMetric() {
    assertThat(KPI.newAccumulator(WINDOW).result(true))
        .isEqualTo(new KpiValue.NotApplicable(KPI.id(), "no value in metrics.csv"));
  }

  @Test
  void readsBackTheStateItWrites() throws IOException {
    MetricKpi.Accumulator accumulator = KPI.newAccumulator(WINDOW);
    accumulator.add(new Metric(ACCOUNT, CloudId.ACCOUNT_WIDE, KPI.id(), 42.5));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    accumulator.writeTo(new DataOutputStream(bytes));

    MetricKpi.Accumulator read = KPI.readAccumulator(
        new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));

    assertThat(MetricKpi.STATE_VERSION).isEqualTo(1);
    assertThat(read.window()).isEqualTo(WINDOW);
    assertThat(read.result(true)).isEqualTo(accumulator.result(true));
  }

  @Test
  void takesItsDirectionAndDefaultCurveFromItsComponents() {
    assertThat(KPI.direction()).isEqualTo(Direction.LOWER_IS_BETTER);
    assertThat(KPI.defaultCurve()).isEqualTo(new Curve.Linear(300, 100));
  }

  @Test
  void rejectsAnIdThatIsNotAColumnName() {
    assertThatThrownBy(() -> new MetricKpi("Total Day", Direction.HIGHER_IS_BETTER,
            new Curve.Linear(0, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("id: must match [a-z][a-z0-9_]* (a metrics.csv column name), was 'Total Day'");
  }
}
