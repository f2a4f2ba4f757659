package dev.chs.spark.internal;

import dev.chs.api.AccountId;
import dev.chs.api.CloudId;
import dev.chs.api.Window;
import dev.chs.api.internal.Accumulators;
import dev.chs.api.internal.KpiResultCheck;
import dev.chs.api.kpi.Kpi;
import dev.chs.api.kpi.KpiAccumulator;
import dev.chs.api.kpi.KpiValue;
import dev.chs.api.signal.Complaint;
import dev.chs.api.signal.Contract;
import dev.chs.api.signal.Metric;
import dev.chs.api.signal.SentimentSample;
import dev.chs.api.signal.Signal;
import dev.chs.api.signal.SupportCase;
import dev.chs.api.signal.UsageSample;
import dev.chs.api.signal.WorkOrder;
import dev.chs.core.aggregate.AccountValues;
import dev.chs.core.aggregate.CloudValues;
import dev.chs.core.aggregate.FailurePolicy;
import dev.chs.core.aggregate.KpiFailure;
import dev.chs.core.aggregate.KpiFailureException;
import dev.chs.core.model.HealthModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.jspecify.annotations.Nullable;

/**
 * What the KPI aggregator needs to route one account's signals, built once per JVM from the
 * model: the KPIs in the model's order, which signal types reach which KPIs, which metrics stand
 * for which KPIs, and which KPIs had a source supplied.
 *
 * <p>It follows {@link dev.chs.core.aggregate.SignalAggregator} rule for rule, on the state of a
 * single account: account-wide signals are held apart and merged into every cloud when the values
 * are produced; the clouds are those that the account's signals name, and the account-wide cloud
 * alone when they name none; a metric named after a KPI that does not read metrics replaces that
 * KPI's value; contracts add up to each cloud's ARR; and a failing accumulator is isolated, or
 * stops the job under {@link FailurePolicy#FAIL}. Immutable and safe to share between threads.
 */
public final class KpiPlan {
  private final Window window;
  private final FailurePolicy policy;
  private final Kpi<?>[] kpis;
  private final String[] ids;
  private final boolean[] supplied;
  private final Map<String, Integer> metricTargets;
  private final Map<Class<?>, int[]> routes = new HashMap<>();

  /**
   * Builds the plan of a model.
   *
   * @param model the model
   * @param asOf the instant T
   * @param suppliedTypes the signal types whose sources were supplied
   * @param policy what a failing accumulator does
   */
  public KpiPlan(
      HealthModel model,
      Instant asOf,
      Set<Class<? extends Signal>> suppliedTypes,
      FailurePolicy policy) {
    this.window = model.windowAt(asOf);
    this.policy = policy;
    int n = model.kpis().size();
    this.kpis = new Kpi<?>[n];
    this.ids = new String[n];
    this.supplied = new boolean[n];
    Map<String, Integer> targets = new HashMap<>();
    for (int i = 0; i < n; i++) {
      kpis[i] = model.kpis().get(i).kpi();
      ids[i] = kpis[i].id();
      supplied[i] = isSupplied(kpis[i], suppliedTypes);
      if (!kpis[i].reads().contains(Metric.class)) {
        targets.put(ids[i], i);
      }
    }
    this.metricTargets = Map.copyOf(targets);
    for (Class<?> type : List.of(SupportCase.class, WorkOrder.class, Complaint.class,
        UsageSample.class, SentimentSample.class, Contract.class, Metric.class)) {
      routes.put(type, routesFor(type));
    }
  }

  /**
   * Returns an empty buffer for this plan's model.
   *
   * @return the buffer
   */
  public AccountBuffer newBuffer() {
    return new AccountBuffer(kpis.length);
  }

