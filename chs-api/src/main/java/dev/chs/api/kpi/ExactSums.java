package dev.chs.api.kpi;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The arithmetic of {@link MergeableSum} on a sum held as three longs, so that an accumulator can
 * keep the sum in its own fields rather than in a separate object, as the built-in mean KPIs do.
 *
 * <p>The sum is a 192-bit two's-complement integer {@code (high, middle, low)} in units of
 * 2<sup>-64</sup>. A term is converted to those units once, by itself: a double of magnitude
 * 2<sup>-12</sup> or more is a whole number of units and is taken exactly; a smaller one is
 * rounded to the nearest unit, ties to even, so it moves by at most 2<sup>-65</sup>. Integer
 * addition is associative and commutative, so every order and grouping of the same terms gives
 * the same three words.
 *
 * <p>Terms must be finite and smaller than {@link #MAX_TERM}, 2<sup>63</sup>, in magnitude. A
 * term is then less than 2<sup>127</sup> units, so it fits in the low two words as a signed
 * 128-bit value, and the sum of any number of terms that a {@code long} can count (fewer than
 * 2<sup>63</sup>) is less than 2<sup>190</sup> units: the 192-bit sum cannot overflow.
 *
 * <p>To add a term, take its two words with {@link #termLow} and {@link #termMiddle} (its high
 * word is {@code termMiddle >> 63}), then update the high word with {@link #highOfSum}, the middle
 * one with {@link #middleOfSum}, and the low one by plain addition, in that order, since each step
 * reads the words below it as they were. Merging two sums is the same three steps. No step
 * allocates.
 *
 * <p>All methods are static and thread-safe.
 *
 * @since 0.1.0
 */
public final class ExactSums {
  /** The largest magnitude a term may have, exclusive: 2<sup>63</sup>. */
  public static final double MAX_TERM = 0x1p63;

  private static final int UNIT_EXPONENT = -64;
  private static final long SIGNIFICAND_MASK = (1L << 52) - 1;
  private static final double TWO_TO_53 = 0x1p53;
  /** The 32-bit digits of a magnitude of three words times 2^128. */
  private static final int QUOTIENT_DIGITS = 10;

  private ExactSums() {}

  /**
   * Returns the low word of a term in units of 2<sup>-64</sup>, as a signed 128-bit value.
   *
   * @param term the term; finite, and smaller than {@link #MAX_TERM} in magnitude
   * @return bits 0 to 63 of the term's units
   * @throws IllegalArgumentException if the term is not finite or too large
   */
  public static long termLow(double term) {
    requireTerm(term);
    long magnitudeLow = magnitudeWord(term, 0);
    return term < 0 ? -magnitudeLow : magnitudeLow;
  }

  /**
   * Returns the middle word of a term in units of 2<sup>-64</sup>, as a signed 128-bit value; the
   * high word of the term is this word's sign, {@code termMiddle(term) >> 63}.
   *
   * @param term the term; finite, and smaller than {@link #MAX_TERM} in magnitude
   * @return bits 64 to 127 of the term's units
   * @throws IllegalArgumentException if the term is not finite or too large
   */
  public static long termMiddle(double term) {
    requireTerm(term);
    long magnitudeMiddle = magnitudeWord(term, 1);
    if (!(term < 0)) {
      return magnitudeMiddle;
    }
    return ~magnitudeMiddle + (magnitudeWord(term, 0) == 0 ? 1 : 0);
  }

  /**
   * Returns the high word of {@code (high, middle, low) + (addHigh, addMiddle, addLow)}.
   *
   * @return the high word of the sum, modulo 2<sup>64</sup>
   */
  public static long highOfSum(
      long high, long middle, long low, long addHigh, long addMiddle, long addLow) {
    long carryIntoMiddle = Long.compareUnsigned(low + addLow, low) < 0 ? 1 : 0;
    long partial = middle + addMiddle;
    long carryIntoHigh = (Long.compareUnsigned(partial, middle) < 0 ? 1L : 0L)
        + (Long.compareUnsigned(partial + carryIntoMiddle, partial) < 0 ? 1L : 0L);
    return high + addHigh + carryIntoHigh;
  }

  /**
   * Returns the middle word of {@code (..., middle, low) + (..., addMiddle, addLow)}; the low word
   * of the sum is {@code low + addLow}.
   *
   * @return the middle word of the sum
   */
  public static long middleOfSum(long middle, long low, long addMiddle, long addLow) {
    long carryIntoMiddle = Long.compareUnsigned(low + addLow, low) < 0 ? 1 : 0;
    return middle + addMiddle + carryIntoMiddle;
  }

  /**
   * Returns word {@code index} of a sum written in the earlier 128-bit form, two's complement
   * {@code (high128, low128)} in units of 2<sup>-32</sup>, converted to the 192-bit form in units
   * of 2<sup>-64</sup>. The conversion is a shift by 32 bits and loses nothing.
   *
   * @param high128 the high word of the 128-bit sum
   * @param low128 the low word of the 128-bit sum
   * @param index 0 for the low word, 1 for the middle one, 2 for the high one
   * @return the word
   * @throws IllegalArgumentException if {@code index} is not 0, 1 or 2
   */
  public static long widenedWord(long high128, long low128, int index) {
    return switch (index) {
      case 0 -> low128 << 32;
      case 1 -> (high128 << 32) | (low128 >>> 32);
      case 2 -> high128 >> 32;
      default -> throw new IllegalArgumentException("index: must be 0, 1 or 2, was " + index);
    };
  }

  /**
   * Returns the sum {@code (high, middle, low)} correctly rounded to a double: the double nearest
   * to the exact sum, ties to even. The result is finite (its magnitude is below
   * 2<sup>127</sup>), and zero only for a sum of zero. Does not allocate.
   *
   * @return the rounded sum
   */
  public static double value(long high, long middle, long low) {
    return toDouble(high, middle, low, false);
  }

  /**
   * Returns the sum {@code (high, middle, low)} divided by {@code divisor}, correctly rounded to a
   * double: the double nearest to the exact quotient, ties to even. So the mean of {@code n} equal
   * terms of magnitude 2<sup>-12</sup> or more is that term, bit for bit. A divisor below
   * 2<sup>31</sup>, such as any count of signals of one account, never allocates; a larger one
   * may, when the sum is not itself a double.
   *
   * @param divisor the divisor, such as the count of the terms; at least 1
   * @return the rounded quotient
   * @throws IllegalArgumentException if {@code divisor} is less than 1
   */
  public static double quotient(long high, long middle, long low, long divisor) {
    if (divisor < 1) {
      throw new IllegalArgumentException("divisor: must be >= 1, was " + divisor);
    }
    // A sum that is a double, divided by a divisor that is one too, is rounded once by the
    // division itself; the quotient stays normal, so that one rounding is the correct one.
    double exact = toDouble(high, middle, low, true);
    if (!Double.isNaN(exact) && divisor <= TWO_TO_53) {
      return exact / divisor;
    }
    if (divisor <= Integer.MAX_VALUE) {
      return shortQuotient(high, middle, low, divisor);
    }
    return roundedQuotient(toBigInteger(high, middle, low), divisor);
  }

  /**
   * Divides by a divisor below 2<sup>31</sup> without allocating, by short division of the
   * magnitude in 32-bit digits, most significant first: each step divides {@code remainder *
   * 2^32 + digit}, which stays below 2<sup>63</sup>, by the divisor. The magnitude is taken times
   * 2<sup>128</sup> (four more digits, all zero), so that the quotient has at least {@code 1 +
   * 128 - 31} bits, more than the 53 kept and the round bit. Its first three digits from the
   * first that is not zero hold 65 to 96 bits, enough for its 64 leading bits. Whatever lies
   * below them, in the quotient or the remainder, counts only as a sticky bit, and it is not zero
   * exactly when the remainder or a digit of the dividend still to come is not, so the division
   * stops there.
   */
  private static double shortQuotient(long high, long middle, long low, long divisor) {
    boolean negative = high < 0;
    long h = magnitude(high, middle, low, 2);
    long m = magnitude(high, middle, low, 1);
    long l = magnitude(high, middle, low, 0);
    if ((h | m | l) == 0) {
      return 0.0;
    }
    long remainder = 0;
    long first = 0;
    long second = 0;
    long third = 0;
    int firstAt = -1;
    boolean sticky = false;
    for (int i = 0; i < QUOTIENT_DIGITS; i++) {
      long dividend = (remainder << 32) | digit(h, m, l, i);
      long q = dividend / divisor;
      remainder = dividend - q * divisor;
      if (firstAt < 0) {
        if (q != 0) {
          firstAt = i;
          first = q;
        }
      } else if (i == firstAt + 1) {
        second = q;
      } else {
        third = q;
        sticky = remainder != 0 || anyDigitFrom(h, m, l, i + 1);
        break;
      }
    }

    // The 64 leading bits: all of the first digit's, the second's, and the third's highest.
    int z = Long.numberOfLeadingZeros(first) - 32;
    long leading = (first << (32 + z)) | (second << z) | (third >>> (32 - z));
    sticky |= (third & ((1L << (32 - z)) - 1)) != 0;
    int topBit = 32 * (QUOTIENT_DIGITS - 1 - firstAt) + 31 - z;

    long significand = leading >>> 11;
    boolean roundBit = (leading & (1L << 10)) != 0;
    sticky |= (leading & ((1L << 10) - 1)) != 0;
    if (roundBit && (sticky || (significand & 1) == 1)) {
      significand++;
    }
    // The quotient's units are 2^-64 / 2^128.
    double magnitude = Math.scalb((double) significand, topBit - 52 + UNIT_EXPONENT - 128);
    return negative ? -magnitude : magnitude;
  }

  /**
   * Returns word {@code word} (0 for the low one, 2 for the high one) of the magnitude of the
   * sum, as an unsigned 192-bit number: the sum itself, or its two's-complement negation.
   */
  private static long magnitude(long high, long middle, long low, int word) {
    if (high >= 0) {
      return word == 2 ? high : word == 1 ? middle : low;
    }
    return switch (word) {
      case 2 -> ~high + (low == 0 && middle == 0 ? 1 : 0);
      case 1 -> ~middle + (low == 0 ? 1 : 0);
      default -> -low;
    };
  }

  /** Returns whether a 32-bit digit of {@code (h, m, l)}, from digit {@code from} on, is not 0. */
  private static boolean anyDigitFrom(long h, long m, long l, int from) {
    for (int i = from; i < 6; i++) {
      if (digit(h, m, l, i) != 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns 32-bit digit {@code i}, most significant first, of the 320-bit number {@code (h, m,
   * l) * 2^128}.
   */
  private static long digit(long h, long m, long l, int i) {
    return switch (i) {
      case 0 -> h >>> 32;
      case 1 -> h & 0xFFFF_FFFFL;
      case 2 -> m >>> 32;
      case 3 -> m & 0xFFFF_FFFFL;
      case 4 -> l >>> 32;
      case 5 -> l & 0xFFFF_FFFFL;
      default -> 0;
    };
  }

  /**
   * Returns the exact value of the sum {@code (high, middle, low)}, for tests and messages.
   *
   * @return the sum, exactly
   */
  public static BigDecimal exactValue(long high, long middle, long low) {
    // A division by a power of two always ends in decimal, so it is exact.
    return new BigDecimal(toBigInteger(high, middle, low))
        .divide(new BigDecimal(BigInteger.ONE.shiftLeft(-UNIT_EXPONENT)));
  }

  private static void requireTerm(double term) {
    if (!(Math.abs(term) < MAX_TERM)) {
      throw new IllegalArgumentException(
          "term: must be finite and smaller than 2^63 in magnitude, was " + term);
    }
  }

  /** Returns word 0 or 1 of |term| in units, rounded to nearest, ties to even. */
  private static long magnitudeWord(double term, int word) {
    long bits = Double.doubleToRawLongBits(term);
    int biasedExponent = (int) (bits >>> 52) & 0x7FF;
    if (biasedExponent == 0) {
      return 0; // a subnormal is below 2^-1022, far below half a unit
    }
    long significand = (bits & SIGNIFICAND_MASK) | (1L << 52);
    // |term| = significand * 2^(biasedExponent - 1075), so in units it is significand * 2^shift.
    int shift = biasedExponent - 1075 - UNIT_EXPONENT;
    if (shift >= 0) {
      if (word == 0) {
        return shift < 64 ? significand << shift : 0;
      }
      if (shift == 0) {
        return 0;
      }
      return shift < 64 ? significand >>> (64 - shift) : significand << (shift - 64);
    }
    if (word == 1 || -shift > 54) {
      return 0;
    }
    int dropped = -shift;
    long kept = significand >>> dropped;
    long remainder = significand & ((1L << dropped) - 1);
    long half = 1L << (dropped - 1);
    boolean up = remainder > half || (remainder == half && (kept & 1) == 1);
    return up ? kept + 1 : kept;
  }

  /**
   * Rounds the sum to the nearest double, ties to even; when {@code exactOnly}, returns NaN
   * instead of a rounded value.
   */
  private static double toDouble(long high, long middle, long low, boolean exactOnly) {
    boolean negative = high < 0;
    long h = magnitude(high, middle, low, 2);
    long m = magnitude(high, middle, low, 1);
    long l = magnitude(high, middle, low, 0);

    // Normalize: top holds the 64 leading bits of the magnitude, with bit 63 set.
    long top;
    boolean rest;
    int topBit;
    if (h != 0) {
      int z = Long.numberOfLeadingZeros(h);
      top = z == 0 ? h : (h << z) | (m >>> (64 - z));
      rest = (m << z) != 0 || l != 0;
      topBit = 191 - z;
    } else if (m != 0) {
      int z = Long.numberOfLeadingZeros(m);
      top = z == 0 ? m : (m << z) | (l >>> (64 - z));
      rest = (l << z) != 0;
      topBit = 127 - z;
    } else if (l != 0) {
      int z = Long.numberOfLeadingZeros(l);
      top = l << z;
      rest = false;
      topBit = 63 - z;
    } else {
      return 0.0;
    }

    long significand = top >>> 11;
    boolean roundBit = (top & (1L << 10)) != 0;
    boolean sticky = rest || (top & ((1L << 10) - 1)) != 0;
    if (exactOnly && (roundBit || sticky)) {
      return Double.NaN;
    }
    if (roundBit && (sticky || (significand & 1) == 1)) {
      significand++; // 2^53 at most, still exact as a double
    }
    double magnitude = Math.scalb((double) significand, topBit - 52 + UNIT_EXPONENT);
    return negative ? -magnitude : magnitude;
  }

  private static BigInteger toBigInteger(long high, long middle, long low) {
    return BigInteger.valueOf(high).shiftLeft(128)
        .add(unsigned(middle).shiftLeft(64))
        .add(unsigned(low));
  }

  private static BigInteger unsigned(long word) {
    BigInteger value = BigInteger.valueOf(word >>> 1).shiftLeft(1);
    return (word & 1) == 0 ? value : value.setBit(0);
  }

  private static double roundedQuotient(BigInteger sum, long divisor) {
    BigInteger magnitude = sum.abs();
    if (magnitude.signum() == 0) {
      return 0.0;
    }
    // Enough quotient bits for the 53 kept, the round bit and more, then one sticky bit for any
    // remainder, so that rounding the integer quotient rounds the exact one.
    BigInteger by = BigInteger.valueOf(divisor);
    int shift = Math.max(0, 56 + by.bitLength() - magnitude.bitLength());
    BigInteger[] parts = magnitude.shiftLeft(shift).divideAndRemainder(by);
    BigInteger scaled = parts[0].shiftLeft(1);
    if (parts[1].signum() != 0) {
      scaled = scaled.setBit(0);
    }
    double rounded = Math.scalb(scaled.doubleValue(), UNIT_EXPONENT - shift - 1);
    return sum.signum() < 0 ? -rounded : rounded;
  }
}
