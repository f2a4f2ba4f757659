package dev.chs.kpis;

import static dev.chs.kpis.Fixtures.T;
import static dev.chs.kpis.Fixtures.WINDOW;
import static dev.chs.kpis.Fixtures.day;
import static dev.chs.kpis.Fixtures.states;
import static dev.chs.kpis.Fixtures.workOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chs.api.Window;
import dev.chs.api.kpi.KpiStates;
import dev.chs.api.kpi.KpiValue;
import dev.chs.api.signal.Signal;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The store of {@code work_order_volume}, on hand-counted pairs. WINDOW is (2026-04-01,
 * 2026-06-30]; the three windows before it start at 2026-01-01, 2025-10-03 and 2025-07-05.
 */
class WorkOrderVolumeStatesTest {
  private static final String ID = WorkOrderVolume.ID;
  private static final WorkOrderVolume KPI = new WorkOrderVolume();

  private static Signal createdOn(String isoDate) {
    return workOrder("W-" + isoDate, day(isoDate), null, null);
  }

  private static final Signal IN_WINDOW = createdOn("2026-05-01");
  private static final Signal IN_EARLIER_1 = createdOn("2026-02-01");
  private static final Signal IN_EARLIER_2 = createdOn("2025-11-01");
  private static final Signal IN_EARLIER_3 = createdOn("2025-08-01");
  private static final Signal BEFORE_EARLIER_3 = createdOn("2025-06-01");
  private static final Signal AFTER_T = createdOn("2026-07-01");

  private static WorkOrderVolume.Accumulator accumulated(List<Signal> signals) {
    WorkOrderVolume.Accumulator accumulator = KPI.newAccumulator(WINDOW);
    signals.forEach(accumulator::add);
    return accumulator;
  }

  private static void addAll(KpiStates<WorkOrderVolume.Accumulator> states, int pair,
      List<Signal> signals) {
    signals.forEach(signal -> states.add(pair, signal));
  }

  @Test
  void countsEachPairApart_asItsAccumulatorWould() throws IOException {
    // Pair 0: 2 now against 1 + 1 + 1 before, change (3 * 2 - 3) / 3 = 1, a surge.
    List<Signal> surging = List.of(IN_WINDOW, IN_EARLIER_1, IN_WINDOW, IN_EARLIER_2,
        IN_EARLIER_3, BEFORE_EARLIER_3, AFTER_T);
    // Pair 2: none now against 2 before, change (0 - 2) / 2 = -1, disengaging.
    List<Signal> fading = List.of(IN_EARLIER_1, IN_EARLIER_3);
    KpiStates<WorkOrderVolume.Accumulator> states = states(KPI, 3);

    addAll(states, 0, surging);
    addAll(states, 2, fading);

    assertThat(states.result(0, true))
        .isEqualTo(new KpiValue.Measured(ID, 2, 1.0, 5, Set.of(WorkOrderVolume.SURGE)));
    assertThat(states.result(1, true)).isInstanceOf(KpiValue.NotApplicable.class)
        .isEqualTo(KPI.newAccumulator(WINDOW).result(true));
    assertThat(states.result(2, false))
        .isEqualTo(new KpiValue.Measured(ID, 0, -1.0, 2, Set.of(WorkOrderVolume.DISENGAGING)));
    assertThat(GoldenFiles.bytesOf(states.accumulator(0)))
        .isEqualTo(GoldenFiles.bytesOf(accumulated(surging)));
    assertThat(GoldenFiles.bytesOf(states.accumulator(1)))
        .isEqualTo(GoldenFiles.bytesOf(KPI.newAccumulator(WINDOW)));
    assertThat(GoldenFiles.bytesOf(states.accumulator(2)))
        .isEqualTo(GoldenFiles.bytesOf(accumulated(fading)));
  }

