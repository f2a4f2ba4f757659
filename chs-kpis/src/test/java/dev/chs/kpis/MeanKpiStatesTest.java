package dev.chs.kpis;

import static dev.chs.kpis.Fixtures.START;
import static dev.chs.kpis.Fixtures.T;
import static dev.chs.kpis.Fixtures.WINDOW;
import static dev.chs.kpis.Fixtures.day;
import static dev.chs.kpis.Fixtures.sentiment;
import static dev.chs.kpis.Fixtures.states;
import static dev.chs.kpis.Fixtures.usage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chs.api.Window;
import dev.chs.api.kpi.Kpi;
import dev.chs.api.kpi.KpiAccumulator;
import dev.chs.api.kpi.KpiStates;
import dev.chs.api.kpi.KpiValue;
import dev.chs.api.signal.Signal;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The stores of the two mean KPIs, {@code sentiment} and {@code product_adoption}, on
 * hand-computed means, among them means whose exact sum a naive double sum misses.
 */
class MeanKpiStatesTest {
  private static final Sentiment SENTIMENT = new Sentiment();
  private static final ProductAdoption ADOPTION = new ProductAdoption();

  private static <A extends KpiAccumulator<A>> A accumulated(Kpi<A> kpi, List<Signal> signals) {
    A accumulator = kpi.newAccumulator(WINDOW);
    signals.forEach(accumulator::add);
    return accumulator;
  }

  private static <A extends KpiAccumulator<A>> void addAll(KpiStates<A> states, int pair,
      List<Signal> signals) {
    signals.forEach(signal -> states.add(pair, signal));
  }

  private static Signal score(String isoDate, double score) {
    return sentiment(day(isoDate), score);
  }

  @Test
  void sentiment_givesTheCorrectlyRoundedMeanThatNaiveSummingMisses() throws IOException {
    // Naively (0.1 + 0.2 + 0.3) / 3 is 0.20000000000000004. The doubles' exact sum is
    // 0.6000000000000000055511151231257827, a third of it 0.20000000000000000185, and the double
    // nearest that is 0.2 (0.2000000000000000111, against 0.1999999999999999833 below it).
    List<Signal> tenths = List.of(score("2026-05-03", 0.3), score("2026-05-01", 0.1),
        score("2026-05-02", 0.2), score("2026-07-01", 1), sentiment(START, -1));
    // In this order, 1 + 2^-53 rounds back to 1 twice, and a naive sum ends at 0; the exact
    // sum is 2^-52, so the mean of the four is 2^-54.
    List<Signal> tiny = List.of(score("2026-05-01", 1), score("2026-05-02", 0x1p-53),
        score("2026-05-03", 0x1p-53), score("2026-05-04", -1));
    KpiStates<Sentiment.Accumulator> states = states(SENTIMENT, 3);

    addAll(states, 0, tenths);
    addAll(states, 2, tiny);

    assertThat((0.1 + 0.2 + 0.3) / 3).isNotEqualTo(0.2);
    assertThat(states.result(0, true)).isEqualTo(KpiValue.Measured.of(Sentiment.ID, 0.2, 3));
    assertThat(states.result(1, true)).isEqualTo(
        new KpiValue.NotApplicable(Sentiment.ID, "no sentiment samples in the window"));
    assertThat(states.result(2, true))
        .isEqualTo(KpiValue.Measured.of(Sentiment.ID, 0x1p-54, 4));
    for (int pair = 0; pair < 3; pair++) {
      List<Signal> signals = List.of(tenths, List.<Signal>of(), tiny).get(pair);
      assertThat(GoldenFiles.bytesOf(states.accumulator(pair))).as("pair %s", pair)
          .isEqualTo(GoldenFiles.bytesOf(accumulated(SENTIMENT, signals)));
      assertThat(states.result(pair, true)).as("pair %s", pair)
          .isEqualTo(accumulated(SENTIMENT, signals).result(true));
    }
  }

