package dev.chs.kpis;

import static dev.chs.kpis.Fixtures.T;
import static dev.chs.kpis.Fixtures.WINDOW;
import static dev.chs.kpis.Fixtures.complaint;
import static dev.chs.kpis.Fixtures.day;
import static dev.chs.kpis.Fixtures.sentiment;
import static dev.chs.kpis.Fixtures.supportCase;
import static dev.chs.kpis.Fixtures.usage;
import static dev.chs.kpis.Fixtures.workOrder;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chs.api.Window;
import dev.chs.api.kpi.ExactSums;
import dev.chs.api.kpi.Kpi;
import dev.chs.api.kpi.KpiAccumulator;
import dev.chs.api.kpi.KpiValue;
import dev.chs.api.signal.Signal;
import dev.chs.kpis.internal.WindowMath;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every built-in KPI at the extremes that issue #9 names: 10^9 signals for one account and cloud,
 * simulated by merging serialized copies of a small accumulator (binary doubling, 30 merges), and
 * windows of one day and of ten years with signals on the boundaries T - W and T.
 */
class ExtremeValuesTest {
  private static final long BILLION = 1_000_000_000L;

  /** Ten calendar years before T = 2026-06-30, with the leap days of 2020 and 2024. */
  private static final Duration TEN_YEARS =
      Duration.between(Instant.parse("2016-06-30T00:00:00Z"), T);

  @Test
  void openSupportCases_countsABillionTimesTheCasesExactly() throws IOException {
    // One case open at T, one closed before it: open 1, seen 2.
    KpiValue value = billionTimes(new OpenSupportCases(),
        supportCase("C-1", day("2026-05-01"), null, null),
        supportCase("C-2", day("2026-05-01"), day("2026-05-10"), true));
    assertThat(value).isEqualTo(KpiValue.Measured.of(OpenSupportCases.ID, 1e9, 2 * BILLION));
  }

  @Test
  void casesClosedToCreated_keepsTheRatioOfTheCounts() throws IOException {
    // Opened in the window: C-1, C-2, C-4 (3); closed in it: C-1, C-3 (2); either: 4. 2/3.
    KpiValue value = billionTimes(new CasesClosedToCreated(),
        supportCase("C-1", day("2026-05-01"), day("2026-05-10"), true),
        supportCase("C-2", day("2026-05-02"), null, null),
        supportCase("C-3", day("2026-03-01"), day("2026-05-03"), false),
        supportCase("C-4", day("2026-05-04"), null, null));
    // 2e9 / 3e9 is the same real number as 2 / 3, and both counts are exact doubles, so the
    // one rounding of the division gives the same bits.
    assertThat(value)
        .isEqualTo(KpiValue.Measured.of(CasesClosedToCreated.ID, 2.0 / 3, 4 * BILLION));
  }

  @Test
  void firstTimeFixRate_keepsTheRatioOfTheCounts() throws IOException {
    // Known: two cases and a work order finished in the window; fixed first time: two. 2/3.
    KpiValue value = billionTimes(new FirstTimeFixRate(),
        supportCase("C-1", day("2026-05-01"), day("2026-05-10"), true),
        supportCase("C-2", day("2026-05-01"), day("2026-05-11"), false),
        workOrder("W-1", day("2026-05-01"), day("2026-05-12"), true));
    assertThat(value).isEqualTo(KpiValue.Measured.of(FirstTimeFixRate.ID, 2.0 / 3, 3 * BILLION));
  }

  @Test
  void workOrderVolume_keepsTheChangeOfTheCounts() throws IOException {
    // Created in the window: 2; in each of the three before it: 1. Baseline 1, change
    // (3 * 2 - 3) / 3 = 1; times 10^9: (6e9 - 3e9) / 3e9 = 1, with no overflow in 3 * 2e9.
    KpiValue value = billionTimes(new WorkOrderVolume(),
        workOrder("W-1", day("2026-05-01"), null, null),
        workOrder("W-2", day("2026-05-02"), null, null),
        workOrder("W-3", WINDOW.earlier(1).asOf().minusSeconds(1), null, null),
        workOrder("W-4", WINDOW.earlier(2).asOf().minusSeconds(1), null, null),
        workOrder("W-5", WINDOW.earlier(3).asOf().minusSeconds(1), null, null));
    assertThat(value).isEqualTo(new KpiValue.Measured(
        WorkOrderVolume.ID, 2e9, 1.0, 5 * BILLION, Set.of(WorkOrderVolume.SURGE)));
  }

  @Test
  void complaintsRaised_countsABillionRepeatsOfAComplaintOnce() throws IOException {
    // The KPI counts distinct complaint ids, so copies of one complaint are one complaint; its
    // state stays two ids long however many copies are merged.
    KpiValue value = billionTimes(new ComplaintsRaised(),
        complaint("K-1", day("2026-05-01")), complaint("K-2", day("2026-05-02")));
    assertThat(value).isEqualTo(new KpiValue.Measured(
        ComplaintsRaised.ID, 2, 2, 2, Set.of(ComplaintsRaised.COMPLAINT)));
  }

