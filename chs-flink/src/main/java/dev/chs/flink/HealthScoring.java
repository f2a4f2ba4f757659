package dev.chs.flink;

import dev.chs.api.Checks;
import dev.chs.api.kpi.Kpi;
import dev.chs.api.signal.Signal;
import dev.chs.core.model.HealthModel;
import dev.chs.core.model.WeightedKpi;
import dev.chs.core.portfolio.Intervention;
import dev.chs.core.score.AccountHealth;
import dev.chs.flink.internal.AccountScoringFunction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.OutputTag;
import org.jspecify.annotations.Nullable;

/**
 * Live health scores and interventions from a stream of signals: a keyed operator, keyed by
 * account, that scores each account at every emission instant the watermark passes, with the
 * batch library's answer for the same signals.
 *
 * <h2>When scores come out</h2>
 *
 * <p>Emission instants lie on a grid of {@link Builder#emitEvery} (one day by default) from the
 * epoch: midnight UTC, day after day. The score of an account as of an instant T is emitted once
 * the watermark reaches {@code T + allowedLateness}, so it is final: it counts every signal with
 * an event time up to T that was not late. An account emits at every instant from the first one
 * at or after its first signal, for as long as it keeps any signal in state. At the end of a
 * bounded input, the watermark jumps to its maximum: each account then emits every instant up to
 * the first one at or after its last signal, and stops.
 *
 * <h2>What a score counts</h2>
 *
 * <p>Each signal is an immutable record with an event time, {@link SignalTimes#eventTime}. A
 * support case or a work order with the same id as an earlier record of the same account
 * replaces it from its own event time on: that is how a case that opened and later closed arrives.
 * Every other record adds to what came before. The score as of T equals {@link
 * dev.chs.core.score.Scorer#score(dev.chs.core.aggregate.AccountValues, java.time.Instant)} of
 * {@link dev.chs.core.aggregate.SignalAggregator} over the latest version of each case and work
 * order, and every other signal, with an event time up to T, with the {@link Builder#sources}
 * declared. Contracts and metrics have no event time: they count from the first emission after
 * they arrive.
 *
 * <h2>Late signals</h2>
 *
 * <p>A signal is late when the score of the first instant that would count it was already
 * emitted: when the watermark has reached that instant plus the allowed lateness. A late signal
 * counts in no score; it goes to the {@link #LATE_SIGNALS} side output, and both the operator's
 * metric counter and the job accumulator named {@value #LATE_SIGNALS_METRIC} count it. Nothing
 * is dropped silently.
 *
 * <h2>State and its memory</h2>
 *
 * <p>The operator keeps signals, not accumulators, since a chs accumulator is bound to one
 * window: at each emission it rebuilds the accumulators of the window ending there. Per account it
 * keeps every signal whose event time lies within the {@link Builder#retention} (by default four
 * windows, which {@code work_order_volume}'s baseline needs) before the last emission, every open
 * case however old, every contract and metric, and one entry per cloud and per intervention
 * tracker. So memory grows with the signal rate times the retention, plus the open cases, not
 * with the length of the stream. The state's bytes are documented and versioned in {@code
 * dev.chs.flink.internal.StateLayout}; they hold signals, so a chs release that changes an
 * accumulator's form still reads the savepoints.
 *
 * <p>One difference from batch follows from the bounded retention: {@code open_support_cases}
 * counts, as its evidence, every case opened by T. A closed case that left the retention is no
 * longer counted there. Its value and score, and every other number of the score, stay exact.
 * {@link Builder#retention} with a longer duration keeps them longer.
 *
 * <h2>Interventions</h2>
 *
 * <p>Each account has one {@link dev.chs.core.portfolio.InterventionTracker} per cloud and one for
 * its overall score, with the model's policy and its hysteresis, and its state in keyed state.
 * Each {@link Intervention} goes to the {@link #INTERVENTIONS} side output, with the top
 * detractors. With checkpointing, the trackers and the signals are restored together, so a
 * restart neither loses nor repeats an intervention in a sink that commits on checkpoints.
 *
 * <h2>Failures</h2>
 *
 * <p>A KPI whose accumulator throws is not applicable where it fails, as {@link
 * dev.chs.core.aggregate.FailurePolicy#ISOLATE} describes, and the failure is logged through
 * {@link System.Logger} at {@code WARNING} once per KPI and exception type in each parallel
 * instance. A metric that stands for a KPI's value (one named after a KPI that does not read
 * metrics) and comes again with another value for one cloud is refused at every emission: the
 * value that arrived first counts, and the refusal is logged once per metric name in each
 * parallel instance.
 *
 * <p>An instance is immutable and may be shared between threads.
 *
 * @since 0.1.0
 */