  @Test
  void sentiment_mergesToTheSameBitsInAnyGrouping() throws IOException {
    // Pair 0 takes 1 and 2^-53; pair 1 takes 2^-53 and -1; merged either way round, the sum is
    // 2^-52 and the mean 2^-54, as in one pass.
    KpiStates<Sentiment.Accumulator> left = states(SENTIMENT, 2);
    KpiStates<Sentiment.Accumulator> right = states(SENTIMENT, 1);
    addAll(left, 0, List.of(score("2026-05-01", 1), score("2026-05-02", 0x1p-53)));
    addAll(right, 0, List.of(score("2026-05-03", 0x1p-53), score("2026-05-04", -1)));
    addAll(left, 1, List.of(score("2026-05-03", 0x1p-53), score("2026-05-04", -1)));

    left.merge(1, left, 0);
    left.merge(0, right, 0);

    KpiValue expected = KpiValue.Measured.of(Sentiment.ID, 0x1p-54, 4);
    assertThat(left.result(0, true)).isEqualTo(expected);
    assertThat(left.result(1, true)).isEqualTo(expected);
    assertThat(GoldenFiles.bytesOf(left.accumulator(0)))
        .isEqualTo(GoldenFiles.bytesOf(left.accumulator(1)));
    assertThat(right.result(0, true))
        .isEqualTo(KpiValue.Measured.of(Sentiment.ID, (0x1p-53 - 1) / 2, 2));
  }

  @Test
  void sentiment_mergedIntoItselfDoublesCountAndSumButKeepsTheMean() throws IOException {
    List<Signal> two = List.of(score("2026-05-01", -0.25), score("2026-05-02", 0.75));
    KpiStates<Sentiment.Accumulator> states = states(SENTIMENT, 1);
    addAll(states, 0, two);

    states.merge(0, states, 0);

    // (-0.25 + 0.75) * 2 / 4, in binary fractions that no step rounds.
    assertThat(states.result(0, true)).isEqualTo(KpiValue.Measured.of(Sentiment.ID, 0.25, 4));
    Sentiment.Accumulator twice = accumulated(SENTIMENT, two);
    twice.merge(twice);
    assertThat(GoldenFiles.bytesOf(states.accumulator(0))).isEqualTo(GoldenFiles.bytesOf(twice));
  }

  @Test
  void adoption_ofEqualSharesIsThatShare() throws IOException {
    // Three samples of 1 active in 5 licensed: naively (0.2 + 0.2 + 0.2) / 3 is
    // 0.20000000000000004, but the mean of equal terms is the term.
    List<Signal> fifths = List.of(usage(day("2026-05-01"), 1, 5), usage(day("2026-05-02"), 1, 5),
        usage(day("2026-05-03"), 1, 5));
    // The doubles 1/3, 2/3 and 2/3 sum exactly to 5/3 - 5/(3 * 2^54), 1.66666666666666657415;
    // a third of it rounds to 0.5555555555555556, where a naive sum gives 0.5555555555555555.
    List<Signal> thirds = List.of(usage(day("2026-05-01"), 1, 3), usage(day("2026-05-02"), 2, 3),
        usage(day("2026-05-03"), 2, 3), usage(T.plusSeconds(1), 3, 3));
    KpiStates<ProductAdoption.Accumulator> states = states(ADOPTION, 2);

    addAll(states, 0, fifths);
    addAll(states, 1, thirds);

    assertThat((0.2 + 0.2 + 0.2) / 3).isNotEqualTo(0.2);
    assertThat(states.result(0, true))
        .isEqualTo(KpiValue.Measured.of(ProductAdoption.ID, 0.2, 3));
    assertThat(states.result(1, true))
        .isEqualTo(KpiValue.Measured.of(ProductAdoption.ID, 0.5555555555555556, 3));
    assertThat(GoldenFiles.bytesOf(states.accumulator(0)))
        .isEqualTo(GoldenFiles.bytesOf(accumulated(ADOPTION, fifths)));
    assertThat(GoldenFiles.bytesOf(states.accumulator(1)))
        .isEqualTo(GoldenFiles.bytesOf(accumulated(ADOPTION, thirds)));
  }

