package dev.chs.benchmarks;

import dev.chs.api.AccountId;
import dev.chs.api.CloudId;
import dev.chs.api.Window;
import dev.chs.api.kpi.Kpi;
import dev.chs.api.kpi.KpiAccumulator;
import dev.chs.api.kpi.KpiStates;
import dev.chs.api.signal.Signal;
import dev.chs.core.aggregate.SignalAggregator;
import dev.chs.core.model.HealthModel;
import dev.chs.core.model.WeightedKpi;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jol.info.GraphLayout;

/**
 * Measures the memory that aggregation holds per (account, cloud) pair, with JOL.
 *
 * <p>It prints these figures for the synthetic portfolio, leaving out what every pair shares or
 * what the signals own (the window, ids, clouds):
 *
 * <ul>
 *   <li>each built-in KPI's accumulator for a pair that has signals of every type, and their sum;
 *   <li>the accumulators of all pairs, divided by the pairs, made as an aggregator makes them
 *       for a KPI without a store: only when a signal the KPI reads arrives;
 *   <li>the stores ({@link Kpi#newStates}) of the KPIs that offer one, holding all pairs at
 *       exactly the number of pairs, divided by the pairs;
 *   <li>a whole {@link SignalAggregator} divided by its pairs, which adds the tables that find a
 *       pair and the arrays per pair, and whose stores have grown by doubling, so they hold
 *       room for more pairs than there are;
 *   <li>the same, for an aggregator told the number of pairs ahead ({@link
 *       SignalAggregator#ensureCapacity}), whose arrays and stores hold room for exactly those.
 * </ul>
 *
 * <p>Run with (JOL needs to attach to its own JVM to read record fields):
 *
 * <pre>
 * java -Djdk.attach.allowAttachSelf=true -cp chs-benchmarks/target/benchmarks.jar \
 *     dev.chs.benchmarks.StateFootprint [accounts]
 * </pre>
 */
public final class StateFootprint {
  private StateFootprint() {}

  /** The key of a pair. */
  private record Pair(AccountId account, CloudId cloud) {}

  /**
   * Prints the footprint.
   *
   * @param args optionally, the number of accounts to aggregate; 20,000 unless given
   */
  public static void main(String[] args) {
    int accounts = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    HealthModel model = SyntheticPortfolio.builtInModel();
    Window window = model.windowAt(SyntheticPortfolio.AS_OF);
    List<Signal> signals = SyntheticPortfolio.signals(accounts);
    GraphLayout shared = GraphLayout.parseInstance(window, model, signals.toArray());

    // Accumulators of every pair, made lazily as the aggregator makes them.
    Map<Pair, KpiAccumulator<?>[]> pairs = new HashMap<>();
    for (Signal signal : signals) {
      KpiAccumulator<?>[] accumulators = pairs.computeIfAbsent(
          new Pair(signal.account(), signal.cloud()), k -> new KpiAccumulator<?>[7]);
      for (int i = 0; i < 7; i++) {
        Kpi<?> kpi = model.kpis().get(i).kpi();
        if (kpi.reads().stream().anyMatch(type -> type.isInstance(signal))) {
          if (accumulators[i] == null) {
            accumulators[i] = kpi.newAccumulator(window);
          }
          accumulators[i].add(signal);
        }
      }
    }

    // One pair with an accumulator for each KPI.
    KpiAccumulator<?>[] full = pairs.values().stream()
        .filter(a -> Arrays.stream(a).allMatch(x -> x != null))
        .findFirst().orElseThrow();
    long sum = 0;
    for (int i = 0; i < full.length; i++) {
      long bytes = GraphLayout.parseInstance(full[i]).subtract(shared).totalSize();
      sum += bytes;
      System.out.printf("  %-24s %4d bytes%n", model.kpis().get(i).id(), bytes);
    }
    System.out.printf("accumulators of a pair with all seven: %d bytes%n", sum);

    List<Object> all = new ArrayList<>();
    for (KpiAccumulator<?>[] accumulators : pairs.values()) {
      for (KpiAccumulator<?> accumulator : accumulators) {
        if (accumulator != null) {
          all.add(accumulator);
        }
      }
    }
    Object[] holder = all.toArray();
    long allBytes = ownBytes(GraphLayout.parseInstance(holder));
    System.out.printf("accumulators, mean per pair:           %d bytes (%d pairs)%n",
        allBytes / pairs.size(), pairs.size());

    // The stores of all pairs, each pair numbered in the order first seen.
    Map<Pair, Integer> numbers = new HashMap<>();
    for (Signal signal : signals) {
      numbers.putIfAbsent(new Pair(signal.account(), signal.cloud()), numbers.size());
    }
    List<KpiStates<?>> stores = new ArrayList<>();
    List<Kpi<?>> withStores = new ArrayList<>();
    for (WeightedKpi weighted : model.kpis()) {
      weighted.kpi().newStates(window).ifPresent(store -> {
        store.ensureCapacity(numbers.size());
        stores.add(store);
        withStores.add(weighted.kpi());
      });
    }
    for (Signal signal : signals) {
      int pair = numbers.get(new Pair(signal.account(), signal.cloud()));
      for (int i = 0; i < stores.size(); i++) {
        if (withStores.get(i).reads().stream().anyMatch(type -> type.isInstance(signal))) {
          stores.get(i).add(pair, signal);
        }
      }
    }
    long storeBytes = 0;
    for (int i = 0; i < stores.size(); i++) {
      long bytes = ownBytes(GraphLayout.parseInstance(stores.get(i)));
      storeBytes += bytes;
      System.out.printf("  store of %-24s %6.1f bytes per pair%n", withStores.get(i).id(),
          bytes / (double) numbers.size());
    }
    System.out.printf("stores of %d KPIs, per pair:            %.1f bytes (%d pairs)%n",
        stores.size(), storeBytes / (double) numbers.size(), numbers.size());

    SignalAggregator aggregator = SignalAggregator.of(model, SyntheticPortfolio.AS_OF);
    aggregator.addAll(signals);
    GraphLayout layout = GraphLayout.parseInstance(aggregator).subtract(shared);
    System.out.printf("whole aggregator, per pair:            %d bytes (%d pairs)%n",
        layout.totalSize() / aggregator.pairs(), aggregator.pairs());
    if (Boolean.getBoolean("footprint.classes")) {
      System.out.println(layout.toFootprint());
    }
    SignalAggregator roomy = SignalAggregator.of(model, SyntheticPortfolio.AS_OF);
    roomy.ensureCapacity(numbers.size());
    roomy.addAll(signals);
    System.out.printf("whole aggregator told the pairs ahead: %d bytes (%d pairs)%n",
        GraphLayout.parseInstance(roomy).subtract(shared).totalSize() / roomy.pairs(),
        roomy.pairs());
    if (model.kpis().size() != 7 || model.kpis().stream().map(WeightedKpi::id).distinct()
        .count() != 7) {
      throw new IllegalStateException("expected the seven built-in KPIs");
    }
  }

  /**
   * Returns the size of a graph less its strings, byte arrays, windows and instants, which the
   * signals own or every pair shares. They are counted by class rather than subtracted by
   * address, since the collector may move objects between two walks of a graph this large.
   */
  private static long ownBytes(GraphLayout graph) {
    long bytes = graph.totalSize();
    for (Class<?> owned : List.of(String.class, byte[].class, Window.class,
        java.time.Instant.class, java.time.Duration.class)) {
      bytes -= graph.getClassSizes().count(owned);
    }
    return bytes;
  }
}
