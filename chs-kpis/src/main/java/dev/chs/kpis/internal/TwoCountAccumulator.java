package dev.chs.kpis.internal;

import dev.chs.api.Window;
import dev.chs.api.kpi.KpiAccumulator;
import dev.chs.api.kpi.KpiState;
import dev.chs.api.kpi.KpiValue;
import dev.chs.api.signal.Signal;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The accumulator of a KPI whose state is two counts, which a signal adds one to by the same rule
 * as the KPI's store ({@link LongRecordStates#countEach}): {@code open_support_cases} and {@code
 * first_time_fix_rate}. Its serialized form is the {@link KpiState} header, then the first count
 * and the second as longs. Not thread-safe.
 *
 * @param <A> the concrete accumulator, which merges only with its own kind
 */
public abstract class TwoCountAccumulator<A extends TwoCountAccumulator<A>>
    implements KpiAccumulator<A> {
  private final Window window;
  private long first;
  private long second;

  /**
   * Creates an accumulator that starts from two counts.
   *
   * @param window the window
   * @param first the first count; 0 for a new accumulator
   * @param second the second count; 0 for a new accumulator
   */
  protected TwoCountAccumulator(Window window, long first, long second) {
    this.window = window;
    this.first = first;
    this.second = second;
  }

  /**
   * Returns the id of the KPI, for the header and messages.
   *
   * @return the id
   */
  protected abstract String kpiId();

  /**
   * Returns the version of the serialized form.
   *
   * @return the version
   */
  protected abstract int stateVersion();

  /**
   * Returns what a signal counts, as bits: bit 0 (the value 1) counts the first count and bit 1
   * (the value 2) the second, as {@link LongRecordStates#countEach} counts a store's longs 0 and 1.
   *
   * @param signal the signal
   * @return the counts, as bits
   * @throws NullPointerException if {@code signal} is null
   */
  protected abstract int countsOf(Signal signal);

  /**
   * Returns the KPI's value of two counts.
   *
   * @param first the first count
   * @param second the second count
   * @param sourceSupplied whether a source of the signals the KPI reads was supplied
   * @return the value
   */
  protected abstract KpiValue resultOf(long first, long second, boolean sourceSupplied);

  @Override
  public final Window window() {
    return window;
  }

  /**
   * {@inheritDoc}
   *
   * @throws NullPointerException if {@code signal} is null
   */
  @Override
  public final void add(Signal signal) {
    int counts = countsOf(signal);
    first += counts & 1;
    second += (counts >>> 1) & 1;
  }

  @Override
  public final void merge(A other) {
    TwoCountAccumulator<A> theirs = other;
    KpiState.requireSameWindow(kpiId(), window, theirs.window);
    first += theirs.first;
    second += theirs.second;
  }

  @Override
  public final KpiValue result(boolean sourceSupplied) {
    return resultOf(first, second, sourceSupplied);
  }

  @Override
  public final void writeTo(DataOutput out) throws IOException {
    KpiState.writeHeader(out, kpiId(), stateVersion(), window);
    out.writeLong(first);
    out.writeLong(second);
  }
}
