package dev.chs.api.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Scale;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class ExactSumsTest {
  @Test
  void splitsATermIntoTwoWordsOfUnitsOfTwoToTheMinus64() {
    assertThat(ExactSums.termLow(1.0)).isZero();
    assertThat(ExactSums.termMiddle(1.0)).isEqualTo(1); // 2^64 units
    assertThat(ExactSums.termLow(0.5)).isEqualTo(Long.MIN_VALUE); // 2^63 units
    assertThat(ExactSums.termMiddle(0.5)).isZero();
    assertThat(ExactSums.termLow(-1.0)).isZero();
    assertThat(ExactSums.termMiddle(-1.0)).isEqualTo(-1); // -2^64, high word -1 too
    assertThat(ExactSums.termLow(-0x1p-64)).isEqualTo(-1);
    assertThat(ExactSums.termMiddle(-0x1p-64)).isEqualTo(-1);
    assertThat(ExactSums.termMiddle(0x1p62)).isEqualTo(1L << 62);
  }

  @Test
  void rejectsATermOfTwoToThe63OrMore() {
    assertThatThrownBy(() -> ExactSums.termLow(0x1p63))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("term: must be finite and smaller than 2^63 in magnitude, was 9.223372036854776E18");
    assertThatThrownBy(() -> ExactSums.termMiddle(-0x1p63))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ExactSums.quotient(0, 1, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("divisor: must be >= 1, was 0");
  }

  @Test
  void cannotOverflow_withTheLargestTermsALongCanCount() {
    // 2^62 terms of the largest magnitude below 2^63 (2^63 - 2^10) sum to about 2^189 units,
    // within the 2^191 of 192 signed bits. Build it by doubling: 62 merges of a sum with itself.
    MergeableSum sum = new MergeableSum();
    sum.add(-Math.nextDown(0x1p63));
    for (int i = 0; i < 62; i++) {
      sum.merge(copyOf(sum));
    }
    assertThat(sum.value()).isEqualTo(-Math.nextDown(0x1p63) * 0x1p62);
    assertThat(sum.dividedBy(1L << 62)).isEqualTo(-Math.nextDown(0x1p63));
  }

  @Test
  void quotient_ofEqualTerms_isTheTerm_evenWhenTheSumIsNoDouble() {
    MergeableSum sum = new MergeableSum();
    for (int i = 0; i < 3; i++) {
      sum.add(0.1);
    }
    // 3 * 0.1 needs more than 53 bits, so the sum is not a double and the slow path divides.
    assertThat(exactOf(sum)).isNotEqualByComparingTo(new BigDecimal(sum.value()));
    assertThat(sum.dividedBy(3)).isEqualTo(0.1);
    assertThat(sum.dividedBy(7)).isEqualTo(nearest(exactOf(sum), 7));
  }

  @Test
  void widensThe128BitFormByAnExactShift() {
    // -1 unit of 2^-32 is 2^32 units of 2^-64, negative: words (-1, -1, -2^32).
    assertThat(ExactSums.widenedWord(-1, -1, 2)).isEqualTo(-1);
    assertThat(ExactSums.widenedWord(-1, -1, 1)).isEqualTo(-1);
    assertThat(ExactSums.widenedWord(-1, -1, 0)).isEqualTo(-(1L << 32));
    assertThat(ExactSums.widenedWord(1L << 40, 3, 2)).isEqualTo(1L << 8);
    assertThat(ExactSums.widenedWord(1L << 40, 3, 1)).isZero();
    assertThat(ExactSums.widenedWord(1L << 40, 3, 0)).isEqualTo(3L << 32);
    assertThatThrownBy(() -> ExactSums.widenedWord(0, 0, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("index: must be 0, 1 or 2, was 3");
  }

  @Property(tries = 3000)
  void term_isItsUnitsRoundedToNearestTiesToEven(@ForAll("terms") double term) {
    assertUnitsRoundedToNearest(term);
  }

  @Test
  void term_isItsUnitsRoundedToNearest_atTheEdgesOfTheWords() {
    // The binades where a term leaves the low word (2^52 and up: 2^116 units and more), where it
    // is rounded (below 2^-12), and where it rounds to nothing (below 2^-65).
    double[] edges = {
      0x1p62, Math.nextDown(0x1p63), 0x1p53, Math.nextDown(0x1p53), 0x1p52, Math.nextDown(0x1p52),
      0x1p-11, 0x1p-12, Math.nextDown(0x1p-12), 0x1p-64, 0x3p-65, 0x1p-65, Math.nextUp(0x1p-65),
      0x1p-66, Double.MIN_NORMAL, Double.MIN_VALUE, 0.0};
    for (double edge : edges) {
      assertUnitsRoundedToNearest(edge);
      assertUnitsRoundedToNearest(-edge);
    }
  }

  private static void assertUnitsRoundedToNearest(double term) {
    BigDecimal unit = new BigDecimal(BigInteger.ONE.shiftLeft(64));
    BigInteger units = new BigDecimal(term).multiply(unit)
        .setScale(0, RoundingMode.HALF_EVEN)
        .toBigIntegerExact();
    long middle = ExactSums.termMiddle(term);

    assertThat(ExactSums.exactValue(middle >> 63, middle, ExactSums.termLow(term)))
        .as("units of %s", term)
        .isEqualByComparingTo(new BigDecimal(units).divide(unit, MathContext.UNLIMITED));
  }

  /**
   * Terms of every binade a term may have, subnormals too, and odd multiples of 2^-65: half a
   * unit, a tie.
   */
  @Provide
  Arbitrary<Double> terms() {
    Arbitrary<Double> anyBinade = Combinators.combine(
            Arbitraries.of(0L, 1L),
            Arbitraries.integers().between(0, 1023 + 62),
            Arbitraries.longs().between(0, (1L << 52) - 1))
        .as((sign, exponent, fraction) ->
            Double.longBitsToDouble(sign << 63 | (long) exponent << 52 | fraction));
    Arbitrary<Double> ties = Combinators.combine(
            Arbitraries.of(1.0, -1.0), Arbitraries.longs().between(0, (1L << 52) - 1))
        .as((sign, k) -> sign * Math.scalb((double) (2 * k + 1), -65));
    return Arbitraries.oneOf(anyBinade, ties);
  }

  @Property
  void value_isCorrectlyRounded_forAnyThreeWords(
      @ForAll long high, @ForAll long middle, @ForAll long low) {
    assertNearest(ExactSums.value(high, middle, low), ExactSums.exactValue(high, middle, low));
  }

  @Property
  void value_isCorrectlyRounded_nearTies(
      @ForAll @LongRange(min = -3, max = 3) long high, @ForAll long middle,
      @ForAll @LongRange(min = 0, max = 4095) long lowBits) {
    // Low words near 2^10 multiples put the rounding point at or next to a tie.
    long low = (lowBits << 52) | (lowBits & 3) << 9;
    assertNearest(ExactSums.value(high, middle, low), ExactSums.exactValue(high, middle, low));
  }

  @Property
  void quotient_isCorrectlyRounded(
      @ForAll @Size(min = 1, max = 20) List<@DoubleRange(min = -1e12, max = 1e12) @Scale(8) Double> terms,
      @ForAll @LongRange(min = 1, max = Long.MAX_VALUE) long divisor) {
    MergeableSum sum = new MergeableSum();
    terms.forEach(sum::add);
    assertNearestQuotient(sum.dividedBy(divisor), exactOf(sum), divisor);
  }

  @Property
  void quotient_ofSmallDivisors_isCorrectlyRounded(
      @ForAll @Size(min = 1, max = 20) List<@DoubleRange(min = -1, max = 1) @Scale(17) Double> terms,
      @ForAll @LongRange(min = 1, max = 1000) long divisor) {
    MergeableSum sum = new MergeableSum();
    terms.forEach(sum::add);
    assertNearestQuotient(sum.dividedBy(divisor), exactOf(sum), divisor);
  }

  @Property
  void quotient_ofAnyThreeWords_byADivisorBelowTwoTo31_isCorrectlyRounded(
      @ForAll long high, @ForAll long middle, @ForAll long low,
      @ForAll @LongRange(min = 1, max = Integer.MAX_VALUE) long divisor) {
    assertNearestQuotient(ExactSums.quotient(high, middle, low, divisor),
        ExactSums.exactValue(high, middle, low), divisor);
  }

  @Property
  void quotient_ofSmallMagnitudes_isCorrectlyRounded(
      @ForAll @LongRange(min = -1, max = 0) long sign, @ForAll long low,
      @ForAll @LongRange(min = 1, max = 1 << 20) long divisor) {
    // A few units, or a negative few: the quotient's leading digit comes late in the division.
    long high = sign;
    long middle = sign;
    assertNearestQuotient(ExactSums.quotient(high, middle, low, divisor),
        ExactSums.exactValue(high, middle, low), divisor);
  }

  @Property(tries = 2000)
  void quotient_nearATie_isCorrectlyRounded(
      @ForAll @LongRange(min = 1, max = Integer.MAX_VALUE) long anyDivisor,
      @ForAll @IntRange(min = 0, max = 30) int powerOfTwo,
      @ForAll boolean exactlyDivisible,
      @ForAll @LongRange(min = 0, max = (1L << 52) - 1) long j,
      @ForAll @IntRange(min = -2, max = 2) int offset,
      @ForAll @IntRange(min = 0, max = 100) int shift,
      @ForAll boolean negative) {
    // t = 2^53 + 2j + 1 has 54 bits and is odd, so t * 2^shift lies halfway between two doubles.
    // The sum is divisor * t * 2^shift + offset units: the quotient is a tie when offset is 0,
    // and otherwise lies just beside one, by a few units that only the sticky bit tells apart.
    // A divisor that is a power of two leaves no remainder, so those units must be found in the
    // quotient's own bits; a large shift puts them in dividend digits the division never reaches.
    long divisor = exactlyDivisible ? 1L << powerOfTwo : anyDivisor;
    BigInteger t = BigInteger.ONE.shiftLeft(53).add(BigInteger.valueOf(2 * j + 1));
    BigInteger units = BigInteger.valueOf(divisor).multiply(t).shiftLeft(shift)
        .add(BigInteger.valueOf(offset));
    if (negative) {
      units = units.negate();
    }
    long low = units.longValue();
    long middle = units.shiftRight(64).longValue();
    long high = units.shiftRight(128).longValue();

    assertNearestQuotient(ExactSums.quotient(high, middle, low, divisor),
        ExactSums.exactValue(high, middle, low), divisor);
  }

  @Test
  void quotient_byTheLargestShortDivisorAndBeyond_isCorrectlyRounded() {
    long[][] sums = {{0, 0, 1}, {-1, -1, -1}, {0, 3, 0x5555_5555_5555_5555L},
        {Long.MAX_VALUE, -1, -1}, {Long.MIN_VALUE, 0, 0}, {0, 1, 0}};
    for (long[] words : sums) {
      for (long divisor : new long[] {1, 3, Integer.MAX_VALUE, 1L + Integer.MAX_VALUE}) {
        assertNearestQuotient(ExactSums.quotient(words[0], words[1], words[2], divisor),
            ExactSums.exactValue(words[0], words[1], words[2]), divisor);
      }
    }
    // One unit over three: 2^-64 / 3, whose nearest double is the same as the division's.
    assertThat(ExactSums.quotient(0, 0, 1, 3)).isEqualTo(0x1p-64 / 3);
    // 0.1 * 3 / 3 is 0.1 again, by the short division (the sum is not a double).
    long[] words = threeTimesOneTenth();
    assertThat(ExactSums.quotient(words[0], words[1], words[2], 3)).isEqualTo(0.1);
  }

  @Test
  void quotient_byADivisorBelowTwoTo31_allocatesNothing() throws ReflectiveOperationException {
    long[] words = threeTimesOneTenth();
    ThreadAllocation allocation = new ThreadAllocation();
    double seen = 0;
    for (int i = 0; i < 200_000; i++) {
      seen += ExactSums.quotient(words[0], words[1], words[2] + i, 3 + (i & 1023));
    }

    long before = allocation.bytes();
    for (int i = 0; i < 100_000; i++) {
      seen += ExactSums.quotient(words[0], words[1], words[2] + i, 3 + (i & 1023));
    }
    long allocated = allocation.bytes() - before;

    // The counter itself may cost a few dozen bytes; 100,000 quotients must not cost one each.
    assertThat(allocated).isLessThan(1_000);
    assertThat(seen).isPositive();
  }

  /** The three words of the exact sum of 0.1 taken three times, which is not a double. */
  private static long[] threeTimesOneTenth() {
    long low = 0;
    long middle = 0;
    long high = 0;
    for (int i = 0; i < 3; i++) {
      long addLow = ExactSums.termLow(0.1);
      long addMiddle = ExactSums.termMiddle(0.1);
      long addHigh = addMiddle >> 63;
      high = ExactSums.highOfSum(high, middle, low, addHigh, addMiddle, addLow);
      middle = ExactSums.middleOfSum(middle, low, addMiddle, addLow);
      low += addLow;
    }
    assertThat(ExactSums.exactValue(high, middle, low))
        .isNotEqualByComparingTo(new BigDecimal(ExactSums.value(high, middle, low)));
    return new long[] {high, middle, low};
  }

  /** The exact value a sum holds, read from its serialized words. */
  static BigDecimal exactOf(MergeableSum sum) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      sum.writeTo(new DataOutputStream(bytes));
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
      return ExactSums.exactValue(in.readLong(), in.readLong(), in.readLong());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Checks that no double lies nearer to {@code exact} than {@code rounded}, ties to even. */
  static void assertNearest(double rounded, BigDecimal exact) {
    assertNearestQuotient(rounded, exact, 1);
  }

  private static void assertNearestQuotient(double rounded, BigDecimal dividend, long divisor) {
    assertThat(rounded).isFinite();
    // Compare |dividend - x * divisor| exactly for x = rounded and its two neighbours.
    BigDecimal by = BigDecimal.valueOf(divisor);
    BigDecimal mine = distance(dividend, rounded, by);
    BigDecimal below = distance(dividend, Math.nextDown(rounded), by);
    BigDecimal above = distance(dividend, Math.nextUp(rounded), by);
    assertThat(mine).as("%s vs next down", rounded).isLessThanOrEqualTo(below);
    assertThat(mine).as("%s vs next up", rounded).isLessThanOrEqualTo(above);
    boolean tie = mine.compareTo(below) == 0 || mine.compareTo(above) == 0;
    if (tie && rounded != 0) {
      assertThat(Double.doubleToRawLongBits(rounded) & 1).as("tie goes to even").isZero();
    }
  }

  private static BigDecimal distance(BigDecimal dividend, double x, BigDecimal divisor) {
    return dividend.subtract(new BigDecimal(x).multiply(divisor)).abs();
  }

  private static double nearest(BigDecimal dividend, long divisor) {
    return dividend.divide(BigDecimal.valueOf(divisor), new MathContext(60)).doubleValue();
  }

  private static MergeableSum copyOf(MergeableSum sum) {
    MergeableSum copy = new MergeableSum();
    copy.merge(sum);
    return copy;
  }
}
