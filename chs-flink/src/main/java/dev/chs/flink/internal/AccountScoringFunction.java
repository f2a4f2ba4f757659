package dev.chs.flink.internal;

import dev.chs.api.AccountId;
import dev.chs.api.CloudId;
import dev.chs.api.signal.Metric;
import dev.chs.api.signal.RenewalOutcome;
import dev.chs.api.signal.Signal;
import dev.chs.api.signal.SupportCase;
import dev.chs.api.signal.WorkOrder;
import dev.chs.core.aggregate.AccountValues;
import dev.chs.core.aggregate.FailurePolicy;
import dev.chs.core.aggregate.KpiFailure;
import dev.chs.core.aggregate.SignalAggregator;
import dev.chs.core.model.HealthModel;
import dev.chs.core.model.InterventionPolicy;
import dev.chs.core.model.ModelFile;
import dev.chs.core.plugin.KpiRegistry;
import dev.chs.core.portfolio.Intervention;
import dev.chs.core.portfolio.InterventionTracker;
import dev.chs.core.portfolio.ScoreKey;
import dev.chs.core.score.AccountHealth;
import dev.chs.core.score.CloudHealth;
import dev.chs.core.score.Scorer;
import dev.chs.flink.SignalTimes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.jspecify.annotations.Nullable;

/**
 * The keyed operator behind {@code HealthScoring}: keyed by account id, it keeps the account's
 * signals in keyed state and, at each emission instant that the watermark passes, rebuilds the
 * accumulators of the model's window from them and scores them with the batch library.
 *
 * <p>State per account: an inbox of signals that arrived since the last emission (a list state,
 * cheap to append to) and the {@link AccountState} (a value state, read and written once per
 * emission). Both use the serializers of {@link StateLayout}.
 */
