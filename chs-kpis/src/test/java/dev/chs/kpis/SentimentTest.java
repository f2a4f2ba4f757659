package dev.chs.kpis;

import static dev.chs.kpis.Fixtures.START;
import static dev.chs.kpis.Fixtures.T;
import static dev.chs.kpis.Fixtures.WINDOW;
import static dev.chs.kpis.Fixtures.day;
import static dev.chs.kpis.Fixtures.sentiment;
import static org.assertj.core.api.Assertions.assertThat;
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
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class SentimentTest extends KpiContract<Sentiment.Accumulator> {
  private static final String ID = Sentiment.ID;

  @Override
  protected Kpi<Sentiment.Accumulator> kpi() {
    return new Sentiment();
  }

  @Override
  protected Window window() {
    return WINDOW;
  }

  @Override
  protected Arbitrary<Signal> signals() {
    return Fixtures.sentimentSamples(instantsAround(WINDOW));
  }

  @Override
  protected Arbitrary<Signal> signalsAfter(Instant t) {
    return Fixtures.sentimentSamples(instantsAfter(t));
  }

  @Test
  void averagesTheWindowsScores() {
    KpiValue value =
        resultOf(
            true,
            sentiment(T, 0.5),
            sentiment(START.plusNanos(1), -0.25),
            // Not counted: exactly at T - W, and after T.
            sentiment(START, -1),
            sentiment(T.plusNanos(1), 1));

    assertThat(value).isEqualTo(KpiValue.Measured.of(ID, 0.125, 2));
  }

  @Test
  void keepsANegativeMeanExact() {
    KpiValue value = resultOf(true, sentiment(day("2026-05-01"), -0.3));
    assertThat(value).isEqualTo(KpiValue.Measured.of(ID, -0.3, 1));
  }

  @Test
  void givesTheMeanOfDecimalScores_correctlyRounded() {
    // The exact mean of the doubles 0.53, 0.41 and -0.2 is within half an ulp of 0.74 / 3.
    KpiValue value = resultOf(true, sentiment(day("2026-05-01"), 0.53),
        sentiment(day("2026-05-02"), 0.41), sentiment(day("2026-05-03"), -0.2));
    assertThat(value).isEqualTo(KpiValue.Measured.of(ID, Fixtures.exactMean(0.53, 0.41, -0.2), 3));
    assertThat(resultOf(true, sentiment(day("2026-05-01"), 0.53),
        sentiment(day("2026-05-02"), 0.53))).isEqualTo(KpiValue.Measured.of(ID, 0.53, 2));
  }

  @Test
  void addingAndMergingAllocateNothing() throws ReflectiveOperationException {
    List<Signal> samples = List.of(sentiment(day("2026-05-01"), 0.53),
        sentiment(day("2026-05-02"), -0.3), sentiment(day("2026-05-03"), 0x1p-70));
    Sentiment.Accumulator accumulator = kpi().newAccumulator(WINDOW);
    Sentiment.Accumulator other = accumulate(samples);
    // chs-kpis reads no java.management, so the HotSpot counter is reached by reflection.
    Object threads = Class.forName("java.lang.management.ManagementFactory")
        .getMethod("getThreadMXBean").invoke(null);
    java.lang.reflect.Method allocatedBytes = Class.forName("com.sun.management.ThreadMXBean")
        .getMethod("getCurrentThreadAllocatedBytes");
    for (int i = 0; i < 200_000; i++) {
      accumulator.add(samples.get(i % 3));
      accumulator.merge(other);
    }

    long before = (long) allocatedBytes.invoke(threads);
    for (int i = 0; i < 100_000; i++) {
      accumulator.add(samples.get(i % 3));
      accumulator.merge(other);
    }
    long allocated = (long) allocatedBytes.invoke(threads) - before;

    // The counter itself may cost a few dozen bytes; 100,000 rounds must not cost one each.
    assertThat(allocated).isLessThan(1_000);
    assertThat(accumulator.result(true)).isInstanceOf(KpiValue.Measured.class);
  }

  @Property
  void theMeanStaysOnTheScale(@ForAll("signalLists") List<Signal> signals) {
    if (accumulate(signals).result(true) instanceof KpiValue.Measured measured) {
      assertThat(measured.raw()).isBetween(-1.0, 1.0);
    }
  }

  @Test
  void isNotApplicableWithoutSamples() {
    KpiValue expected = new KpiValue.NotApplicable(ID, "no sentiment samples in the window");
    assertThat(resultOf(true)).isEqualTo(expected);
    assertThat(resultOf(true, sentiment(T.plusSeconds(1), 1))).isEqualTo(expected);
  }

  @Test
  void scoresNeutralSentimentAtFifty() {
    assertThat(kpi().defaultCurve().score(0)).isEqualTo(50);
    assertThat(kpi().defaultCurve().score(-0.6)).isEqualTo(0);
    assertThat(kpi().defaultCurve().score(0.9)).isEqualTo(100);
  }

  @Test
  void matchesItsGoldenFile() throws IOException {
    List<Signal> signals =
        List.of(
            sentiment(day("2026-04-15"), 0.8),
            sentiment(day("2026-05-15"), -0.3),
            sentiment(day("2026-06-15"), 0.1),
            sentiment(day("2026-07-15"), -1));
    Sentiment.Accumulator accumulator = accumulate(signals);
    Sentiment.Accumulator read = GoldenFiles.check(kpi(), Sentiment.STATE_VERSION, accumulator);

    assertThat(read.result(true)).isEqualTo(accumulator.result(true));
    // The sample of July lies after T: (0.8 - 0.3 + 0.1) / 3, and 0.2 is the double nearest
    // the exact mean of those three doubles.
    assertThat(read.result(true)).isEqualTo(KpiValue.Measured.of(ID, 0.2, 3));
  }

  @Test
  void readsTheGoldenFileOfVersion1_withItsSumConvertedExactly() throws IOException {
    // Version 1 held the same three scores, each rounded to a multiple of 2^-32. Their sum is a
    // double, so dividing it by 3 in doubles rounds once, as the exact quotient does.
    Sentiment.Accumulator read = GoldenFiles.read(kpi(), 1);
    double sumOfRounded = (Math.round(0.8 * 0x1p32) + Math.round(-0.3 * 0x1p32)
        + Math.round(0.1 * 0x1p32)) * 0x1p-32;
    assertThat(read.result(true)).isEqualTo(KpiValue.Measured.of(ID, sumOfRounded / 3, 3));
    assertThat(read.window()).isEqualTo(WINDOW);
  }
}
