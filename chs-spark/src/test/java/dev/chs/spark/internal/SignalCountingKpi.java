package dev.chs.spark.internal;

import dev.chs.api.Window;
import dev.chs.api.kpi.Curve;
import dev.chs.api.kpi.Direction;
import dev.chs.api.kpi.Kpi;
import dev.chs.api.kpi.KpiAccumulator;
import dev.chs.api.kpi.KpiValue;
import dev.chs.api.signal.Metric;
import dev.chs.api.signal.Signal;
import dev.chs.api.signal.SupportCase;
import java.io.DataInput;
import java.io.DataOutput;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A test KPI that counts the support cases and the metrics of any name it is given, and whose
 * results may have the bug of being values of another KPI, or null.
 */
final class SignalCountingKpi implements Kpi<SignalCountingKpi.Count> {
  private final String id;
  private final @Nullable String resultId;

  /** A KPI {@code id} whose results are values of {@code resultId}, or null when it is null. */
  SignalCountingKpi(String id, @Nullable String resultId) {
    this.id = id;
    this.resultId = resultId;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String description() {
    return "Support cases and metrics, counted.";
  }

  @Override
  public Set<Class<? extends Signal>> reads() {
    return Set.of(SupportCase.class, Metric.class);
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
  public Count readAccumulator(DataInput in) {
    throw new UnsupportedOperationException("not written in these tests");
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
      n++;
    }

    @Override
    public void merge(Count other) {
      n += other.n;
    }

    @Override
    public @Nullable KpiValue result(boolean sourceSupplied) {
      return resultId == null ? null : KpiValue.Measured.of(resultId, n, n);
    }

    @Override
    public void writeTo(DataOutput out) {
      throw new UnsupportedOperationException("not written in these tests");
    }
  }
}