  @Test
  void productAdoption_givesTheMeanOfThreeSamplesToTheLastBit() throws IOException {
    KpiValue value = billionTimes(new ProductAdoption(),
        usage(day("2026-05-01"), 30, 100), usage(day("2026-05-02"), 45, 100),
        usage(day("2026-05-03"), 2, 3));
    assertThat(value).isEqualTo(KpiValue.Measured.of(
        ProductAdoption.ID, Fixtures.exactMean(0.3, 0.45, 2.0 / 3), 3 * BILLION));
  }

  @Test
  void productAdoption_sumsABillionOfTheLargestSharesWithoutOverflow() throws IOException {
    // A share of 2^62 is 2^126 units of 2^-64; 10^9 of them are below 2^156, within 192 bits.
    KpiValue value = billionTimes(new ProductAdoption(), usage(day("2026-05-01"), 1L << 62, 1));
    assertThat(value).isEqualTo(KpiValue.Measured.of(ProductAdoption.ID, 0x1p62, BILLION));
  }

  @Test
  void sentiment_givesTheMeanOfFiveScoresToTheLastBit() throws IOException {
    KpiValue value = billionTimes(new Sentiment(),
        sentiment(day("2026-05-01"), 0.53), sentiment(day("2026-05-02"), 0.41),
        sentiment(day("2026-05-03"), -0.2), sentiment(day("2026-05-04"), 1),
        sentiment(day("2026-05-05"), -1));
    assertThat(value).isEqualTo(KpiValue.Measured.of(
        Sentiment.ID, Fixtures.exactMean(0.53, 0.41, -0.2, 1, -1), 5 * BILLION));
  }

  @Test
  void sentiment_ofABillionEqualScores_isThatScore() throws IOException {
    for (double score : new double[] {1, -1, 0.53, -0.3, 0.1}) {
      assertThat(billionTimes(new Sentiment(), sentiment(day("2026-05-01"), score)))
          .isEqualTo(KpiValue.Measured.of(Sentiment.ID, score, BILLION));
    }
  }

  @Test
  void theSumOfABillionCopies_isABillionTimesTheSumOfOne() throws IOException {
    Sentiment kpi = new Sentiment();
    Sentiment.Accumulator one = accumulate(kpi, WINDOW, List.of(
        sentiment(day("2026-05-01"), 0.53), sentiment(day("2026-05-02"), -0.2)));
    Sentiment.Accumulator many = timesBillion(kpi, one);

    assertThat(sumOf(many)).isEqualByComparingTo(
        sumOf(one).multiply(BigDecimal.valueOf(BILLION)));
    assertThat(sumOf(one)).isEqualByComparingTo(
        new BigDecimal(0.53).add(new BigDecimal(-0.2)));
  }

  @ParameterizedTest(name = "window of {0} days")
  @ValueSource(longs = {1, 3652})
  void windowedKpis_countTAndNotTMinusW(long days) {
    Window window = new Window(T, Duration.ofDays(days));
    Instant start = window.start();
    Instant justInside = start.plusNanos(1);
    Instant after = T.plusNanos(1);

    assertThat(resultOf(new Sentiment(), window, sentiment(T, 1), sentiment(start, -1),
        sentiment(justInside, 0.5), sentiment(after, -1)))
        .isEqualTo(KpiValue.Measured.of(Sentiment.ID, 0.75, 2));
    assertThat(resultOf(new ProductAdoption(), window, usage(T, 1, 4), usage(start, 1, 1),
        usage(justInside, 3, 4), usage(after, 0, 1)))
        .isEqualTo(KpiValue.Measured.of(ProductAdoption.ID, 0.5, 2));
    assertThat(resultOf(new ComplaintsRaised(), window, complaint("K-1", T),
        complaint("K-2", start), complaint("K-3", justInside), complaint("K-4", after)))
        .isEqualTo(new KpiValue.Measured(
            ComplaintsRaised.ID, 2, 2, 2, Set.of(ComplaintsRaised.COMPLAINT)));
    // Opened in: C-2 (just inside), C-3 (at T); closed in: C-1 (at T). C-1 opened at T - W.
    assertThat(resultOf(new CasesClosedToCreated(), window,
        supportCase("C-1", start, T, true), supportCase("C-2", justInside, null, null),
        supportCase("C-3", T, null, null), supportCase("C-4", start, justInside.minusNanos(1),
            true)))
        .isEqualTo(KpiValue.Measured.of(CasesClosedToCreated.ID, 0.5, 3));
    assertThat(resultOf(new FirstTimeFixRate(), window,
        supportCase("C-1", start, T, true), workOrder("W-1", start, start, true),
        workOrder("W-2", start, justInside, false), workOrder("W-3", start, after, true)))
        .isEqualTo(KpiValue.Measured.of(FirstTimeFixRate.ID, 0.5, 2));
    // Open at T: C-1, opened twenty years before T whatever the window, and C-2 opened at T.
    assertThat(resultOf(new OpenSupportCases(), window,
        supportCase("C-1", T.minus(Duration.ofDays(7305)), null, null),
        supportCase("C-2", T, null, null), supportCase("C-3", start, T, true),
        supportCase("C-4", after, null, null)))
        .isEqualTo(KpiValue.Measured.of(OpenSupportCases.ID, 2, 3));
  }

