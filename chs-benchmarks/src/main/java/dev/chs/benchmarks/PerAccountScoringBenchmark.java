package dev.chs.benchmarks;

import dev.chs.api.AccountId;
import dev.chs.api.CloudId;
import dev.chs.api.HealthScore;
import dev.chs.api.kpi.KpiValue;
import dev.chs.core.aggregate.AccountValues;
import dev.chs.core.aggregate.CloudValues;
import dev.chs.core.aggregate.SignalAggregator;
import dev.chs.core.model.HealthModel;
import dev.chs.core.score.MutableScore;
import dev.chs.core.score.Scorer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Per-account scoring through the public API, one (account, cloud) pair per op.
 *
 * <p>The pairs are 4,096 of the synthetic portfolio's, their seven KPI values computed by a
 * {@link SignalAggregator} in setup; each op scores the next one. {@link #scoreWithExplanations}
 * returns a {@link HealthScore} with its KPI results and contributions; {@link
 * #scoreWithoutExplanations} writes score, coverage and band into a reused {@link MutableScore}
 * and should allocate nothing; {@link #naivePeerFromMaps} scores the same values held in a map,
 * as {@link NaivePeer} does; {@link #baselineReadValues} only reads the values' curve inputs.
 * Allocation per op comes from {@code -prof gc}.
 *
 * <p>Run with:
 *
 * <pre>
 * java -jar chs-benchmarks/target/benchmarks.jar PerAccountScoringBenchmark -f 1 -wi 3 -i 5 -w 2s -r 2s -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
public class PerAccountScoringBenchmark {
  /** How many pairs the benchmark cycles through; a power of two. */
  static final int PAIRS = 4096;

  AccountId[] accounts;
  CloudId[] clouds;
  List<KpiValue>[] values;
  List<Map<String, Double>> maps;
  Scorer scorer;
  NaivePeer peer;
  MutableScore holder;
  int next;

  /** Aggregates the portfolio's signals into the values to score. */
  @Setup(Level.Trial)
  @SuppressWarnings("unchecked")
  public void setup() {
    HealthModel model = SyntheticPortfolio.builtInModel();
    SignalAggregator aggregator = SignalAggregator.of(model, SyntheticPortfolio.AS_OF);
    aggregator.addAll(SyntheticPortfolio.signals(PAIRS / SyntheticPortfolio.CLOUDS.size() + 1));
    scorer = Scorer.of(model);
    peer = new NaivePeer(model, SyntheticPortfolio.AS_OF);
    holder = new MutableScore();

    accounts = new AccountId[PAIRS];
    clouds = new CloudId[PAIRS];
    values = new List[PAIRS];
    maps = new ArrayList<>(PAIRS);
    int i = 0;
    for (AccountValues account : aggregator.results()) {
      for (CloudValues cloud : account.clouds()) {
        if (i < PAIRS) {
          accounts[i] = account.account();
          clouds[i] = cloud.cloud();
          values[i] = cloud.values();
          maps.add(asMap(cloud.values()));
          i++;
        }
      }
    }
  }

  private static Map<String, Double> asMap(List<KpiValue> values) {
    Map<String, Double> map = new HashMap<>();
    for (KpiValue value : values) {
      if (value instanceof KpiValue.Measured measured) {
        map.put(measured.kpiId(), measured.curveInput());
      }
    }
    return map;
  }

  private int nextPair() {
    int i = next;
    next = (i + 1) & (PAIRS - 1);
    return i;
  }

  /**
   * Reads the next pair's curve inputs and sums them: the cost of touching the values.
   *
   * @return the sum
   */
  @Benchmark
  public double baselineReadValues() {
    List<KpiValue> pair = values[nextPair()];
    double sum = 0;
    for (int k = 0; k < pair.size(); k++) {
      if (pair.get(k) instanceof KpiValue.Measured measured) {
        sum += measured.curveInput();
      }
    }
    return sum;
  }

  /**
   * Scores the next pair with its explanation.
   *
   * @return the score
   */
  @Benchmark
  public HealthScore scoreWithExplanations() {
    int i = nextPair();
    return scorer.score(accounts[i], clouds[i], values[i]);
  }

  /**
   * Scores the next pair into the reused holder, without an explanation.
   *
   * @return the score, NaN for insufficient data
   */
  @Benchmark
  public double scoreWithoutExplanations() {
    int i = nextPair();
    return scorer.scoreInto(clouds[i], values[i], holder).score();
  }

  /**
   * Scores the next pair from a map of KPI id to value, as the naive peer does.
   *
   * @return the score, NaN for insufficient data
   */
  @Benchmark
  public double naivePeerFromMaps() {
    int i = nextPair();
    return peer.score(clouds[i], maps.get(i));
  }
}
