package dev.chs.kpis;

import static dev.chs.kpis.Fixtures.START;
import static dev.chs.kpis.Fixtures.T;
import static dev.chs.kpis.Fixtures.WINDOW;
import static dev.chs.kpis.Fixtures.day;
import static dev.chs.kpis.Fixtures.supportCase;
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
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.junit.jupiter.api.Test;

class CasesClosedToCreatedTest extends KpiContract<CasesClosedToCreated.Accumulator> {
  private static final String ID = CasesClosedToCreated.ID;

  @Override
  protected Kpi<CasesClosedToCreated.Accumulator> kpi() {
    return new CasesClosedToCreated();
  }

  @Override
  protected Window window() {
    return WINDOW;
  }

  @Override
  protected Arbitrary<Signal> signals() {
    return Fixtures.cases(instantsAround(WINDOW));
  }

  @Override
  protected Arbitrary<Signal> signalsAfter(Instant t) {
    return Combinators.combine(Fixtures.ids(), instantsAfter(t), instantsAfter(t))
        .as((id, a, b) -> supportCase(id, a.isBefore(b) ? a : b, a.isBefore(b) ? b : a, true));
  }

  @Test
  void countsOpenedAndClosedAtTheWindowEdges() {
    KpiValue value =
        resultOf(
            true,
            // Opened exactly at T: opened in the window.
            supportCase("opened-at-t", T, null, null),
            // Opened exactly at T - W: not in the window; closed in it.
            supportCase("opened-at-start", START, day("2026-04-10"), null),
            // Opened just after T - W and closed exactly at T: both.
            supportCase("both", START.plusNanos(1), T, true),
            // Opened in the window, closed after T: opened only.
            supportCase("closed-later", day("2026-06-01"), T.plusNanos(1), null),
            // Opened and closed after T: neither.
            supportCase("future", T.plusSeconds(1), T.plusSeconds(2), null),
            // Closed exactly at T - W: neither.
            supportCase("closed-at-start", day("2026-03-01"), START, null));

    // opened = 3 (opened-at-t, both, closed-later); closed = 2 (opened-at-start, both).
    assertThat(value).isEqualTo(KpiValue.Measured.of(ID, 2.0 / 3, 4));
  }

  @Test
  void exceedsOneWhenAnOlderBacklogIsWorkedOff() {
    KpiValue value =
        resultOf(
            true,
            supportCase("old-1", day("2026-01-05"), day("2026-04-05"), null),
            supportCase("old-2", day("2026-02-05"), day("2026-05-05"), null),
            supportCase("new", day("2026-06-05"), day("2026-06-06"), null));
    assertThat(value).isEqualTo(KpiValue.Measured.of(ID, 3.0, 3));
    assertThat(new CasesClosedToCreated().defaultCurve().score(3.0)).isEqualTo(100);
  }

  @Test
  void isNotApplicableWhenNoCaseWasOpenedOrClosedInTheWindow() {
    KpiValue expected =
        new KpiValue.NotApplicable(ID, "no support cases were opened or closed in the window");
    assertThat(resultOf(true)).isEqualTo(expected);
    // Opened and closed before the window.
    assertThat(resultOf(true, supportCase("old", day("2026-01-05"), day("2026-02-05"), null)))
        .isEqualTo(expected);
  }

  @Test
  void countsTheIntakeAsOneCaseWhenCasesWereClosedButNoneOpened() {
    // Two old cases closed in the window, none opened: 2 / max(0, 1) = 2.
    KpiValue closedOnly =
        resultOf(
            true,
            supportCase("old-1", day("2026-01-05"), day("2026-04-05"), null),
            supportCase("old-2", day("2026-02-05"), day("2026-05-05"), null));
    // Opening a first case leaves the ratio as it was: 2 / 1 = 2.
    KpiValue oneOpened =
        resultOf(
            true,
            supportCase("old-1", day("2026-01-05"), day("2026-04-05"), null),
            supportCase("old-2", day("2026-02-05"), day("2026-05-05"), null),
            supportCase("new", day("2026-06-05"), null, null));

    assertThat(closedOnly).isEqualTo(KpiValue.Measured.of(ID, 2.0, 2));
    assertThat(oneOpened).isEqualTo(KpiValue.Measured.of(ID, 2.0, 3));
  }

  @Test
  void scoresThroughTheDefaultCurve() {
    CasesClosedToCreated kpi = new CasesClosedToCreated();
    assertThat(kpi.defaultCurve().score(0.2)).isEqualTo(0);
    assertThat(kpi.defaultCurve().score(0.8)).isEqualTo(50);
    assertThat(kpi.defaultCurve().score(0.9)).isCloseTo(75, within(1e-9));
    assertThat(kpi.defaultCurve().score(1.0)).isEqualTo(100);
  }