  @ParameterizedTest(name = "window of {0} days")
  @ValueSource(longs = {1, 3652})
  void workOrderVolume_placesOrdersOnTheBoundariesOfItsFourWindows(long days) {
    Duration w = Duration.ofDays(days);
    Window window = new Window(T, w);
    // Window 0 is (T - W, T], window n is (T - (n+1)W, T - nW]. T - 4W is in none of them.
    KpiValue value = resultOf(new WorkOrderVolume(), window,
        workOrder("W-1", T, null, null),
        workOrder("W-2", T.minus(w).plusNanos(1), null, null),
        workOrder("W-3", T.minus(w), null, null),
        workOrder("W-4", T.minus(w.multipliedBy(2)), null, null),
        workOrder("W-5", T.minus(w.multipliedBy(3)), null, null),
        workOrder("W-6", T.minus(w.multipliedBy(4)).plusNanos(1), null, null),
        workOrder("W-7", T.minus(w.multipliedBy(4)), null, null),
        workOrder("W-8", T.plusNanos(1), null, null));
    // Counts 2, 1, 1, 2: sum 4, change (3 * 2 - 4) / 4 = 0.5, which raises SURGE.
    assertThat(value).isEqualTo(new KpiValue.Measured(
        WorkOrderVolume.ID, 2, 0.5, 6, Set.of(WorkOrderVolume.SURGE)));
  }

  @ParameterizedTest(name = "window of {0} days")
  @ValueSource(longs = {1, 3652})
  void windowMath_agreesWithWindowOnTheBoundaries(long days) {
    Window window = new Window(T, Duration.ofDays(days));
    for (int n = 0; n <= 4; n++) {
      Instant end = window.earlier(n).asOf();
      for (Instant instant : List.of(end, end.plusNanos(1), end.minusNanos(1))) {
        assertThat(WindowMath.contains(window, instant)).isEqualTo(window.contains(instant));
        int expected = -1;
        for (int k = 3; k >= 0; k--) {
          if (window.earlier(k).contains(instant)) {
            expected = k;
          }
        }
        assertThat(WindowMath.windowsBack(window, instant, 4)).as("%s", instant)
            .isEqualTo(expected);
      }
    }
    assertThat(TEN_YEARS).isEqualTo(Duration.ofDays(3652));
  }

  /** The result of 10^9 copies of the signals for one account and cloud, in {@code WINDOW}. */
  private static <A extends KpiAccumulator<A>> KpiValue billionTimes(Kpi<A> kpi,
      Signal... signals) throws IOException {
    A many = timesBillion(kpi, accumulate(kpi, WINDOW, List.of(signals)));
    // The merged state also survives its serialized form.
    A read = copyOf(kpi, many);
    assertThat(GoldenFiles.bytesOf(read)).isEqualTo(GoldenFiles.bytesOf(many));
    return many.result(true);
  }

  /** Merges 10^9 copies of {@code one}: a copy of 2^k copies for each bit k of 10^9. */
  private static <A extends KpiAccumulator<A>> A timesBillion(Kpi<A> kpi, A one)
      throws IOException {
    A total = kpi.newAccumulator(one.window());
    A power = copyOf(kpi, one);
    for (long rest = BILLION; rest > 0; rest >>= 1) {
      if ((rest & 1) == 1) {
        total.merge(copyOf(kpi, power));
      }
      power.merge(copyOf(kpi, power));
    }
    return total;
  }

  private static <A extends KpiAccumulator<A>> A copyOf(Kpi<A> kpi, A accumulator)
      throws IOException {
    byte[] bytes = GoldenFiles.bytesOf(accumulator);
    return kpi.readAccumulator(new DataInputStream(new ByteArrayInputStream(bytes)));
  }

  private static <A extends KpiAccumulator<A>> A accumulate(Kpi<A> kpi, Window window,
      List<Signal> signals) {
    A accumulator = kpi.newAccumulator(window);
    signals.forEach(accumulator::add);
    return accumulator;
  }

  private static <A extends KpiAccumulator<A>> KpiValue resultOf(Kpi<A> kpi, Window window,
      Signal... signals) {
    return accumulate(kpi, window, List.of(signals)).result(true);
  }

  /** The exact sum a mean accumulator holds: the last 24 bytes of its form. */
  private static BigDecimal sumOf(Sentiment.Accumulator accumulator) throws IOException {
    byte[] bytes = GoldenFiles.bytesOf(accumulator);
    ByteBuffer words = ByteBuffer.wrap(bytes, bytes.length - 24, 24);
    return ExactSums.exactValue(words.getLong(), words.getLong(), words.getLong());
  }
}
