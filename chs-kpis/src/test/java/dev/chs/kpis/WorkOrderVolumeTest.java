package dev.chs.kpis;

import static dev.chs.kpis.Fixtures.START;
import static dev.chs.kpis.Fixtures.T;
import static dev.chs.kpis.Fixtures.WINDOW;
import static dev.chs.kpis.Fixtures.day;
import static dev.chs.kpis.Fixtures.workOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chs.api.Window;
import dev.chs.api.kpi.Kpi;
import dev.chs.api.kpi.KpiValue;
import dev.chs.api.signal.Signal;
import dev.chs.testkit.KpiContract;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.api.Test;

/**
 * The windows of these tests, for T = 2026-06-30 and W = 90 days:
 *
 * <pre>
 * window       (2026-04-01, 2026-06-30]   current
 * earlier(1)   (2026-01-01, 2026-04-01]
 * earlier(2)   (2025-10-03, 2026-01-01]   baseline = mean of these three
 * earlier(3)   (2025-07-05, 2025-10-03]
 * </pre>
 */
class WorkOrderVolumeTest extends KpiContract<WorkOrderVolume.Accumulator> {
  private static final String ID = WorkOrderVolume.ID;

  @Override
  protected Kpi<WorkOrderVolume.Accumulator> kpi() {
    return new WorkOrderVolume();
  }

  @Override
  protected Window window() {
    return WINDOW;
  }

  @Override
  protected Arbitrary<Signal> signals() {
    return Fixtures.workOrders(
        instantsAround(WINDOW, WINDOW.earlier(1), WINDOW.earlier(2), WINDOW.earlier(3)));
  }

  @Override
  protected Arbitrary<Signal> signalsAfter(Instant t) {
    return Fixtures.workOrders(instantsAfter(t));
  }

  @Test
  void theWindowsAreTheOnesDocumentedAbove() {
    assertThat(WINDOW.earlier(1).asOf()).isEqualTo(START).isEqualTo(day("2026-04-01"));
    assertThat(WINDOW.earlier(2).asOf()).isEqualTo(day("2026-01-01"));
    assertThat(WINDOW.earlier(3).asOf()).isEqualTo(day("2025-10-03"));
    assertThat(WINDOW.earlier(3).start()).isEqualTo(day("2025-07-05"));
  }

  @Test
  void aHalvingAgainstTheBaselineIsDisengaging() {
    // earlier(3) = 3, earlier(2) = 6, earlier(1) = 3: baseline = 12 / 3 = 4.
    // current = 2: change = (2 - 4) / 4 = -0.5, exactly at the DISENGAGING threshold.
    KpiValue value = resultOf(true, orders(2, 3, 6, 3));

    assertThat(value)
        .isEqualTo(new KpiValue.Measured(ID, 2, -0.5, 14, Set.of(WorkOrderVolume.DISENGAGING)));
    assertThat(((KpiValue.Measured) value).scoredBy(kpi().defaultCurve()).score()).isEqualTo(30);
  }

  @Test
  void aRiseOfHalfTheBaselineIsASurge() {
    // Baseline 4 as above; current = 6: change = (6 - 4) / 4 = +0.5.
    KpiValue value = resultOf(true, orders(6, 3, 6, 3));

    assertThat(value)
        .isEqualTo(new KpiValue.Measured(ID, 6, 0.5, 18, Set.of(WorkOrderVolume.SURGE)));
    assertThat(kpi().defaultCurve().score(0.5)).isEqualTo(70);
  }

  @Test
  void aSmallerMoveRaisesNoFlag() {
    // Baseline 4; current = 5: change = 0.25, scored halfway from 100 at 0 to 70 at 0.5.
    KpiValue value = resultOf(true, orders(5, 3, 6, 3));

    assertThat(value).isEqualTo(new KpiValue.Measured(ID, 5, 0.25, 17, Set.of()));
    assertThat(kpi().defaultCurve().score(0.25)).isEqualTo(85);
  }

