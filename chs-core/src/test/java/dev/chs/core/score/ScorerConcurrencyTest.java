package dev.chs.core.score;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chs.api.AccountId;
import dev.chs.api.CloudId;
import dev.chs.api.kpi.KpiValue;
import dev.chs.core.aggregate.AccountValues;
import dev.chs.core.aggregate.CloudValues;
import dev.chs.core.model.HealthModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ScorerConcurrencyTest {
  private static final Instant T = Instant.parse("2026-06-01T00:00:00Z");
  private static final int THREADS = 16;

  @Test
  void aScorerSharedBySixteenThreadsGivesTheResultsOfOneThread() throws Exception {
    HealthModel model = HealthModel.builder()
        .kpi(FakeKpi.identity("a"), 3)
        .kpi(FakeKpi.identity("b"), 1)
        .kpi(FakeKpi.identity("c"), 2)
        .cloudWeight("b", ScoringCases.SERVICE, 4)
        .build();
    Scorer scorer = Scorer.of(model);
    List<AccountValues> accounts = randomAccounts(new Random(20260601), 2_000);
    List<AccountHealth> expected = scorer.scoreAll(accounts, T);

    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<List<AccountHealth>>> results = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) {
        results.add(pool.submit(() -> {
          start.await();
          return scorer.scoreAll(accounts, T);
        }));
      }
      start.countDown();
      for (Future<List<AccountHealth>> result : results) {
        assertThat(result.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static List<AccountValues> randomAccounts(Random random, int count) {
    List<AccountValues> accounts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      List<CloudValues> clouds = new ArrayList<>();
      for (CloudId cloud : ScoringCases.CLOUDS) {
        if (random.nextInt(4) > 0) {
          clouds.add(new CloudValues(cloud, random.nextInt(3) * 1000.0, values(random)));
        }
      }
      accounts.add(new AccountValues(AccountId.of("a" + i), clouds));
    }
    return accounts;
  }

  private static List<KpiValue> values(Random random) {
    List<KpiValue> values = new ArrayList<>();
    for (String id : List.of("a", "b", "c")) {
      if (random.nextInt(5) > 0) {
        values.add(KpiValue.Measured.of(id, random.nextDouble() * 120 - 10, 1));
      }
    }
    return values;
  }
}
