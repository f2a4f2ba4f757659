package dev.chs.core.score;

import dev.chs.api.Band;
import org.jspecify.annotations.Nullable;

/**
 * The score, coverage and band of one (account, cloud) pair, without an explanation, in a holder
 * that the caller makes once and reuses, so that scoring allocates nothing.
 *
 * <p>{@link Scorer#scoreInto} fills it. After a pair with insufficient data, {@link #score()} is
 * {@code NaN} and {@link #band()} is null, as in {@link ColumnarScorer}. A new holder reads as
 * insufficient data with a coverage of 0.
 *
 * <p>A holder is mutable and not thread-safe: give each thread its own.
 *
 * @since 0.1.0
 */
public final class MutableScore {
  private double score = Double.NaN;
  private double coverage;
  private @Nullable Band band;

  /** Creates a holder that reads as insufficient data. */
  public MutableScore() {}

  /**
   * Returns the score of the last pair scored into this holder.
   *
   * @return the score, in [0, 100]; {@code NaN} for insufficient data
   */
  public double score() {
    return score;
  }

  /**
   * Returns the coverage of the last pair scored into this holder, whether scored or not.
   *
   * @return the share of the model's weight whose KPIs were applicable, in [0, 1]
   */
  public double coverage() {
    return coverage;
  }

  /**
   * Returns the band of the last pair scored into this holder.
   *
   * @return the band; null for insufficient data
   */
  public @Nullable Band band() {
    return band;
  }

  /**
   * Tells whether the last pair scored into this holder got a score.
   *
   * @return false for insufficient data
   */
  public boolean isScored() {
    return band != null;
  }

  void set(double score, double coverage, @Nullable Band band) {
    this.score = score;
    this.coverage = coverage;
    this.band = band;
  }

  @Override
  public String toString() {
    return isScored()
        ? "MutableScore[score=" + score + ", coverage=" + coverage + ", band=" + band + "]"
        : "MutableScore[insufficient data, coverage=" + coverage + "]";
  }
}
