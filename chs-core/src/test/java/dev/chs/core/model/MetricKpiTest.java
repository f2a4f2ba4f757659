package dev.chs.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chs.api.AccountId;
import dev.chs.api.CloudId;
import dev.chs.api.Window;
import dev.chs.api.kpi.Curve;
import dev.chs.api.kpi.Direction;
import dev.chs.api.kpi.KpiState;
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

    assertThat(MetricKpi.STATE_VERSION).isEqualTo(2);
    assertThat(read.window()).isEqualTo(WINDOW);
    assertThat(read.result(true)).isEqualTo(accumulator.result(true));
  }

  @Test
  void writesVersion2_withTheSumAsThreeLongsInUnitsOfTwoToTheMinus64() throws IOException {
    MetricKpi.Accumulator accumulator = KPI.newAccumulator(WINDOW);
    accumulator.add(new Metric(ACCOUNT, CloudId.ACCOUNT_WIDE, KPI.id(), -2.5));

    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(expected);
    KpiState.writeHeader(out, KPI.id(), 2, WINDOW);
    out.writeLong(1);
    out.writeLong(-1); // -2.5 * 2^64 in 192-bit two's complement: high, middle, low
    out.writeLong(-3);
    out.writeLong(Long.MIN_VALUE);
    assertThat(bytesOf(accumulator)).isEqualTo(expected.toByteArray());
  }

  @Test
  void readsVersion1_convertingItsSumExactly() throws IOException {
    // Version 1: the count, then the sum of 0.3 and 0.3 as two longs in units of 2^-32.
    long units = 2 * Math.round(0.3 * 0x1p32);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    KpiState.writeHeader(out, KPI.id(), 1, WINDOW);
    out.writeLong(2);
    out.writeLong(0);
    out.writeLong(units);

    MetricKpi.Accumulator read = KPI.readAccumulator(
        new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));

    assertThat(read.result(true)).isEqualTo(KpiValue.Measured.of(KPI.id(), units * 0x1p-33, 2));
    MetricKpi.Accumulator fresh = KPI.newAccumulator(WINDOW);
    fresh.merge(read);
    assertThat(bytesOf(fresh)).isEqualTo(bytesOf(read)).hasSize(bytes.size() + 8);
  }

  @Test
  void averagesLargeValuesExactly_andRejectsTwoToThe63() {
    MetricKpi.Accumulator accumulator = KPI.newAccumulator(WINDOW);
    accumulator.add(new Metric(ACCOUNT, CloudId.ACCOUNT_WIDE, KPI.id(), 1e12 + 0.25));
    accumulator.add(new Metric(ACCOUNT, CloudId.ACCOUNT_WIDE, KPI.id(), 3e12));
    assertThat(accumulator.result(true))
        .isEqualTo(KpiValue.Measured.of(KPI.id(), 2e12 + 0.125, 2));

    assertThatThrownBy(() -> accumulator.add(
            new Metric(ACCOUNT, CloudId.ACCOUNT_WIDE, KPI.id(), 0x1p63)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("metric 'total_day_minutes' of account A-1: must be smaller than 2^63 in"
            + " magnitude, was 9.223372036854776E18");
  }

  @Test
  void averagesABillionMergedMetricsOfATrillionToTheLastBit() throws IOException {
    // One account and cloud: metrics 10^12 and 0.1, merged 10^9 times by binary doubling.
    MetricKpi.Accumulator one = KPI.newAccumulator(WINDOW);
    one.add(new Metric(ACCOUNT, CloudId.ACCOUNT_WIDE, KPI.id(), 1e12));
    one.add(new Metric(ACCOUNT, CloudId.ACCOUNT_WIDE, KPI.id(), 0.1));
    MetricKpi.Accumulator total = KPI.newAccumulator(WINDOW);
    MetricKpi.Accumulator power = copyOf(one);
    for (long rest = 1_000_000_000L; rest > 0; rest >>= 1) {
      if ((rest & 1) == 1) {
        total.merge(copyOf(power));
      }
      power.merge(copyOf(power));
    }

    // The exact mean of the doubles 1e12 and 0.1 is 500000000000.05000000000000000277..., and
    // the double nearest to it is 500000000000.05.
    double mean = new java.math.BigDecimal(1e12).add(new java.math.BigDecimal(0.1))
        .divide(java.math.BigDecimal.valueOf(2)).doubleValue();
    assertThat(mean).isEqualTo(500_000_000_000.05);
    assertThat(total.result(true))
        .isEqualTo(KpiValue.Measured.of(KPI.id(), mean, 2_000_000_000L));
  }

  private static MetricKpi.Accumulator copyOf(MetricKpi.Accumulator accumulator)
      throws IOException {
    return KPI.readAccumulator(
        new DataInputStream(new ByteArrayInputStream(bytesOf(accumulator))));
  }

  private static byte[] bytesOf(MetricKpi.Accumulator accumulator) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    accumulator.writeTo(new DataOutputStream(bytes));
    return bytes.toByteArray();
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
