package dev.chs.core.model;

import dev.chs.api.Window;
import dev.chs.api.kpi.Curve;
import dev.chs.api.kpi.Direction;
import dev.chs.api.kpi.Kpi;
import dev.chs.api.kpi.KpiAccumulator;
import dev.chs.api.kpi.KpiValue;
import dev.chs.api.signal.Signal;
import dev.chs.api.signal.SupportCase;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Set;

/** A KPI for tests of the model: it has an id and a default curve, and counts what it is given. */
final class FakeKpi implements Kpi<FakeKpi.Count> {
  private final String id;
  private final Curve defaultCurve;

  FakeKpi(String id, Curve defaultCurve) {
    this.id = id;
    this.defaultCurve = defaultCurve;
  }

  /** Returns a fake KPI whose default curve runs from 0 (worst) to 1 (best). */
  static FakeKpi withId(String id) {
    return new FakeKpi(id, new Curve.Linear(0, 1));
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String description() {
    return "A KPI that exists only in tests.";
  }

  @Override
  public Set<Class<? extends Signal>> reads() {
    return Set.of(SupportCase.class);
  }

  @Override
  public Direction direction() {
    return Direction.HIGHER_IS_BETTER;
  }

  @Override
  public Curve defaultCurve() {
    return defaultCurve;
  }

  @Override
  public Count newAccumulator(Window window) {
    return new Count(id, window);
  }

  @Override
  public Count readAccumulator(DataInput in) throws IOException {
    throw new IOException("the test KPI '" + id + "' has no serialized form");
  }

  @Override
  public String toString() {
    return "FakeKpi[" + id + "]";
  }

  /** Counts the signals added. */
  static final class Count implements KpiAccumulator<Count> {
    private final String id;
    private final Window window;
    private long signals;

    Count(String id, Window window) {
      this.id = id;
      this.window = window;
    }

    @Override
    public Window window() {
      return window;
    }

    @Override
    public void add(Signal signal) {
      signals++;
    }

    @Override
    public void merge(Count other) {
      signals += other.signals;
    }

    @Override
    public KpiValue result(boolean sourceSupplied) {
      return sourceSupplied
          ? KpiValue.Measured.of(id, signals, signals)
          : new KpiValue.NotApplicable(id, "no source supplied");
    }

    @Override
    public void writeTo(DataOutput out) throws IOException {
      out.writeLong(signals);
    }
  }
}
