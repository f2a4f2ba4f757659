package dev.chs.core.model;

import dev.chs.api.Band;

/**
 * The lowest score of each band. Scores of at least {@code healthy} are {@link Band#HEALTHY}, of at
 * least {@code watch} {@link Band#WATCH}, of at least {@code atRisk} {@link Band#AT_RISK}, and all
 * others {@link Band#CRITICAL}.
 *
 * @param healthy the lowest healthy score, in [0, 100]
 * @param watch the lowest score to watch; below {@code healthy}
 * @param atRisk the lowest at-risk score; below {@code watch}
 * @since 0.1.0
 */
public record Bands(double healthy, double watch, double atRisk) {
  /** The default bands: healthy from 70, watch from 50, at risk from 30. */
  public static final Bands DEFAULT = new Bands(70, 50, 30);

  /**
   * Creates bands.
   *
   * @throws IllegalArgumentException if a threshold is outside [0, 100] or they do not decrease
   */
  public Bands {
    if (!(healthy >= 0 && healthy <= 100)) {
      throw new IllegalArgumentException("healthy: must be in [0, 100], was " + healthy);
    }
    if (!(watch < healthy && watch >= 0)) {
      throw new IllegalArgumentException(
          "watch: must be in [0, healthy (" + healthy + ")), was " + watch);
    }
    if (!(atRisk < watch && atRisk >= 0)) {
      throw new IllegalArgumentException(
          "at_risk: must be in [0, watch (" + watch + ")), was " + atRisk);
    }
  }

  /**
   * Returns the band of a score.
   *
   * @param score the score, in [0, 100]
   * @return its band
   */
  public Band of(double score) {
    if (score >= healthy) {
      return Band.HEALTHY;
    }
    if (score >= watch) {
      return Band.WATCH;
    }
    return score >= atRisk ? Band.AT_RISK : Band.CRITICAL;
  }
}