  /**
   * Adds one signal row to an account's buffer.
   *
   * @param buffer the account's buffer
   * @param row the row
   * @return the buffer
   * @throws IllegalArgumentException if the row is not a valid signal; the message names its kind,
   *     account and cloud, the column and the value
   * @throws KpiFailureException under {@link FailurePolicy#FAIL}, if an accumulator throws
   */
  public AccountBuffer add(AccountBuffer buffer, Row row) {
    Signal signal = SignalRows.toSignal(row);
    Instant occurred = signal.occurredAt();
    if (occurred != null && occurred.isAfter(window.asOf())) {
      // As SignalAggregator does: a signal after T neither counts nor names a cloud.
      return buffer;
    }
    if (buffer.clouds.isEmpty()) {
      buffer.account = signal.account().value();
    }
    requireKpiCount(buffer);
    // SignalRows makes only the types that the constructor routed.
    int[] route = Objects.requireNonNull(routes.get(signal.getClass()), "route");
    Integer metricTarget =
        signal instanceof Metric metric ? metricTargets.get(metric.name()) : null;
    AccountBuffer.CloudState pair = buffer.cloud(signal.cloud().value());
    if (route.length == 0 && metricTarget == null && !(signal instanceof Contract)) {
      return buffer;
    }
    if (metricTarget != null) {
      // Before the KPIs, so that no KPI that reads metrics sees a metric that is refused.
      metric(signal.account().value(), signal.cloud().value(), pair, metricTarget,
          ((Metric) signal).value());
    }
    for (int i : route) {
      if (pair.failed[i] == null) {
        try {
          accumulator(pair, i).add(signal);
        } catch (RuntimeException e) {
          fail(signal.account(), signal.cloud(), pair, i, e);
        }
      }
    }
    if (signal instanceof Contract contract) {
      pair.arr += contract.arr();
    }
    return buffer;
  }

  /**
   * Merges the second buffer into the first. The second may share state with the first after
   * this call, so it must not be used again.
   *
   * @param mine the buffer merged into
   * @param theirs the buffer merged from
   * @return {@code mine}
   */
  public AccountBuffer merge(AccountBuffer mine, AccountBuffer theirs) {
    if (theirs.clouds.isEmpty()) {
      return mine;
    }
    if (mine.clouds.isEmpty()) {
      mine.account = theirs.account;
    }
    requireKpiCount(mine);
    requireKpiCount(theirs);
    for (Map.Entry<String, AccountBuffer.CloudState> entry : theirs.clouds.entrySet()) {
      mergePair(mine.account, entry.getKey(), mine.cloud(entry.getKey()), entry.getValue());
    }
    return mine;
  }

  private void mergePair(
      String account, String cloud, AccountBuffer.CloudState mine,
      AccountBuffer.CloudState theirs) {
    mine.arr += theirs.arr;
    for (int i = 0; i < kpis.length; i++) {
      if (mine.failed[i] == null && theirs.failed[i] != null) {
        mine.failed[i] = theirs.failed[i];
      }
      if (mine.failed[i] == null && theirs.accumulators[i] != null) {
        if (mine.accumulators[i] == null) {
          mine.accumulators[i] = theirs.accumulators[i];
          mine.kpiIds[i] = ids[i];
        } else {
          try {
            Accumulators.mergeInto(mine.accumulators[i], theirs.accumulators[i]);
          } catch (RuntimeException e) {
            fail(AccountId.of(account), CloudId.of(cloud), mine, i, e);
          }
        }
      }
      double metric = theirs.metricOr(i, Double.NaN);
      if (!Double.isNaN(metric)) {
        metric(account, cloud, mine, i, metric);
      }
    }
  }

  /**
   * Returns the KPI values of the account, clouds in order of id, each cloud's values in the
   * model's order, as {@link dev.chs.core.aggregate.SignalAggregator#results()} gives them.
   *
   * @param buffer the account's buffer
   * @return the values; null for a buffer that no signal reached
   */
  public @Nullable AccountValues values(AccountBuffer buffer) {
    if (buffer.clouds.isEmpty()) {
      return null;
    }
    AccountId account = AccountId.of(buffer.account);
    AccountBuffer.CloudState wide = buffer.clouds.get("");
    List<CloudValues> clouds = new ArrayList<>();
    for (Map.Entry<String, AccountBuffer.CloudState> entry :
        new TreeMap<>(buffer.clouds).entrySet()) {
      if (!entry.getKey().isEmpty()) {
        clouds.add(valuesOf(account, CloudId.of(entry.getKey()), entry.getValue(), wide));
      }
    }
    if (clouds.isEmpty()) {
      // A buffer has a state for every cloud a signal named, so with none of its own it has the
      // account-wide one.
      clouds.add(valuesOf(account, CloudId.ACCOUNT_WIDE, Objects.requireNonNull(wide), null));
    }
    return new AccountValues(account, clouds);
  }