  @Test
  void matchesItsGoldenFile() throws IOException {
    List<Signal> signals =
        List.of(
            supportCase("c1", day("2026-03-01"), day("2026-04-15"), true),
            supportCase("c2", day("2026-05-01"), day("2026-05-03"), true),
            supportCase("c3", day("2026-06-20"), null, null),
            supportCase("c4", day("2026-06-21"), day("2026-07-10"), false));
    CasesClosedToCreated.Accumulator read =
        GoldenFiles.check(kpi(), CasesClosedToCreated.STATE_VERSION, accumulate(signals));

    // opened = 3 (c2, c3, c4), closed = 2 (c1, c2), cases = 4.
    assertThat(read.result(true)).isEqualTo(KpiValue.Measured.of(ID, 2.0 / 3, 4));
  }

  @Test
  void readsAStateWhoseCasesAreEachOpenedOrClosed() throws IOException {
    // Two cases, one opened in the window and one closed in it: closed / max(opened, 1) = 1.
    assertThat(read(CountStates.written(ID, 1, 1, 2)).result(true)).isEqualTo(KpiValue.Measured.of(ID, 1.0, 2));
  }

  @Test
  void rejectsAStateWithMoreCasesOpenedOrClosedThanCases() {
    assertThatThrownBy(() -> read(CountStates.written(ID, 3, 1, 2)))
        .isInstanceOf(IOException.class)
        .hasMessage("accumulator state of 'cases_closed_to_created': opened must be <= cases (2),"
            + " was 3 (possible corruption)");
    assertThatThrownBy(() -> read(CountStates.written(ID, 1, 3, 2)))
        .isInstanceOf(IOException.class)
        .hasMessage("accumulator state of 'cases_closed_to_created': closed must be <= cases (2),"
            + " was 3 (possible corruption)");
  }

  @Test
  void rejectsAStateWithMoreCasesThanOpenedPlusClosed() {
    assertThatThrownBy(() -> read(CountStates.written(ID, 1, 1, 3)))
        .isInstanceOf(IOException.class)
        .hasMessage("accumulator state of 'cases_closed_to_created': cases must be <= opened +"
            + " closed (2), was 3 (possible corruption)");
  }

  @Test
  void storeCountsEachPairApartAndMergesFromAnotherStore() {
    KpiStates<CasesClosedToCreated.Accumulator> store = kpi().newStates(WINDOW).orElseThrow();
    store.ensureCapacity(3);
    // Pair 0: opened and closed in the window, opened before it and closed in it, opened in it
    // and still open: 2 opened, 2 closed, 3 cases.
    store.add(0, supportCase("a", day("2026-05-01"), day("2026-05-03"), true));
    store.add(0, supportCase("b", day("2026-01-01"), day("2026-05-03"), true));
    store.add(0, supportCase("c", day("2026-06-01"), null, null));
    // Pair 1: opened in the window and still open: 1 opened, 0 closed, 1 case.
    store.add(1, supportCase("d", day("2026-06-02"), null, null));

    // Pair 1 takes pair 0's counts: 3 opened, 2 closed, 4 cases.
    store.merge(1, store, 0);
    // Pair 2 takes a case closed in the window from another store: 0 opened, 1 closed, 1 case.
    KpiStates<CasesClosedToCreated.Accumulator> other = kpi().newStates(WINDOW).orElseThrow();
    other.ensureCapacity(1);
    other.add(0, supportCase("e", day("2025-12-01"), day("2026-06-10"), false));
    store.merge(2, other, 0);

    assertThat(store.result(0, true))
        .isEqualTo(KpiValue.Measured.of(CasesClosedToCreated.ID, 1.0, 3));
    assertThat(store.result(1, true))
        .isEqualTo(KpiValue.Measured.of(CasesClosedToCreated.ID, 2.0 / 3, 4));
    assertThat(store.result(2, false))
        .isEqualTo(KpiValue.Measured.of(CasesClosedToCreated.ID, 1.0, 1));
    assertThat(bytesOf(store.accumulator(1)))
        .isEqualTo(CountStates.written(CasesClosedToCreated.ID, 3, 2, 4));
    assertThat(bytesOf(other.accumulator(0)))
        .isEqualTo(CountStates.written(CasesClosedToCreated.ID, 0, 1, 1));
  }
}
