package dev.chs.core.aggregate;

import dev.chs.api.Window;
import dev.chs.api.kpi.Curve;
import dev.chs.api.kpi.Direction;
import dev.chs.api.kpi.Kpi;
import dev.chs.api.kpi.KpiAccumulator;
import dev.chs.api.signal.Signal;
import java.io.DataInput;
import java.io.IOException;
import java.util.Set;

/**
 * A KPI exactly as another, except that it offers no store, so that the aggregator keeps its
 * state in accumulators.
 */
final class WithoutStates<A extends KpiAccumulator<A>> implements Kpi<A> {
  private final Kpi<A> kpi;

  WithoutStates(Kpi<A> kpi) {
    this.kpi = kpi;
  }

  @Override
  public String id() {
    return kpi.id();
  }

  @Override
  public String description() {
    return kpi.description();
  }

  @Override
  public Set<Class<? extends Signal>> reads() {
    return kpi.reads();
  }

  @Override
  public Direction direction() {
    return kpi.direction();
  }

  @Override
  public Curve defaultCurve() {
    return kpi.defaultCurve();
  }

  @Override
  public A newAccumulator(Window window) {
    return kpi.newAccumulator(window);
  }

  @Override
  public A readAccumulator(DataInput in) throws IOException {
    return kpi.readAccumulator(in);
  }
}
