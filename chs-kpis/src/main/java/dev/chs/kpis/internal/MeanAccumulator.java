package dev.chs.kpis.internal;

import dev.chs.api.Window;
import dev.chs.api.kpi.ExactSums;
import dev.chs.api.kpi.KpiAccumulator;
import dev.chs.api.kpi.KpiState;
import dev.chs.api.kpi.KpiValue;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The accumulator of a KPI whose raw value is the mean of one term per signal in the window:
 * {@code product_adoption} and {@code sentiment}. It keeps the count and the exact sum of the terms
 * in its own four longs, rather than in a {@link dev.chs.api.kpi.MergeableSum} object, to save an
 * object per account and cloud; the arithmetic is {@link ExactSums}', and adding a term or merging
 * does not allocate. Its serialized form is the
 * {@link KpiState} header, then the state that {@link MeanState#readFrom} reads. Not thread-safe.
 *
 * @param <A> the concrete accumulator, which merges only with its own kind
 */
public abstract class MeanAccumulator<A extends MeanAccumulator<A>> implements KpiAccumulator<A> {
  private final Window window;
  private long samples;
  private long sumHigh;
  private long sumMiddle;
  private long sumLow;

  /**
   * Creates an accumulator that starts from a state.
   *
   * @param window the window
   * @param state the count and sum to start from; {@link MeanState#EMPTY} for a new one
   */
  protected MeanAccumulator(Window window, MeanState state) {
    this.window = window;
    this.samples = state.count();
    this.sumHigh = state.high();
    this.sumMiddle = state.middle();
    this.sumLow = state.low();
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
   * Returns the value of the KPI when no term was added: one, shared by every accumulator.
   *
   * @return the value, not applicable with its reason
   */
  protected abstract KpiValue.NotApplicable noTerms();

  /**
   * Adds one term of the mean.
   *
   * @param term the term; finite and smaller than {@link ExactSums#MAX_TERM} in magnitude
   * @throws IllegalArgumentException if the term is not finite or too large
   */
  protected final void addTerm(double term) {
    long low = ExactSums.termLow(term);
    long middle = ExactSums.termMiddle(term);
    addSum(middle >> 63, middle, low);
    samples++;
  }

  @Override
  public final Window window() {
    return window;
  }

  @Override
  public final void merge(A other) {
    MeanAccumulator<A> theirs = other;
    KpiState.requireSameWindow(kpiId(), window, theirs.window);
    addSum(theirs.sumHigh, theirs.sumMiddle, theirs.sumLow);
    samples += theirs.samples;
  }

  private void addSum(long high, long middle, long low) {
    sumHigh = ExactSums.highOfSum(sumHigh, sumMiddle, sumLow, high, middle, low);
    sumMiddle = ExactSums.middleOfSum(sumMiddle, sumLow, middle, low);
    sumLow += low;
  }

  @Override
  public final KpiValue result(boolean sourceSupplied) {
    return MeanState.result(kpiId(), noTerms(), samples, sumHigh, sumMiddle, sumLow);
  }

  @Override
  public final void writeTo(DataOutput out) throws IOException {
    KpiState.writeHeader(out, kpiId(), stateVersion(), window);
    out.writeLong(samples);
    out.writeLong(sumHigh);
    out.writeLong(sumMiddle);
    out.writeLong(sumLow);
  }
}
