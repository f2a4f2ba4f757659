package dev.chs.flink;

import dev.chs.api.Window;
import dev.chs.api.kpi.Curve;
import dev.chs.api.kpi.Direction;
import dev.chs.api.kpi.Kpi;
import dev.chs.api.kpi.KpiAccumulator;
import dev.chs.api.kpi.KpiValue;
import dev.chs.api.signal.SentimentSample;
import dev.chs.api.signal.Signal;
import dev.chs.kpis.Sentiment;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Set;

/** A plugin KPI whose accumulator throws on every sentiment sample, found by ServiceLoader. */
public final class ExplodingKpi implements Kpi<ExplodingKpi.Accumulator> {
  static final String ID = "exploding";

  /** Creates the KPI. */
  public ExplodingKpi() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Throws on every sentiment sample.";
  }

  @Override
  public Set<Class<? extends Signal>> reads() {
    return Set.of(SentimentSample.class);
  }

  @Override
  public Direction direction() {
    return Direction.HIGHER_IS_BETTER;
  }

  @Override
  public Curve defaultCurve() {
    return new Sentiment().defaultCurve();
  }

  @Override
  public Accumulator newAccumulator(Window window) {
    return new Accumulator(window);
  }

  @Override
  public Accumulator readAccumulator(DataInput in) throws IOException {
    throw new IOException("exploding: has no serialized form");
  }

  /** The accumulator that throws. */
  public static final class Accumulator implements KpiAccumulator<Accumulator> {
    private final Window window;

    Accumulator(Window window) {
      this.window = window;
    }

    @Override
    public Window window() {
      return window;
    }

    @Override
    public void add(Signal signal) {
      if (signal instanceof SentimentSample) {
        throw new IllegalStateException("exploding: a sentiment sample");
      }
    }

    @Override
    public void merge(Accumulator other) {}

    @Override
    public KpiValue result(boolean sourceSupplied) {
      return new KpiValue.NotApplicable(ID, "no sentiment sample was seen");
    }

    @Override
    public void writeTo(DataOutput out) throws IOException {
      throw new IOException("exploding: has no serialized form");
    }
  }
}