  @Test
  void mergesPairsOfAnotherStoreAndOfItself() throws IOException {
    KpiStates<WorkOrderVolume.Accumulator> states = states(KPI, 2);
    KpiStates<WorkOrderVolume.Accumulator> other = states(KPI, 1);
    states.add(0, IN_WINDOW);
    states.add(0, IN_EARLIER_1);
    other.add(0, IN_EARLIER_3);
    other.add(0, IN_EARLIER_3);

    // (1, 1, 0, 0) + (0, 0, 0, 2) = (1, 1, 0, 2); then merged into itself, (2, 2, 0, 4).
    states.merge(0, other, 0);
    states.merge(0, states, 0);
    states.merge(1, states, 0);

    // Change (3 * 2 - 6) / 6 = 0: neither flag.
    KpiValue expected = new KpiValue.Measured(ID, 2, 0.0, 8, Set.of());
    assertThat(states.result(0, true)).isEqualTo(expected);
    assertThat(states.result(1, true)).isEqualTo(expected);
    assertThat(other.result(0, true)).isEqualTo(
        accumulated(List.of(IN_EARLIER_3, IN_EARLIER_3)).result(true));
    WorkOrderVolume.Accumulator merged =
        accumulated(List.of(IN_WINDOW, IN_EARLIER_1, IN_EARLIER_3, IN_EARLIER_3));
    merged.merge(merged);
    assertThat(GoldenFiles.bytesOf(states.accumulator(0)))
        .isEqualTo(GoldenFiles.bytesOf(merged));
  }

  @Test
  void keepsCountsWhenItGrows() {
    KpiStates<WorkOrderVolume.Accumulator> states = states(KPI, 1);
    states.add(0, IN_WINDOW);
    states.add(0, IN_EARLIER_2);

    states.ensureCapacity(1_000);
    states.add(999, IN_EARLIER_1);
    states.ensureCapacity(3);

    assertThat(states.result(0, true)).isEqualTo(new KpiValue.Measured(ID, 1, 2.0, 2,
        Set.of(WorkOrderVolume.SURGE)));
    assertThat(states.result(500, true)).isInstanceOf(KpiValue.NotApplicable.class);
    assertThat(states.result(999, true)).isEqualTo(new KpiValue.Measured(ID, 0, -1.0, 1,
        Set.of(WorkOrderVolume.DISENGAGING)));
  }

  @Test
  void givesAnAccumulatorThatNoLongerSharesItsState() {
    KpiStates<WorkOrderVolume.Accumulator> states = states(KPI, 1);
    states.add(0, IN_EARLIER_1);
    WorkOrderVolume.Accumulator accumulator = states.accumulator(0);

    accumulator.add(IN_WINDOW);
    states.add(0, IN_EARLIER_1);

    assertThat(states.result(0, true)).isEqualTo(new KpiValue.Measured(ID, 0, -1.0, 2,
        Set.of(WorkOrderVolume.DISENGAGING)));
    assertThat(accumulator.result(true)).isEqualTo(new KpiValue.Measured(ID, 1, 2.0, 2,
        Set.of(WorkOrderVolume.SURGE)));
  }

  @Test
  void rejectsPairsOutsideItsCapacity_andANegativeCapacity() {
    KpiStates<WorkOrderVolume.Accumulator> states = states(KPI, 2);

    assertThatThrownBy(() -> states.add(2, IN_WINDOW))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> states.result(-1, true))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> states.merge(0, states(KPI, 1), 1))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> states.ensureCapacity(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("pairs: must be >= 0, was -1");
  }

  @Test
  void refusesToMergeAStoreOfAnotherWindow() {
    KpiStates<WorkOrderVolume.Accumulator> states = states(KPI, 1);
    KpiStates<WorkOrderVolume.Accumulator> other =
        KPI.newStates(new Window(T, Duration.ofDays(30))).orElseThrow();
    other.ensureCapacity(1);

    assertThatThrownBy(() -> states.merge(0, other, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(ID);
  }

  @Test
  void refusesAWindowWhoseEarliestBaselineStartsBeforeTheFirstInstant() {
    Window window = new Window(Instant.MIN.plus(Duration.ofDays(100)), Duration.ofDays(30));
    assertThatThrownBy(() -> KPI.newStates(window)).isInstanceOf(DateTimeException.class);
  }

  @Test
  void addsAndMergesWithoutAllocating() throws ReflectiveOperationException {
    KpiStates<WorkOrderVolume.Accumulator> states = states(KPI, 64);
    KpiStates<WorkOrderVolume.Accumulator> other = states(KPI, 1);
    addAll(other, 0, List.of(IN_WINDOW, IN_EARLIER_1));
    List<Signal> signals = List.of(IN_WINDOW, IN_EARLIER_1, IN_EARLIER_2, IN_EARLIER_3, AFTER_T);
    Runnable rounds = () -> {
      for (int i = 0; i < 100_000; i++) {
        states.add(i % 64, signals.get(i % 5));
        states.merge(i % 64, other, 0);
      }
    };
    rounds.run();

    long allocated = Fixtures.bytesAllocatedBy(rounds);

    assertThat(allocated).isLessThan(1_000);
    assertThat(states.result(0, true)).isInstanceOf(KpiValue.Measured.class);
  }
}
