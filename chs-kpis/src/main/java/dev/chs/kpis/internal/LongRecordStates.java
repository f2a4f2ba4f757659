package dev.chs.kpis.internal;

import dev.chs.api.Window;
import dev.chs.api.kpi.KpiAccumulator;
import dev.chs.api.kpi.KpiState;
import dev.chs.api.kpi.KpiStates;
import java.util.Arrays;
import java.util.Objects;

/**
 * A {@link KpiStates} whose state per pair is a record of a fixed number of longs, all pairs'
 * records in one array: pair {@code p}'s record is {@code words[p * width]} to {@code words[p *
 * width + width - 1]}, so that one signal reads and writes one place. An all-zero record is the
 * empty state, so that the pairs a store grows by are empty. A subclass implements {@link #add},
 * {@link #merge}, {@link #accumulator} and {@link #result} on the record at {@link #base}. Not
 * thread-safe.
 *
 * @param <A> the KPI's accumulator type
 */
public abstract class LongRecordStates<A extends KpiAccumulator<A>> implements KpiStates<A> {
  private final String kpiId;
  private final Window window;
  private final int width;
  private int capacity;

  /** The records of all pairs, {@link #width} longs each; replaced when the store grows. */
  protected long[] words;

  /**
   * Creates an empty store with room for no pair.
   *
   * @param kpiId the KPI's id, for messages
   * @param window the window of every pair's state
   * @param width the number of longs of one pair's record, at least 1
   */
  protected LongRecordStates(String kpiId, Window window, int width) {
    this.kpiId = Objects.requireNonNull(kpiId, "kpiId");
    this.window = Objects.requireNonNull(window, "window");
    if (width < 1) {
      throw new IllegalArgumentException("width: must be >= 1, was " + width);
    }
    this.width = width;
    this.words = new long[0];
  }

  @Override
  public final Window window() {
    return window;
  }

  @Override
  public final void ensureCapacity(int pairs) {
    if (pairs < 0) {
      throw new IllegalArgumentException("pairs: must be >= 0, was " + pairs);
    }
    if (pairs <= capacity) {
      return;
    }
    int grown = (int) Math.min(Integer.MAX_VALUE / width, Math.max(pairs, 2L * capacity));
    if (grown < pairs) {
      throw new IllegalArgumentException(
          "pairs: '" + kpiId + "' holds at most " + Integer.MAX_VALUE / width + " pairs, was "
              + pairs);
    }
    words = Arrays.copyOf(words, grown * width);
    capacity = grown;
  }

  /**
   * {@inheritDoc}
   *
   * @return the first long of the pair's record
   */
  @Override
  public final long prefetch(int pair) {
    return words[base(pair)];
  }

  /**
   * Returns the index in {@link #words} of the first long of a pair's record.
   *
   * @param pair the pair's number
   * @return {@code pair * width}
   * @throws IndexOutOfBoundsException if {@code pair} is negative or not below the capacity
   */
  protected final int base(int pair) {
    return Objects.checkIndex(pair, capacity) * width;
  }

  /**
   * Adds one to each long of {@code pair}'s record whose bit is set in {@code counted}: bit
   * {@code k} counts long {@code k}. The add of a store whose longs are all counts, given what a
   * signal counts as bits.
   *
   * @param pair the pair's number
   * @param counted the longs to count, as bits; 0 counts none
   * @throws IndexOutOfBoundsException if {@code pair} is negative or not below the capacity,
   *     whatever {@code counted} is
   */
  protected final void countEach(int pair, int counted) {
    int at = base(pair);
    for (int k = 0; k < width; k++) {
      words[at + k] += (counted >>> k) & 1;
    }
  }

  /**
   * Adds every long of one pair's record in {@code other} to the same long of {@code pair}'s
   * record: the merge of a store whose longs are all counts. A pair may be merged into itself.
   *
   * @param pair the number of the pair to merge into
   * @param other a store of this class over the same window
   * @param otherPair the number of the pair to merge from
   * @throws IllegalArgumentException if {@code other} is of another class or has another window
   * @throws IndexOutOfBoundsException if a pair number is negative or not below its capacity
   */
  protected final void addCounts(int pair, KpiStates<A> other, int otherPair) {
    LongRecordStates<A> from = sameKind(other);
    int at = base(pair);
    int fromAt = from.base(otherPair);
    long[] theirs = from.words;
    for (int k = 0; k < width; k++) {
      words[at + k] += theirs[fromAt + k];
    }
  }

  /**
   * Returns {@code other} as a store of this class, after checking that it is one, over the same
   * window. A subclass in another package casts the result to its own type to reach the other
   * store's {@link #words} and {@link #base}, since Java lets it reach protected members only
   * through a reference of its own type; the check makes that cast safe.
   *
   * @param other the store to merge from
   * @return {@code other}
   * @throws IllegalArgumentException if {@code other} is of another class or has another window
   */
  protected final LongRecordStates<A> sameKind(KpiStates<A> other) {
    if (other.getClass() != getClass()) {
      throw new IllegalArgumentException(
          "merge of '" + kpiId + "': other store must be a " + getClass().getName() + ", was a "
              + other.getClass().getName());
    }
    KpiState.requireSameWindow(kpiId, window, other.window());
    return (LongRecordStates<A>) other;
  }
}
