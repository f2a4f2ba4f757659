package dev.chs.kpis.internal;

import dev.chs.api.kpi.MergeableSum;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The count and the order-independent sum of a mean's terms, which merge exactly. Not thread-safe.
 *
 * <p>Serialized as the count (a long), then the sum as {@link MergeableSum#writeTo} writes it.
 */
public final class RunningMean {
  private long count;
  private final MergeableSum sum;

  /** Creates a mean of no terms. */
  public RunningMean() {
    this(0, new MergeableSum());
  }

  private RunningMean(long count, MergeableSum sum) {
    this.count = count;
    this.sum = sum;
  }

  /**
   * Adds a term.
   *
   * @param term the term; finite and smaller than {@link MergeableSum#MAX_TERM} in magnitude
   * @throws IllegalArgumentException if the term is not finite or too large
   */
  public void add(double term) {
    sum.add(term);
    count++;
  }

  /**
   * Adds the terms of {@code other}, which is left as it was.
   *
   * @param other the mean to merge in
   */
  public void merge(RunningMean other) {
    sum.merge(other.sum);
    count += other.count;
  }

  /**
   * Returns how many terms were added.
   *
   * @return the count, at least zero
   */
  public long count() {
    return count;
  }

  /**
   * Returns the mean of the terms: the sum, rounded once to a double, divided by the count. Both
   * roundings are monotone, so a mean of terms in [-1, 1] stays in [-1, 1], and it depends on the
   * state alone, so merged and single-pass means have the same bits.
   *
   * @return the mean
   * @throws IllegalStateException if no term was added
   */
  public double mean() {
    if (count == 0) {
      throw new IllegalStateException("mean: no term was added");
    }
    return sum.value() / count;
  }

  /**
   * Writes the count and then the sum.
   *
   * @param out the output
   * @throws IOException if the output fails
   */
  public void writeTo(DataOutput out) throws IOException {
    out.writeLong(count);
    sum.writeTo(out);
  }

  /**
   * Reads what {@link #writeTo} wrote.
   *
   * @param in the input
   * @param kpiId the KPI whose state is read, for the message
   * @param countField the name of the count in the KPI's form, for the message
   * @return the mean
   * @throws IOException if the input fails, the count is negative, or terms are summed while the
   *     count is zero (possible corruption)
   */
  public static RunningMean readFrom(DataInput in, String kpiId, String countField)
      throws IOException {
    long count = StateFields.readCount(in, kpiId, countField);
    MergeableSum sum = MergeableSum.readFrom(in);
    if (count == 0 && !sum.isZero()) {
      throw StateFields.corrupt(kpiId, "sum must be 0 when " + countField + " is 0, was " + sum);
    }
    return new RunningMean(count, sum);
  }
}