  @Test
  void adoption_keepsLargeSharesExactAcrossMerges() throws IOException {
    // 700 active in 1 licensed, then 1 in 3 twice: (700 + 2 * (double) 1/3) / 3, exactly, rounds
    // to 233.55555555555554; a naive sum in the order 700, 1/3, 1/3 gives 233.55555555555557.
    KpiStates<ProductAdoption.Accumulator> states = states(ADOPTION, 2);
    states.add(0, usage(day("2026-05-01"), 700, 1));
    states.add(1, usage(day("2026-05-02"), 1, 3));
    states.add(1, usage(day("2026-05-03"), 1, 3));

    states.merge(0, states, 1);

    assertThat(states.result(0, true))
        .isEqualTo(KpiValue.Measured.of(ProductAdoption.ID, 233.55555555555554, 3));
    ProductAdoption.Accumulator whole = accumulated(ADOPTION, List.of(
        usage(day("2026-05-03"), 1, 3), usage(day("2026-05-01"), 700, 1),
        usage(day("2026-05-02"), 1, 3)));
    assertThat(GoldenFiles.bytesOf(states.accumulator(0))).isEqualTo(GoldenFiles.bytesOf(whole));
  }

  @Test
  void adoption_rejectsAShareTooLargeToSum_andKeepsThePairAsItWas() {
    KpiStates<ProductAdoption.Accumulator> states = states(ADOPTION, 1);
    states.add(0, usage(day("2026-05-01"), 1, 2));

    assertThatThrownBy(() -> states.add(0, usage(day("2026-05-02"), Long.MAX_VALUE, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("active_users / licensed_users: must be below 2^63, was "
            + Long.MAX_VALUE + " / 1");
    assertThat(states.result(0, true))
        .isEqualTo(KpiValue.Measured.of(ProductAdoption.ID, 0.5, 1));
  }

  @Test
  void refusesToMergeAStoreOfAnotherWindow() {
    KpiStates<Sentiment.Accumulator> states = states(SENTIMENT, 1);
    KpiStates<Sentiment.Accumulator> other =
        SENTIMENT.newStates(new Window(T, Duration.ofDays(30))).orElseThrow();
    other.ensureCapacity(1);

    assertThatThrownBy(() -> states.merge(0, other, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(Sentiment.ID);
  }

  @Test
  void givesAnAccumulatorThatNoLongerSharesItsState() {
    KpiStates<ProductAdoption.Accumulator> states = states(ADOPTION, 1);
    states.add(0, usage(day("2026-05-01"), 1, 2));
    ProductAdoption.Accumulator accumulator = states.accumulator(0);

    accumulator.add(usage(day("2026-05-02"), 1, 1));
    states.add(0, usage(day("2026-05-02"), 0, 1));

    assertThat(states.result(0, true))
        .isEqualTo(KpiValue.Measured.of(ProductAdoption.ID, 0.25, 2));
    assertThat(accumulator.result(true))
        .isEqualTo(KpiValue.Measured.of(ProductAdoption.ID, 0.75, 2));
  }

  @Test
  void rejectsPairsOutsideItsCapacity() {
    KpiStates<Sentiment.Accumulator> states = states(SENTIMENT, 2);

    assertThatThrownBy(() -> states.add(2, score("2026-05-01", 0.5)))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> states.accumulator(-1))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> states.merge(1, states, 2))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void addsAndMergesWithoutAllocating() throws ReflectiveOperationException {
    KpiStates<Sentiment.Accumulator> states = states(SENTIMENT, 64);
    KpiStates<Sentiment.Accumulator> other = states(SENTIMENT, 1);
    other.add(0, score("2026-05-01", 0x1p-70));
    List<Signal> samples = List.of(score("2026-05-01", 0.53), score("2026-05-02", -0.3),
        score("2026-05-03", 0x1p-70));
    Runnable rounds = () -> {
      for (int i = 0; i < 100_000; i++) {
        states.add(i % 64, samples.get(i % 3));
        states.merge(i % 64, other, 0);
      }
    };
    rounds.run();

    long allocated = Fixtures.bytesAllocatedBy(rounds);

    assertThat(allocated).isLessThan(1_000);
    assertThat(states.result(0, true)).isInstanceOf(KpiValue.Measured.class);
  }
}
