package dev.chs.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.ThreadMXBean;
import dev.chs.api.Band;
import dev.chs.api.HealthScore;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import org.openjdk.jol.info.GraphLayout;

/**
 * Checks the per-account benchmark's allocation claim: scoring a pair with its explanation
 * allocates nothing but the objects of its result that did not exist before the call. JOL
 * measures those objects: the result's object graph less the graph of the scorer, the inputs and
 * the {@link Band} constants.
 */
class ScoringAllocationTest {
  static {
    // JOL cannot ask Unsafe for the field offsets of records; it finds them itself with this.
    System.setProperty("jol.magicFieldOffset", "true");
  }

  @Test
  void scoringWithAnExplanationAllocatesOnlyTheNewObjectsOfItsResult() {
    PerAccountScoringBenchmark benchmark = new PerAccountScoringBenchmark();
    benchmark.setup();
    ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    int pairs = 200;

    // What the result of each pair holds that the scorer and inputs did not; JOL runs first, since
    // the classes it loads may send the scorer's compiled code back to the interpreter.
    long[] resultOnly = new long[pairs];
    int scored = 0;
    int united = 0;
    for (int i = 0; i < pairs; i++) {
      benchmark.next = i;
      HealthScore score = benchmark.scoreWithExplanations();
      resultOnly[i] = GraphLayout.parseInstance(score)
          .subtract(GraphLayout.parseInstance(benchmark.scorer, benchmark.accounts[i],
              benchmark.clouds[i], benchmark.values[i], Band.values()))
          .totalSize();
      scored += score instanceof HealthScore.Scored ? 1 : 0;
      united += flagSources(score) >= 2 ? 1 : 0;
    }
    // Long enough for the JIT compiler to settle: after 50,000 calls, some were still 32 bytes
    // over, in objects that a later compilation no longer made.
    for (int i = 0; i < 400_000; i++) {
      benchmark.scoreWithExplanations();
    }

    int exact = 0;
    for (int i = 0; i < pairs; i++) {
      benchmark.next = i;
      long before = threads.getCurrentThreadAllocatedBytes();
      HealthScore score = benchmark.scoreWithExplanations();
      long allocated = threads.getCurrentThreadAllocatedBytes() - before;

      assertThat(allocated).as("pair %d: %s", i, score).isLessThanOrEqualTo(resultOnly[i]);
      exact += allocated == resultOnly[i] ? 1 : 0;
    }
    // The bound is tight: for most pairs the call allocates exactly its result's new objects.
    assertThat(exact).as("pairs allocating exactly their result's new objects").isGreaterThan(190);
    assertThat(united).as("pairs whose flags come from two KPIs or more").isBetween(5, pairs / 4);
    assertThat(scored).as("pairs with a score among 200").isGreaterThan(100);
  }

  /** Returns how many contributing KPIs raised a flag. */
  private static long flagSources(HealthScore score) {
    if (!(score instanceof HealthScore.Scored scored)) {
      return 0;
    }
    return scored.kpis().stream()
        .filter(kpi -> kpi instanceof dev.chs.api.kpi.KpiResult.Scored s && !s.flags().isEmpty())
        .count();
  }
}
