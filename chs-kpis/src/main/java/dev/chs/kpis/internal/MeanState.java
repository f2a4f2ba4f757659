package dev.chs.kpis.internal;

import dev.chs.api.kpi.ExactSums;
import java.io.DataInput;
import java.io.IOException;

/**
 * The serialized state of a mean: the count of its terms, then their order-independent sum as
 * {@link dev.chs.api.kpi.MergeableSum#writeTo} writes it (high word, then low word). Accumulators
 * keep the three longs in their own fields; this record carries them while they are read.
 *
 * @param count how many terms were added; at least zero
 * @param high the high word of the sum
 * @param low the low word of the sum
 */
public record MeanState(long count, long high, long low) {
  /** The state of a mean of no terms. */
  public static final MeanState EMPTY = new MeanState(0, 0, 0);

  /**
   * Returns the mean of the terms: the sum, rounded once to a double, divided by the count. Both
   * roundings are monotone, so a mean of terms in [-1, 1] stays in [-1, 1], and it depends on the
   * state alone, so merged and single-pass means have the same bits.
   *
   * @throws IllegalStateException if no term was added
   */
  public static double mean(long count, long high, long low) {
    if (count == 0) {
      throw new IllegalStateException("mean: no term was added");
    }
    return ExactSums.value(high, low) / count;
  }

  /**
   * Reads a count and a sum.
   *
   * @param in the input
   * @param kpiId the KPI whose state is read, for the message
   * @param countField the name of the count in the KPI's form, for the message
   * @return the state
   * @throws IOException if the input fails, the count is negative, or terms are summed while the
   *     count is zero (possible corruption)
   */
  public static MeanState readFrom(DataInput in, String kpiId, String countField)
      throws IOException {
    long count = StateFields.readCount(in, kpiId, countField);
    long high = in.readLong();
    long low = in.readLong();
    if (count == 0 && (high != 0 || low != 0)) {
      throw StateFields.corrupt(kpiId, "sum must be 0 when " + countField + " is 0, was "
          + ExactSums.value(high, low));
    }
    return new MeanState(count, high, low);
  }
}
