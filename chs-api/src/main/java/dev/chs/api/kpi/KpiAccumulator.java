package dev.chs.api.kpi;

import dev.chs.api.Window;
import dev.chs.api.signal.Signal;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The mutable, mergeable state of one KPI for one account and cloud over one window.
 *
 * <p>Spark and Flink store accumulators and combine partial ones across partitions, so every
 * implementation keeps these laws, and the contract test of {@code chs-testkit} checks them:
 *
 * <ul>
 *   <li>{@link #merge} is associative and commutative, and an empty accumulator is its identity;
 *   <li>the result does not depend on the order or the grouping of the signals added: merged and
 *       single-pass results are equal, not just close;
 *   <li>a signal dated after the window's as-of instant never changes the result;
 *   <li>the state survives a round trip through {@link #writeTo} and {@link Kpi#readAccumulator}.
 * </ul>
 *
 * <p>An accumulator is not thread-safe: confine each to one thread at a time.
 *
 * @param <A> the accumulator's own type, which {@link #merge} takes
 * @since 0.1.0
 */
public interface KpiAccumulator<A extends KpiAccumulator<A>> {
  /**
   * Returns the window this accumulator computes its result for.
   *
   * @return the window
   */
  Window window();

  /**
   * Adds a signal. Signals outside the range the KPI looks at, and signals of types it does not
   * read, leave the state as it was.
   *
   * @param signal the signal
   */
  void add(Signal signal);

  /**
   * Adds everything that {@code other} holds to this accumulator. {@code other} is left as it was.
   *
   * @param other an accumulator of the same KPI and window
   * @throws IllegalArgumentException if {@code other} has another window
   */
  void merge(A other);

  /**
   * Returns the KPI's value for the window.
   *
   * @param sourceSupplied whether a source of the signals the KPI reads was supplied at all. A
   *     count whose source was supplied is a real zero; one whose source was not is not applicable
   * @return the measured value, or not applicable when there is no evidence; never null, and a
   *     value of this KPI ({@link KpiValue#kpiId()} is the KPI's id). An aggregator takes any other
   *     result as a failure of the KPI for that account and cloud
   */
  KpiValue result(boolean sourceSupplied);

  /**
   * Writes the accumulator's state in the KPI's documented, versioned form.
   *
   * @param out the output
   * @throws IOException if the output fails
   */
  void writeTo(DataOutput out) throws IOException;
}
