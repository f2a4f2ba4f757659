package dev.chs.kpis.internal;

import dev.chs.api.kpi.ExactSums;
import dev.chs.api.kpi.KpiValue;
import java.io.DataInput;
import java.io.IOException;

/**
 * The serialized state of a mean: the count of its terms, then their order-independent sum as
 * {@link dev.chs.api.kpi.MergeableSum#writeTo} writes it (high, middle and low word, in units of
 * 2<sup>-64</sup>). Accumulators keep the four longs in their own fields; this record carries them
 * while they are read.
 *
 * @param count how many terms were added; at least zero
 * @param high the high word of the sum
 * @param middle the middle word of the sum
 * @param low the low word of the sum
 */
public record MeanState(long count, long high, long middle, long low) {
  /** The state of a mean of no terms. */
  public static final MeanState EMPTY = new MeanState(0, 0, 0, 0);

  /**
   * Returns the mean of the terms: the exact sum divided by the count, correctly rounded once to
   * a double. Rounding is monotone, so a mean of terms in [-1, 1] stays in [-1, 1], and it
   * depends on the state alone, so merged and single-pass means have the same bits. The mean of
   * equal terms of magnitude 2<sup>-12</sup> or more is that term.
   *
   * @throws IllegalStateException if no term was added
   */
  public static double mean(long count, long high, long middle, long low) {
    if (count == 0) {
      throw new IllegalStateException("mean: no term was added");
    }
    return ExactSums.quotient(high, middle, low, count);
  }

  /**
   * Returns the value of a mean KPI: the mean of its terms, with the count as evidence, or
   * {@code noTerms} when there is no term. Accumulators and stores both answer through this.
   *
   * @param kpiId the KPI's id
   * @param noTerms the KPI's value without terms, one shared by every pair
   * @param count how many terms were added; at least zero
   * @param high the high word of the sum
   * @param middle the middle word of the sum
   * @param low the low word of the sum
   * @return the value
   */
  public static KpiValue result(
      String kpiId, KpiValue.NotApplicable noTerms, long count, long high, long middle,
      long low) {
    if (count == 0) {
      return noTerms;
    }
    return KpiValue.Measured.of(kpiId, mean(count, high, middle, low), count);
  }

  /**
   * Reads a count and a sum in the current form: a count, then three longs.
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
    long middle = in.readLong();
    long low = in.readLong();
    return checked(new MeanState(count, high, middle, low), kpiId, countField);
  }

  /**
   * Reads a count and a sum in the form of a mean KPI's state version: version 1, with the sum in
   * two longs ({@link #readVersion1From}), or a later one, with three ({@link #readFrom}).
   *
   * @param in the input
   * @param kpiId the KPI whose state is read, for the message
   * @param countField the name of the count in the KPI's form, for the message
   * @param version the state version the header gave, already checked to be one the KPI reads
   * @return the state
   * @throws IOException as {@link #readFrom} does
   */
  public static MeanState readFrom(DataInput in, String kpiId, String countField, int version)
      throws IOException {
    return version == 1
        ? readVersion1From(in, kpiId, countField)
        : readFrom(in, kpiId, countField);
  }

  /**
   * Reads a count and a sum in the form of version 1: a count, then the sum as two longs in units
   * of 2<sup>-32</sup>, which this converts exactly to the current units.
   *
   * @param in the input
   * @param kpiId the KPI whose state is read, for the message
   * @param countField the name of the count in the KPI's form, for the message
   * @return the state
   * @throws IOException if the input fails, the count is negative, or terms are summed while the
   *     count is zero (possible corruption)
   */
  public static MeanState readVersion1From(DataInput in, String kpiId, String countField)
      throws IOException {
    long count = StateFields.readCount(in, kpiId, countField);
    long high128 = in.readLong();
    long low128 = in.readLong();
    MeanState state = new MeanState(count,
        ExactSums.widenedWord(high128, low128, 2),
        ExactSums.widenedWord(high128, low128, 1),
        ExactSums.widenedWord(high128, low128, 0));
    return checked(state, kpiId, countField);
  }

  private static MeanState checked(MeanState state, String kpiId, String countField)
      throws IOException {
    if (state.count == 0 && (state.high != 0 || state.middle != 0 || state.low != 0)) {
      throw StateFields.corrupt(kpiId, "sum must be 0 when " + countField + " is 0, was "
          + ExactSums.value(state.high, state.middle, state.low));
    }
    return state;
  }
}
