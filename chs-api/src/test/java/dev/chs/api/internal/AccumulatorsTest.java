package dev.chs.api.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chs.api.Window;
import dev.chs.api.kpi.Curve;
import dev.chs.api.kpi.Direction;
import dev.chs.api.kpi.Kpi;
import dev.chs.api.kpi.KpiAccumulator;
import dev.chs.api.kpi.KpiValue;
import dev.chs.api.signal.Signal;
import java.io.DataInput;
import java.io.DataOutput;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccumulatorsTest {
  private static final Window WINDOW =
      new Window(Instant.parse("2026-06-30T00:00:00Z"), Duration.ofDays(90));
  private static final Labels KPI = new Labels();

  @Test
  void aPairWithoutAccountWideStateIsItsOwnAccumulator() {
    Labelled own = new Labelled("own");

    assertThat(Accumulators.combined(KPI, WINDOW, own, null)).isSameAs(own);
  }

  @Test
  void aPairWithNoStateAtAllGetsANewEmptyAccumulator() {
    KpiAccumulator<?> combined = Accumulators.combined(KPI, WINDOW, null, null);

    assertThat(((Labelled) combined).labels).isEmpty();
    assertThat(combined.window()).isEqualTo(WINDOW);
  }

  @Test
  void accountWideStateAloneIsCopiedNotShared() {
    Labelled accountWide = new Labelled("wide");

    KpiAccumulator<?> combined = Accumulators.combined(KPI, WINDOW, null, accountWide);

    assertThat(combined).isNotSameAs(accountWide);
    assertThat(((Labelled) combined).labels).containsExactly("wide");
  }

  @Test
  void bothStatesMergeIntoANewAccumulator_thePairsFirst_leavingBothAsTheyWere() {
    Labelled own = new Labelled("own");
    Labelled accountWide = new Labelled("wide");

    KpiAccumulator<?> combined = Accumulators.combined(KPI, WINDOW, own, accountWide);

    assertThat(((Labelled) combined).labels).containsExactly("own", "wide");
    assertThat(own.labels).containsExactly("own");
    assertThat(accountWide.labels).containsExactly("wide");
  }

  @Test
  void mergeIntoAddsTheSourcesStateToTheTargetOnly() {
    Labelled target = new Labelled("a");
    Labelled source = new Labelled("b");

    Accumulators.mergeInto(target, source);

    assertThat(target.labels).containsExactly("a", "b");
    assertThat(source.labels).containsExactly("b");
  }

  @Test
  void mergeIntoRefusesAccumulatorsOfAnotherType() {
    KpiAccumulator<?> other = new Other();

    assertThatThrownBy(() -> Accumulators.mergeInto(new Labelled("a"), other))
        .isInstanceOf(ClassCastException.class);
  }

  /** A KPI whose state is the labels it was made or merged with, in order. */
  private static final class Labels implements Kpi<Labelled> {
    @Override
    public String id() {
      return "labels";
    }

    @Override
    public String description() {
      return "The labels of the accumulators merged.";
    }

    @Override
    public Set<Class<? extends Signal>> reads() {
      return Set.of(Signal.class);
    }

    @Override
    public Direction direction() {
      return Direction.HIGHER_IS_BETTER;
    }

    @Override
    public Curve defaultCurve() {
      return new Curve.Linear(0, 10);
    }

    @Override
    public Labelled newAccumulator(Window window) {
      return new Labelled();
    }

    @Override
    public Labelled readAccumulator(DataInput in) {
      throw new UnsupportedOperationException("not serialized in this test");
    }
  }

  private static final class Labelled implements KpiAccumulator<Labelled> {
    final List<String> labels = new ArrayList<>();

    Labelled(String... labels) {
      this.labels.addAll(List.of(labels));
    }

    @Override
    public Window window() {
      return WINDOW;
    }

    @Override
    public void add(Signal signal) {
      labels.add(signal.toString());
    }

    @Override
    public void merge(Labelled other) {
      labels.addAll(other.labels);
    }

    @Override
    public KpiValue result(boolean sourceSupplied) {
      return KpiValue.Measured.of("labels", labels.size(), labels.size());
    }

    @Override
    public void writeTo(DataOutput out) {
      throw new UnsupportedOperationException("not serialized in this test");
    }
  }

  private static final class Other implements KpiAccumulator<Other> {
    @Override
    public Window window() {
      return WINDOW;
    }

    @Override
    public void add(Signal signal) {}

    @Override
    public void merge(Other other) {}

    @Override
    public KpiValue result(boolean sourceSupplied) {
      return new KpiValue.NotApplicable("other", "no state");
    }

    @Override
    public void writeTo(DataOutput out) {}
  }
}
