package dev.chs.api.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;

/**
 * How far curve scores are from the exact real numbers. {@code Linear} computes {@code 100 * (x -
 * worst) / (best - worst)} with four roundings, each by at most half an ulp, so it stays within
 * {@code 4 * 2^-53} of the exact score, relatively; {@code Piecewise} interpolates with five. Both
 * stay within 1e-12 points.
 */
class CurveAccuracyProperties {
  private static final MathContext DIGITS = new MathContext(50);
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  @Property
  void linearIsWithinFourRoundingsOfTheExactScore(
      @ForAll @DoubleRange(min = -1e6, max = 1e6) @Scale(9) double worst,
      @ForAll @DoubleRange(min = -1e6, max = 1e6) @Scale(9) double best,
      @ForAll @DoubleRange(min = 0, max = 1) @Scale(12) double at) {
    if (worst == best) {
      return;
    }
    double x = worst + at * (best - worst);
    double score = new Curve.Linear(worst, best).score(x);

    BigDecimal t = new BigDecimal(x).subtract(new BigDecimal(worst))
        .divide(new BigDecimal(best).subtract(new BigDecimal(worst)), DIGITS);
    BigDecimal exact = HUNDRED.multiply(t.max(BigDecimal.ZERO).min(BigDecimal.ONE));
    BigDecimal error = new BigDecimal(score).subtract(exact).abs();

    assertThat(error).isLessThanOrEqualTo(exact.multiply(new BigDecimal(4 * 0x1p-53)));
    assertThat(error).isLessThanOrEqualTo(new BigDecimal("1e-12"));
  }

  @Property
  void piecewiseIsWithin1e12OfTheExactInterpolation(
      @ForAll @DoubleRange(min = -1e6, max = 1e6) @Scale(9) double left,
      @ForAll @DoubleRange(min = 1e-6, max = 1e6) @Scale(9) double width,
      @ForAll @DoubleRange(min = 0, max = 100) @Scale(9) double from,
      @ForAll @DoubleRange(min = 0, max = 100) @Scale(9) double to,
      @ForAll @DoubleRange(min = 0, max = 1) @Scale(12) double at) {
    double right = left + width;
    if (!(right > left)) {
      return;
    }
    double x = left + at * (right - left);
    Curve curve = Curve.Piecewise.of(new Curve.Point(left, from), new Curve.Point(right, to));
    double score = curve.score(x);

    BigDecimal t = new BigDecimal(x).subtract(new BigDecimal(left))
        .divide(new BigDecimal(right).subtract(new BigDecimal(left)), DIGITS)
        .max(BigDecimal.ZERO).min(BigDecimal.ONE);
    BigDecimal exact = new BigDecimal(from)
        .add(t.multiply(new BigDecimal(to).subtract(new BigDecimal(from))));

    assertThat(new BigDecimal(score).subtract(exact).abs())
        .isLessThanOrEqualTo(new BigDecimal("1e-12"));
  }
}
