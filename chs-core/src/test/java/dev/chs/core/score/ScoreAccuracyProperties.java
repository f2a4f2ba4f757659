package dev.chs.core.score;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chs.api.AccountId;
import dev.chs.api.CloudId;
import dev.chs.api.Contribution;
import dev.chs.api.HealthScore;
import dev.chs.core.score.ScoringCases.ModelCase;
import java.math.BigDecimal;
import java.math.MathContext;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * How far the score and the coverage are from the exact real numbers, given the curve scores.
 * The score is {@code sum(w_k / W * s_k)} in doubles, in the model's order, where {@code W} is
 * the sum of the applicable weights; each share, product and addition rounds once, so for the
 * models of up to six KPIs generated here, with scores in [0, 100], the error stays below 1e-12
 * points. Coverage is one division of two rounded sums of weights.
 */
class ScoreAccuracyProperties {
  private static final AccountId ACCOUNT = AccountId.of("acme");
  private static final MathContext DIGITS = new MathContext(50);

  record Row(ModelCase model, CloudId cloud, double[] inputs) {}

  @Provide
  Arbitrary<Row> rows() {
    return ScoringCases.models().flatMap(model -> Combinators.combine(
            Arbitraries.of(ScoringCases.CLOUDS), ScoringCases.inputs(model.size()))
        .as((cloud, inputs) -> new Row(model, cloud, inputs)));
  }

  @Property
  void scoreIsWithin1e12OfTheExactWeightedMeanOfTheCurveScores(@ForAll("rows") Row row) {
    HealthScore score = Scorer.of(row.model().model())
        .score(ACCOUNT, row.cloud(), ScoringCases.values(row.inputs()));
    if (!(score instanceof HealthScore.Scored scored)) {
      return;
    }

    // The exact weighted mean of the curve scores the scorer used, from the exact weights.
    BigDecimal weighted = BigDecimal.ZERO;
    BigDecimal total = BigDecimal.ZERO;
    for (Contribution c : scored.contributions()) {
      weighted = weighted.add(new BigDecimal(c.weight()).multiply(new BigDecimal(c.score())));
      total = total.add(new BigDecimal(c.weight()));
    }
    BigDecimal exact = weighted.divide(total, DIGITS);

    BigDecimal error = new BigDecimal(scored.score()).subtract(exact).abs();
    assertThat(error).isLessThanOrEqualTo(new BigDecimal("1e-12"));
  }

  @Property
  void coverageIsWithin1e15OfTheExactShareOfTheWeight(@ForAll("rows") Row row) {
    HealthScore score = Scorer.of(row.model().model())
        .score(ACCOUNT, row.cloud(), ScoringCases.values(row.inputs()));

    BigDecimal applicable = BigDecimal.ZERO;
    BigDecimal total = BigDecimal.ZERO;
    for (int k = 0; k < row.model().size(); k++) {
      double weight = weightOf(row, k);
      total = total.add(new BigDecimal(weight));
      if (weight > 0 && !Double.isNaN(row.inputs()[k])) {
        applicable = applicable.add(new BigDecimal(weight));
      }
    }
    double expected = total.signum() == 0 ? 0
        : applicable.divide(total, DIGITS).doubleValue();

    assertThat(Math.abs(score.coverage() - expected)).isLessThanOrEqualTo(1e-15);
  }

  private static double weightOf(Row row, int k) {
    double override = row.model().serviceWeights()[k];
    return row.cloud().equals(ScoringCases.SERVICE) && override >= 0
        ? override : row.model().weights()[k];
  }
}
