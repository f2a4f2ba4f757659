package dev.chs.core.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.chs.api.AccountId;
import dev.chs.api.Band;
import dev.chs.api.CloudId;
import dev.chs.api.Contribution;
import dev.chs.api.HealthScore;
import dev.chs.api.kpi.KpiValue;
import dev.chs.core.score.ScoringCases.ModelCase;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;

class ScorerProperties {
  private static final AccountId ACCOUNT = AccountId.of("acme");

  record Row(ModelCase model, CloudId cloud, double[] inputs) {}

  record Batch(ModelCase model, int[] clouds, double[][] rows) {}

  @Provide
  Arbitrary<Row> rows() {
    return ScoringCases.models().flatMap(model -> Combinators.combine(
            Arbitraries.of(ScoringCases.CLOUDS), ScoringCases.inputs(model.size()))
        .as((cloud, inputs) -> new Row(model, cloud, inputs)));
  }

  @Provide
  Arbitrary<Batch> batches() {
    return ScoringCases.models().flatMap(model -> Arbitraries.integers().between(0, 40)
        .flatMap(n -> Combinators.combine(
                Arbitraries.integers().between(0, 1).array(int[].class).ofSize(n),
                ScoringCases.inputs(model.size()).array(double[][].class).ofSize(n))
            .as((clouds, rows) -> new Batch(model, clouds, rows))));
  }

  @Property
  void pointsAddUpToTheScoreAndTheScoreStaysWithin0And100(@ForAll("rows") Row row) {
    HealthScore score = Scorer.of(row.model().model())
        .score(ACCOUNT, row.cloud(), ScoringCases.values(row.inputs()));

    assertThat(score.coverage()).isBetween(0.0, 1.0);
    if (score instanceof HealthScore.Scored scored) {
      double points = scored.contributions().stream().mapToDouble(Contribution::points).sum();
      double lost = scored.contributions().stream().mapToDouble(Contribution::pointsLost).sum();
      assertThat(scored.score()).isBetween(0.0, 100.0);
      assertThat(points).isCloseTo(scored.score(), within(1e-9));
      assertThat(lost).isCloseTo(100 - scored.score(), within(1e-9));
    }
  }

  @Property
  void multiplyingEveryWeightByAConstantChangesNothing(
      @ForAll("rows") Row row,
      @ForAll @DoubleRange(min = 1e-3, max = 1e3) @Scale(6) double factor) {
    HealthScore plain = Scorer.of(row.model().model())
        .score(ACCOUNT, row.cloud(), ScoringCases.values(row.inputs()));
    HealthScore scaled = Scorer.of(row.model().model(factor))
        .score(ACCOUNT, row.cloud(), ScoringCases.values(row.inputs()));
    // A coverage on a minimum inside (0, 1) may round to either side of it once scaled; coverage
    // 0 and 1 are exact.
    double minimum = row.model().minimum();
    Assume.that(minimum == 0 || minimum == 1 || Math.abs(plain.coverage() - minimum) > 1e-9);

    assertThat(scaled.coverage()).isCloseTo(plain.coverage(), within(1e-9));
    assertThat(scaled.getClass()).isEqualTo(plain.getClass());
    if (plain instanceof HealthScore.Scored p && scaled instanceof HealthScore.Scored s) {
      assertThat(s.score()).isCloseTo(p.score(), within(1e-9));
      assertThat(s.contributions()).hasSameSizeAs(p.contributions());
      for (int i = 0; i < p.contributions().size(); i++) {
        assertThat(s.contributions().get(i).points())
            .isCloseTo(p.contributions().get(i).points(), within(1e-9));
      }
    }
  }

  @Property
  void columnarScoringAgreesExactlyWithScoringRowByRow(@ForAll("batches") Batch batch) {
    Scorer scorer = Scorer.of(batch.model().model());
    ColumnarScorer columnar = ColumnarScorer.of(batch.model().model(), ScoringCases.CLOUDS);
    int n = batch.rows().length;
    int k = batch.model().size();
    double[][] columns = new double[k][n];
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < k; c++) {
        columns[c][r] = batch.rows()[r][c];
      }
    }
    double[] scores = new double[n];
    double[] coverage = new double[n];
    Band[] bands = new Band[n];

    columnar.score(n, columns, batch.clouds(), scores, coverage, bands);

    for (int r = 0; r < n; r++) {
      CloudId cloud = ScoringCases.CLOUDS.get(batch.clouds()[r]);
      HealthScore expected = scorer.score(ACCOUNT, cloud, ScoringCases.values(batch.rows()[r]));
      assertThat(coverage[r]).isEqualTo(expected.coverage());
      if (expected instanceof HealthScore.Scored scored) {
        assertThat(scores[r]).isEqualTo(scored.score());
        assertThat(bands[r]).isEqualTo(scored.band());
      } else {
        assertThat(scores[r]).isNaN();
        assertThat(bands[r]).isNull();
      }
    }
  }

  @Property
  void scoringIntoAHolderAgreesExactlyWithScoringWithAnExplanation(@ForAll("rows") Row row) {
    Scorer scorer = Scorer.of(row.model().model());
    List<KpiValue> values = new ArrayList<>(ScoringCases.values(row.inputs()));
    Collections.reverse(values);
    MutableScore holder = new MutableScore();

    HealthScore expected = scorer.score(ACCOUNT, row.cloud(), values);
    scorer.scoreInto(row.cloud(), values, holder);

    assertThat(holder.coverage()).isEqualTo(expected.coverage());
    if (expected instanceof HealthScore.Scored scored) {
      assertThat(holder.score()).isEqualTo(scored.score());
      assertThat(holder.band()).isEqualTo(scored.band());
      assertThat(holder.isScored()).isTrue();
    } else {
      assertThat(holder.score()).isNaN();
      assertThat(holder.band()).isNull();
      assertThat(holder.isScored()).isFalse();
    }
  }

  @Property(tries = 50)
  void theColumnarScorerTakesTheModelsKpisAsItsColumns(@ForAll("rows") Row row) {
    ColumnarScorer columnar = ColumnarScorer.of(row.model().model(), List.of(row.cloud()));

    assertThat(columnar.kpiIds()).hasSize(row.model().size()).allMatch(id -> id.startsWith("k"));
    assertThat(columnar.clouds()).containsExactly(row.cloud());
  }
}
