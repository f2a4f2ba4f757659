package dev.chs.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chs.api.AccountId;
import dev.chs.api.signal.Signal;
import dev.chs.core.aggregate.SignalAggregator;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs each benchmark's setup and one invocation of each of its methods on small data, so that
 * the build catches a broken benchmark without running JMH.
 */
class BenchmarksSmokeTest {
  @Test
  void columnarScoringRunsScoresEveryRowAndFindsEachNotApplicableCell() {
    ColumnarScoringBenchmark benchmark = new ColumnarScoringBenchmark();
    benchmark.rows = 2_000;
    benchmark.setup();

    assertThat(benchmark.baselineSumColumns()).hasSize(2_000);
    int[] measured = benchmark.floorFindNotApplicable();
    for (int r = 0; r < 2_000; r++) {
      for (int k = 0; k < benchmark.columns.length; k++) {
        assertThat((measured[r] >> k) & 1).isEqualTo(Double.isNaN(benchmark.columns[k][r]) ? 0 : 1);
      }
    }
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

  @ParameterizedTest
  @ValueSource(strings = {"shuffled", "reading", "grouped"})
  void signalIngestionMatchesTheNaivePeerAndMerges(String order) {
    SignalIngestionBenchmark benchmark = new SignalIngestionBenchmark();
    benchmark.accounts = 500;
    benchmark.order = order;
    // Setup checks that chs, through addAll, and the naive peer compute the same values.
    benchmark.setup();

    SignalAggregator ingested = benchmark.ingest();
    assertThat(ingested.pairs()).isEqualTo(1_500);
    assertThat(benchmark.ingestAll().results()).isEqualTo(ingested.results());
    assertThat(benchmark.ingestAndResults()).hasSize(500);
    assertThat(benchmark.naivePeer()).hasSize(1_500);
    assertThat(benchmark.mergeHalves().results()).isEqualTo(ingested.results());
    assertThat(benchmark.baselineReadSignals()).isNotNull();
  }

  @Test
  void everyOrderHoldsTheSameSignals() {
    List<Signal> shuffled = SyntheticPortfolio.signals(100);
    List<Signal> reading = SyntheticPortfolio.signalsInReadingOrder(100);
    List<Signal> grouped = SyntheticPortfolio.signalsGroupedByAccount(100);

    assertThat(reading).hasSameSizeAs(shuffled).containsExactlyInAnyOrderElementsOf(shuffled);
    assertThat(grouped).hasSameSizeAs(shuffled).containsExactlyInAnyOrderElementsOf(shuffled);
    // Account by account: once an account's signals end, none of it comes again.
    Set<AccountId> ended = new HashSet<>();
    for (int i = 1; i < grouped.size(); i++) {
      AccountId before = grouped.get(i - 1).account();
      AccountId after = grouped.get(i).account();
      if (!after.equals(before)) {
        ended.add(before);
        assertThat(ended).as("signal %d of the grouped order", i).doesNotContain(after);
      }
    }
    assertThat(ended).hasSize(99);
    assertThat(grouped.get(0).account()).isEqualTo(grouped.get(1).account())
        .isNotSameAs(grouped.get(1).account());
    // Contracts first, then the rest in order of time.
    for (int i = 1; i < reading.size(); i++) {
      Instant before = reading.get(i - 1).occurredAt();
      Instant after = reading.get(i).occurredAt();
      assertThat(before == null || (after != null && !after.isBefore(before)))
          .as("signal %d of the reading order", i).isTrue();
    }
    assertThat(reading.get(0).account()).isNotSameAs(reading.get(1).account());
  }
}
