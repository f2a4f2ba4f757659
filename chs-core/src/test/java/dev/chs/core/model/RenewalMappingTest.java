package dev.chs.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class RenewalMappingTest {
  private static final RenewalMapping.Isotonic ISOTONIC = RenewalMapping.Isotonic.of(
      new RenewalMapping.Point(20, 0.1), new RenewalMapping.Point(50, 0.4),
      new RenewalMapping.Point(60, 0.4), new RenewalMapping.Point(90, 0.95));

  @Test
  void isotonicIsExactAtItsPoints() {
    assertThat(ISOTONIC.probability(20)).isEqualTo(0.1);
    assertThat(ISOTONIC.probability(50)).isEqualTo(0.4);
    assertThat(ISOTONIC.probability(60)).isEqualTo(0.4);
    assertThat(ISOTONIC.probability(90)).isEqualTo(0.95);
  }

  @Test
  void isotonicIsLinearBetweenItsPoints() {
    assertThat(ISOTONIC.probability(35)).isCloseTo(0.25, within(1e-15));
    assertThat(ISOTONIC.probability(55)).isEqualTo(0.4);
    assertThat(ISOTONIC.probability(70)).isCloseTo(0.4 + 0.55 / 3, within(1e-15));
  }

  @Test
  void isotonicIsFlatBeyondItsEnds() {
    assertThat(ISOTONIC.probability(0)).isEqualTo(0.1);
    assertThat(ISOTONIC.probability(19.999)).isEqualTo(0.1);
    assertThat(ISOTONIC.probability(90.001)).isEqualTo(0.95);
    assertThat(ISOTONIC.probability(100)).isEqualTo(0.95);
    assertThat(ISOTONIC.probability(Double.NaN)).isNaN();
  }

  @Test
  void isotonicNeedsTwoPoints() {
    assertThatThrownBy(() -> RenewalMapping.Isotonic.of(new RenewalMapping.Point(50, 0.5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("points: must hold at least 2 points, was 1");
  }

  @Test
  void isotonicScoresMustIncreaseStrictly() {
    assertThatThrownBy(() -> RenewalMapping.Isotonic.of(new RenewalMapping.Point(10, 0.1),
            new RenewalMapping.Point(50, 0.2), new RenewalMapping.Point(50, 0.3)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("points[2]: scores must increase strictly, was 50.0 after 50.0");
  }

  @Test
  void isotonicProbabilitiesMustNotDecrease() {
    assertThatThrownBy(() -> RenewalMapping.Isotonic.of(new RenewalMapping.Point(10, 0.5),
            new RenewalMapping.Point(50, 0.4)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("points[1]: probabilities must not decrease, was 0.4 after 0.5");
  }

  @Test
  void pointsStayInTheirRanges() {
    assertThatThrownBy(() -> new RenewalMapping.Point(100.5, 0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("score: must be in [0, 100], was 100.5");
    assertThatThrownBy(() -> new RenewalMapping.Point(Double.NaN, 0.5))
        .hasMessage("score: must be in [0, 100], was NaN");
    assertThatThrownBy(() -> new RenewalMapping.Point(50, -0.1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("probability: must be in [0, 1], was -0.1");
  }

  @Property(tries = 300)
  void isotonicNeverFallsAndStaysBetweenItsEnds(
      @ForAll("mappings") RenewalMapping.Isotonic mapping,
      @ForAll @DoubleRange(min = -10, max = 110) double a,
      @ForAll @DoubleRange(min = -10, max = 110) double b) {
    double low = Math.min(a, b);
    double high = Math.max(a, b);
    List<RenewalMapping.Point> points = mapping.points();

    assertThat(mapping.probability(low)).isLessThanOrEqualTo(mapping.probability(high));
    assertThat(mapping.probability(low))
        .isBetween(points.get(0).probability(), points.get(points.size() - 1).probability());
  }

  @Provide
  Arbitrary<RenewalMapping.Isotonic> mappings() {
    return Arbitraries.doubles().between(0, 1).list().ofMinSize(2).ofMaxSize(12)
        .map(RenewalMappingTest::isotonicOf);
  }

  /** Turns random steps into points at spread-out scores with rising probabilities. */
  private static RenewalMapping.Isotonic isotonicOf(List<Double> steps) {
    double total = steps.stream().mapToDouble(Double::doubleValue).sum() + 1;
    List<RenewalMapping.Point> points = new ArrayList<>();
    double probability = 0;
    for (int i = 0; i < steps.size(); i++) {
      probability = Math.min(1, probability + steps.get(i) / total);
      points.add(new RenewalMapping.Point(100.0 * i / (steps.size() - 1), probability));
    }
    return new RenewalMapping.Isotonic(points);
  }
}
