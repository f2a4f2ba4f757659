package dev.chs.core.score;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chs.api.kpi.Curve;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class CompiledCurvesProperties {
  record Case(List<Curve> curves, double x) {}

  @Provide
  Arbitrary<Case> cases() {
    Arbitrary<Curve> curve = Arbitraries.oneOf(linear(), piecewise(), steps(), wide());
    return curve.list().ofMinSize(1).ofMaxSize(4).flatMap(curves -> xNear(curves)
        .map(x -> new Case(curves, x)));
  }

  @Property(tries = 2000)
  void compiledCurvesScoreExactlyAsTheCurvesDo(@ForAll("cases") Case c) {
    CompiledCurves compiled = new CompiledCurves(c.curves().toArray(Curve[]::new));

    for (int k = 0; k < c.curves().size(); k++) {
      assertThat(compiled.score(k, c.x()))
          .as("curve %s at %s", c.curves().get(k), c.x())
          .isEqualTo(Double.valueOf(c.curves().get(k).score(c.x())));
    }
  }

  @Property(tries = 1000)
  void blocksOfRowsAddEachCurvesScoreTimesItsShareExactly(
      @ForAll("cases") Case c, @ForAll("shares") double share) {
    Curve[] curves = c.curves().toArray(Curve[]::new);
    CompiledCurves compiled = new CompiledCurves(curves);
    // Row 0 reads the case's input with the given share; row 1 a NaN, which the columnar scorer
    // turns into 0 with a share of 0.
    double[] inputs = {c.x(), 0};
    int[] entries = {0, 1};
    double[] shareOfKpi = {share, 0};

    for (int k = 0; k < curves.length; k++) {
      double[] points = {7.25, 0};
      compiled.addPoints(k, inputs, 2, entries, shareOfKpi, new CompiledCurves.Scratch(2), points);

      assertThat(points[0])
          .as("curve %s at %s", curves[k], c.x())
          .isEqualTo(Double.valueOf(7.25 + share * curves[k].score(c.x())));
      assertThat(points[1]).as("curve %s at NaN", curves[k]).isEqualTo(0.0);
    }
  }

  @Provide
  Arbitrary<Double> shares() {
    return Arbitraries.doubles().between(0, 1);
  }

  /** Inputs anywhere, or exactly at, or one ulp beside, a breakpoint of one of the curves. */
  private static Arbitrary<Double> xNear(List<Curve> curves) {
    List<Double> edges = new ArrayList<>();
    for (Curve curve : curves) {
      List<Double> xs = new ArrayList<>();
      if (curve instanceof Curve.Linear l) {
        xs.add(l.worst());
        xs.add(l.best());
      } else if (curve instanceof Curve.Piecewise p) {
        p.points().forEach(point -> xs.add(point.x()));
      } else if (curve instanceof Curve.Steps s) {
        s.steps().forEach(step -> xs.add(step.from()));
      }
      for (double x : xs) {
        for (double near : new double[] {Math.nextDown(x), x, Math.nextUp(x)}) {
          if (Double.isFinite(near)) {
            edges.add(near);
          }
        }
      }
    }
    return Arbitraries.oneOf(
        Arbitraries.of(edges),
        Arbitraries.doubles().between(-200, 200).ofScale(7),
        Arbitraries.of(-Double.MAX_VALUE, -1e300, -Double.MIN_VALUE, -0.0, 0.0, Double.MIN_VALUE,
            1e300, Double.MAX_VALUE));
  }

  private static Arbitrary<Double> values() {
    return Arbitraries.doubles().between(-100, 100).ofScale(3);
  }

  private static Arbitrary<Double> scores() {
    return Arbitraries.doubles().between(0, 100).ofScale(2);
  }

  private static Arbitrary<Curve> linear() {
    return Combinators.combine(values(), values())
        .filter((worst, best) -> !worst.equals(best))
        .as(Curve.Linear::new);
  }

  private static Arbitrary<Curve> piecewise() {
    return Combinators.combine(values(), scores()).as(Curve.Point::new)
        .list().ofMinSize(2).ofMaxSize(8).uniqueElements(Curve.Point::x)
        .map(points -> {
          List<Curve.Point> sorted = new ArrayList<>(points);
          sorted.sort((a, b) -> Double.compare(a.x(), b.x()));
          return new Curve.Piecewise(sorted);
        });
  }

  /** Piecewise curves with breakpoints as far apart as a curve allows. */
  private static Arbitrary<Curve> wide() {
    Arbitrary<Double> x = Arbitraries.of(
        -Double.MAX_VALUE, -1e300, -1.0, 0.0, 1e-300, 1.0, 1e300, 1e308, Double.MAX_VALUE);
    return Combinators.combine(x, scores()).as(Curve.Point::new)
        .list().ofMinSize(2).ofMaxSize(5).uniqueElements(Curve.Point::x)
        .map(points -> {
          List<Curve.Point> sorted = new ArrayList<>(points);
          sorted.sort((a, b) -> Double.compare(a.x(), b.x()));
          return sorted;
        })
        .filter(points -> {
          for (int i = 1; i < points.size(); i++) {
            if (Double.isInfinite(points.get(i).x() - points.get(i - 1).x())) {
              return false;
            }
          }
          return true;
        })
        .map(Curve.Piecewise::new);
  }

  private static Arbitrary<Curve> steps() {
    return Combinators.combine(
        scores(),
        Combinators.combine(values(), scores()).as(Curve.Step::new)
            .list().ofMinSize(1).ofMaxSize(6).uniqueElements(Curve.Step::from))
        .as((below, steps) -> {
          List<Curve.Step> sorted = new ArrayList<>(steps);
          sorted.sort((a, b) -> Double.compare(a.from(), b.from()));
          return new Curve.Steps(below, sorted);
        });
  }
}
