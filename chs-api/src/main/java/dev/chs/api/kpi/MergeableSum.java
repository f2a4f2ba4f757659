package dev.chs.api.kpi;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * A sum of doubles whose result does not depend on the order or the grouping of its terms.
 *
 * <p>Plain floating-point addition is not associative, so partial sums merged across partitions
 * would differ in their last bits from a single pass. This sum rounds each term once to a multiple
 * of 2<sup>-32</sup> and adds the multiples exactly in 128-bit integer arithmetic. The rounding of
 * a term depends on that term alone, and integer addition is associative and commutative, so every
 * order and grouping gives the same bits. The price is a resolution of 2<sup>-32</sup> (about
 * 2.3e-10) per term: the sum of {@code n} terms is within {@code n * 2^-33} of the exact real sum.
 *
 * <p>Terms must be finite and smaller than 2<sup>31</sup> in magnitude. Instances are mutable and
 * not thread-safe.
 *
 * @since 0.1.0
 */
public final class MergeableSum {
  /** The largest magnitude a term may have, exclusive. */
  public static final double MAX_TERM = ExactSums.MAX_TERM;

  private long high;
  private long low;

  /** Creates a sum of zero. */
  public MergeableSum() {}

  /**
   * Adds a term.
   *
   * @param term the term; finite, and smaller than {@link #MAX_TERM} in magnitude
   * @throws IllegalArgumentException if the term is not finite or too large
   */
  public void add(double term) {
    addUnits(ExactSums.units(term));
  }

  /**
   * Adds the sum held by {@code other}. {@code other} is left as it was.
   *
   * @param other the sum to add
   */
  public void merge(MergeableSum other) {
    high = ExactSums.highOfSum(high, low, other.high, other.low);
    low += other.low;
  }

  /**
   * Returns the sum, rounded to the nearest double.
   *
   * @return the sum
   */
  public double value() {
    return ExactSums.value(high, low);
  }

  /**
   * Tells whether the sum is exactly zero.
   *
   * @return true if every term added so far cancels out, or none was added
   */
  public boolean isZero() {
    return high == 0 && low == 0;
  }

  /**
   * Writes the sum as two longs, the high and then the low half of its 128-bit two's-complement
   * value in units of 2<sup>-32</sup>.
   *
   * @param out the output
   * @throws IOException if the output fails
   */
  public void writeTo(DataOutput out) throws IOException {
    out.writeLong(high);
    out.writeLong(low);
  }

  /**
   * Reads a sum that {@link #writeTo} wrote.
   *
   * @param in the input
   * @return the sum
   * @throws IOException if the input fails
   */
  public static MergeableSum readFrom(DataInput in) throws IOException {
    MergeableSum sum = new MergeableSum();
    sum.high = in.readLong();
    sum.low = in.readLong();
    return sum;
  }

  private void addUnits(long units) {
    high = ExactSums.highOfSum(high, low, units >> 63, units);
    low += units;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MergeableSum other && high == other.high && low == other.low;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(high) * 31 + Long.hashCode(low);
  }

  @Override
  public String toString() {
    return Double.toString(value());
  }
}
