package dev.chs.api.kpi;

/**
 * Which way a KPI's raw value is better. Fitting uses it to keep learned curves monotone, and
 * documentation uses it to say what a KPI means.
 *
 * @since 0.1.0
 */
public enum Direction {
  /** A higher raw value means a healthier account. */
  HIGHER_IS_BETTER,
  /** A lower raw value means a healthier account. */
  LOWER_IS_BETTER,
  /** A value near the account's own baseline is healthiest; large moves either way are not. */
  STABLE_IS_BETTER
}
