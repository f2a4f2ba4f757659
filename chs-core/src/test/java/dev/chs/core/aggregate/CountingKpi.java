package dev.chs.core.aggregate;

import dev.chs.api.Window;
import dev.chs.api.kpi.Curve;
import dev.chs.api.kpi.Direction;
import dev.chs.api.kpi.Kpi;
import dev.chs.api.kpi.KpiAccumulator;
import dev.chs.api.kpi.KpiState;
import dev.chs.api.kpi.KpiValue;
import dev.chs.api.signal.Signal;
import dev.chs.api.signal.SupportCase;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Set;

/**
 * A test KPI that counts the cases opened in the window, and throws for a case whose id starts
 * with {@code boom}.
 */
final class CountingKpi implements Kpi<CountingKpi.Count> {
  private final String id;

  CountingKpi(String id) {
    this.id = id;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String description() {
    return "Cases opened in the window.";
  }

  @Override
  public Set<Class<? extends Signal>> reads() {
    return Set.of(SupportCase.class);
  }

  @Override
  public Direction direction() {
    return Direction.LOWER_IS_BETTER;
  }

  @Override
  public Curve defaultCurve() {
    return new Curve.Linear(10, 0);
  }

  @Override
  public Count newAccumulator(Window window) {
    return new Count(window);
  }

  @Override
  public Count readAccumulator(DataInput in) throws IOException {
    Count count = new Count(KpiState.readHeader(in, id, 1));
    count.n = in.readLong();
    return count;
  }

  final class Count implements KpiAccumulator<Count> {
    private final Window window;
    private long n;

    Count(Window window) {
      this.window = window;
    }

    @Override
    public Window window() {
      return window;
    }

    @Override
    public void add(Signal signal) {
      if (signal instanceof SupportCase c && window.contains(c.openedAt())) {
        if (c.caseId().startsWith("boom")) {
          throw new IllegalStateException("cannot count " + c.caseId());
        }
        n++;
      }
    }

    @Override
    public void merge(Count other) {
      KpiState.requireSameWindow(id, window, other.window);
      n += other.n;
    }

    @Override
    public KpiValue result(boolean sourceSupplied) {
      return sourceSupplied
          ? KpiValue.Measured.of(id, n, n)
          : new KpiValue.NotApplicable(id, "no cases supplied");
    }

    @Override
    public void writeTo(DataOutput out) throws IOException {
      KpiState.writeHeader(out, id, 1, window);
      out.writeLong(n);
    }
  }
}
