package dev.chs.benchmarks;

import dev.chs.api.Window;
import dev.chs.api.kpi.Kpi;
import dev.chs.api.kpi.KpiAccumulator;
import dev.chs.api.signal.Signal;
import dev.chs.core.aggregate.SignalAggregator;
import dev.chs.core.model.HealthModel;
import dev.chs.core.model.WeightedKpi;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jol.info.GraphLayout;

/**
 * Measures the memory that aggregation holds per (account, cloud) pair, with JOL.
 *
 * <p>It prints two figures for the synthetic portfolio: the accumulators of the seven built-in
 * KPIs for one typical pair, after its signals; and a whole {@link SignalAggregator} divided by
 * its pairs, which adds the maps that find a pair. Objects that every pair shares (the window,
 * ids and clouds from the signals) are left out of both. Run with:
 *
 * <pre>
 * java -cp chs-benchmarks/target/benchmarks.jar dev.chs.benchmarks.StateFootprint [accounts]
 * </pre>
 */
public final class StateFootprint {
  private StateFootprint() {}

  /**
   * Prints the footprint.
   *
   * @param args optionally, the number of accounts to aggregate; 20,000 unless given
   */
  public static void main(String[] args) {
    int accounts = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    HealthModel model = SyntheticPortfolio.builtInModel();
    List<Signal> signals = SyntheticPortfolio.signals(accounts);
    System.out.printf("accumulators of one pair:  %d bytes%n", bytesOfOnePair(model, signals));

    SignalAggregator aggregator = SignalAggregator.of(model, SyntheticPortfolio.AS_OF);
    aggregator.addAll(signals);
    GraphLayout layout = GraphLayout.parseInstance(aggregator)
        .subtract(GraphLayout.parseInstance(signals.toArray()))
        .subtract(GraphLayout.parseInstance(model, aggregator.window()));
    System.out.printf("aggregator, per pair:      %d bytes (%d pairs)%n",
        layout.totalSize() / aggregator.pairs(), aggregator.pairs());
    if (Boolean.getBoolean("footprint.classes")) {
      System.out.println(layout.toFootprint());
    }
  }

  /** Returns the bytes of the accumulators of the first signal's pair, less what they share. */
  private static long bytesOfOnePair(HealthModel model, List<Signal> signals) {
    Window window = model.windowAt(SyntheticPortfolio.AS_OF);
    Signal first = signals.get(0);
    List<KpiAccumulator<?>> accumulators = new ArrayList<>();
    for (WeightedKpi kpi : model.kpis()) {
      accumulators.add(accumulatorOf(kpi.kpi(), window, first, signals));
    }
    return GraphLayout.parseInstance(accumulators.toArray())
        .subtract(GraphLayout.parseInstance(window, signals.toArray()))
        .totalSize();
  }

  private static KpiAccumulator<?> accumulatorOf(
      Kpi<?> kpi, Window window, Signal pair, List<Signal> signals) {
    KpiAccumulator<?> accumulator = kpi.newAccumulator(window);
    for (Signal signal : signals) {
      if (signal.account().equals(pair.account()) && signal.cloud().equals(pair.cloud())) {
        accumulator.add(signal);
      }
    }
    return accumulator;
  }
}
