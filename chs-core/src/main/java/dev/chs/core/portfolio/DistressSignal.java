package dev.chs.core.portfolio;

/**
 * A sign of distress that can put an account on the watchlist, together with a falling or low
 * score. Each is read from the KPI results of an account's clouds; see {@link Watchlist}.
 *
 * @since 0.1.0
 */
public enum DistressSignal {
  /**
   * A heavy support load: {@code open_support_cases} scoring below the policy's bound, or {@code
   * cases_closed_to_created} below the policy's ratio.
   */
  HEAVY_SUPPORT_LOAD,
  /** Any complaint: {@code complaints_raised} above zero, or a KPI with the flag COMPLAINT. */
  COMPLAINT,
  /** Low sentiment: {@code sentiment} below the policy's bound. */
  LOW_SENTIMENT
}
