package dev.chs.api.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class MergeableSumTest {
  @Test
  void addsTermsThatAreExactMultiplesWithoutError() {
    MergeableSum sum = new MergeableSum();
    sum.add(0.5);
    sum.add(0.25);
    sum.add(-1.75);
    assertThat(sum.value()).isEqualTo(-1.0);
  }

  @Test
  void givesTheSameBitsWherePlainAdditionDoesNot() {
    // (0.1 + 0.2) + 0.3 and 0.1 + (0.2 + 0.3) differ in plain double arithmetic.
    assertThat((0.1 + 0.2) + 0.3).isNotEqualTo(0.1 + (0.2 + 0.3));

    MergeableSum left = sumOf(0.1, 0.2);
    left.merge(sumOf(0.3));
    MergeableSum right = sumOf(0.1);
    right.merge(sumOf(0.2, 0.3));

    assertThat(left).isEqualTo(right);
    assertThat(left.value()).isEqualTo(right.value());
  }

  @Test
  void carriesAcrossAllThreeWordsInBothDirections() {
    // The largest term, 2^63 - 2^10, is about 2^127 units: eight of them carry into the high word.
    double largest = Math.nextDown(MergeableSum.MAX_TERM);
    MergeableSum sum = new MergeableSum();
    for (int i = 0; i < 8; i++) {
      sum.add(largest);
    }
    assertThat(sum.value()).isEqualTo(8 * largest);
    for (int i = 0; i < 8; i++) {
      sum.add(-largest);
    }
    assertThat(sum.isZero()).isTrue();
    assertThat(sum.value()).isZero();

    MergeableSum negative = sumOf(-3.5);
    assertThat(negative.value()).isEqualTo(-3.5);
    MergeableSum belowOneUnitOfTheLowWord = sumOf(-0x1p-64);
    assertThat(belowOneUnitOfTheLowWord.value()).isEqualTo(-0x1p-64);
  }

  @Test
  void keepsLargeSumsExact() {
    MergeableSum sum = new MergeableSum();
    for (int i = 0; i < 16; i++) {
      sum.add(2e9);
    }
    assertThat(sum.value()).isEqualTo(3.2e10);
  }

  @Test
  void takesDecimalTermsExactly_soTheirMeanReadsBackAsTyped() {
    // 0.53 and 0.3 are not multiples of 2^-32, but, being above 2^-12, are multiples of 2^-64.
    assertThat(sumOf(0.53).value()).isEqualTo(0.53);
    assertThat(sumOf(-0.3).value()).isEqualTo(-0.3);
    assertThat(sumOf(0.53, 0.53, 0.53).dividedBy(3)).isEqualTo(0.53);
    // 0.1 + 0.2 in doubles is 0.30000000000000004; the exact sum of the two doubles rounds to
    // 0.30000000000000004 too, since 0.1d + 0.2d exceeds 0.3d by more than half an ulp.
    assertThat(sumOf(0.1, 0.2).value()).isEqualTo(0.30000000000000004);
  }

  @Test
  void roundsTermsBelowTwoToTheMinus64_toTheNearestUnit_tiesToEven() {
    assertThat(sumOf(0x1.8p-65).value()).isEqualTo(0x1p-64); // 0.75 units: up to 1
    assertThat(sumOf(0x1p-65).value()).isZero(); // half a unit, tie: down to the even 0
    assertThat(sumOf(0x1.8p-64).value()).isEqualTo(0x1p-63); // 1.5 units, tie: up to even 2
    assertThat(sumOf(-0x1.8p-64).value()).isEqualTo(-0x1p-63);
    assertThat(sumOf(Double.MIN_VALUE).isZero()).isTrue();
    // Exactly representable: 2^-12 + 2^-64 has 53 significant bits ending at 2^-64.
    assertThat(sumOf(0x1p-12 + 0x1p-64).value()).isEqualTo(0x1p-12 + 0x1p-64);
  }

  @Test
  @Tag("API-36")
  void rejectsTermsItCannotHold() {
    MergeableSum sum = new MergeableSum();
    assertThatThrownBy(() -> sum.add(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("term: must be finite and smaller than 2^63 in magnitude, was NaN");
    assertThatThrownBy(() -> sum.add(MergeableSum.MAX_TERM))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> sum.add(Double.NEGATIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void equalsASumOfTheSameExactValue_whateverItsTerms() {
    MergeableSum halves = new MergeableSum();
    halves.add(1.5);
    halves.add(1.5);
    MergeableSum whole = new MergeableSum();
    whole.add(3.0);
    MergeableSum more = new MergeableSum();
    more.add(3.0);
    more.add(0x1p-60);

    assertThat(halves).isEqualTo(whole).hasSameHashCodeAs(whole).hasToString("3.0");
    assertThat(more).isNotEqualTo(whole);
    assertThat(whole).isNotEqualTo(3.0);
  }

  @Test
  void isZeroOnlyWhenItsTermsCancelExactly() {
    MergeableSum sum = new MergeableSum();
    assertThat(sum.isZero()).isTrue();
    sum.add(0.1);
    sum.add(-0.1);
    assertThat(sum.isZero()).isTrue();
    sum.add(0x1p-64);
    assertThat(sum.isZero()).isFalse();
  }

  @Test
  void survivesARoundTrip() throws IOException {
    MergeableSum sum = sumOf(0.1, -7.25, 1e6);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    sum.writeTo(new DataOutputStream(bytes));
    assertThat(bytes.size()).isEqualTo(24);
    MergeableSum read =
        MergeableSum.readFrom(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    assertThat(read).isEqualTo(sum);
  }

  @Test
  void readsThe128BitFormInUnitsOfTwoToTheMinus32_exactly() throws IOException {
    // -3.25 in the earlier form: -3.25 * 2^32 as a 128-bit two's complement (high -1, low ...).
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeLong(-1);
    out.writeLong(-13_958_643_712L); // -3.25 * 2^32
    MergeableSum read =
        MergeableSum.read128From(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));

    assertThat(read).isEqualTo(sumOf(-3.25));
    // 0.3 was stored rounded to 1288490189 units of 2^-32; it reads back as that value exactly.
    bytes.reset();
    out.writeLong(0);
    out.writeLong(1_288_490_189L);
    MergeableSum rounded =
        MergeableSum.read128From(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    assertThat(rounded.value()).isEqualTo(1_288_490_189 * 0x1p-32);
  }

  @Property
  void value_isTheExactSumCorrectlyRounded(
      @ForAll @Size(max = 40) List<@DoubleRange(min = -1e15, max = 1e15) @Scale(10) Double> terms) {
    MergeableSum sum = new MergeableSum();
    BigDecimal exact = BigDecimal.ZERO;
    for (double term : terms) {
      sum.add(term);
      exact = exact.add(new BigDecimal(term));
    }
    if (terms.stream().allMatch(t -> t == 0 || Math.abs(t) >= 0x1p-12)) {
      assertThat(ExactSumsTest.exactOf(sum)).isEqualByComparingTo(exact);
    }
    ExactSumsTest.assertNearest(sum.value(), ExactSumsTest.exactOf(sum));
  }

  @Property
  void doesNotDependOnOrderOrGrouping(
      @ForAll @Size(max = 60) List<@DoubleRange(min = -1e6, max = 1e6) Double> terms,
      @ForAll long seed) {
    MergeableSum single = new MergeableSum();
    terms.forEach(single::add);

    List<Double> shuffled = new ArrayList<>(terms);
    Random random = new Random(seed);
    Collections.shuffle(shuffled, random);
    MergeableSum merged = new MergeableSum();
    MergeableSum part = new MergeableSum();
    for (double term : shuffled) {
      part.add(term);
      if (random.nextInt(4) == 0) {
        merged.merge(part);
        part = new MergeableSum();
      }
    }
    merged.merge(part);

    assertThat(merged).isEqualTo(single);
    assertThat(merged.value()).isEqualTo(single.value());
  }

  @Property
  void staysWithinHalfAUnitPerSmallTermOfTheExactSum(
      @ForAll @Size(max = 60) List<@DoubleRange(min = -1e-3, max = 1e-3) @Scale(25) Double> terms) {
    MergeableSum sum = new MergeableSum();
    BigDecimal exact = BigDecimal.ZERO;
    for (double term : terms) {
      sum.add(term);
      exact = exact.add(new BigDecimal(term));
    }
    BigDecimal held = ExactSumsTest.exactOf(sum);
    BigDecimal bound = new BigDecimal(0x1p-65).multiply(BigDecimal.valueOf(terms.size()));
    assertThat(held.subtract(exact).abs()).isLessThanOrEqualTo(bound);
  }

  @Test
  void addMergeAndValueAllocateNothing() throws ReflectiveOperationException {
    double[] terms = {0.53, -0.3, 1e12, 0x1p-70, -7.25, 0.1};
    MergeableSum sum = new MergeableSum();
    MergeableSum other = sumOf(0.2, -0.41);
    ThreadAllocation allocation = new ThreadAllocation();
    double seen = 0;
    for (int i = 0; i < 200_000; i++) {
      sum.add(terms[i % terms.length]);
      sum.merge(other);
      seen += sum.value();
    }

    long before = allocation.bytes();
    for (int i = 0; i < 100_000; i++) {
      sum.add(terms[i % terms.length]);
      sum.merge(other);
      seen += sum.value();
    }
    long allocated = allocation.bytes() - before;

    // The counter itself may cost a few dozen bytes; 100,000 rounds must not cost one each.
    assertThat(allocated).isLessThan(1_000);
    assertThat(seen).isNotZero();
  }

  private static MergeableSum sumOf(double... terms) {
    MergeableSum sum = new MergeableSum();
    for (double term : terms) {
      sum.add(term);
    }
    return sum;
  }
}
