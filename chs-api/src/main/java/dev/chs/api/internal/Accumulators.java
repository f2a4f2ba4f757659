package dev.chs.api.internal;

import dev.chs.api.Window;
import dev.chs.api.kpi.Kpi;
import dev.chs.api.kpi.KpiAccumulator;
import org.jspecify.annotations.Nullable;

/**
 * Merges of accumulators whose KPI is known only as {@code Kpi<?>}, as an aggregation holds them
 * in an array of many KPIs. {@code SignalAggregator} and the Spark aggregation both combine a
 * pair's state with its account-wide state this way, so that they give the same results.
 *
 * <p>Not part of the API, and subject to change in any release.
 *
 * @since 0.1.0
 */
public final class Accumulators {
  private Accumulators() {}

  /**
   * Merges {@code source} into {@code target}, which must be accumulators of the same KPI.
   *
   * @param target the accumulator that takes the other's state
   * @param source the accumulator merged; unchanged
   * @throws ClassCastException if the two are accumulators of different types
   */
  @SuppressWarnings("unchecked")
  public static <A extends KpiAccumulator<A>> void mergeInto(
      KpiAccumulator<?> target, KpiAccumulator<?> source) {
    ((A) target).merge((A) source);
  }

  /**
   * Returns a pair's state of a KPI combined with the state of its account's account-wide pair,
   * changing neither. Without account-wide state, that is the pair's own accumulator, or a new one
   * if the pair has none; otherwise a new accumulator into which both were merged, the pair's
   * first.
   *
   * @param kpi the KPI
   * @param window the window of a new accumulator
   * @param own the pair's accumulator, or null if the pair has no state of the KPI
   * @param accountWide the account-wide pair's accumulator, or null if it has none
   * @return an accumulator of both states
   */
  public static KpiAccumulator<?> combined(Kpi<?> kpi, Window window,
      @Nullable KpiAccumulator<?> own, @Nullable KpiAccumulator<?> accountWide) {
    if (accountWide == null && own != null) {
      return own;
    }
    KpiAccumulator<?> combined = kpi.newAccumulator(window);
    if (own != null) {
      mergeInto(combined, own);
    }
    if (accountWide != null) {
      mergeInto(combined, accountWide);
    }
    return combined;
  }
}
