package dev.chs.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chs.core.aggregate.SignalAggregator;
import org.junit.jupiter.api.Test;

/**
 * Runs each benchmark's setup and one invocation of each of its methods on small data, so that
 * the build catches a broken benchmark without running JMH.
 */
class BenchmarksSmokeTest {
  @Test
  void columnarScoringRunsAndScoresEveryRowAsTheBaselineReadsIt() {
    ColumnarScoringBenchmark benchmark = new ColumnarScoringBenchmark();
    benchmark.rows = 2_000;
    benchmark.setup();

    assertThat(benchmark.baselineSumColumns()).hasSize(2_000);
    double[] scores = benchmark.scoreColumns();

    assertThat(scores).hasSize(2_000);
    assertThat(benchmark.bands).anyMatch(band -> band != null);
    for (int r = 0; r < scores.length; r++) {
      assertThat(Double.isNaN(scores[r])).isEqualTo(benchmark.bands[r] == null);
    }
  }

  @Test
  void perAccountScoringAgreesWithAndWithoutExplanations() {
    PerAccountScoringBenchmark benchmark = new PerAccountScoringBenchmark();
    benchmark.setup();

    for (int i = 0; i < 100; i++) {
      benchmark.next = i;
      double plain = benchmark.scoreWithoutExplanations();
      benchmark.next = i;
      var explained = benchmark.scoreWithExplanations();
      benchmark.next = i;
      double naive = benchmark.naivePeerFromMaps();
      if (explained instanceof dev.chs.api.HealthScore.Scored scored) {
        assertThat(plain).isEqualTo(scored.score());
        assertThat(naive).isCloseTo(scored.score(), org.assertj.core.api.Assertions.within(1e-9));
      } else {
        assertThat(plain).isNaN();
      }
    }
    assertThat(benchmark.baselineReadValues()).isFinite();
  }

  @Test
  void signalIngestionMatchesTheNaivePeerAndMerges() {
    SignalIngestionBenchmark benchmark = new SignalIngestionBenchmark();
    benchmark.accounts = 500;
    // Setup checks that chs and the naive peer compute the same values.
    benchmark.setup();

    SignalAggregator ingested = benchmark.ingest();
    assertThat(ingested.pairs()).isEqualTo(1_500);
    assertThat(benchmark.ingestAndResults()).hasSize(500);
    assertThat(benchmark.naivePeer()).hasSize(1_500);
    assertThat(benchmark.mergeHalves().results()).isEqualTo(ingested.results());
    assertThat(benchmark.baselineReadSignals()).isNotNull();
  }
}
