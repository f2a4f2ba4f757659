package dev.chs.core.model;

/**
 * When an intervention fires. An event fires when a score falls below {@code threshold}; the same
 * account and cloud cannot fire again until its score has recovered to at least {@code threshold +
 * hysteresis}, so a score that hovers at the line does not fire again and again.
 *
 * @param threshold the score below which an intervention fires, in [0, 100]
 * @param hysteresis how far above the threshold a score must recover to re-arm, in [0, 100]
 * @since 0.1.0
 */
public record InterventionPolicy(double threshold, double hysteresis) {
  /** The default policy: fire below 50, re-arm at 55. */
  public static final InterventionPolicy DEFAULT = new InterventionPolicy(50, 5);

  /**
   * Creates a policy.
   *
   * @throws IllegalArgumentException if a number is outside [0, 100]
   */
  public InterventionPolicy {
    if (!(threshold >= 0 && threshold <= 100)) {
      throw new IllegalArgumentException("threshold: must be in [0, 100], was " + threshold);
    }
    if (!(hysteresis >= 0 && hysteresis <= 100)) {
      throw new IllegalArgumentException("hysteresis: must be in [0, 100], was " + hysteresis);
    }
  }

  /**
   * Returns the score at which a fired account and cloud re-arms.
   *
   * @return {@code threshold + hysteresis}
   */
  public double rearmAt() {
    return threshold + hysteresis;
  }
}
