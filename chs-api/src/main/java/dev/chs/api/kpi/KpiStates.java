package dev.chs.api.kpi;

import dev.chs.api.Window;
import dev.chs.api.signal.Signal;

/**
 * The state of one KPI for many (account, cloud) pairs at once, over one window, held in arrays
 * indexed by a dense pair number rather than in one accumulator object per pair.
 *
 * <p>This is an optional fast path: a KPI offers it through {@link Kpi#newStates}, and an
 * aggregator that is given one keeps every pair's state in it, so that adding a signal reads and
 * writes one place at a computed index instead of following a reference to an object. Everything
 * else about the KPI goes through its accumulators: a pair's state leaves the store as an
 * accumulator ({@link #accumulator}), which is how it is serialized and how Spark and Flink
 * combine it.
 *
 * <p>For every pair, the store behaves exactly as an accumulator of the same KPI and window would,
 * and the contract test of {@code chs-testkit} checks it: after any sequence of {@link #add} and
 * {@link #merge} calls on a pair, {@link #accumulator} of the pair writes the same bytes as an
 * accumulator given the same signals and merges, and {@link #result} equals that accumulator's
 * result. A pair that was never reached is empty. Pairs do not affect each other.
 *
 * <p>A store may keep what its signals hold, as an accumulator may: the complaint ids of {@code
 * complaints_raised}, for example, stay reachable as long as the store is.
 *
 * <p>A store is not thread-safe: confine each to one thread at a time.
 *
 * @param <A> the KPI's accumulator type
 * @since 0.1.0
 */
public interface KpiStates<A extends KpiAccumulator<A>> {
  /**
   * Returns the window every pair's state is computed for.
   *
   * @return the window
   */
  Window window();

  /**
   * Makes room for the pairs numbered from 0 to {@code pairs - 1}. Pairs that were not there
   * before are empty. A store never shrinks, so a smaller number changes nothing; it may make room
   * for more pairs than asked, and its capacity is then that larger number.
   *
   * @param pairs how many pairs the store must hold, at least zero
   * @throws IllegalArgumentException if {@code pairs} is negative
   */
  void ensureCapacity(int pairs);

  /**
   * Adds a signal to one pair's state, as {@link KpiAccumulator#add} does.
   *
   * @param pair the pair's number, below the capacity made with {@link #ensureCapacity}
   * @param signal the signal
   * @throws IndexOutOfBoundsException if {@code pair} is negative or not below the capacity
   * @throws NullPointerException if {@code signal} is null
   */
  void add(int pair, Signal signal);

  /**
   * Adds everything that pair {@code otherPair} of {@code other} holds to pair {@code pair} of
   * this store, as {@link KpiAccumulator#merge} does. {@code other} is left as it was; it may be
   * this store, and {@code otherPair} may be {@code pair}.
   *
   * @param pair the number of the pair to merge into, below this store's capacity
   * @param other a store made by the same KPI over the same window
   * @param otherPair the number of the pair to merge from, below {@code other}'s capacity
   * @throws IllegalArgumentException if {@code other} has another window or was made by another
   *     KPI
   * @throws IndexOutOfBoundsException if a pair number is negative or not below its capacity
   */
  void merge(int pair, KpiStates<A> other, int otherPair);

  /**
   * Returns a new accumulator that holds one pair's state. Changing either afterwards leaves the
   * other as it was.
   *
   * @param pair the pair's number, below the capacity
   * @return the accumulator
   * @throws IndexOutOfBoundsException if {@code pair} is negative or not below the capacity
   */
  A accumulator(int pair);

  /**
   * Reads the first word of one pair's state and returns it, so that a caller that looks a few
   * signals ahead can start the pair's memory on its way to the cache before {@link #add} needs
   * it. The value means nothing beyond that, and reading it changes nothing. The default reads
   * nothing and returns 0; a store whose state is in arrays returns the first element of the
   * pair's state.
   *
   * @param pair the pair's number, below the capacity
   * @return any value that depends on the pair's state; 0 by default
   * @throws IndexOutOfBoundsException if {@code pair} is negative or not below the capacity, in
   *     a store that overrides the default
   */
  default long prefetch(int pair) {
    return 0;
  }

  /**
   * Returns one pair's KPI value, as {@link KpiAccumulator#result} of its {@link #accumulator}
   * would, without making the accumulator.
   *
   * @param pair the pair's number, below the capacity
   * @param sourceSupplied whether a source of the signals the KPI reads was supplied at all
   * @return the measured value, or not applicable when there is no evidence; never null, and a
   *     value of this KPI, as {@link KpiAccumulator#result} requires
   * @throws IndexOutOfBoundsException if {@code pair} is negative or not below the capacity
   */
  KpiValue result(int pair, boolean sourceSupplied);
}
