package dev.chs.benchmarks;

import dev.chs.api.signal.Signal;
import dev.chs.core.aggregate.AccountValues;
import dev.chs.core.aggregate.SignalAggregator;
import dev.chs.core.model.HealthModel;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Signal ingestion into the accumulators of 100,000 accounts times 3 clouds, in signals per
 * second on one thread, against the naive peer; and the merge of two aggregators.
 *
 * <p>One invocation handles all {@value #SIGNALS} signals of the synthetic portfolio ({@value
 * SyntheticPortfolio#SIGNALS_PER_PAIR} per pair, see {@link SyntheticPortfolio}) into a new
 * aggregator, so the score is signals per second. {@link #ingest} adds them one by one with
 * {@link SignalAggregator#add}, as a streaming reader does; {@link #ingestAll} hands the list to
 * {@link SignalAggregator#addAll}; {@link #ingestAndResults} adds them with {@code addAll} and
 * also produces every pair's KPI values, which is what {@link #naivePeer} computes, so those two
 * compare like with like. {@link #baselineReadSignals} only reads each signal's account and
 * cloud: the cost of walking the input. {@link #mergeHalves} merges two aggregators, each of half
 * the signals (every pair in both), into a new one, in pairs per second. Setup checks once that
 * chs and the naive peer compute the same values.
 *
 * <p>The {@link #order} parameter chooses how the signals lie in memory: {@code shuffled} signals
 * were made pair by pair and then shuffled, so nearly every signal read misses the cache; {@code
 * reading} signals were made in the order a reader of time-sorted files makes them ({@link
 * SyntheticPortfolio#signalsInReadingOrder}), so the input streams through the cache and only
 * the pairs' state is reached at random; {@code grouped} signals come account by account ({@link
 * SyntheticPortfolio#signalsGroupedByAccount}), as from a partition grouped by account, so a
 * pair's state stays in cache while its signals are added. Setup ends with a full collection, so
 * that the input lies in the old generation and young collections during the measurement copy
 * only what an invocation made, not the 3M signals.
 *
 * <p>The fork touches its whole heap at start ({@code -XX:+AlwaysPreTouch}), as a service that
 * has run for a while has: an invocation allocates hundreds of megabytes (the naive peer
 * gigabytes), and without it the first pass over each region of a fresh heap pays the operating
 * system's page faults, which made iterations of the same benchmark differ by up to four times.
 *
 * <p>Run with:
 *
 * <pre>
 * java -jar chs-benchmarks/target/benchmarks.jar SignalIngestionBenchmark -f 1 -wi 2 -i 3 -w 2s -r 2s -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g", "-XX:+AlwaysPreTouch"})
public class SignalIngestionBenchmark {
  /** How many accounts the portfolio holds. */
  static final int ACCOUNTS = 100_000;

  /** How many signals one invocation handles. */
  static final int SIGNALS = ACCOUNTS * 3 * SyntheticPortfolio.SIGNALS_PER_PAIR;

  /** How many (account, cloud) pairs one merge handles: every pair, from each of two halves. */
  static final int MERGED_PAIRS = 2 * ACCOUNTS * 3;

  /** How the signals lie in memory: {@code shuffled}, {@code reading} or {@code grouped}. */
  @Param({"shuffled", "reading", "grouped"})
  String order = "shuffled";

  int accounts = ACCOUNTS;
  HealthModel model;
  List<Signal> signals;
  NaivePeer peer;
  SignalAggregator firstHalf;
  SignalAggregator secondHalf;

  /** Makes the signals, the halves to merge, and checks the naive peer against chs. */
  @Setup(Level.Trial)
  public void setup() {
    model = SyntheticPortfolio.builtInModel();
    signals = switch (order) {
      case "shuffled" -> SyntheticPortfolio.signals(accounts);
      case "reading" -> SyntheticPortfolio.signalsInReadingOrder(accounts);
      case "grouped" -> SyntheticPortfolio.signalsGroupedByAccount(accounts);
      default -> throw new IllegalArgumentException(
          "order: 'shuffled', 'reading' or 'grouped' expected, was '" + order + "'");
    };
    if (signals.size() != accounts * 3 * SyntheticPortfolio.SIGNALS_PER_PAIR) {
      throw new IllegalStateException("expected " + SIGNALS + " signals, made " + signals.size());
    }
    peer = new NaivePeer(model, SyntheticPortfolio.AS_OF);
    NaivePeer.requireSameValues(ingestAll().results(), peer.values(peer.group(signals)));

    firstHalf = SignalAggregator.of(model, SyntheticPortfolio.AS_OF);
    secondHalf = SignalAggregator.of(model, SyntheticPortfolio.AS_OF);
    for (int i = 0; i < signals.size(); i++) {
      (i % 2 == 0 ? firstHalf : secondHalf).add(signals.get(i));
    }
    System.gc();
  }

  private SignalAggregator aggregate(List<Signal> input) {
    SignalAggregator aggregator = SignalAggregator.of(model, SyntheticPortfolio.AS_OF);
    for (int i = 0; i < input.size(); i++) {
      aggregator.add(input.get(i));
    }
    return aggregator;
  }

  /**
   * Reads every signal's account and cloud, and nothing else.
   *
   * @return a hash of what was read
   */
  @Benchmark
  @OperationsPerInvocation(SIGNALS)
  public int baselineReadSignals() {
    int hash = 0;
    for (int i = 0; i < signals.size(); i++) {
      Signal signal = signals.get(i);
      hash += signal.account().hashCode() ^ signal.cloud().hashCode();
    }
    return hash;
  }

  /**
   * Adds every signal to a new aggregator.
   *
   * @return the aggregator
   */
  @Benchmark
  @OperationsPerInvocation(SIGNALS)
  public SignalAggregator ingest() {
    return aggregate(signals);
  }

  /**
   * Adds the list of all signals to a new aggregator at once.
   *
   * @return the aggregator
   */
  @Benchmark
  @OperationsPerInvocation(SIGNALS)
  public SignalAggregator ingestAll() {
    SignalAggregator aggregator = SignalAggregator.of(model, SyntheticPortfolio.AS_OF);
    aggregator.addAll(signals);
    return aggregator;
  }

  /**
   * Adds the list of all signals at once to a new aggregator told how many pairs to expect
   * ({@link SignalAggregator#ensureCapacity}), so that no array grows while they are added.
   *
   * @return the aggregator
   */
  @Benchmark
  @OperationsPerInvocation(SIGNALS)
  public SignalAggregator ingestAllWithRoom() {
    SignalAggregator aggregator = SignalAggregator.of(model, SyntheticPortfolio.AS_OF);
    aggregator.ensureCapacity(3 * accounts);
    aggregator.addAll(signals);
    return aggregator;
  }

  /**
   * Adds the list of all signals to a new aggregator at once, and produces every pair's KPI
   * values.
   *
   * @return the values
   */
  @Benchmark
  @OperationsPerInvocation(SIGNALS)
  public List<AccountValues> ingestAndResults() {
    return ingestAll().results();
  }

  /**
   * Groups every signal into per-pair lists and computes the KPI values with streams.
   *
   * @return the values
   */
  @Benchmark
  @OperationsPerInvocation(SIGNALS)
  public Map<NaivePeer.Pair, Map<String, Double>> naivePeer() {
    return peer.values(peer.group(signals));
  }

  /**
   * Merges the two halves into a new aggregator.
   *
   * @return the merged aggregator
   */
  @Benchmark
  @OperationsPerInvocation(MERGED_PAIRS)
  public SignalAggregator mergeHalves() {
    SignalAggregator merged = SignalAggregator.of(model, SyntheticPortfolio.AS_OF);
    merged.merge(firstHalf);
    merged.merge(secondHalf);
    return merged;
  }
}
