package dev.chs.kpis;

import static dev.chs.kpis.Fixtures.START;
import static dev.chs.kpis.Fixtures.T;
import static dev.chs.kpis.Fixtures.WINDOW;
import static dev.chs.kpis.Fixtures.day;
import static dev.chs.kpis.Fixtures.usage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.chs.api.Window;
import dev.chs.api.kpi.Kpi;
import dev.chs.api.kpi.KpiValue;
import dev.chs.api.signal.Signal;
import dev.chs.testkit.KpiContract;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.api.Test;

class ProductAdoptionTest extends KpiContract<ProductAdoption.Accumulator> {
  private static final String ID = ProductAdoption.ID;

  @Override
  protected Kpi<ProductAdoption.Accumulator> kpi() {
    return new ProductAdoption();
  }

  @Override
  protected Window window() {
    return WINDOW;
  }

  @Override
  protected Arbitrary<Signal> signals() {
    return Fixtures.usageSamples(instantsAround(WINDOW));
  }

  @Override
  protected Arbitrary<Signal> signalsAfter(Instant t) {
    return Fixtures.usageSamples(instantsAfter(t));
  }

  @Test
  void averagesTheSharesOfTheWindowsSamples() {
    KpiValue value =
        resultOf(
            true,
            // 0.5, exactly at T.
            usage(T, 50, 100),
            // 0.25, just after T - W.
            usage(START.plusNanos(1), 1, 4),
            // Not counted: exactly at T - W, and after T.
            usage(START, 100, 100),
            usage(T.plusNanos(1), 0, 100));

    // (0.5 + 0.25) / 2, exact.
    assertThat(value).isEqualTo(KpiValue.Measured.of(ID, 0.375, 2));
  }

  @Test
  void weighsEverySampleTheSameAndMayExceedOne() {
    KpiValue value = resultOf(true, usage(day("2026-05-01"), 3, 2), usage(day("2026-05-02"), 1,
        1000));
    // Halving commutes with rounding, so (1.5 + 0.001) / 2 in doubles is the exact mean of the
    // doubles 1.5 and 1 / 1000, correctly rounded.
    assertThat(value).isEqualTo(KpiValue.Measured.of(ID, (1.5 + 0.001) / 2, 2));
  }

  @Test
  void isNotApplicableWithoutSamples() {
    KpiValue expected = new KpiValue.NotApplicable(ID, "no usage samples in the window");
    assertThat(resultOf(true)).isEqualTo(expected);
    assertThat(resultOf(false, usage(START, 1, 1))).isEqualTo(expected);
  }

  @Test
  void rejectsAnAdoptionTooLargeToSumExactly() {
    // Long.MAX_VALUE as a double is 2^63, the first share that cannot be summed exactly.
    assertThatThrownBy(() -> resultOf(true, usage(T, Long.MAX_VALUE, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "active_users / licensed_users: must be below 2^63, was 9223372036854775807 / 1");
    assertThat(resultOf(true, usage(T, 1L << 40, 1)))
        .isEqualTo(KpiValue.Measured.of(ID, 0x1p40, 1));
  }

  @Test
  void matchesItsGoldenFile() throws IOException {
    List<Signal> signals =
        List.of(
            usage(day("2026-04-30"), 30, 100),
            usage(day("2026-05-31"), 45, 100),
            usage(day("2026-06-30"), 2, 3),
            usage(day("2026-07-31"), 100, 100));
    ProductAdoption.Accumulator accumulator = accumulate(signals);
    ProductAdoption.Accumulator read =
        GoldenFiles.check(kpi(), ProductAdoption.STATE_VERSION, accumulator);

    assertThat(read.result(true)).isEqualTo(accumulator.result(true));
    // The sample of July lies after T.
    assertThat(read.result(true))
        .isEqualTo(KpiValue.Measured.of(ID, Fixtures.exactMean(0.3, 0.45, 2.0 / 3), 3));
  }

  @Test
  void readsTheGoldenFileOfVersion1_withItsSumConvertedExactly() throws IOException {
    // Version 1 held the same three shares, each rounded to a multiple of 2^-32. Their sum is a
    // double, so dividing it by 3 in doubles rounds once, as the exact quotient does.
    ProductAdoption.Accumulator read = GoldenFiles.read(kpi(), 1);
    double sumOfRounded = (Math.round(0.3 * 0x1p32) + Math.round(0.45 * 0x1p32)
        + Math.round(2.0 / 3 * 0x1p32)) * 0x1p-32;
    assertThat(read.result(true)).isEqualTo(KpiValue.Measured.of(ID, sumOfRounded / 3, 3));
    assertThat(read.window()).isEqualTo(WINDOW);
  }
}
