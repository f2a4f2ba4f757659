package dev.chs.kpis;

import static dev.chs.kpis.Fixtures.START;
import static dev.chs.kpis.Fixtures.T;
import static dev.chs.kpis.Fixtures.WINDOW;
import static dev.chs.kpis.Fixtures.day;
import static dev.chs.kpis.Fixtures.supportCase;
import static dev.chs.kpis.Fixtures.workOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.chs.api.Window;
import dev.chs.api.kpi.Kpi;
import dev.chs.api.kpi.KpiStates;
import dev.chs.api.kpi.KpiValue;
import dev.chs.api.signal.Signal;
import dev.chs.testkit.KpiContract;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.api.Test;

class FirstTimeFixRateTest extends KpiContract<FirstTimeFixRate.Accumulator> {
  private static final String ID = FirstTimeFixRate.ID;

  @Override
  protected Kpi<FirstTimeFixRate.Accumulator> kpi() {
    return new FirstTimeFixRate();
  }

  @Override
  protected Window window() {
    return WINDOW;
  }

  @Override
  protected Arbitrary<Signal> signals() {
    Arbitrary<Instant> instants = instantsAround(WINDOW);
    return Arbitraries.oneOf(Fixtures.cases(instants), Fixtures.workOrders(instants));
  }

  @Override
  protected Arbitrary<Signal> signalsAfter(Instant t) {
    Arbitrary<Instant> instants = instantsAfter(t);
    return Arbitraries.oneOf(Fixtures.cases(instants), Fixtures.workOrders(instants));
  }

  @Test
  void countsKnownOutcomesFinishedInTheWindow() {
    KpiValue value =
        resultOf(
            true,
            // Counted: closed exactly at T, fixed at first contact.
            supportCase("at-t", day("2026-06-01"), T, true),
            // Counted: closed just after T - W, not fixed.
            supportCase("after-start", day("2026-03-01"), START.plusNanos(1), false),
            // Not counted: closed exactly at T - W.
            supportCase("at-start", day("2026-03-01"), START, true),
            // Not counted: outcome unknown.
            supportCase("unknown", day("2026-05-01"), day("2026-05-02"), null),
            // Not counted: still open.
            supportCase("open", day("2026-05-01"), null, true),
            // Counted: work order completed in the window, fixed.
            workOrder("w1", day("2026-05-01"), day("2026-05-01"), true),
            // Not counted: completed after T.
            workOrder("w2", day("2026-06-25"), T.plusSeconds(1), false));

    // known = 3 (at-t, after-start, w1), fixed = 2.
    assertThat(value).isEqualTo(KpiValue.Measured.of(ID, 2.0 / 3, 3));
  }

  @Test
  void weighsCasesAndWorkOrdersTheSame() {
    KpiValue value =
        resultOf(
            false,
            supportCase("c", day("2026-05-01"), day("2026-05-02"), false),
            workOrder("w1", day("2026-05-01"), day("2026-05-03"), true),
            workOrder("w2", day("2026-05-01"), day("2026-05-04"), true),
            workOrder("w3", day("2026-05-01"), day("2026-05-05"), true));
    assertThat(value).isEqualTo(KpiValue.Measured.of(ID, 0.75, 4));
  }

  @Test
  void isNotApplicableWithoutAKnownOutcome() {
    KpiValue expected =
        new KpiValue.NotApplicable(
            ID, "no case or work order finished in the window with a known first-time fix");
    assertThat(resultOf(true)).isEqualTo(expected);
    assertThat(resultOf(true, workOrder("w", day("2026-05-01"), day("2026-05-02"), null)))
        .isEqualTo(expected);
  }

  @Test
  void scoresThroughTheDefaultCurve() {
    FirstTimeFixRate kpi = new FirstTimeFixRate();
    assertThat(kpi.defaultCurve().score(0.5)).isEqualTo(0);
    assertThat(kpi.defaultCurve().score(0.95)).isEqualTo(100);
    assertThat(kpi.defaultCurve().score(0.725)).isCloseTo(50, within(1e-9));
  }

  @Test
  void rejectsMoreFixedThanKnownOutcomes() {
    assertThatThrownBy(() -> read(CountStates.written(FirstTimeFixRate.ID, 2, 3)))
        .isInstanceOf(IOException.class)
        .hasMessage("accumulator state of 'first_time_fix_rate': fixed must be <= known (2), was 3"
            + " (possible corruption)");
  }

  @Test
  void matchesItsGoldenFile() throws IOException {
    List<Signal> signals =
        List.of(
            supportCase("c1", day("2026-04-02"), day("2026-04-03"), true),
            supportCase("c2", day("2026-05-01"), day("2026-05-03"), false),
            workOrder("w1", day("2026-06-01"), day("2026-06-02"), true),
            workOrder("w2", day("2026-06-01"), day("2026-07-02"), true));
    FirstTimeFixRate.Accumulator read =
        GoldenFiles.check(kpi(), FirstTimeFixRate.STATE_VERSION, accumulate(signals));

    assertThat(read.result(true)).isEqualTo(KpiValue.Measured.of(ID, 2.0 / 3, 3));
  }

  @Test
  void storeCountsCasesAndWorkOrdersOfEachPairApart() {
    KpiStates<FirstTimeFixRate.Accumulator> store = kpi().newStates(WINDOW).orElseThrow();
    store.ensureCapacity(3);
    // Pair 0: a case fixed at first contact, a work order not fixed first time, and a case whose
    // outcome is unknown: 2 known, 1 fixed.
    store.add(0, supportCase("a", day("2026-05-01"), day("2026-05-02"), true));
    store.add(0, workOrder("w1", day("2026-05-01"), day("2026-05-04"), false));
    store.add(0, supportCase("b", day("2026-05-01"), day("2026-05-02"), null));
    // Pair 1: a work order fixed first time: 1 known, 1 fixed.
    store.add(1, workOrder("w2", day("2026-06-01"), day("2026-06-03"), true));

    // Pair 1 takes pair 0's counts: 3 known, 2 fixed.
    store.merge(1, store, 0);

    assertThat(store.result(0, true)).isEqualTo(KpiValue.Measured.of(FirstTimeFixRate.ID, 0.5, 2));
    assertThat(store.result(1, true))
        .isEqualTo(KpiValue.Measured.of(FirstTimeFixRate.ID, 2.0 / 3, 3));
    assertThat(store.result(2, true)).isInstanceOf(KpiValue.NotApplicable.class);
    assertThat(bytesOf(store.accumulator(1)))
        .isEqualTo(CountStates.written(FirstTimeFixRate.ID, 3, 2));
    assertThat(bytesOf(store.accumulator(2)))
        .isEqualTo(CountStates.written(FirstTimeFixRate.ID, 0, 0));
  }
}
