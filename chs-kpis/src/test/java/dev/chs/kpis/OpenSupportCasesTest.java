package dev.chs.kpis;

import static dev.chs.kpis.Fixtures.START;
import static dev.chs.kpis.Fixtures.T;
import static dev.chs.kpis.Fixtures.WINDOW;
import static dev.chs.kpis.Fixtures.day;
import static dev.chs.kpis.Fixtures.supportCase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import net.jqwik.api.Combinators;
import org.junit.jupiter.api.Test;

class OpenSupportCasesTest extends KpiContract<OpenSupportCases.Accumulator> {
  @Override
  protected Kpi<OpenSupportCases.Accumulator> kpi() {
    return new OpenSupportCases();
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
    return Combinators.combine(Fixtures.ids(), instantsAfter(t), Arbitraries.longs()
            .between(0, 1_000_000).injectNull(0.5))
        .as((id, opened, seconds) ->
            supportCase(id, opened, seconds == null ? null : opened.plusSeconds(seconds), null));
  }

  @Override
  protected boolean isCount() {
    return true;
  }

  @Test
  void countsCasesOpenAtTheAsOfInstant() {
    KpiValue value =
        resultOf(
            true,
            // Open at T: opened long before the window and never closed.
            supportCase("old", day("2020-01-01"), null, null),
            // Open at T: opened exactly at T.
            supportCase("at-t", T, null, null),
            // Open at T: closed after T.
            supportCase("closed-later", day("2026-06-01"), day("2026-07-02"), true),
            // Not open: closed exactly at T.
            supportCase("closed-at-t", day("2026-06-01"), T, true),
            // Not seen: opened after T.
            supportCase("future", T.plusNanos(1), null, null));

    assertThat(value).isEqualTo(KpiValue.Measured.of(OpenSupportCases.ID, 3, 4));
  }

  @Test
  void isNotWindowedSoAnOldOpenCaseCounts() {
    KpiValue value = resultOf(true, supportCase("ancient", START.minusSeconds(1), null, false));
    assertThat(value).isEqualTo(KpiValue.Measured.of(OpenSupportCases.ID, 1, 1));
  }

  @Test
  void isARealZeroWhenCasesWereSuppliedAndNoneIsOpen() {
    assertThat(resultOf(true)).isEqualTo(KpiValue.Measured.of(OpenSupportCases.ID, 0, 0));
    assertThat(resultOf(false, supportCase("done", day("2026-05-01"), day("2026-05-02"), true)))
        .isEqualTo(KpiValue.Measured.of(OpenSupportCases.ID, 0, 1));
  }

  @Test
  void isNotApplicableWhenNoCasesWereSupplied() {
    assertThat(resultOf(false))
        .isEqualTo(
            new KpiValue.NotApplicable(OpenSupportCases.ID, "no support cases were supplied"));
    assertThat(resultOf(false, supportCase("future", T.plusSeconds(1), null, null)))
        .isInstanceOf(KpiValue.NotApplicable.class);
  }

  @Test
  void scoresThroughTheDefaultCurve() {
    OpenSupportCases kpi = new OpenSupportCases();
    assertThat(kpi.defaultCurve().score(0)).isEqualTo(100);
    assertThat(kpi.defaultCurve().score(1)).isEqualTo(90);
    assertThat(kpi.defaultCurve().score(5)).isEqualTo(50);
    assertThat(kpi.defaultCurve().score(15)).isEqualTo(10);
    assertThat(kpi.defaultCurve().score(40)).isEqualTo(0);
  }

  @Test
  void rejectsMoreOpenCasesThanSeen() {
    assertThatThrownBy(() -> read(CountStates.written(OpenSupportCases.ID, 3, 2)))
        .isInstanceOf(IOException.class)
        .hasMessage("accumulator state of 'open_support_cases': open must be <= seen (2), was 3"
            + " (possible corruption)");
  }

  @Test
  void rejectsANegativeCount() {
    assertThatThrownBy(() -> read(CountStates.written(OpenSupportCases.ID, -1, 2)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("open must be >= 0, was -1 (possible corruption)");
  }

  @Test
  void matchesItsGoldenFile() throws IOException {
    List<Signal> signals =
        List.of(
            supportCase("c1", day("2026-01-15"), null, null),
            supportCase("c2", day("2026-05-01"), day("2026-05-03"), true),
            supportCase("c3", day("2026-06-20"), day("2026-07-10"), false),
            supportCase("c4", day("2026-07-01"), null, null));
    OpenSupportCases.Accumulator accumulator = accumulate(signals);

    OpenSupportCases.Accumulator read =
        GoldenFiles.check(kpi(), OpenSupportCases.STATE_VERSION, accumulator);

    assertThat(read.result(true)).isEqualTo(KpiValue.Measured.of(OpenSupportCases.ID, 2, 3));
  }

  @Test
  void storeCountsEachPairApartAndMergesWithinItself() {
    KpiStates<OpenSupportCases.Accumulator> store = kpi().newStates(WINDOW).orElseThrow();
    store.ensureCapacity(3);
    // Pair 0: two cases open at T and one closed before it; 2 open of 3 seen.
    store.add(0, supportCase("a", day("2026-05-01"), null, null));
    store.add(0, supportCase("b", T, null, null));
    store.add(0, supportCase("c", day("2026-05-01"), day("2026-05-02"), true));
    // Pair 2: a case opened after T, which is never seen.
    store.add(2, supportCase("d", T.plusSeconds(1), null, null));

    // Pair 1 takes pair 0's counts, then pair 0 is merged into itself: 4 open of 6 seen.
    store.merge(1, store, 0);
    store.merge(0, store, 0);

    assertThat(store.result(0, true)).isEqualTo(KpiValue.Measured.of(OpenSupportCases.ID, 4, 6));
    assertThat(store.result(1, false))
        .isEqualTo(KpiValue.Measured.of(OpenSupportCases.ID, 2, 3));
    assertThat(store.result(2, true)).isEqualTo(KpiValue.Measured.of(OpenSupportCases.ID, 0, 0));
    assertThat(store.result(2, false)).isInstanceOf(KpiValue.NotApplicable.class);
    assertThat(bytesOf(store.accumulator(0)))
        .isEqualTo(CountStates.written(OpenSupportCases.ID, 4, 6));
    assertThat(bytesOf(store.accumulator(1)))
        .isEqualTo(CountStates.written(OpenSupportCases.ID, 2, 3));
  }
}
