package dev.chs.kpis;

import static dev.chs.kpis.Fixtures.START;
import static dev.chs.kpis.Fixtures.T;
import static dev.chs.kpis.Fixtures.WINDOW;
import static dev.chs.kpis.Fixtures.complaint;
import static dev.chs.kpis.Fixtures.day;
import static dev.chs.kpis.Fixtures.states;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chs.api.Window;
import dev.chs.api.kpi.KpiStates;
import dev.chs.api.kpi.KpiValue;
import dev.chs.api.signal.Signal;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The store of {@code complaints_raised}: distinct ids per pair, kept exact when the same id
 * arrives twice, in two pairs, or in two stores that are merged.
 */
class ComplaintsRaisedStatesTest {
  private static final String ID = ComplaintsRaised.ID;
  private static final ComplaintsRaised KPI = new ComplaintsRaised();
  private static final Set<String> COMPLAINT = Set.of(ComplaintsRaised.COMPLAINT);

  private static ComplaintsRaised.Accumulator accumulated(List<Signal> signals) {
    ComplaintsRaised.Accumulator accumulator = KPI.newAccumulator(WINDOW);
    signals.forEach(accumulator::add);
    return accumulator;
  }

  private static void addAll(KpiStates<ComplaintsRaised.Accumulator> states, int pair,
      List<Signal> signals) {
    signals.forEach(signal -> states.add(pair, signal));
  }

  private static Signal raised(String id) {
    return complaint(id, day("2026-05-01"));
  }

  private static KpiValue counted(int distinct) {
    return new KpiValue.Measured(ID, distinct, distinct, distinct,
        distinct == 0 ? Set.of() : COMPLAINT);
  }

  /** {@code count} complaints with ids {@code prefix + first} onwards, all in the window. */
  private static List<Signal> numbered(String prefix, int first, int count) {
    List<Signal> signals = new ArrayList<>();
    for (int n = first; n < first + count; n++) {
      signals.add(raised(prefix + n));
    }
    return signals;
  }

  @Test
  void countsEachPairsDistinctIds_asItsAccumulatorWould() throws IOException {
    List<Signal> once = List.of(raised("k1"), raised("k1"), complaint("k1", T));
    // k3 is outside the window (at T - W, and after T), k2 twice inside it.
    List<Signal> twice = List.of(raised("k2"), complaint("k3", START), raised("k1"),
        complaint("k2", T), complaint("k3", T.plusNanos(1)));
    KpiStates<ComplaintsRaised.Accumulator> states = states(KPI, 4);

    addAll(states, 1, once);
    addAll(states, 2, twice);
    addAll(states, 3, List.of(complaint("k3", START)));

    assertThat(states.result(0, true)).isEqualTo(counted(0));
    assertThat(states.result(0, false))
        .isEqualTo(new KpiValue.NotApplicable(ID, "no complaints were supplied"));
    assertThat(states.result(1, false)).isEqualTo(counted(1));
    assertThat(states.result(2, true)).isEqualTo(counted(2));
    assertThat(states.result(3, true)).isEqualTo(counted(0));
    List<List<Signal>> signals = List.of(List.of(), once, twice, List.of());
    for (int pair = 0; pair < 4; pair++) {
      assertThat(GoldenFiles.bytesOf(states.accumulator(pair))).as("pair %s", pair)
          .isEqualTo(GoldenFiles.bytesOf(accumulated(signals.get(pair))));
    }
  }

  @Test
  void countsAnIdOnceInEachPairThatSawIt_andOnceWhenTheyMerge() {
    KpiStates<ComplaintsRaised.Accumulator> states = states(KPI, 3);
    states.add(0, raised("k1"));
    states.add(1, raised("k1"));
    states.add(2, raised("k1"));
    states.add(2, raised("k2"));

    assertThat(states.result(0, true)).isEqualTo(counted(1));
    assertThat(states.result(1, true)).isEqualTo(counted(1));

    // {k1} + {k1} = {k1}; then {k1} + {k1, k2} = {k1, k2}.
    states.merge(0, states, 1);
    assertThat(states.result(0, true)).isEqualTo(counted(1));
    states.merge(0, states, 2);
    assertThat(states.result(0, true)).isEqualTo(counted(2));
    assertThat(states.result(1, true)).isEqualTo(counted(1));
    assertThat(states.result(2, true)).isEqualTo(counted(2));
  }

