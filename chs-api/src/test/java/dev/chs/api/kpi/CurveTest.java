package dev.chs.api.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.chs.api.kpi.Curve.Linear;
import dev.chs.api.kpi.Curve.Piecewise;
import dev.chs.api.kpi.Curve.Point;
import dev.chs.api.kpi.Curve.Step;
import dev.chs.api.kpi.Curve.Steps;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class CurveTest {
  @Test
  void linearRisesFromWorstToBestAndIsFlatBeyond() {
    Linear curve = new Linear(0.5, 0.9);
    assertThat(curve.score(0.5)).isZero();
    assertThat(curve.score(0.7)).isCloseTo(50, within(1e-12)); // (0.7 - 0.5) / 0.4 = 0.5
    assertThat(curve.score(0.9)).isEqualTo(100);
    assertThat(curve.score(0.1)).isZero();
    assertThat(curve.score(3)).isEqualTo(100);
  }

  @Test
  void linearRunsDownhillWhenLowerIsBetter() {
    Linear curve = new Linear(10, 0);
    assertThat(curve.score(0)).isEqualTo(100);
    assertThat(curve.score(2)).isCloseTo(80, within(1e-12)); // (2 - 10) / (0 - 10) = 0.8
    assertThat(curve.score(10)).isZero();
    assertThat(curve.score(25)).isZero();
  }

  @Test
  void linearRejectsEqualEnds() {
    assertThatThrownBy(() -> new Linear(1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("best: must differ from worst (1.0), was 1.0");
  }

  @Test
  void linearRejectsEndsWhoseDistanceOverflows() {
    // Its slope would be 0 and its score NaN at best: (MAX - -MAX) / (MAX - -MAX) is inf / inf.
    assertThatThrownBy(() -> new Linear(-Double.MAX_VALUE, Double.MAX_VALUE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("best: must lie a finite distance from worst (-1.7976931348623157E308), was"
            + " 1.7976931348623157E308");
    assertThat(new Linear(-1e307, 1e308).score(Double.MAX_VALUE)).isEqualTo(100);
  }

  @Test
  void piecewiseRejectsNeighboursWhoseDistanceOverflows() {
    // Far apart, but each a finite distance from the one before.
    Piecewise wide = Piecewise.of(
        new Point(-1, 0), new Point(1e308, 50), new Point(Double.MAX_VALUE, 100));
    assertThat(wide.score(Double.MAX_VALUE)).isEqualTo(100);
    assertThatThrownBy(() -> Piecewise.of(new Point(-1e308, 0), new Point(1e308, 100)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("points[1].x: must lie a finite distance from points[0].x (-1.0E308), was"
            + " 1.0E308");
  }

  @Test
  void piecewiseInterpolatesBetweenBreakpoints() {
    Piecewise curve = Piecewise.of(new Point(0, 100), new Point(2, 80), new Point(5, 50));
    assertThat(curve.score(-1)).isEqualTo(100);
    assertThat(curve.score(0)).isEqualTo(100);
    assertThat(curve.score(1)).isCloseTo(90, within(1e-12)); // halfway from 100 to 80
    assertThat(curve.score(2)).isEqualTo(80);
    assertThat(curve.score(3.5)).isCloseTo(65, within(1e-12)); // halfway from 80 to 50
    assertThat(curve.score(5)).isEqualTo(50);
    assertThat(curve.score(99)).isEqualTo(50);
  }

  @Test
  void piecewiseRejectsBreakpointsOutOfOrder() {
    assertThatThrownBy(() -> Piecewise.of(new Point(1, 0), new Point(1, 50)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("points[1].x: must be greater than points[0].x (1.0), was 1.0");
    assertThatThrownBy(() -> new Piecewise(List.of(new Point(1, 0))))
        .hasMessage("points: must hold at least 2 breakpoints, was 1");
    assertThatThrownBy(() -> new Point(0, 101))
        .hasMessage("score: must be in [0.0, 100.0], was 101.0");
  }

  @Test
  void stepsTakeTheScoreOfTheLastStepReached() {
    Steps curve = Steps.of(100, new Step(1, 40), new Step(2, 20), new Step(3, 0));
    assertThat(curve.score(0)).isEqualTo(100);
    assertThat(curve.score(0.999)).isEqualTo(100);
    assertThat(curve.score(1)).isEqualTo(40);
    assertThat(curve.score(2.5)).isEqualTo(20);
    assertThat(curve.score(3)).isZero();
    assertThat(curve.score(1e9)).isZero();
  }

  @Test
  void stepsRejectStepsOutOfOrderAndEmptySteps() {
    assertThatThrownBy(() -> Steps.of(100, new Step(2, 40), new Step(1, 20)))
        .hasMessage("steps[1].from: must be greater than steps[0].from (2.0), was 1.0");
    assertThatThrownBy(() -> new Steps(100, List.of()))
        .hasMessage("steps: must hold at least 1 step, was 0");
  }

  @Property
  void everyCurveScoresWithinBounds(
      @ForAll("curves") Curve curve, @ForAll @DoubleRange(min = -1e6, max = 1e6) double x) {
    assertThat(curve.score(x)).isBetween(0.0, 100.0);
  }

  @Property
  void linearCurvesAreMonotoneInTheirDirection(
      @ForAll @DoubleRange(min = -100, max = 100) double worst,
      @ForAll @DoubleRange(min = -100, max = 100) double best,
      @ForAll @DoubleRange(min = -200, max = 200) double a,
      @ForAll @DoubleRange(min = -200, max = 200) double b) {
    if (worst == best) {
      return;
    }
    Linear curve = new Linear(worst, best);
    double towardsBest = Math.signum(best - worst);
    double lo = Math.min(a, b);
    double hi = Math.max(a, b);
    if (towardsBest > 0) {
      assertThat(curve.score(hi)).isGreaterThanOrEqualTo(curve.score(lo));
    } else {
      assertThat(curve.score(lo)).isGreaterThanOrEqualTo(curve.score(hi));
    }
  }

  @Provide
  Arbitrary<Curve> curves() {
    Arbitrary<Double> x = Arbitraries.doubles().between(-1000, 1000);
    Arbitrary<Double> score = Arbitraries.doubles().between(0, 100);
    Arbitrary<Curve> linear =
        Combinators.combine(x, x).filter((w, b) -> !w.equals(b)).as(Linear::new);
    Arbitrary<Curve> piecewise =
        Combinators.combine(x.set().ofMinSize(2).ofMaxSize(6), score.list().ofSize(6))
            .as((xs, scores) -> {
              List<Double> sorted = xs.stream().sorted().toList();
              return new Piecewise(
                  java.util.stream.IntStream.range(0, sorted.size())
                      .mapToObj(i -> new Point(sorted.get(i), scores.get(i)))
                      .toList());
            });
    Arbitrary<Curve> steps =
        Combinators.combine(score, x.set().ofMinSize(1).ofMaxSize(5), score.list().ofSize(5))
            .as((below, froms, scores) -> {
              List<Double> sorted = froms.stream().sorted().toList();
              return new Steps(
                  below,
                  java.util.stream.IntStream.range(0, sorted.size())
                      .mapToObj(i -> new Step(sorted.get(i), scores.get(i)))
                      .toList());
            });
    return Arbitraries.oneOf(linear, piecewise, steps);
  }
}
