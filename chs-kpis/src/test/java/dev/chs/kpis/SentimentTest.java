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
  void keepsANegativeMeanPrecise() {
    // MergeableSum.value() alone would give -0.30000019 here.
    KpiValue value = resultOf(true, sentiment(day("2026-05-01"), -0.3));
    assertThat(((KpiValue.Measured) value).raw()).isCloseTo(-0.3, within(1e-9));
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
    assertThat(((KpiValue.Measured) read.result(true)).raw()).isCloseTo(0.2, within(1e-9));
  }
}
