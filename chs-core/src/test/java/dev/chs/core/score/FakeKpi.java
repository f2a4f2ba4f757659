package dev.chs.core.score;

import dev.chs.api.Window;
import dev.chs.api.kpi.Curve;
import dev.chs.api.kpi.Direction;
import dev.chs.api.kpi.Kpi;
import dev.chs.api.kpi.KpiAccumulator;
import dev.chs.api.kpi.KpiValue;
import dev.chs.api.signal.Signal;
import java.io.DataInput;
import java.io.DataOutput;
import java.util.Set;

/**
 * A KPI for tests that only need its id and curve: scoring never aggregates signals, so its
 * accumulator refuses to be used.
 */
public record FakeKpi(String id, Curve defaultCurve) implements Kpi<FakeKpi.Unused> {
  /** The curve that scores a value as itself, clamped to [0, 100]. */
  public static final Curve IDENTITY = new Curve.Linear(0, 100);

  /** Returns a KPI whose default curve scores a value as itself. */
  public static FakeKpi identity(String id) {
    return new FakeKpi(id, IDENTITY);
  }

  @Override
  public String description() {
    return "test KPI " + id;
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
  public Unused newAccumulator(Window window) {
    throw new UnsupportedOperationException("scoring tests do not aggregate");
  }

  @Override
  public Unused readAccumulator(DataInput in) {
    throw new UnsupportedOperationException("scoring tests do not aggregate");
  }

  /** An accumulator that is never created. */
  public static final class Unused implements KpiAccumulator<Unused> {
    private Unused() {}

    @Override
    public Window window() {
      throw new UnsupportedOperationException();
    }

    @Override
    public void add(Signal signal) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void merge(Unused other) {
      throw new UnsupportedOperationException();
    }

    @Override
    public KpiValue result(boolean sourceSupplied) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void writeTo(DataOutput out) {
      throw new UnsupportedOperationException();
    }
  }
}
