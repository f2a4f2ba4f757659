package dev.chs.core.score;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chs.api.kpi.Curve;
import dev.chs.api.kpi.Curve.Point;
import dev.chs.api.kpi.Curve.Step;
import org.junit.jupiter.api.Test;

class CompiledCurvesTest {
  /** Adds curve 0's points for the inputs, each with a share of 1, to zeros. */
  private static double[] points(Curve curve, double... inputs) {
    CompiledCurves compiled = new CompiledCurves(new Curve[] {curve});
    double[] points = new double[inputs.length];
    compiled.addPoints(0, inputs, inputs.length, new int[inputs.length], new double[] {1},
        new CompiledCurves.Scratch(inputs.length), points);
    return points;
  }

  @Test
  void selectsEachRowsSegmentAtAndBetweenTheBreakpoints() {
    Curve curve = Curve.Piecewise.of(new Point(0, 100), new Point(2, 80), new Point(5, 50));

    // Flat before 0 and after 5; 100 - 10x up to 2; 80 - 10(x - 2) from 2 to 5.
    assertThat(points(curve, -1, 0, 1, 2, 3.5, 5, 9))
        .containsExactly(100, 100, 90, 80, 65, 50, 50);
  }

  @Test
  void scoresStepsFromEachStepsStartOn() {
    Curve curve = Curve.Steps.of(100, new Step(1, 40), new Step(2, 20), new Step(3, 0));

    assertThat(points(curve, 0, Math.nextDown(1.0), 1, 1.5, 2, 2.999, 3, 1e300))
        .containsExactly(100, 100, 40, 40, 20, 20, 0, 0);
  }

  @Test
  void keepsInputsFarOutsideASegmentFromSpoilingTheSegmentThatHoldsThem() {
    Curve curve = Curve.Piecewise.of(new Point(-1, 0), new Point(1, 100));

    // Scored unclamped, the segment's line at -MAX_VALUE would overflow and spoil the sum.
    assertThat(points(curve, -Double.MAX_VALUE, -1e300, 0, 1e300, Double.MAX_VALUE))
        .containsExactly(0, 0, 50, 100, 100);
  }

  @Test
  void scoresCurvesTooWideOrTooSteepToClampEachInputOnceSegmentBySegment() {
    // Breakpoints 2e308 apart in all; a rise of 100 over 2^-1000 seen from 2^40 away.
    Curve wide = Curve.Piecewise.of(new Point(-1e308, 0), new Point(0, 50), new Point(1e308, 100));
    Curve steep = Curve.Piecewise.of(
        new Point(0, 0), new Point(0x1p-1000, 100), new Point(0x1p40, 100));
    Curve usual = Curve.Piecewise.of(new Point(0, 100), new Point(2, 80));

    CompiledCurves compiled = new CompiledCurves(new Curve[] {wide, steep, usual});

    assertThat(compiled.narrow).containsExactly(false, false, true);
    // Both through one scratch, as a block's KPIs are.
    CompiledCurves.Scratch scratch = new CompiledCurves.Scratch(5);
    assertThat(points(compiled, 0, scratch, -Double.MAX_VALUE, -1e308, 0, 1e308, Double.MAX_VALUE))
        .containsExactly(0, 0, 50, 100, 100);
    // 2^-1001 is halfway up the rise.
    assertThat(points(compiled, 1, scratch, -1, 0x1p-1001, 0x1p-1000, 1, Double.MAX_VALUE))
        .containsExactly(0, 50, 100, 100, 100);
  }

  @Test
  void scoresZeroAtABreakpointWrittenAsMinusZeroOnTheSegmentBelowItAsTheCurveDoes() {
    // The curve takes 0.0 <= -0.0, so a zero input lies on the segment that ends at -0.0, whose
    // line there is 0.2 + 1 * (0.9 - 0.2), one ulp below 0.9, and not on the segment that starts
    // there, whose line there is 0.9.
    Curve curve =
        Curve.Piecewise.of(new Point(-1, 0.2), new Point(-0.0, 0.9), new Point(1, 100));
    CompiledCurves compiled = new CompiledCurves(new Curve[] {curve});

    assertThat(curve.score(0.0)).isEqualTo(Math.nextDown(0.9));
    for (double zero : new double[] {0.0, -0.0}) {
      assertThat(compiled.score(0, zero)).isEqualTo(curve.score(zero));
      assertThat(points(curve, zero)).containsExactly(curve.score(zero));
    }
  }

  /** Adds curve k's points for the inputs, each with a share of 1, to zeros. */
  private static double[] points(
      CompiledCurves compiled, int k, CompiledCurves.Scratch scratch, double... inputs) {
    double[] points = new double[inputs.length];
    compiled.addPoints(
        k, inputs, inputs.length, new int[inputs.length], new double[] {1}, scratch, points);
    return points;
  }
}
