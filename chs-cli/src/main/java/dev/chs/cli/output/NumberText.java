package dev.chs.cli.output;

import com.fasterxml.jackson.core.io.NumberOutput;
import java.math.BigDecimal;

/**
 * The text of a number in output: the shortest decimal that reads back as the same {@code double},
 * written without an exponent. So {@code 12500000.0} is {@code 12500000}, {@code 0.1} is {@code
 * 0.1}, {@code 1.0E-5} is {@code 0.00001}, and {@code -0.0} is {@code 0}.
 *
 * <p>Nothing is rounded: a value parsed back with {@link Double#parseDouble} equals the value the
 * library computed, bit for bit. The shortest digits come from the Schubfach algorithm in
 * jackson-core, so the text is the same on every JVM version (the JDK's own {@code
 * Double.toString} gives longer digits for some values before Java 19).
 *
 * @since 0.1.0
 */
public final class NumberText {
  /** Whole numbers below this magnitude are written by {@link Long#toString}. */
  private static final double EXACT_LONGS = 1e15;

  private NumberText() {}

  /**
   * Returns the text of a number.
   *
   * @param value the number; finite
   * @return its shortest round-trip decimal, without an exponent
   * @throws IllegalArgumentException if {@code value} is NaN or infinite
   */
  public static String of(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("value: must be finite, was " + value);
    }
    if (value == Math.rint(value) && Math.abs(value) < EXACT_LONGS) {
      return Long.toString((long) value);
    }
    String shortest = NumberOutput.toString(value, true);
    return new BigDecimal(shortest).stripTrailingZeros().toPlainString();
  }
}
