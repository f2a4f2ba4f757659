package dev.chs.api.kpi;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * A sum of doubles whose result does not depend on the order or the grouping of its terms.
 *
 * <p>Plain floating-point addition is not associative, so partial sums merged across partitions
 * would differ in their last bits from a single pass. This sum converts each term once to a whole
 * number of units of 2<sup>-64</sup> and adds those exactly in 192-bit integer arithmetic, as
 * {@link ExactSums} describes. Every term of magnitude 2<sup>-12</sup> or more is taken exactly,
 * and a smaller one moves by at most 2<sup>-65</sup>, so for terms of magnitude 2<sup>-12</sup>
 * or more the sum is exact, and {@link #value()} is the exact sum correctly rounded to a double.
 * The conversion of a term depends on that term alone, and integer addition is associative and
 * commutative, so every order and grouping gives the same bits.
 *
 * <p>Terms must be finite and smaller than {@link #MAX_TERM}, 2<sup>63</sup>, in magnitude; then
 * no number of terms that a {@code long} can count overflows the sum. {@link #add} and {@link
 * #merge} do not allocate. Instances are mutable and not thread-safe.
 *
 * @since 0.1.0
 */
public final class MergeableSum {
  /** The largest magnitude a term may have, exclusive: 2<sup>63</sup>. */
  public static final double MAX_TERM = ExactSums.MAX_TERM;

  private long high;
  private long middle;
  private long low;

  /** Creates a sum of zero. */
  public MergeableSum() {}

  /**
   * Adds a term. Does not allocate.
   *
   * @param term the term; finite, and smaller than {@link #MAX_TERM} in magnitude
   * @throws IllegalArgumentException if the term is not finite or too large
   */
  public void add(double term) {
    long addLow = ExactSums.termLow(term);
    long addMiddle = ExactSums.termMiddle(term);
    addWords(addMiddle >> 63, addMiddle, addLow);
  }

  /**
   * Adds the sum held by {@code other}. {@code other} is left as it was. Does not allocate.
   *
   * @param other the sum to add
   */
  public void merge(MergeableSum other) {
    addWords(other.high, other.middle, other.low);
  }

  /**
   * Returns the sum, correctly rounded to the nearest double (ties to even). Does not allocate.
   *
   * @return the sum; finite
   */
  public double value() {
    return ExactSums.value(high, middle, low);
  }

  /**
   * Returns the sum divided by {@code divisor}, correctly rounded to the nearest double (ties to
   * even), as a mean of {@code divisor} terms needs.
   *
   * @param divisor the divisor; at least 1
   * @return the quotient; finite
   * @throws IllegalArgumentException if {@code divisor} is less than 1
   */
  public double dividedBy(long divisor) {
    return ExactSums.quotient(high, middle, low, divisor);
  }

  /**
   * Tells whether the sum is exactly zero.
   *
   * @return true if every term added so far cancels out, or none was added
   */
  public boolean isZero() {
    return high == 0 && middle == 0 && low == 0;
  }

  /**
   * Writes the sum as three longs, the high, middle and low words of its 192-bit two's-complement
   * value in units of 2<sup>-64</sup>: 24 bytes.
   *
   * @param out the output
   * @throws IOException if the output fails
   */
  public void writeTo(DataOutput out) throws IOException {
    out.writeLong(high);
    out.writeLong(middle);
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
    sum.middle = in.readLong();
    sum.low = in.readLong();
    return sum;
  }

  /**
   * Reads a sum in the earlier 128-bit form, which accumulator forms before the 192-bit sums hold:
   * two longs, the high and then the low word of a two's-complement value in units of
   * 2<sup>-32</sup>. The conversion to units of 2<sup>-64</sup> is exact.
   *
   * @param in the input
   * @return the sum
   * @throws IOException if the input fails
   */
  public static MergeableSum read128From(DataInput in) throws IOException {
    long high128 = in.readLong();
    long low128 = in.readLong();
    MergeableSum sum = new MergeableSum();
    sum.high = ExactSums.widenedWord(high128, low128, 2);
    sum.middle = ExactSums.widenedWord(high128, low128, 1);
    sum.low = ExactSums.widenedWord(high128, low128, 0);
    return sum;
  }

  private void addWords(long addHigh, long addMiddle, long addLow) {
    high = ExactSums.highOfSum(high, middle, low, addHigh, addMiddle, addLow);
    middle = ExactSums.middleOfSum(middle, low, addMiddle, addLow);
    low += addLow;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MergeableSum other
        && high == other.high && middle == other.middle && low == other.low;
  }

  @Override
  public int hashCode() {
    return (Long.hashCode(high) * 31 + Long.hashCode(middle)) * 31 + Long.hashCode(low);
  }

  @Override
  public String toString() {
    return Double.toString(value());
  }
}
