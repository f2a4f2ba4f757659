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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
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
  void prefetchReadsWhetherAPairHoldsAnId_andChangesNothing() {
    KpiStates<ComplaintsRaised.Accumulator> states = states(KPI, 2);
    states.add(1, raised("k1"));

    assertThat(states.prefetch(0)).isZero();
    assertThat(states.prefetch(1)).isEqualTo(1);
    assertThat(states.result(0, true)).isEqualTo(counted(0));
    assertThat(states.result(1, true)).isEqualTo(counted(1));
    assertThatThrownBy(() -> states.prefetch(2)).isInstanceOf(IndexOutOfBoundsException.class);
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

  /**
   * One step on two stores of three pairs each: add complaint {@code id} to pair {@code pair} of
   * store {@code store}, or (when {@code id} is null) merge pair {@code otherPair} of store {@code
   * store} into pair {@code pair} of store 0.
   */
  record Step(int store, int pair, int otherPair, @org.jspecify.annotations.Nullable String id) {}

  private static List<ComplaintsRaised.Accumulator> emptyAccumulators(int pairs) {
    List<ComplaintsRaised.Accumulator> accumulators = new ArrayList<>();
    for (int pair = 0; pair < pairs; pair++) {
      accumulators.add(KPI.newAccumulator(WINDOW));
    }
    return accumulators;
  }

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<Integer> stores = Arbitraries.integers().between(0, 1);
    Arbitrary<Integer> pairs = Arbitraries.integers().between(0, 2);
    // 40 ids over 3 pairs, so that pairs pass the 16 ids of the sorted array, and repeat ids.
    Arbitrary<String> ids = Arbitraries.integers().between(0, 39).map(n -> "k" + n);
    Arbitrary<Step> add = Combinators.combine(stores, pairs, ids)
        .as((store, pair, id) -> new Step(store, pair, 0, id));
    Arbitrary<Step> merge = Combinators.combine(stores, pairs, pairs)
        .as((store, pair, otherPair) -> new Step(store, pair, otherPair, null));
    return Arbitraries.frequencyOf(Tuple.of(5, add), Tuple.of(1, merge)).list().ofMaxSize(150);
  }

  /**
   * The contract's generators seldom give a pair more than 16 ids; this property does, with
   * merges in between that later adds must not leak through.
   */
  @Property(tries = 300)
  void manyIdsPerPair_agreeWithAccumulatorsThroughAddsAndMerges(
      @ForAll("steps") List<Step> steps) throws IOException {
    List<KpiStates<ComplaintsRaised.Accumulator>> stores = List.of(states(KPI, 3), states(KPI, 3));
    List<List<ComplaintsRaised.Accumulator>> mirrors = List.of(emptyAccumulators(3),
        emptyAccumulators(3));

    for (Step step : steps) {
      if (step.id() != null) {
        stores.get(step.store()).add(step.pair(), raised(step.id()));
        mirrors.get(step.store()).get(step.pair()).add(raised(step.id()));
      } else {
        stores.get(0).merge(step.pair(), stores.get(step.store()), step.otherPair());
        mirrors.get(0).get(step.pair()).merge(mirrors.get(step.store()).get(step.otherPair()));
      }
    }

    for (int store = 0; store < 2; store++) {
      for (int pair = 0; pair < 3; pair++) {
        ComplaintsRaised.Accumulator expected = mirrors.get(store).get(pair);
        assertThat(stores.get(store).result(pair, true)).as("store %s, pair %s", store, pair)
            .isEqualTo(expected.result(true));
        assertThat(GoldenFiles.bytesOf(stores.get(store).accumulator(pair)))
            .as("store %s, pair %s", store, pair).isEqualTo(GoldenFiles.bytesOf(expected));
      }
    }
  }
}
