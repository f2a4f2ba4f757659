package dev.chs.api;

/**
 * The health band of a score. The model sets the lowest score of each band; by default
 * {@code HEALTHY} starts at 70, {@code WATCH} at 50 and {@code AT_RISK} at 30, and {@code CRITICAL}
 * lies below.
 *
 * @since 0.1.0
 */
public enum Band {
  /** Healthy: no action needed. */
  HEALTHY,
  /** Worth watching. */
  WATCH,
  /** At risk of churn: its ARR counts as exposed. */
  AT_RISK,
  /** Critical: its ARR counts as exposed. */
  CRITICAL;

  /**
   * Tells whether the ARR of a cloud in this band counts as exposed revenue.
   *
   * @return true for {@link #AT_RISK} and {@link #CRITICAL}
   */
  public boolean isExposed() {
    return this == AT_RISK || this == CRITICAL;
  }
}