  private CloudValues valuesOf(
      AccountId account, CloudId cloud, AccountBuffer.CloudState pair,
      AccountBuffer.@Nullable CloudState wide) {
    List<KpiValue> values = new ArrayList<>(kpis.length);
    for (int i = 0; i < kpis.length; i++) {
      values.add(valueOf(account, cloud, pair, wide, i));
    }
    return new CloudValues(cloud, pair.arr, values);
  }

  private KpiValue valueOf(
      AccountId account, CloudId cloud, AccountBuffer.CloudState pair,
      AccountBuffer.@Nullable CloudState wide, int i) {
    String failed = pair.failed[i] != null ? pair.failed[i] : wide == null ? null : wide.failed[i];
    if (failed != null) {
      return new KpiValue.NotApplicable(ids[i], "failed: " + failed);
    }
    double metric = pair.metricOr(i, wide == null ? Double.NaN : wide.metricOr(i, Double.NaN));
    if (!Double.isNaN(metric)) {
      return KpiValue.Measured.of(ids[i], metric, 1);
    }
    try {
      // As SignalAggregator does: a null result or a value of another KPI fails the KPI.
      return KpiResultCheck.requireValueOf(ids[i], combined(i, pair, wide).result(supplied[i]));
    } catch (RuntimeException e) {
      fail(account, cloud, pair, i, e);
      return new KpiValue.NotApplicable(ids[i], "failed: " + e);
    }
  }

  private KpiAccumulator<?> combined(int i, AccountBuffer.CloudState pair,
      AccountBuffer.@Nullable CloudState wide) {
    return Accumulators.combined(kpis[i], window, pair.accumulators[i],
        wide == null ? null : wide.accumulators[i]);
  }

  private KpiAccumulator<?> accumulator(AccountBuffer.CloudState pair, int i) {
    KpiAccumulator<?> accumulator = pair.accumulators[i];
    if (accumulator == null) {
      accumulator = kpis[i].newAccumulator(window);
      pair.accumulators[i] = accumulator;
      pair.kpiIds[i] = ids[i];
    }
    return accumulator;
  }

  private void metric(
      String account, String cloud, AccountBuffer.CloudState pair, int i, double value) {
    double before = pair.metric(i, value);
    if (!Double.isNaN(before) && before != value) {
      // Either value could win depending on the order of arrival, so neither may.
      throw new IllegalArgumentException(
          "metric '" + ids[i] + "' of account " + account + ", cloud '" + cloud
              + "': must be given once, was " + before + " and " + value);
    }
  }

  private void fail(
      AccountId account, CloudId cloud, AccountBuffer.CloudState pair, int i,
      RuntimeException e) {
    if (policy == FailurePolicy.FAIL) {
      throw new KpiFailureException(new KpiFailure(account, cloud, ids[i], e));
    }
    pair.failed[i] = e.toString();
    pair.accumulators[i] = null;
  }

  private void requireKpiCount(AccountBuffer buffer) {
    if (buffer.kpiCount != kpis.length) {
      throw new IllegalStateException(
          "aggregation buffer of account '" + buffer.account + "': holds " + buffer.kpiCount
              + " KPIs, the model has " + kpis.length + " " + Arrays.toString(ids));
    }
  }

  private int[] routesFor(Class<?> type) {
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

  private static boolean isSupplied(Kpi<?> kpi, Set<Class<? extends Signal>> suppliedTypes) {
    for (Class<? extends Signal> type : kpi.reads()) {
      for (Class<? extends Signal> seen : suppliedTypes) {
        if (type.isAssignableFrom(seen)) {
          return true;
        }
      }
    }
    return false;
  }
}
