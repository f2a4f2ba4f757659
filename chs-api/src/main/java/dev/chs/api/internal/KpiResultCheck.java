package dev.chs.api.internal;

import dev.chs.api.kpi.KpiValue;
import org.jspecify.annotations.Nullable;

/**
 * The check that an aggregation makes of each result a KPI's accumulator gives: it must be a value,
 * and a value of that KPI. {@code SignalAggregator} and the Spark aggregation both make it, so that
 * a faulty KPI fails the same way wherever it runs.
 *
 * <p>Not part of the API, and subject to change in any release.
 *
 * @since 0.1.0
 */
public final class KpiResultCheck {
  private KpiResultCheck() {}

  /**
   * Returns a KPI's result if it is a value of that KPI. A null result, or a value of another KPI,
   * is a bug of the KPI: the exception lets the caller fail that KPI for its pair, as if its result
   * had thrown, rather than every pair's results failing when their values are checked later.
   *
   * @param kpiId the id of the KPI whose accumulator gave the result
   * @param value the result
   * @return {@code value}
   * @throws IllegalStateException if {@code value} is null or a value of another KPI
   */
  public static KpiValue requireValueOf(String kpiId, @Nullable KpiValue value) {
    if (value == null) {
      throw new IllegalStateException("result: must not be null");
    }
    if (!kpiId.equals(value.kpiId())) {
      throw new IllegalStateException("result: must be a value of KPI '" + kpiId
          + "', was a value of KPI '" + value.kpiId() + "'");
    }
    return value;
  }
}
