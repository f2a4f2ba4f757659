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
import net.jqwik.api.constraints.Size;
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
  void carriesAcrossTheLowWordInBothDirections() {
    MergeableSum sum = new MergeableSum();
    for (int i = 0; i < 8; i++) {
      sum.add(MergeableSum.MAX_TERM - 1); // 8 * (2^31 - 1) * 2^32 overflows one long
    }
    for (int i = 0; i < 8; i++) {
      sum.add(-(MergeableSum.MAX_TERM - 1));
    }
    assertThat(sum.isZero()).isTrue();
    assertThat(sum.value()).isZero();

    MergeableSum negative = sumOf(-3.5);
    assertThat(negative.value()).isEqualTo(-3.5);
  }

  @Test
  void keepsLargeSumsAccurate() {
    MergeableSum sum = new MergeableSum();
    for (int i = 0; i < 16; i++) {
      sum.add(2e9);
    }
    assertThat(sum.value()).isEqualTo(3.2e10);
  }

  @Test
  void rejectsTermsItCannotHold() {
    MergeableSum sum = new MergeableSum();
    assertThatThrownBy(() -> sum.add(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("term: must be finite and smaller than 2^31 in magnitude, was NaN");
    assertThatThrownBy(() -> sum.add(MergeableSum.MAX_TERM))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> sum.add(Double.NEGATIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void survivesARoundTrip() throws IOException {
    MergeableSum sum = sumOf(0.1, -7.25, 1e6);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    sum.writeTo(new DataOutputStream(bytes));
    assertThat(bytes.size()).isEqualTo(16);
    MergeableSum read =
        MergeableSum.readFrom(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    assertThat(read).isEqualTo(sum);
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
  void staysWithinHalfAUnitPerTermOfTheExactSum(
      @ForAll @Size(max = 60) List<@DoubleRange(min = -1e3, max = 1e3) Double> terms) {
    MergeableSum sum = new MergeableSum();
    BigDecimal exact = BigDecimal.ZERO;
    for (double term : terms) {
      sum.add(term);
      exact = exact.add(new BigDecimal(term));
    }
    double bound = terms.size() * 0x1p-33 + Math.ulp(exact.doubleValue());
    assertThat(Math.abs(sum.value() - exact.doubleValue())).isLessThanOrEqualTo(bound);
  }

  private static MergeableSum sumOf(double... terms) {
    MergeableSum sum = new MergeableSum();
    for (double term : terms) {
      sum.add(term);
    }
    return sum;
  }
}
