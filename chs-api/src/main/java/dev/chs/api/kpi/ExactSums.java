package dev.chs.api.kpi;

/**
 * The arithmetic of {@link MergeableSum} on a sum held as two longs, so that an accumulator can
 * keep the sum in its own fields rather than in a separate object, as the built-in mean KPIs do.
 * The sum is a 128-bit two's-complement integer {@code (high, low)} in units of 2<sup>-32</sup>;
 * {@link MergeableSum} documents its rounding and its exactness across merges.
 *
 * @since 0.1.0
 */
public final class ExactSums {
  /** The largest magnitude a term may have, exclusive. */
  public static final double MAX_TERM = 0x1p31;

  private static final double SCALE = 0x1p32;

  private ExactSums() {}

  /**
   * Returns a term rounded to units of 2<sup>-32</sup>; the rounding depends on the term alone.
   *
   * @throws IllegalArgumentException if the term is not finite or not smaller than {@link
   *     #MAX_TERM} in magnitude
   */
  public static long units(double term) {
    if (!(Math.abs(term) < MAX_TERM)) {
      throw new IllegalArgumentException(
          "term: must be finite and smaller than 2^31 in magnitude, was " + term);
    }
    return Math.round(term * SCALE);
  }

  /**
   * Returns the high word of {@code (high, low) + (addHigh, addLow)}; the low word is {@code low
   * + addLow}.
   */
  public static long highOfSum(long high, long low, long addHigh, long addLow) {
    long sumLow = low + addLow;
    return high + addHigh + (Long.compareUnsigned(sumLow, low) < 0 ? 1 : 0);
  }

  /** Returns the sum {@code (high, low)}, rounded to the nearest double. */
  public static double value(long high, long low) {
    // Convert the magnitude, not the two's complement: a negative sum has a low word close to
    // 2^64, and adding it to -2^64 in doubles would cancel away most of its digits.
    boolean negative = high < 0;
    long magnitudeLow = negative ? -low : low;
    long magnitudeHigh = negative ? ~high + (low == 0 ? 1 : 0) : high;
    double magnitude =
        magnitudeHigh * (0x1p64 / SCALE) + unsignedToDouble(magnitudeLow) / SCALE;
    return negative ? -magnitude : magnitude;
  }

  private static double unsignedToDouble(long value) {
    return value >= 0 ? value : ((value >>> 1) | (value & 1)) * 2.0;
  }
}
