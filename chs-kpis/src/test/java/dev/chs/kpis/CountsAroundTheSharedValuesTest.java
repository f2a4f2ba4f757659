package dev.chs.kpis;

import static dev.chs.kpis.Fixtures.WINDOW;
import static dev.chs.kpis.Fixtures.complaint;
import static dev.chs.kpis.Fixtures.day;
import static dev.chs.kpis.Fixtures.states;
import static dev.chs.kpis.Fixtures.supportCase;
import static dev.chs.kpis.Fixtures.workOrder;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chs.api.kpi.Kpi;
import dev.chs.api.kpi.KpiAccumulator;
import dev.chs.api.kpi.KpiStates;
import dev.chs.api.kpi.KpiValue;
import dev.chs.api.signal.Signal;
import dev.chs.kpis.internal.CountValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The count KPIs share the values of small counts ({@link CountValues}: below 16 for the KPIs of
 * two counts, 8 for {@code cases_closed_to_created}, 256 for {@code complaints_raised}). Their
 * values just below, at and above those bounds follow the same formula, hand-computed here, from
 * an accumulator and from a store alike. WINDOW is (2026-04-01, 2026-06-30].
 */
class CountsAroundTheSharedValuesTest {
  private static <A extends KpiAccumulator<A>> KpiValue valueOf(Kpi<A> kpi, List<Signal> signals) {
    A accumulator = kpi.newAccumulator(WINDOW);
    KpiStates<A> store = states(kpi, 2);
    for (Signal signal : signals) {
      accumulator.add(signal);
      store.add(1, signal);
    }
    KpiValue value = accumulator.result(true);
    assertThat(store.result(1, true)).isEqualTo(value);
    return value;
  }

  private static List<Signal> times(int count, String prefix, SignalOf signal) {
    List<Signal> signals = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      signals.add(signal.of(prefix + i));
    }
    return signals;
  }

  private static List<Signal> both(List<Signal> first, List<Signal> second) {
    List<Signal> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }

  @FunctionalInterface
  private interface SignalOf {
    Signal of(String id);
  }

  private static List<Signal> openCases(int count) {
    return times(count, "open-", id -> supportCase(id, day("2026-05-01"), null, null));
  }

  @Test
  void openSupportCases_countsEveryOpenCase() {
    String id = OpenSupportCases.ID;
    OpenSupportCases kpi = new OpenSupportCases();
    assertThat(valueOf(kpi, openCases(15))).isEqualTo(KpiValue.Measured.of(id, 15, 15));
    assertThat(valueOf(kpi, openCases(16))).isEqualTo(KpiValue.Measured.of(id, 16, 16));
    assertThat(valueOf(kpi, openCases(17))).isEqualTo(KpiValue.Measured.of(id, 17, 17));
  }

  @Test
  void complaintsRaised_countsEveryDistinctComplaint() {
    ComplaintsRaised kpi = new ComplaintsRaised();
    for (int count : new int[] {255, 256, 257}) {
      List<Signal> complaints = times(count, "C-", id -> complaint(id, day("2026-05-01")));
      assertThat(valueOf(kpi, complaints)).isEqualTo(new KpiValue.Measured(
          ComplaintsRaised.ID, count, count, count, Set.of(ComplaintsRaised.COMPLAINT)));
    }
  }

  private static List<Signal> closedCases(int count, boolean fixedFirstTime) {
    return times(count, "closed-" + fixedFirstTime + "-",
        id -> supportCase(id, day("2026-01-15"), day("2026-05-01"), fixedFirstTime));
  }

  @Test
  void firstTimeFixRate_dividesTheFixedByTheKnown() {
    String id = FirstTimeFixRate.ID;
    FirstTimeFixRate kpi = new FirstTimeFixRate();
    // 12 fixed of 15, 16 and 17 known: 0.8, 0.75 and 12 / 17.
    assertThat(valueOf(kpi, both(closedCases(12, true), closedCases(3, false))))
        .isEqualTo(KpiValue.Measured.of(id, 0.8, 15));
    assertThat(valueOf(kpi, both(closedCases(12, true), closedCases(4, false))))
        .isEqualTo(KpiValue.Measured.of(id, 0.75, 16));
    assertThat(valueOf(kpi, both(closedCases(12, true), closedCases(5, false))))
        .isEqualTo(KpiValue.Measured.of(id, 12.0 / 17, 17));
  }

  @Test
  void casesClosedToCreated_dividesTheClosedByTheOpened() {
    String id = CasesClosedToCreated.ID;
    CasesClosedToCreated kpi = new CasesClosedToCreated();
    // Cases opened in the window and still open, and cases opened before it and closed in it:
    // each is one case of the window.
    // 4 opened, 3 closed, 7 cases: 0.75.
    assertThat(valueOf(kpi, both(openCases(4), closedCases(3, true))))
        .isEqualTo(KpiValue.Measured.of(id, 0.75, 7));
    // 5 opened, 3 closed, 8 cases: 0.6.
    assertThat(valueOf(kpi, both(openCases(5), closedCases(3, true))))
        .isEqualTo(KpiValue.Measured.of(id, 0.6, 8));
    // 8 opened, 6 closed, 14 cases: 0.75.
    assertThat(valueOf(kpi, both(openCases(8), closedCases(6, true))))
        .isEqualTo(KpiValue.Measured.of(id, 0.75, 14));
    // 9 opened, 9 closed, 18 cases: 1.
    assertThat(valueOf(kpi, both(openCases(9), closedCases(9, true))))
        .isEqualTo(KpiValue.Measured.of(id, 1.0, 18));
  }

  private static List<Signal> workOrders(int count, String isoDate) {
    return times(count, "W-" + isoDate + "-", id -> workOrder(id, day(isoDate), null, null));
  }

  @Test
  void workOrderVolume_comparesTheWindowWithTheMeanOfTheThreeBefore() {
    String id = WorkOrderVolume.ID;
    WorkOrderVolume kpi = new WorkOrderVolume();
    // 15 now against 5 + 5 + 5 before: change (3 * 15 - 15) / 15 = 2, evidence 30, a surge.
    List<Signal> fiveInEach = both(workOrders(5, "2026-02-01"),
        both(workOrders(5, "2025-11-01"), workOrders(5, "2025-08-01")));
    assertThat(valueOf(kpi, both(workOrders(15, "2026-05-01"), fiveInEach)))
        .isEqualTo(new KpiValue.Measured(id, 15, 2.0, 30, Set.of(WorkOrderVolume.SURGE)));
    // 16 now against 1 + 1 + 1 before: change (48 - 3) / 3 = 15, evidence 19, a surge.
    List<Signal> oneInEach = both(workOrders(1, "2026-02-01"),
        both(workOrders(1, "2025-11-01"), workOrders(1, "2025-08-01")));
    assertThat(valueOf(kpi, both(workOrders(16, "2026-05-01"), oneInEach)))
        .isEqualTo(new KpiValue.Measured(id, 16, 15.0, 19, Set.of(WorkOrderVolume.SURGE)));
    // None now against 16 in the window before: change -1, evidence 16, disengaging.
    assertThat(valueOf(kpi, workOrders(16, "2026-02-01")))
        .isEqualTo(new KpiValue.Measured(id, 0, -1.0, 16, Set.of(WorkOrderVolume.DISENGAGING)));
  }
}
