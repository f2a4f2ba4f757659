package dev.chs.api.kpi;

import dev.chs.api.Window;
import dev.chs.api.signal.Signal;
import java.io.DataInput;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;

/**
 * A key performance indicator: a mergeable accumulator over signals, plus a scoring curve.
 *
 * <p>A KPI is found by {@link java.util.ServiceLoader}, through {@code provides dev.chs.api.kpi.Kpi
 * with ...} in a module descriptor or a {@code META-INF/services/dev.chs.api.kpi.Kpi} file, and a
 * model refers to it by {@link #id()}. An implementation is immutable and thread-safe. One that is
 * loaded as a service has a public no-argument constructor; a KPI made per model entry, such as a
 * metric KPI over a column of {@code metrics.csv}, needs none. All of its state per account and
 * cloud lives in its accumulator.
 *
 * <p>Plugin authors prove an implementation by extending the contract test of {@code chs-testkit}.
 *
 * @param <A> the type of the KPI's accumulator
 * @since 0.1.0
 */
public interface Kpi<A extends KpiAccumulator<A>> {
  /**
   * Returns the id that model files and output columns use.
   *
   * @return the id: lower-case letters, digits and underscores, starting with a letter
   */
  String id();

  /**
   * Returns a one-sentence description of what the KPI measures.
   *
   * @return the description
   */
  String description();

  /**
   * Returns the signal types the KPI reads. Aggregation hands the accumulator only signals of
   * these types.
   *
   * @return the signal types; never empty
   */
  Set<Class<? extends Signal>> reads();

  /**
   * Returns which way the raw value is better.
   *
   * @return the direction
   */
  Direction direction();

  /**
   * Returns the curve that scores the KPI unless the model names another.
   *
   * @return the default curve
   */
  Curve defaultCurve();

  /**
   * Returns an empty accumulator for one account and cloud over {@code window}. The empty
   * accumulator is the identity of {@link KpiAccumulator#merge}.
   *
   * @param window the window whose result the accumulator computes
   * @return a new, empty accumulator
   */
  A newAccumulator(Window window);

  /**
   * Returns an empty store of the state of many pairs over {@code window}, if the KPI has one.
   * Aggregation then keeps every pair's state in the store rather than in one accumulator each,
   * which saves memory and a reference per signal; the values are the same either way.
   *
   * <p>The default has none, and most KPIs need none. A KPI that offers one proves that it agrees
   * with its accumulators through the contract test of {@code chs-testkit}.
   *
   * @param window the window whose results the store computes
   * @return a new, empty store with room for no pair, or empty if the KPI keeps state only in
   *     accumulators
   */
  default Optional<KpiStates<A>> newStates(Window window) {
    return Optional.empty();
  }

  /**
   * Reads an accumulator that {@link KpiAccumulator#writeTo} wrote.
   *
   * @param in the input, positioned at the start of the accumulator's serialized form
   * @return the accumulator, equal in state to the one written
   * @throws IOException if the input cannot be read, names another KPI, or holds a version of the
   *     form that this implementation does not read
   */
  A readAccumulator(DataInput in) throws IOException;
}
