package dev.chs.core.aggregate;

import dev.chs.api.AccountId;
import dev.chs.api.CloudId;
import dev.chs.api.Window;
import dev.chs.api.kpi.Kpi;
import dev.chs.api.kpi.KpiAccumulator;
import dev.chs.api.kpi.KpiValue;
import dev.chs.api.signal.Contract;
import dev.chs.api.signal.Metric;
import dev.chs.api.signal.RenewalOutcome;
import dev.chs.api.signal.Signal;
import dev.chs.core.model.HealthModel;
import dev.chs.core.model.WeightedKpi;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Routes signals to the accumulators of every KPI of a model, per account and cloud, and produces
 * the KPI values as of one instant.
 *
 * <p>Each signal goes to the KPIs whose {@link Kpi#reads()} include its type. A signal whose cloud
 * is {@link CloudId#ACCOUNT_WIDE} counts in every cloud of its account: it is held once per account
 * and merged into each cloud's accumulators when the values are produced, which merging makes
 * exact. An account's clouds are those named by its contracts and its other signals; renewal
 * outcomes name none, since they are labels to learn from. An account that names no cloud at all
 * is given the single cloud {@link CloudId#ACCOUNT_WIDE}. A signal that came into being after T
 * ({@link Signal#occurredAt()}) is ignored whole, so that the clouds and values as of T are those
 * that the signals known at T give: no look-ahead.
 *
 * <p>A {@link Metric} whose name is the id of a model KPI that does not read metrics is that KPI's
 * value, aggregated upstream: it replaces what the KPI computed from signals for that account and
 * cloud, and an account-wide metric applies to every cloud without its own. Two different values
 * of one metric for one account and cloud are an error, since neither order may win. Contracts
 * give each cloud its ARR; several contracts of one cloud add up.
 *
 * <p>Memory grows with the number of (account, cloud) pairs, not with the number of signals. An
 * aggregator is not thread-safe: give each thread its own and combine them with {@link #merge}.
 *
 * @since 0.1.0
 */
public final class SignalAggregator {
  private final HealthModel model;
  private final Window window;
  private final FailurePolicy policy;
  private final Kpi<?>[] kpis;
  private final String[] ids;
  private final Map<String, Integer> metricTargets;
  private final ClassValue<int[]> routes;
  private final Set<Class<? extends Signal>> supplied = new HashSet<>();
  private final Map<AccountId, AccountState> accounts = new HashMap<>();
  private final Map<String, KpiFailure> failures = new LinkedHashMap<>();
  private long unread;
  private long afterAsOf;

  private SignalAggregator(HealthModel model, Instant asOf, FailurePolicy policy) {
    this.model = model;
    this.window = model.windowAt(asOf);
    this.policy = Objects.requireNonNull(policy, "policy");
    List<WeightedKpi> weighted = model.kpis();
    this.kpis = new Kpi<?>[weighted.size()];
    this.ids = new String[weighted.size()];
    Map<String, Integer> targets = new HashMap<>();
    for (int i = 0; i < kpis.length; i++) {
      kpis[i] = weighted.get(i).kpi();
      ids[i] = kpis[i].id();
      if (!kpis[i].reads().contains(Metric.class)) {
        targets.put(ids[i], i);
      }
    }
    this.metricTargets = Map.copyOf(targets);
    Kpi<?>[] routed = kpis;
    this.routes = new ClassValue<>() {
      @Override
      protected int[] computeValue(Class<?> type) {
        return routesFor(routed, type);
      }
    };
  }

  /**
   * Returns an empty aggregator that isolates failing KPIs.
   *
   * @param model the model whose KPIs to compute
   * @param asOf the instant T the values are for; the window is the model's, ending at T
   * @return the aggregator
   */
  public static SignalAggregator of(HealthModel model, Instant asOf) {
    return of(model, asOf, FailurePolicy.ISOLATE);
  }

  /**
   * Returns an empty aggregator.
   *
   * @param model the model whose KPIs to compute
   * @param asOf the instant T the values are for; the window is the model's, ending at T
   * @param policy what to do when a KPI's accumulator throws
   * @return the aggregator
   */
  public static SignalAggregator of(HealthModel model, Instant asOf, FailurePolicy policy) {
    return new SignalAggregator(
        Objects.requireNonNull(model, "model"), Objects.requireNonNull(asOf, "asOf"), policy);
  }

  /**
   * Returns the window the values are computed for.
   *
   * @return the window {@code (T - W, T]}
   */
  public Window window() {
    return window;
  }

  /**
   * Declares that a source of signals was supplied, even if it held no signal: a count KPI that
   * reads it is then a real zero rather than not applicable. Adding a signal declares its type.
   *
   * @param type the signal type, such as {@code SupportCase.class} for an empty {@code cases.csv}
   * @return this aggregator
   */
  public SignalAggregator declareSource(Class<? extends Signal> type) {
    supplied.add(Objects.requireNonNull(type, "type"));
    return this;
  }

  /**
   * Adds a signal.
   *
   * @param signal the signal
   * @throws KpiFailureException under {@link FailurePolicy#FAIL}, if a KPI's accumulator throws
   * @throws IllegalArgumentException if the signal is a metric already given another value
   */
  public void add(Signal signal) {
    Class<? extends Signal> type = signal.getClass();
    supplied.add(type);
    Instant occurred = signal.occurredAt();
    if (occurred != null && occurred.isAfter(window.asOf())) {
      // It cannot count as of T, and must not name a cloud that did not exist at T.
      afterAsOf++;
      return;
    }
    int[] route = routes.get(type);
    Integer metricTarget =
        signal instanceof Metric metric ? metricTargets.get(metric.name()) : null;
    boolean namesCloud = !(signal instanceof RenewalOutcome);
    if (route.length == 0 && metricTarget == null && !(signal instanceof Contract)) {
      unread++;
      if (namesCloud) {
        account(signal.account()).pair(signal.cloud());
      }
      return;
    }
    Pair pair = account(signal.account()).pair(signal.cloud());
    for (int i : route) {
      if (!pair.hasFailed(i)) {
        KpiAccumulator<?> accumulator = pair.accumulator(i, kpis, window);
        try {
          accumulator.add(signal);
        } catch (RuntimeException e) {
          fail(signal.account(), signal.cloud(), pair, i, e);
        }
      }
    }
    if (metricTarget != null) {
      pair.metric(
          ids[metricTarget], signal.account(), signal.cloud(), metricTarget,
          ((Metric) signal).value());
    }
    if (signal instanceof Contract contract) {
      pair.arr += contract.arr();
    }
  }

  /**
   * Adds every signal of {@code signals}, in order.
   *
   * @param signals the signals
   * @throws KpiFailureException under {@link FailurePolicy#FAIL}, if a KPI's accumulator throws
   */
  public void addAll(Iterable<? extends Signal> signals) {
    for (Signal signal : signals) {
      add(signal);
    }
  }

  /**
   * Adds everything {@code other} holds to this aggregator. {@code other} is left as it was.
   *
   * @param other an aggregator of the same model and window
   * @throws IllegalArgumentException if {@code other} has another model or window
   * @throws KpiFailureException under {@link FailurePolicy#FAIL}, if a KPI's merge throws
   */
  public void merge(SignalAggregator other) {
    if (!other.window.equals(window) || !other.model.equals(model)) {
      throw new IllegalArgumentException(
          "other: must aggregate the same model over " + window + ", was " + other.window);
    }
    supplied.addAll(other.supplied);
    unread += other.unread;
    afterAsOf += other.afterAsOf;
    other.failures.forEach(failures::putIfAbsent);
    other.accounts.forEach((id, theirs) -> {
      AccountState mine = account(id);
      theirs.clouds.forEach((cloud, pair) -> mergePair(id, cloud, mine.pair(cloud), pair));
    });
  }

  /**
   * Returns the KPI values of every account and cloud, accounts and clouds in order of id, each
   * cloud's values in the model's order of KPIs.
   *
   * @return the values per account
   * @throws KpiFailureException under {@link FailurePolicy#FAIL}, if a KPI's result throws
   */
  public List<AccountValues> results() {
    List<AccountValues> results = new ArrayList<>(accounts.size());
    for (AccountState account : new TreeMap<>(accounts).values()) {
      results.add(resultsOf(account));
    }
    return results;
  }

  /**
   * Returns the failures met so far under {@link FailurePolicy#ISOLATE}, one for each KPI,
   * account and cloud, in the order met.
   *
   * @return the failures; empty when every KPI computed
   */
  public List<KpiFailure> failures() {
    return List.copyOf(failures.values());
  }

  /**
   * Returns how many signals no KPI of the model read: signals of types no KPI reads, and metrics
   * that name no KPI. They still name their account and cloud.
   *
   * @return the count of unread signals
   */
  public long unread() {
    return unread;
  }

  /**
   * Returns how many signals came into being after the as-of instant T ({@link
   * Signal#occurredAt()}). They were ignored: they neither count in a KPI nor name a cloud.
   *
   * @return the count of signals after T
   */
  public long afterAsOf() {
    return afterAsOf;
  }

  /**
   * Returns how many (account, cloud) pairs the aggregator holds, counting each account's
   * account-wide signals as one pair.
   *
   * @return the number of pairs
   */
  public int pairs() {
    int pairs = 0;
    for (AccountState account : accounts.values()) {
      pairs += account.clouds.size();
    }
    return pairs;
  }

  private AccountValues resultsOf(AccountState account) {
    Pair wide = account.clouds.get(CloudId.ACCOUNT_WIDE);
    List<CloudValues> clouds = new ArrayList<>();
    for (Map.Entry<CloudId, Pair> entry : new TreeMap<>(account.clouds).entrySet()) {
      if (!entry.getKey().isAccountWide()) {
        clouds.add(valuesOf(account.id, entry.getKey(), entry.getValue(), wide));
      }
    }
    if (clouds.isEmpty()) {
      // An account has a pair for every cloud it was seen in, so with none of its own it has
      // the account-wide one.
      clouds.add(valuesOf(account.id, CloudId.ACCOUNT_WIDE, Objects.requireNonNull(wide), null));
    }
    return new AccountValues(account.id, clouds);
  }

  private CloudValues valuesOf(
      AccountId account, CloudId cloud, Pair pair, @Nullable Pair wide) {
    List<KpiValue> values = new ArrayList<>(kpis.length);
    for (int i = 0; i < kpis.length; i++) {
      values.add(valueOf(account, cloud, pair, wide, i));
    }
    return new CloudValues(cloud, pair.arr, values);
  }

  private KpiValue valueOf(
      AccountId account, CloudId cloud, Pair pair, @Nullable Pair wide, int i) {
    RuntimeException failed = pair.failure(i) != null ? pair.failure(i) : wide == null ? null
        : wide.failure(i);
    if (failed != null) {
      return new KpiValue.NotApplicable(ids[i], "failed: " + failed);
    }
    double metric = pair.metricOr(i, wide == null ? Double.NaN : wide.metricOr(i, Double.NaN));
    if (!Double.isNaN(metric)) {
      return KpiValue.Measured.of(ids[i], metric, 1);
    }
    try {
      return combined(i, pair, wide).result(isSupplied(kpis[i]));
    } catch (RuntimeException e) {
      fail(account, cloud, pair, i, e);
      return new KpiValue.NotApplicable(ids[i], "failed: " + e);
    }
  }

  private KpiAccumulator<?> combined(int i, Pair pair, @Nullable Pair wide) {
    KpiAccumulator<?> own = pair.accumulators[i];
    KpiAccumulator<?> shared = wide == null ? null : wide.accumulators[i];
    if (shared == null) {
      return own != null ? own : kpis[i].newAccumulator(window);
    }
    KpiAccumulator<?> fresh = kpis[i].newAccumulator(window);
    if (own != null) {
      mergeInto(fresh, own);
    }
    mergeInto(fresh, shared);
    return fresh;
  }

  private boolean isSupplied(Kpi<?> kpi) {
    for (Class<? extends Signal> type : kpi.reads()) {
      for (Class<? extends Signal> seen : supplied) {
        if (type.isAssignableFrom(seen)) {
          return true;
        }
      }
    }
    return false;
  }

  private void mergePair(AccountId account, CloudId cloud, Pair mine, Pair theirs) {
    mine.arr += theirs.arr;
    for (int i = 0; i < kpis.length; i++) {
      RuntimeException failure = theirs.failure(i);
      if (!mine.hasFailed(i) && failure != null) {
        mine.recordFailure(i, failure);
      }
      if (!mine.hasFailed(i) && theirs.accumulators[i] != null) {
        KpiAccumulator<?> accumulator = mine.accumulator(i, kpis, window);
        try {
          mergeInto(accumulator, theirs.accumulators[i]);
        } catch (RuntimeException e) {
          fail(account, cloud, mine, i, e);
        }
      }
      double metric = theirs.metricOr(i, Double.NaN);
      if (!Double.isNaN(metric)) {
        mine.metric(ids[i], account, cloud, i, metric);
      }
    }
  }

  private void fail(AccountId account, CloudId cloud, Pair pair, int i, RuntimeException e) {
    KpiFailure failure = new KpiFailure(account, cloud, ids[i], e);
    if (policy == FailurePolicy.FAIL) {
      throw new KpiFailureException(failure);
    }
    pair.recordFailure(i, e);
    failures.putIfAbsent(account + "\u0000" + cloud + "\u0000" + ids[i], failure);
  }

  private AccountState account(AccountId id) {
    AccountState state = accounts.get(id);
    if (state == null) {
      state = new AccountState(id);
      accounts.put(id, state);
    }
    return state;
  }

  @SuppressWarnings("unchecked")
  private static <A extends KpiAccumulator<A>> void mergeInto(
      KpiAccumulator<?> target, KpiAccumulator<?> source) {
    ((A) target).merge((A) source);
  }

  private static int[] routesFor(Kpi<?>[] kpis, Class<?> type) {
    int[] route = new int[kpis.length];
    int n = 0;
    for (int i = 0; i < kpis.length; i++) {
      for (Class<? extends Signal> read : kpis[i].reads()) {
        if (read.isAssignableFrom(type)) {
          route[n++] = i;
          break;
        }
      }
    }
    return Arrays.copyOf(route, n);
  }

  private final class AccountState {
    final AccountId id;
    final Map<CloudId, Pair> clouds = new HashMap<>(4);

    AccountState(AccountId id) {
      this.id = id;
    }

    Pair pair(CloudId cloud) {
      Pair pair = clouds.get(cloud);
      if (pair == null) {
        pair = new Pair(kpis.length);
        clouds.put(cloud, pair);
      }
      return pair;
    }
  }

  /**
   * The accumulators of one account and cloud, with what failed, its metrics and its ARR.
   *
   * <p>Memory per pair is what bounds an aggregator, so an accumulator is made only when the
   * first signal or merge reaches it (an absent one is empty), and the arrays of failures and
   * metrics only when there is one. The class is static to save a reference to the aggregator.
   */
  private static final class Pair {
    final @Nullable KpiAccumulator<?>[] accumulators;
    @Nullable RuntimeException @Nullable [] failed;
    double @Nullable [] metrics;
    double arr;

    Pair(int kpis) {
      this.accumulators = new KpiAccumulator<?>[kpis];
    }

    KpiAccumulator<?> accumulator(int i, Kpi<?>[] kpis, Window window) {
      KpiAccumulator<?> accumulator = accumulators[i];
      if (accumulator == null) {
        accumulator = kpis[i].newAccumulator(window);
        accumulators[i] = accumulator;
      }
      return accumulator;
    }

    boolean hasFailed(int i) {
      return failed != null && failed[i] != null;
    }

    @Nullable RuntimeException failure(int i) {
      return failed == null ? null : failed[i];
    }

    void recordFailure(int i, RuntimeException e) {
      if (failed == null) {
        failed = new RuntimeException[accumulators.length];
      }
      failed[i] = e;
    }

    void metric(String kpiId, AccountId account, CloudId cloud, int i, double value) {
      if (metrics == null) {
        metrics = new double[accumulators.length];
        Arrays.fill(metrics, Double.NaN);
      }
      if (!Double.isNaN(metrics[i]) && metrics[i] != value) {
        // Either value could win depending on the order of arrival, so neither may.
        throw new IllegalArgumentException(
            "metric '" + kpiId + "' of account " + account + ", cloud '" + cloud
                + "': must be given once, was " + metrics[i] + " and " + value);
      }
      metrics[i] = value;
    }

    double metricOr(int i, double fallback) {
      return metrics == null || Double.isNaN(metrics[i]) ? fallback : metrics[i];
    }
  }
}
