package dev.chs.core.aggregate;

/**
 * What aggregation does when a KPI's accumulator throws.
 *
 * @since 0.1.0
 */
public enum FailurePolicy {
  /**
   * Reports the failure for that KPI, account and cloud, and scores the rest: the KPI is not
   * applicable there, so the score has less coverage.
   */
  ISOLATE,
  /** Stops at the first failure with a {@link KpiFailureException}. */
  FAIL
}
