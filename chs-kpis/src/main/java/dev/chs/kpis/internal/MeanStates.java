package dev.chs.kpis.internal;

import dev.chs.api.Window;
import dev.chs.api.kpi.ExactSums;
import dev.chs.api.kpi.KpiStates;
import dev.chs.api.kpi.KpiValue;

/**
 * The store of a KPI whose raw value is the mean of one term per signal, the many-pair form of
 * {@link MeanAccumulator}: pair {@code p}'s record is four longs from {@code words[4 * p]}, the
 * count of the terms, then the high, middle and low word of their exact sum, in the order the
 * accumulator writes them. The arithmetic is {@link ExactSums}', as in the accumulator, so a pair
 * holds the same four longs as an accumulator given the same terms and merges, in any order and
 * grouping. Not thread-safe.
 *
 * <p>The count stays a long: merges add counts without a bound that an int would keep.
 *
 * @param <A> the KPI's accumulator
 */
public abstract class MeanStates<A extends MeanAccumulator<A>> extends LongRecordStates<A> {
  private static final int COUNT = 0;
  private static final int HIGH = 1;
  private static final int MIDDLE = 2;
  private static final int LOW = 3;
  private static final int WIDTH = 4;

  private final String kpiId;
  /** The value of every pair without terms: one, shared. */
  private final KpiValue.NotApplicable noTerms;

  /**
   * Creates an empty store with room for no pair.
   *
   * @param kpiId the KPI's id
   * @param window the window of every pair's state
   * @param noTerms the value of a pair without terms, the one its accumulator gives
   */
  protected MeanStates(String kpiId, Window window, KpiValue.NotApplicable noTerms) {
    super(kpiId, window, WIDTH);
    this.kpiId = kpiId;
    this.noTerms = noTerms;
  }

  /**
   * Returns a new accumulator of the KPI that starts from a state.
   *
   * @param state the count and the sum
   * @return the accumulator
   */
  protected abstract A accumulatorOf(MeanState state);

  /**
   * Adds one term of the mean to a pair's record.
   *
   * @param base the index of the pair's record, from {@link #base}
   * @param term the term; finite and smaller than {@link ExactSums#MAX_TERM} in magnitude
   * @throws IllegalArgumentException if the term is not finite or too large
   */
  protected final void addTerm(int base, double term) {
    long low = ExactSums.termLow(term);
    long middle = ExactSums.termMiddle(term);
    addSum(words, base, middle >> 63, middle, low);
    words[base + COUNT]++;
  }

  @Override
  public final void merge(int pair, KpiStates<A> other, int otherPair) {
    LongRecordStates<A> source = sameKind(other);
    int to = base(pair);
    int from = source.base(otherPair);
    long[] theirs = source.words;
    // Read before writing: the source may be this very record.
    long count = theirs[from + COUNT];
    addSum(words, to, theirs[from + HIGH], theirs[from + MIDDLE], theirs[from + LOW]);
    words[to + COUNT] += count;
  }

  private static void addSum(long[] words, int base, long high, long middle, long low) {
    long sumHigh = words[base + HIGH];
    long sumMiddle = words[base + MIDDLE];
    long sumLow = words[base + LOW];
    words[base + HIGH] = ExactSums.highOfSum(sumHigh, sumMiddle, sumLow, high, middle, low);
    words[base + MIDDLE] = ExactSums.middleOfSum(sumMiddle, sumLow, middle, low);
    words[base + LOW] = sumLow + low;
  }

  @Override
  public final A accumulator(int pair) {
    int base = base(pair);
    return accumulatorOf(new MeanState(
        words[base + COUNT], words[base + HIGH], words[base + MIDDLE], words[base + LOW]));
  }

  @Override
  public final KpiValue result(int pair, boolean sourceSupplied) {
    int base = base(pair);
    return MeanState.result(kpiId, noTerms,
        words[base + COUNT], words[base + HIGH], words[base + MIDDLE], words[base + LOW]);
  }
}
