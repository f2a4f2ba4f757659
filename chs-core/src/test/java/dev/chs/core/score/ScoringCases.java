package dev.chs.core.score;

import dev.chs.api.CloudId;
import dev.chs.api.kpi.Curve;
import dev.chs.api.kpi.KpiValue;
import dev.chs.core.model.HealthModel;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** Random models and KPI values for the scoring properties. */
final class ScoringCases {
  static final CloudId SALES = CloudId.of("sales");
  static final CloudId SERVICE = CloudId.of("service");
  static final List<CloudId> CLOUDS = List.of(SALES, SERVICE);

  private static final List<Curve> CURVES = List.of(
      new Curve.Linear(0, 100),
      new Curve.Linear(10, -5),
      Curve.Piecewise.of(new Curve.Point(-1, 0), new Curve.Point(0, 60), new Curve.Point(3, 100)),
      Curve.Steps.of(5, new Curve.Step(0, 40), new Curve.Step(50, 80), new Curve.Step(90, 100)));

  private ScoringCases() {}

  /**
   * A model's KPIs: default weights, weights in service (negative for no override), curves; and
   * its minimum coverage.
   */
  record ModelCase(double[] weights, double[] serviceWeights, int[] curves, double minimum) {
    int size() {
      return weights.length;
    }

    HealthModel model(double scale) {
      HealthModel.Builder builder = HealthModel.builder().minimumCoverage(minimum);
      for (int i = 0; i < weights.length; i++) {
        builder.kpi(new FakeKpi("k" + i, CURVES.get(curves[i])), weights[i] * scale);
        if (serviceWeights[i] >= 0) {
          builder.cloudWeight("k" + i, SERVICE, serviceWeights[i] * scale);
        }
      }
      return builder.build();
    }

    HealthModel model() {
      return model(1);
    }

    boolean anyWeight() {
      for (int i = 0; i < weights.length; i++) {
        if (weights[i] > 0 || serviceWeights[i] > 0) {
          return true;
        }
      }
      return false;
    }
  }

  static Arbitrary<ModelCase> models() {
    return Arbitraries.integers().between(1, 6).flatMap(n -> Combinators.combine(
            weights(n), overrides(n), Arbitraries.integers().between(0, CURVES.size() - 1)
                .array(int[].class).ofSize(n),
            Arbitraries.of(0.0, 0.25, 0.5, 0.6, 1.0))
        .as(ModelCase::new))
        .filter(ModelCase::anyWeight);
  }

  private static Arbitrary<double[]> weights(int n) {
    Arbitrary<Double> weight = Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.just(0.0)),
        Tuple.of(6, Arbitraries.doubles().between(0.001, 10).ofScale(9)));
    return weight.array(double[].class).ofSize(n);
  }

  private static Arbitrary<double[]> overrides(int n) {
    Arbitrary<Double> override = Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.just(-1.0)),
        Tuple.of(1, Arbitraries.just(0.0)),
        Tuple.of(2, Arbitraries.doubles().between(0.001, 10).ofScale(9)));
    return override.array(double[].class).ofSize(n);
  }

  /** One row of curve inputs for {@code n} KPIs; {@code NaN} means not applicable. */
  static Arbitrary<double[]> inputs(int n) {
    Arbitrary<Double> input = Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.just(Double.NaN)),
        Tuple.of(4, Arbitraries.doubles().between(-50, 150).ofScale(9)));
    return input.array(double[].class).ofSize(n);
  }

  /** Returns the KPI values of a row of curve inputs: measured, or not applicable for NaN. */
  static List<KpiValue> values(double[] inputs) {
    List<KpiValue> values = new ArrayList<>();
    for (int i = 0; i < inputs.length; i++) {
      values.add(Double.isNaN(inputs[i])
          ? new KpiValue.NotApplicable("k" + i, "test")
          : KpiValue.Measured.of("k" + i, inputs[i], 1));
    }
    return values;
  }
}