public final class HealthScoring {
  /**
   * The side output of interventions.
   *
   * @since 0.1.0
   */
  public static final OutputTag<Intervention> INTERVENTIONS =
      new OutputTag<>("chs-interventions", TypeInformation.of(Intervention.class));

  /**
   * The side output of signals that arrived later than the allowed lateness.
   *
   * @since 0.1.0
   */
  public static final OutputTag<Signal> LATE_SIGNALS =
      new OutputTag<>("chs-late-signals", TypeInformation.of(Signal.class));

  /**
   * The name of the operator's metric counter, and of the job accumulator, of late signals.
   *
   * @since 0.1.0
   */
  public static final String LATE_SIGNALS_METRIC = "chsLateSignals";

  /**
   * How many windows a signal is kept for by default: the window and a baseline of three.
   *
   * @since 0.1.0
   */
  public static final int DEFAULT_RETENTION_WINDOWS = 4;

  private final HealthModel model;
  private final Duration allowedLateness;
  private final Duration emitEvery;
  private final Duration retention;
  private final List<Class<? extends Signal>> sources;
  private final String uid;

  private HealthScoring(Builder builder) {
    this.model = builder.model;
    this.uid = builder.uid;
    this.allowedLateness = builder.allowedLateness;
    this.emitEvery = builder.emitEvery;
    this.retention = builder.retention != null
        ? builder.retention
        : model.window().multipliedBy(DEFAULT_RETENTION_WINDOWS);
    this.sources = List.copyOf(builder.sources != null ? builder.sources : readTypes(model));
  }

  /**
   * The operator's uid and name unless {@link Builder#uid} sets another.
   *
   * @since 0.1.0
   */
  public static final String DEFAULT_UID = "chs-health-scoring";

  /**
   * Returns a builder of the operator for a model.
   *
   * @param model the model to score with; its KPIs must be found on the task managers through
   *     {@link java.util.ServiceLoader}, with the job's class loader
   * @return the builder, with the defaults
   * @throws NullPointerException if {@code model} is null
   * @since 0.1.0
   */
  public static Builder builder(HealthModel model) {
    return new Builder(Objects.requireNonNull(model, "model"));
  }

  /**
   * Scores a stream of signals. The stream needs event-time watermarks, such as those of {@link
   * SignalTimes#watermarks}; the operator reads each signal's event time from the signal itself.
   *
   * @param signals the signals, of the types of chs-api; another type fails the job
   * @return the scores, the interventions and the late signals
   * @throws NullPointerException if {@code signals} is null
   * @since 0.1.0
   */
  public HealthStreams apply(DataStream<Signal> signals) {
    SingleOutputStreamOperator<AccountHealth> scores = signals
        .keyBy(HealthScoring::accountOf, Types.STRING)
        .process(function(), TypeInformation.of(AccountHealth.class))
        .name(uid)
        .uid(uid);
    return new HealthStreams(
        scores, scores.getSideOutput(INTERVENTIONS), scores.getSideOutput(LATE_SIGNALS));
  }

  /**
   * Returns the keyed function itself, for a job that keys the stream by {@link #accountOf}
   * itself and wires the outputs by hand.
   *
   * @return a new function
   * @since 0.1.0
   */
  public KeyedProcessFunction<String, Signal, AccountHealth> function() {
    return new AccountScoringFunction(
        model, allowedLateness.toMillis(), emitEvery.toMillis(), retention.toMillis(), sources,
        LATE_SIGNALS_METRIC, INTERVENTIONS, LATE_SIGNALS);
  }

  /**
   * Returns the key of a signal: its account's id.
   *
   * @param signal the signal
   * @return the account id
   * @since 0.1.0
   */
  public static String accountOf(Signal signal) {
    return signal.account().value();
  }

  /**
   * Returns the allowed lateness.
   *
   * @return the lateness; zero or more
   * @since 0.1.0
   */
  public Duration allowedLateness() {
    return allowedLateness;
  }

  /**
   * Returns the time between emission instants.
   *
   * @return the step; above zero
   * @since 0.1.0
   */
  public Duration emitEvery() {
    return emitEvery;
  }

  /**
   * Returns how long a signal is kept after its event time.
   *
   * @return the retention; at least the model's window
   * @since 0.1.0
   */
  public Duration retention() {
    return retention;
  }

  /**
   * Returns the signal types declared as supplied in every score.
   *
   * @return the types
   * @since 0.1.0
   */
  public List<Class<? extends Signal>> sources() {
    return sources;
  }

  private static List<Class<? extends Signal>> readTypes(HealthModel model) {
    Set<Class<? extends Signal>> types = new LinkedHashSet<>();
    for (WeightedKpi weighted : model.kpis()) {
      Kpi<?> kpi = weighted.kpi();
      types.addAll(kpi.reads());
    }
    List<Class<? extends Signal>> sorted = new ArrayList<>(types);
    sorted.sort((a, b) -> a.getName().compareTo(b.getName()));
    return sorted;
  }

