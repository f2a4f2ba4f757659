package dev.chs.kpis.internal;

import dev.chs.api.kpi.MergeableSum;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.nio.ByteBuffer;

/**
 * The mean of the terms of a {@link MergeableSum}, computed from the sum's exact value.
 *
 * <p>{@link MergeableSum#value()} converts the sum in rounded steps that lose up to about 2e-7
 * when the sum is negative (a single term of -0.3 reads back as -0.30000019). The mean here divides
 * the exact 128-bit state instead, to 40 significant digits, and then rounds to the nearest double.
 * Both roundings are monotone, so a mean of terms in [-1, 1] stays in [-1, 1]. The mean depends on
 * the state alone, so merged and single-pass accumulators give the same bits.
 */
public final class ExactMean {
  private static final int SCALE_BITS = 32;

  private ExactMean() {}

  /**
   * Returns {@code sum / count}, correctly rounded to a double.
   *
   * @param sum the sum of the terms
   * @param count how many terms were added; at least one
   * @return the mean
   * @throws IllegalArgumentException if {@code count} is less than one
   */
  public static double of(MergeableSum sum, long count) {
    if (count < 1) {
      throw new IllegalArgumentException("count: must be >= 1, was " + count);
    }
    BigDecimal units = new BigDecimal(unitsOf(sum));
    BigDecimal divisor = BigDecimal.valueOf(count).multiply(BigDecimal.valueOf(2).pow(SCALE_BITS));
    // 40 significant digits are far more than a double holds, so the quotient is rounded to the
    // nearest double in effect once.
    return units.divide(divisor, new MathContext(40)).doubleValue();
  }

  private static BigInteger unitsOf(MergeableSum sum) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(16);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      sum.writeTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    ByteBuffer halves = ByteBuffer.wrap(bytes.toByteArray());
    long high = halves.getLong();
    long low = halves.getLong();
    return BigInteger.valueOf(high)
        .shiftLeft(Long.SIZE)
        .add(new BigInteger(Long.toUnsignedString(low)));
  }
}