public final class AccountScoringFunction
    extends KeyedProcessFunction<String, Signal, AccountHealth> {
  private static final long serialVersionUID = 1L;

  private final String modelJson;
  private final long latenessMillis;
  private final long stepMillis;
  private final long retentionMillis;
  private final List<String> sourceTypes;
  private final String lateMetric;
  private final OutputTag<Intervention> interventionsTag;
  private final OutputTag<Signal> lateTag;

  private transient HealthModel model;
  private transient Scorer scorer;
  private transient InterventionPolicy policy;
  private transient List<Class<? extends Signal>> sources;
  private transient ValueState<AccountState> accountState;
  private transient ListState<TimedSignal> inbox;
  private transient Counter lateSignals;
  private transient LongCounter lateTotal;
  private transient FailureLog failureLog;

  /**
   * Creates the function. {@code HealthScoring} checks the arguments.
   *
   * @param model the model
   * @param latenessMillis the allowed lateness, in milliseconds, at least zero
   * @param stepMillis the time between emission instants, in milliseconds, above zero
   * @param retentionMillis how long a signal is kept after its event time, in milliseconds
   * @param sources the signal types declared as supplied in every emission
   * @param lateMetric the name of the counter of late signals
   * @param interventionsTag the side output of interventions
   * @param lateTag the side output of late signals
   */
  public AccountScoringFunction(
      HealthModel model,
      long latenessMillis,
      long stepMillis,
      long retentionMillis,
      List<Class<? extends Signal>> sources,
      String lateMetric,
      OutputTag<Intervention> interventionsTag,
      OutputTag<Signal> lateTag) {
    this.modelJson = ModelFile.write(model, ModelFile.Format.JSON);
    this.latenessMillis = latenessMillis;
    this.stepMillis = stepMillis;
    this.retentionMillis = retentionMillis;
    List<String> names = new ArrayList<>();
    for (Class<? extends Signal> type : sources) {
      names.add(type.getName());
    }
    this.sourceTypes = List.copyOf(names);
    this.lateMetric = lateMetric;
    this.interventionsTag = interventionsTag;
    this.lateTag = lateTag;
  }

  @Override
  public void open(OpenContext context) throws Exception {
    ClassLoader loader = getRuntimeContext().getUserCodeClassLoader();
    model = ModelFile.read(
        modelJson, ModelFile.Format.JSON, "chs-flink model", KpiRegistry.discover(loader));
    scorer = Scorer.of(model);
    policy = model.interventions();
    sources = new ArrayList<>();
    for (String name : sourceTypes) {
      sources.add(Class.forName(name, false, loader).asSubclass(Signal.class));
    }
    accountState = getRuntimeContext().getState(
        new ValueStateDescriptor<>("chs-account", AccountStateSerializer.INSTANCE));
    inbox = getRuntimeContext().getListState(
        new ListStateDescriptor<>("chs-inbox", TimedSignalSerializer.INSTANCE));
    lateSignals = getRuntimeContext().getMetricGroup().counter(lateMetric);
    lateTotal = getRuntimeContext().getLongCounter(lateMetric);
    failureLog = new FailureLog();
  }

  @Override
  public void processElement(Signal signal, Context context, Collector<AccountHealth> out)
      throws Exception {
    if (!StateLayout.supports(signal)) {
      throw new IllegalArgumentException(
          "signal: must be one of the signal types of chs-api to be scored on Flink, was "
              + signal.getClass().getName());
    }
    StateLayout.requireStorable(signal);
    long eventTime = SignalTimes.eventTime(signal);
    if (eventTime == SignalTimes.TIMELESS) {
      inbox.add(new TimedSignal(eventTime, signal));
      return;
    }
    long fireAt = saturatedAdd(emissionAtOrAfter(eventTime), latenessMillis);
    if (fireAt <= context.timerService().currentWatermark()) {
      lateSignals.inc();
      lateTotal.add(1);
      context.output(lateTag, signal);
      return;
    }
    inbox.add(new TimedSignal(eventTime, signal));
    context.timerService().registerEventTimeTimer(fireAt);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext context, Collector<AccountHealth> out)
      throws Exception {
    long asOf = timestamp - latenessMillis;
    AccountState state = accountState.value();
    if (state == null) {
      state = new AccountState();
    }
    absorbInbox(state);
    if (asOf <= state.lastEmitted) {
      accountState.update(state);
      return;
    }

    // Score the account as of the emission instant, and let its trackers see the score.
    String key = context.getCurrentKey();
    boolean[] counted = countedAt(state, asOf);
    Optional<AccountHealth> health = score(key, state, counted, asOf);
    state.lastEmitted = asOf;
    if (health.isPresent()) {
      out.collect(health.get());
      track(health.get(), state, context);
    }

    // Drop what no later emission can see, and keep emitting while anything is left; once the
    // input has ended, only up to the account's last signal.
    evict(state, counted, asOf);
    accountState.update(state);
    boolean ended = context.timerService().currentWatermark() == Long.MAX_VALUE;
    if (!state.retained.isEmpty() && (!ended || asOf < latestEventTime(state))) {
      context.timerService().registerEventTimeTimer(
          saturatedAdd(saturatedAdd(asOf, stepMillis), latenessMillis));
    }
  }

  private void absorbInbox(AccountState state) throws Exception {
    Iterable<TimedSignal> arrived = inbox.get();
    if (arrived == null) {
      return;
    }
    boolean any = false;
    for (TimedSignal timed : arrived) {
      any = true;
      state.retained.add(timed);
      if (!(timed.signal() instanceof RenewalOutcome)) {
        state.clouds.merge(timed.signal().cloud().value(), timed.eventTime(), Math::min);
      }
    }
    if (any) {
      inbox.clear();
    }
  }

  /**
   * Marks the retained signals that count as of T: those with an event time up to T, and of a
   * case or work order only its latest version by then. A later arrival at the same event time
   * wins, so that the order of arrival breaks ties.
   */
  private static boolean[] countedAt(AccountState state, long asOf) {
    List<TimedSignal> retained = state.retained;
    boolean[] counted = new boolean[retained.size()];
    Map<VersionKey, Integer> latest = new HashMap<>();
    for (int i = 0; i < retained.size(); i++) {
      TimedSignal timed = retained.get(i);
      if (timed.eventTime() > asOf) {
        continue;
      }
      counted[i] = true;
      VersionKey identity = VersionKey.of(timed.signal());
      if (identity != null) {
        Integer previous = latest.put(identity, i);
        if (previous != null) {
          if (retained.get(previous).eventTime() <= timed.eventTime()) {
            counted[previous] = false;
          } else {
            latest.put(identity, previous);
            counted[i] = false;
          }
        }
      }
    }
    return counted;
  }

  private Optional<AccountHealth> score(
      String key, AccountState state, boolean[] counted, long asOf) {
    Instant instant = Instant.ofEpochMilli(asOf);
    AccountId account = AccountId.of(key);
    SignalAggregator aggregator = SignalAggregator.of(model, instant, FailurePolicy.ISOLATE);
    for (Class<? extends Signal> type : sources) {
      aggregator.declareSource(type);
    }
    for (Map.Entry<String, Long> cloud : state.clouds.entrySet()) {
      if (cloud.getValue() <= asOf) {
        aggregator.add(new CloudMarker(account, CloudId.of(cloud.getKey())));
      }
    }
    List<TimedSignal> retained = state.retained;
    for (int i = 0; i < retained.size(); i++) {
      if (counted[i]) {
        add(aggregator, key, retained.get(i).signal());
      }
    }
    List<AccountValues> values = aggregator.results();
    for (KpiFailure failure : aggregator.failures()) {
      failureLog.kpiFailed(failure);
    }
    if (values.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(scorer.score(values.get(0), instant));
  }

  private void add(SignalAggregator aggregator, String key, Signal signal) {
    try {
      aggregator.add(signal);
    } catch (IllegalArgumentException e) {
      // A metric that stands for a KPI's value and came again with another value is refused:
      // the value that arrived first counts (FLINK-08). A store that refuses room for a new pair
      // (API-37) lands here too. Either way the signal is left out and the refusal logged.
      String what = signal instanceof Metric m ? "metric '" + m.name() + "'" : "signal";
      failureLog.signalRefused(key, what, e);
    }
  }

  private void track(AccountHealth health, AccountState state, Context context) {
    for (CloudHealth cloud : health.clouds()) {
      observe(ScoreKey.of(health.account(), cloud.cloud()), health, state, context);
    }
    observe(ScoreKey.overall(health.account()), health, state, context);
  }

  private void observe(ScoreKey key, AccountHealth health, AccountState state, Context context) {
    InterventionTracker.State before =
        state.trackers.getOrDefault(key.cloud(), InterventionTracker.State.INITIAL);
    InterventionTracker tracker = InterventionTracker.resume(key, policy, before);
    tracker.observe(health).ifPresent(event -> context.output(interventionsTag, event));
    state.trackers.put(key.cloud(), tracker.state());
  }

  private void evict(AccountState state, boolean[] counted, long asOf) {
    long horizon = asOf - retentionMillis;
    List<TimedSignal> kept = new ArrayList<>(state.retained.size());
    List<TimedSignal> retained = state.retained;
    for (int i = 0; i < retained.size(); i++) {
      TimedSignal timed = retained.get(i);
      boolean superseded = timed.eventTime() <= asOf && !counted[i];
      if (!superseded && !expired(timed, horizon)) {
        kept.add(timed);
      }
    }
    state.retained.clear();
    state.retained.addAll(kept);
  }

  /**
   * Tells whether no window ending at or after the emission instant can see a signal any more. A
   * timeless signal never expires, and neither does an open case: open cases count however old.
   */
  private static boolean expired(TimedSignal timed, long horizon) {
    if (timed.eventTime() == SignalTimes.TIMELESS) {
      return false;
    }
    if (timed.signal() instanceof SupportCase c && c.closedAt() == null) {
      return false;
    }
    return timed.eventTime() <= horizon;
  }

  /** The identity under which a later record replaces an earlier one. */
  private record VersionKey(boolean workOrder, String id) {
    static @Nullable VersionKey of(Signal signal) {
      if (signal instanceof SupportCase c) {
        return new VersionKey(false, c.caseId());
      }
      if (signal instanceof WorkOrder w) {
        return new VersionKey(true, w.workOrderId());
      }
      return null;
    }
  }

  private static long latestEventTime(AccountState state) {
    long latest = Long.MIN_VALUE;
    for (TimedSignal timed : state.retained) {
      latest = Math.max(latest, timed.eventTime());
    }
    return latest;
  }

  private long emissionAtOrAfter(long eventTime) {
    long floor = Math.floorDiv(eventTime, stepMillis) * stepMillis;
    return floor == eventTime ? floor : saturatedAdd(floor, stepMillis);
  }

  private static long saturatedAdd(long a, long b) {
    long sum = a + b;
    return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
  }
}