  @Test
  void noWorkOrdersAgainstABaselineIsAFullDrop() {
    // Baseline (1 + 0 + 2) / 3 = 1; current = 0: change = -1.
    KpiValue value = resultOf(false, orders(0, 1, 0, 2));

    assertThat(value)
        .isEqualTo(new KpiValue.Measured(ID, 0, -1, 3, Set.of(WorkOrderVolume.DISENGAGING)));
    assertThat(kpi().defaultCurve().score(-1)).isEqualTo(0);
  }

  @Test
  void eachEdgeBelongsToTheWindowItEnds() {
    KpiValue value =
        resultOf(
            true,
            // Current: exactly at T.
            workOrder("at-t", T, null, null),
            // earlier(1): exactly at T - W, the end of earlier(1).
            workOrder("at-start", START, null, null),
            // earlier(3): exactly at its own end, 2025-10-03.
            workOrder("at-earlier-3-end", WINDOW.earlier(3).asOf(), null, null),
            // Nowhere: exactly at T - 4W, and after T.
            workOrder("at-earlier-3-start", WINDOW.earlier(3).start(), null, null),
            workOrder("future", T.plusNanos(1), null, null));

    // current = 1; baseline = (1 + 0 + 1) / 3; change = (3 * 1 - 2) / 2 = 0.5.
    assertThat(value)
        .isEqualTo(new KpiValue.Measured(ID, 1, 0.5, 3, Set.of(WorkOrderVolume.SURGE)));
  }

  @Test
  void isNotApplicableWithoutABaseline() {
    assertThat(resultOf(true, orders(2, 0, 0, 0)))
        .isEqualTo(
            new KpiValue.NotApplicable(
                ID, "no work orders were created in the three windows before this one, so there"
                    + " is no baseline to compare the 2 in the window with"));
    assertThat(resultOf(true)).isInstanceOf(KpiValue.NotApplicable.class);
  }

  @Test
  void refusesAWindowWhoseBaselineWouldStartBeforeTheEarliestInstant() {
    // T - 4W lies 260 days before Instant.MIN: the third window before this one cannot start.
    Window window = new Window(Instant.MIN.plus(Duration.ofDays(100)), Duration.ofDays(90));
    WorkOrderVolume kpi = new WorkOrderVolume();

    assertThatThrownBy(() -> kpi.newAccumulator(window)).isInstanceOf(DateTimeException.class);
    assertThatThrownBy(() -> kpi.newStates(window)).isInstanceOf(DateTimeException.class);
    // With T 261 days later, T - 4W is Instant.MIN plus a day, and both are made.
    Window earliest = new Window(Instant.MIN.plus(Duration.ofDays(361)), Duration.ofDays(90));
    assertThat(kpi.newAccumulator(earliest).window()).isEqualTo(earliest);
    assertThat(kpi.newStates(earliest)).isPresent();
  }

  @Test
  void matchesItsGoldenFile() throws IOException {
    WorkOrderVolume.Accumulator read =
        GoldenFiles.check(kpi(), WorkOrderVolume.STATE_VERSION, accumulate(List.of(orders(
            2, 3, 6, 3))));

    assertThat(read.result(true))
        .isEqualTo(new KpiValue.Measured(ID, 2, -0.5, 14, Set.of(WorkOrderVolume.DISENGAGING)));
  }

  /** Work orders created mid-way through the window and each of the three before it. */
  private static Signal[] orders(int current, int earlier1, int earlier2, int earlier3) {
    int[] counts = {current, earlier1, earlier2, earlier3};
    List<Signal> orders = new ArrayList<>();
    for (int n = 0; n < counts.length; n++) {
      Window w = WINDOW.earlier(n);
      Instant middle = w.start().plus(w.length().dividedBy(2));
      for (int i = 0; i < counts[n]; i++) {
        orders.add(workOrder("w" + n + "-" + i, middle.plusSeconds(i), null, null));
      }
    }
    return orders.toArray(Signal[]::new);
  }
}
