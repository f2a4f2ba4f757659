package dev.chs.benchmarks;

import dev.chs.api.AccountId;
import dev.chs.api.CloudId;
import dev.chs.api.Window;
import dev.chs.api.kpi.Curve;
import dev.chs.api.kpi.KpiValue;
import dev.chs.api.signal.Complaint;
import dev.chs.api.signal.SentimentSample;
import dev.chs.api.signal.Signal;
import dev.chs.api.signal.SupportCase;
import dev.chs.api.signal.UsageSample;
import dev.chs.api.signal.WorkOrder;
import dev.chs.core.aggregate.AccountValues;
import dev.chs.core.aggregate.CloudValues;
import dev.chs.core.model.HealthModel;
import dev.chs.core.model.WeightedKpi;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The straightforward implementation a team would write first, as a peer to measure chs against:
 * signals grouped into a list per (account, cloud), KPIs computed from the lists with streams, and
 * scores computed from maps of KPI id to value. It is not product code.
 *
 * <p>It computes the same KPI values as chs on the benchmark data (which has no account-wide
 * signals and no metrics), which {@link #requireSameValues} checks: counts and ratios of counts
 * exactly, means to within 1e-9, since chs sums them exactly and the peer in plain doubles.
 */
final class NaivePeer {
  private final Window window;
  private final Map<String, Curve> curves = new LinkedHashMap<>();
  private final List<WeightedKpi> kpis;
  private final double minimumCoverage;

  NaivePeer(HealthModel model, Instant asOf) {
    this.window = model.windowAt(asOf);
    this.kpis = model.kpis();
    for (WeightedKpi kpi : kpis) {
      curves.put(kpi.id(), kpi.curve());
    }
    this.minimumCoverage = model.minimumCoverage();
  }

  /** The key of a group of signals. */
  record Pair(AccountId account, CloudId cloud) {}

  /** Groups signals into one list per (account, cloud). */
  Map<Pair, List<Signal>> group(List<Signal> signals) {
    Map<Pair, List<Signal>> groups = new HashMap<>();
    for (Signal signal : signals) {
      groups.computeIfAbsent(new Pair(signal.account(), signal.cloud()), k -> new ArrayList<>())
          .add(signal);
    }
    return groups;
  }

  /** Returns each pair's KPI values, by KPI id; a KPI that is not applicable is left out. */
  Map<Pair, Map<String, Double>> values(Map<Pair, List<Signal>> groups) {
    Map<Pair, Map<String, Double>> values = new HashMap<>();
    groups.forEach((pair, signals) -> values.put(pair, valuesOf(signals)));
    return values;
  }

  private Map<String, Double> valuesOf(List<Signal> signals) {
    List<SupportCase> cases = signals.stream()
        .filter(s -> s instanceof SupportCase).map(s -> (SupportCase) s).toList();
    List<WorkOrder> orders = signals.stream()
        .filter(s -> s instanceof WorkOrder).map(s -> (WorkOrder) s).toList();
    Map<String, Double> values = new HashMap<>();

    values.put("open_support_cases", (double) cases.stream()
        .filter(c -> !c.openedAt().isAfter(window.asOf()))
        .filter(c -> c.closedAt() == null || c.closedAt().isAfter(window.asOf()))
        .count());

    long opened = cases.stream().filter(c -> inWindow(c.openedAt())).count();
    long closed = cases.stream().filter(c -> c.closedAt() != null && inWindow(c.closedAt()))
        .count();
    if (opened > 0 || closed > 0) {
      values.put("cases_closed_to_created", (double) closed / Math.max(opened, 1));
    }

    List<Boolean> fixes = new ArrayList<>();
    cases.stream()
        .filter(c -> c.closedAt() != null && inWindow(c.closedAt()))
        .filter(c -> c.firstContactResolution() != null)
        .forEach(c -> fixes.add(c.firstContactResolution()));
    orders.stream()
        .filter(w -> w.completedAt() != null && inWindow(w.completedAt()))
        .filter(w -> w.firstTimeFix() != null)
        .forEach(w -> fixes.add(w.firstTimeFix()));
    if (!fixes.isEmpty()) {
      values.put("first_time_fix_rate",
          (double) fixes.stream().filter(f -> f).count() / fixes.size());
    }

    long current = orders.stream().filter(w -> inWindow(window, w.createdAt())).count();
    double baseline = IntStream.rangeClosed(1, 3)
        .mapToLong(n -> orders.stream()
            .filter(w -> inWindow(window.earlier(n), w.createdAt())).count())
        .average().orElse(0);
    if (baseline > 0) {
      values.put("work_order_volume", (current - baseline) / baseline);
    }

    values.put("complaints_raised", (double) signals.stream()
        .filter(s -> s instanceof Complaint).map(s -> (Complaint) s)
        .filter(c -> inWindow(c.raisedAt()))
        .map(Complaint::complaintId).distinct().count());

    OptionalDouble adoption = signals.stream()
        .filter(s -> s instanceof UsageSample).map(s -> (UsageSample) s)
        .filter(u -> inWindow(u.date()))
        .mapToDouble(u -> (double) u.activeUsers() / u.licensedUsers()).average();
    adoption.ifPresent(a -> values.put("product_adoption", a));

    OptionalDouble sentiment = signals.stream()
        .filter(s -> s instanceof SentimentSample).map(s -> (SentimentSample) s)
        .filter(s -> inWindow(s.observedAt()))
        .mapToDouble(SentimentSample::score).average();
    sentiment.ifPresent(s -> values.put("sentiment", s));
    return values;
  }

  private boolean inWindow(Instant instant) {
    return inWindow(window, instant);
  }

  private static boolean inWindow(Window window, Instant instant) {
    return instant.isAfter(window.asOf().minus(window.length()))
        && !instant.isAfter(window.asOf());
  }

  /**
   * Scores one pair in a cloud from its map of values: the weighted mean of the applicable KPIs'
   * scores, or NaN when their weight falls short of the minimum coverage.
   */
  double score(CloudId cloud, Map<String, Double> values) {
    Map<String, Double> weights =
        kpis.stream().collect(Collectors.toMap(WeightedKpi::id, kpi -> kpi.weightIn(cloud)));
    double total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
    double applicable = values.keySet().stream().mapToDouble(weights::get).sum();
    if (applicable == 0 || applicable / total < minimumCoverage) {
      return Double.NaN;
    }
    return values.entrySet().stream()
        .mapToDouble(e -> weights.get(e.getKey()) * curves.get(e.getKey()).score(e.getValue()))
        .sum() / applicable;
  }

  /**
   * Checks that the peer's values equal those of chs, pair by pair and KPI by KPI.
   *
   * @throws IllegalStateException naming the first pair and KPI that differ
   */
  static void requireSameValues(List<AccountValues> chs, Map<Pair, Map<String, Double>> peer) {
    int pairs = 0;
    for (AccountValues account : chs) {
      for (CloudValues cloud : account.clouds()) {
        Map<String, Double> theirs = peer.get(new Pair(account.account(), cloud.cloud()));
        if (theirs == null) {
          throw new IllegalStateException("naive peer has no values for " + account.account()
              + "/" + cloud.cloud());
        }
        for (KpiValue value : cloud.values()) {
          requireSame(account.account() + "/" + cloud.cloud(), value, theirs.get(value.kpiId()));
        }
        pairs++;
      }
    }
    if (pairs != peer.size()) {
      throw new IllegalStateException(
          "chs has " + pairs + " pairs, the naive peer " + peer.size());
    }
  }

  private static void requireSame(String pair, KpiValue mine, Double theirs) {
    boolean same;
    if (mine instanceof KpiValue.Measured measured) {
      boolean mean = measured.kpiId().equals("product_adoption")
          || measured.kpiId().equals("sentiment")
          || measured.kpiId().equals("work_order_volume");
      same = theirs != null && (mean
          ? Math.abs(measured.curveInput() - theirs) <= 1e-9
          : measured.curveInput() == theirs);
    } else {
      same = theirs == null;
    }
    if (!same) {
      throw new IllegalStateException(
          "values of " + pair + " differ: chs " + mine + ", naive peer " + theirs);
    }
  }
}
