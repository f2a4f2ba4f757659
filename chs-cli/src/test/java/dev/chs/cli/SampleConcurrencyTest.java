package dev.chs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chs.api.signal.Signal;
import dev.chs.cli.data.DataSetReader;
import dev.chs.cli.data.DataSetSource;
import dev.chs.cli.data.DataSetSummary;
import dev.chs.cli.generate.PortfolioGenerator;
import dev.chs.core.aggregate.AccountValues;
import dev.chs.core.aggregate.SignalAggregator;
import dev.chs.core.model.HealthModel;
import dev.chs.core.model.ModelFile;
import dev.chs.core.score.AccountHealth;
import dev.chs.core.score.Scorer;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One scorer, shared by sixteen threads, scores the sample portfolio as one thread does. */
class SampleConcurrencyTest {
  private static final int THREADS = 16;
  private static final Instant T = PortfolioGenerator.DEFAULT_END;

  @Test
  void aScorerSharedBySixteenThreadsScoresTheSampleAsOneThreadDoes() throws Exception {
    HealthModel model = ModelFile.defaultModel(ChsCommand.registry());
    List<AccountValues> accounts = sampleValues(model);
    Scorer scorer = Scorer.of(model);
    List<AccountHealth> expected = scorer.scoreAll(accounts, T);

    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<List<AccountHealth>>> runs = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int offset = t;
        runs.add(pool.submit(() -> {
          start.await();
          // Each thread walks the accounts from its own starting point, so that threads score
          // different accounts at the same moment.
          List<AccountHealth> health = new ArrayList<>(accounts.size());
          for (int i = 0; i < accounts.size(); i++) {
            health.add(null);
          }
          for (int i = 0; i < accounts.size(); i++) {
            int k = (i + offset * 17) % accounts.size();
            health.set(k, scorer.score(accounts.get(k), T));
          }
          return health;
        }));
      }
      start.countDown();
      for (Future<List<AccountHealth>> run : runs) {
        assertThat(run.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(expected).hasSize(300);
  }

  private static List<AccountValues> sampleValues(HealthModel model) throws IOException {
    List<Signal> signals = new ArrayList<>();
    DataSetSummary summary = DataSetReader.strict().read(
        DataSetSource.resources(SampleConcurrencyTest.class, DemoCommand.SAMPLE),
        signals::add, (account, name) -> { }, reject -> { });
    SignalAggregator aggregator = SignalAggregator.of(model, T);
    summary.suppliedSources().forEach(aggregator::declareSource);
    aggregator.addAll(signals);
    return aggregator.results();
  }
}
