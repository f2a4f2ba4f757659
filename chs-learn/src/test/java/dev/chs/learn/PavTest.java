package dev.chs.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.chs.learn.internal.Pav;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class PavTest {
  @Test
  void poolsAdjacentViolatorsByHand() {
    // 3 > 2 pools to 2.5; then 4 > 2 pools to 3, which keeps order with 2.5.
    double[] fit = Pav.increasing(new double[] {1, 3, 2, 4, 2}, new double[] {1, 1, 1, 1, 1});

    assertThat(fit).containsExactly(1, 2.5, 2.5, 3, 3);
  }

  @Test
  void weighsEachTargetByItsWeight() {
    // 4 (weight 3) and 0 (weight 1) pool to 3; then 3 and 2 (weight 4) pool to 2.5.
    double[] fit = Pav.increasing(new double[] {4, 0, 2}, new double[] {3, 1, 4});

    assertThat(fit).containsExactly(2.5, 2.5, 2.5);
  }

  @Test
  void fitsADecreasingSequenceForANegativeSign() {
    double[] fit = Pav.monotone(new double[] {1, 3, 0}, new double[] {1, 1, 1}, -1);

    assertThat(fit).containsExactly(2, 2, 0);
  }

  @Property(tries = 200)
  void isMonotoneAndKeepsTheWeightedMean(
      @ForAll @Size(min = 1, max = 40) List<@DoubleRange(min = -5, max = 5) Double> targets) {
    double[] y = targets.stream().mapToDouble(Double::doubleValue).toArray();
    double[] w = new double[y.length];
    double mean = 0;
    double total = 0;
    for (int i = 0; i < y.length; i++) {
      w[i] = 1 + (i % 3);
      mean += w[i] * y[i];
      total += w[i];
    }
    double[] fit = Pav.increasing(y, w);

    double fitted = 0;
    for (int i = 0; i < y.length; i++) {
      fitted += w[i] * fit[i];
      if (i > 0) {
        assertThat(fit[i]).isGreaterThanOrEqualTo(fit[i - 1]);
      }
    }
    assertThat(fitted / total).isCloseTo(mean / total, within(1e-9));
  }
}