  /**
   * Configures a {@link HealthScoring}. Not thread-safe.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private final HealthModel model;
    private Duration allowedLateness = Duration.ZERO;
    private Duration emitEvery = Duration.ofDays(1);
    private @Nullable Duration retention;
    private @Nullable List<Class<? extends Signal>> sources;
    private String uid = DEFAULT_UID;

    private Builder(HealthModel model) {
      this.model = model;
    }

    /**
     * Sets how long after an emission instant the operator waits for its signals: the score as
     * of T comes out when the watermark reaches T plus this. Zero by default.
     *
     * @param lateness zero or more, in whole milliseconds, at most {@link Long#MAX_VALUE} of them
     * @return this builder
     * @since 0.1.0
     */
    public Builder allowedLateness(Duration lateness) {
      this.allowedLateness = Objects.requireNonNull(lateness, "lateness");
      return this;
    }

    /**
     * Sets the time between emission instants, on a grid from the epoch. One day by default.
     *
     * @param step above zero, in whole milliseconds, at most {@link Long#MAX_VALUE} of them
     * @return this builder
     * @since 0.1.0
     */
    public Builder emitEvery(Duration step) {
      this.emitEvery = Objects.requireNonNull(step, "step");
      return this;
    }

    /**
     * Sets how long a signal is kept after its event time. By default four windows
     * of the model, {@link HealthScoring#DEFAULT_RETENTION_WINDOWS}. A KPI that looks further back than
     * this sees less than the batch library would.
     *
     * @param retention at least the model's window, and at most {@link Long#MAX_VALUE}
     *     milliseconds
     * @return this builder
     * @since 0.1.0
     */
    public Builder retention(Duration retention) {
      this.retention = Objects.requireNonNull(retention, "retention");
      return this;
    }

    /**
     * Sets the signal types that every score declares as supplied, so that a count KPI reading
     * one of them is a real zero for an account that sent none. By default the types the model's
     * KPIs read: a live stream is taken to carry every source the model needs.
     *
     * @param types the types; may be empty
     * @return this builder
     * @throws NullPointerException if {@code types} is null or holds null
     * @since 0.1.0
     */
    public Builder sources(Set<Class<? extends Signal>> types) {
      Checks.requireNonNull("sources", types);
      if (types.contains(null)) {
        throw new NullPointerException("sources: must not hold null, was " + types);
      }
      List<Class<? extends Signal>> sorted = new ArrayList<>(types);
      sorted.sort((a, b) -> a.getName().compareTo(b.getName()));
      this.sources = sorted;
      return this;
    }

    /**
     * Sets the operator's uid, which a savepoint maps its state by, and its name. A job that
     * scores one stream twice gives each its own. {@value HealthScoring#DEFAULT_UID} by default.
     *
     * @param uid the uid; not blank
     * @return this builder
     * @since 0.1.0
     */
    public Builder uid(String uid) {
      this.uid = Objects.requireNonNull(uid, "uid");
      return this;
    }

    /**
     * Builds the operator's configuration.
     *
     * @return the configuration
     * @throws IllegalArgumentException listing every setting that is out of range
     * @since 0.1.0
     */
    public HealthScoring build() {
      List<String> errors = new ArrayList<>();
      if (allowedLateness.isNegative() || !wholeMillis(allowedLateness)) {
        errors.add("allowedLateness: must be zero or more whole milliseconds, at most "
            + Long.MAX_VALUE + ", was " + allowedLateness);
      }
      if (emitEvery.isNegative() || emitEvery.isZero() || !wholeMillis(emitEvery)) {
        errors.add("emitEvery: must be one or more whole milliseconds, at most " + Long.MAX_VALUE
            + ", was " + emitEvery);
      }
      if (retention != null
          && (retention.compareTo(model.window()) < 0
              || retention.compareTo(SignalTimes.LONGEST) > 0)) {
        errors.add("retention: must be at least the model's window (" + model.window()
            + ") and at most " + Long.MAX_VALUE + " milliseconds, was " + retention);
      }
      if (uid.isBlank()) {
        errors.add("uid: must not be blank, was '" + uid + "'");
      }
      if (!errors.isEmpty()) {
        throw new IllegalArgumentException(String.join("; ", errors));
      }
      return new HealthScoring(this);
    }

    /** Tells whether a duration is a whole number of milliseconds that a long holds. */
    private static boolean wholeMillis(Duration duration) {
      return duration.toNanosPart() % 1_000_000 == 0
          && duration.compareTo(SignalTimes.LONGEST) <= 0;
    }
  }
}