  @Test
  void mergesTheIdsOfTwoPartitionsAsTheirAccumulatorsWould() throws IOException {
    // The same complaint reported in two partitions: {k1, k2} and {k2, k3} hold 3 distinct ids.
    List<Signal> first = List.of(raised("k2"), raised("k1"));
    List<Signal> second = List.of(raised("k3"), raised("k2"));
    KpiStates<ComplaintsRaised.Accumulator> left = states(KPI, 1);
    KpiStates<ComplaintsRaised.Accumulator> right = states(KPI, 1);
    addAll(left, 0, first);
    addAll(right, 0, second);

    left.merge(0, right, 0);

    assertThat(left.result(0, true)).isEqualTo(counted(3));
    assertThat(right.result(0, true)).isEqualTo(counted(2));
    ComplaintsRaised.Accumulator merged = accumulated(first);
    merged.merge(accumulated(second));
    assertThat(GoldenFiles.bytesOf(left.accumulator(0))).isEqualTo(GoldenFiles.bytesOf(merged));
  }

  @Test
  void keepsManyIdsExactPastTheSortedArray() throws IOException {
    // 20 ids in pair 0, and 10 in pair 1 of which 5 (k15 to k19) pair 0 has: 25 distinct.
    List<Signal> many = numbered("k", 0, 20);
    List<Signal> overlapping = numbered("k", 15, 10);
    KpiStates<ComplaintsRaised.Accumulator> states = states(KPI, 2);
    addAll(states, 0, many);
    addAll(states, 1, overlapping);

    states.merge(0, states, 1);
    states.merge(0, states, 0);

    assertThat(states.result(0, true)).isEqualTo(counted(25));
    assertThat(states.result(1, true)).isEqualTo(counted(10));
    ComplaintsRaised.Accumulator merged = accumulated(many);
    merged.merge(accumulated(overlapping));
    assertThat(GoldenFiles.bytesOf(states.accumulator(0))).isEqualTo(GoldenFiles.bytesOf(merged));
  }

  @Test
  void keepsPairsApartAfterOneMergedTheOthersIds() {
    KpiStates<ComplaintsRaised.Accumulator> states = states(KPI, 4);
    // Pair 0 holds a sorted array, pair 1 a set; pairs 2 and 3 take copies of them.
    addAll(states, 0, numbered("a", 0, 3));
    addAll(states, 1, numbered("b", 0, 30));
    states.merge(2, states, 0);
    states.merge(3, states, 1);

    states.add(0, raised("a-new"));
    states.add(1, raised("b-new"));
    states.add(2, raised("two-new"));
    states.add(3, raised("three-new"));
    states.add(3, raised("three-newer"));

    assertThat(states.result(0, true)).isEqualTo(counted(4));
    assertThat(states.result(1, true)).isEqualTo(counted(31));
    assertThat(states.result(2, true)).isEqualTo(counted(4));
    assertThat(states.result(3, true)).isEqualTo(counted(32));
  }

  @Test
  void givesAnAccumulatorThatNoLongerSharesItsIds() {
    KpiStates<ComplaintsRaised.Accumulator> states = states(KPI, 1);
    addAll(states, 0, numbered("k", 0, 20));
    ComplaintsRaised.Accumulator accumulator = states.accumulator(0);

    accumulator.add(raised("only-in-accumulator"));
    states.add(0, raised("only-in-store"));
    states.add(0, raised("also-only-in-store"));

    assertThat(accumulator.result(true)).isEqualTo(counted(21));
    assertThat(states.result(0, true)).isEqualTo(counted(22));
  }

  @Test
  void keepsIdsWhenItGrows_andRejectsPairsOutsideItsCapacity() {
    KpiStates<ComplaintsRaised.Accumulator> states = states(KPI, 1);
    states.add(0, raised("k1"));

    states.ensureCapacity(100);
    states.ensureCapacity(2);
    states.add(99, raised("k2"));

    assertThat(states.result(0, true)).isEqualTo(counted(1));
    assertThat(states.result(99, true)).isEqualTo(counted(1));
    assertThatThrownBy(() -> states.add(100, raised("k3")))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> states.merge(0, states, -1))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> states.ensureCapacity(-2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("pairs: must be >= 0, was -2");
  }

  @Test
  void refusesToMergeAStoreOfAnotherWindow() {
    KpiStates<ComplaintsRaised.Accumulator> states = states(KPI, 1);
    KpiStates<ComplaintsRaised.Accumulator> other =
        KPI.newStates(new Window(T, Duration.ofDays(30))).orElseThrow();
    other.ensureCapacity(1);

    assertThatThrownBy(() -> states.merge(0, other, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(ID);
  }

  @Test
  void refusesToMergeAStoreOfAnotherKind() {
    KpiStates<ComplaintsRaised.Accumulator> states = states(KPI, 1);
    @SuppressWarnings({"unchecked", "rawtypes"})
    KpiStates<ComplaintsRaised.Accumulator> sentiment =
        (KpiStates) states(new Sentiment(), 1);

    assertThatThrownBy(() -> states.merge(0, sentiment, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("merge of 'complaints_raised': other store must be a");
  }
}
