package dev.chs.benchmarks;

import dev.chs.api.Window;
import dev.chs.api.kpi.Curve;
import dev.chs.api.kpi.Direction;
import dev.chs.api.kpi.Kpi;
import dev.chs.api.kpi.KpiAccumulator;
import dev.chs.api.kpi.KpiValue;
import dev.chs.api.signal.Metric;
import dev.chs.api.signal.Signal;
import java.io.DataInput;
import java.io.DataOutput;
import java.util.Set;

/**
 * A KPI aggregated upstream, that the model only scores: the eighth column of the columnar
 * benchmark. It never aggregates signals, so its accumulator cannot be made.
 *
 * @param id the KPI's id
 * @param defaultCurve its curve
 */
record ScoringOnlyKpi(String id, Curve defaultCurve) implements Kpi<ScoringOnlyKpi.Unused> {
  @Override
  public String description() {
    return "A value aggregated upstream, column " + id + " of metrics.csv.";
  }

  @Override
  public Set<Class<? extends Signal>> reads() {
    return Set.of(Metric.class);
  }

  @Override
  public Direction direction() {
    return Direction.HIGHER_IS_BETTER;
  }

  @Override
  public Unused newAccumulator(Window window) {
    throw new UnsupportedOperationException("benchmarks only score " + id);
  }

  @Override
  public Unused readAccumulator(DataInput in) {
    throw new UnsupportedOperationException("benchmarks only score " + id);
  }

  /** An accumulator that is never made. */
  static final class Unused implements KpiAccumulator<Unused> {
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
