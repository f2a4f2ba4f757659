package dev.chs.core.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chs.api.Band;
import dev.chs.api.CloudId;
import dev.chs.api.kpi.KpiValue;
import dev.chs.core.model.HealthModel;
import java.lang.reflect.Method;
import java.util.LinkedList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScoreIntoTest {
  static final CloudId SALES = CloudId.of("sales");
  static final CloudId SERVICE = CloudId.of("service");

  /** Three KPIs scored as their own value: a weighs 2, b and c weigh 1; coverage 0.5 needed. */
  private final HealthModel model = HealthModel.builder()
      .kpi(FakeKpi.identity("a"), 2)
      .kpi(FakeKpi.identity("b"), 1)
      .kpi(FakeKpi.identity("c"), 1)
      .cloudWeight("c", SERVICE, 0)
      .build();
  private final Scorer scorer = Scorer.of(model);

  private static KpiValue measured(String id, double value) {
    return KpiValue.Measured.of(id, value, 1);
  }

  @Test
  void scoreIntoFillsTheHolderWithScoreCoverageAndBand() {
    MutableScore holder = new MutableScore();

    MutableScore returned = scorer.scoreInto(
        SALES, List.of(measured("c", 20), measured("a", 80), measured("b", 50)), holder);

    assertThat(returned).isSameAs(holder);
    assertThat(holder.score()).isEqualTo(57.5);
    assertThat(holder.coverage()).isEqualTo(1.0);
    assertThat(holder.band()).isEqualTo(Band.WATCH);
    assertThat(holder.isScored()).isTrue();
  }

  @Test
  void insufficientDataReadsAsNaNWithNoBand() {
    MutableScore holder = new MutableScore();
    scorer.scoreInto(SALES, List.of(measured("a", 80)), holder);

    scorer.scoreInto(SALES, List.of(measured("b", 80)), holder);

    assertThat(holder.score()).isNaN();
    assertThat(holder.coverage()).isEqualTo(0.25);
    assertThat(holder.band()).isNull();
    assertThat(holder.isScored()).isFalse();
  }

  @Test
  void aListWithoutRandomAccessScoresAsAnyOtherList() {
    // The general path: (2 * 80 + 50 + 20) / 4 = 57.5 as above, then a weight of 1 in 4.
    MutableScore holder = new MutableScore();
    scorer.scoreInto(SALES,
        new LinkedList<>(List.of(measured("c", 20), measured("a", 80), measured("b", 50))),
        holder);

    assertThat(holder.score()).isEqualTo(57.5);
    assertThat(holder.coverage()).isEqualTo(1.0);
    assertThat(holder.band()).isEqualTo(Band.WATCH);

    scorer.scoreInto(SALES, new LinkedList<>(List.of(measured("b", 80))), holder);

    assertThat(holder.score()).isNaN();
    assertThat(holder.coverage()).isEqualTo(0.25);
    assertThat(holder.band()).isNull();
  }

  @Test
  void aNewHolderReadsAsInsufficientData() {
    MutableScore holder = new MutableScore();

    assertThat(holder.score()).isNaN();
    assertThat(holder.coverage()).isZero();
    assertThat(holder.band()).isNull();
  }

  @Test
  void scoreIntoRejectsWhatScoreRejectsAndLeavesTheHolderAsItWas() {
    MutableScore holder = new MutableScore();
    scorer.scoreInto(SALES, List.of(measured("a", 80), measured("b", 60)), holder);

    assertThatThrownBy(() -> scorer.scoreInto(
            SALES, List.of(measured("a", 1), measured("a", 2)), holder))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'a' appears twice");
    assertThatThrownBy(() -> scorer.scoreInto(SALES, List.of(measured("z", 1)), holder))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("KPI 'z' is not in the model");
    assertThatThrownBy(() -> scorer.scoreInto(SALES, List.of(measured("a", 1)), null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("into");
    assertThat(holder.score()).isCloseTo(73.33, org.assertj.core.api.Assertions.within(0.01));
  }

  @Test
  void scoringIntoAHolderAllocatesNothing() throws ReflectiveOperationException {
    List<List<KpiValue>> pairs = List.of(
        List.of(measured("a", 80), measured("b", 50), measured("c", 20)),
        List.of(measured("c", 10), measured("b", 90)),
        List.of(new KpiValue.NotApplicable("a", "none"), measured("b", 30)));
    MutableScore holder = new MutableScore();
    // chs-core does not read java.management, so the HotSpot counter is reached by reflection.
    Object threads = Class.forName("java.lang.management.ManagementFactory")
        .getMethod("getThreadMXBean").invoke(null);
    Method allocatedBytes = Class.forName("com.sun.management.ThreadMXBean")
        .getMethod("getCurrentThreadAllocatedBytes");
    double sum = 0;
    for (int i = 0; i < 200_000; i++) {
      sum += scorer.scoreInto(i % 2 == 0 ? SALES : SERVICE, pairs.get(i % 3), holder).coverage();
    }

    long before = (long) allocatedBytes.invoke(threads);
    for (int i = 0; i < 100_000; i++) {
      sum += scorer.scoreInto(i % 2 == 0 ? SALES : SERVICE, pairs.get(i % 3), holder).coverage();
    }
    long allocated = (long) allocatedBytes.invoke(threads) - before;

    // The counter itself may cost a few dozen bytes; 100,000 calls must not cost one each.
    assertThat(allocated).isLessThan(1_000);
    assertThat(sum).isPositive();
  }
}
