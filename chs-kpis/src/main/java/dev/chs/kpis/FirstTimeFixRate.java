package dev.chs.kpis;

import dev.chs.api.Checks;
import dev.chs.api.Window;
import dev.chs.api.kpi.Curve;
import dev.chs.api.kpi.Direction;
import dev.chs.api.kpi.Kpi;
import dev.chs.api.kpi.KpiState;
import dev.chs.api.kpi.KpiStates;
import dev.chs.api.kpi.KpiValue;
import dev.chs.api.signal.Signal;
import dev.chs.api.signal.SupportCase;
import dev.chs.api.signal.WorkOrder;
import dev.chs.kpis.internal.CountValues;
import dev.chs.kpis.internal.LongRecordStates;
import dev.chs.kpis.internal.StateFields;
import dev.chs.kpis.internal.TwoCountAccumulator;
import dev.chs.kpis.internal.WindowMath;
import java.io.DataInput;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code first_time_fix_rate}: how often a problem is solved at the first attempt.
 *
 * <p>Raw value: {@code fixed / known}, in [0, 1]. {@code known} counts the support cases whose
 * {@code closedAt} lies in the window {@code (T - W, T]} and whose {@code firstContactResolution}
 * is known, plus the work orders whose {@code completedAt} lies in the window and whose {@code
 * firstTimeFix} is known. {@code fixed} counts those of them whose flag is true. Cases and work
 * orders weigh the same. Higher is better.
 *
 * <p>Evidence: {@code known}.
 *
 * <p>{@linkplain KpiValue.NotApplicable Not applicable} when {@code known} is zero; whether a
 * source was supplied does not change that.
 *
 * <p>Default curve: {@link Curve.Linear} from worst 0.5 (score 0) to best 0.95 (score 100).
 *
 * <p>The KPI keeps many pairs' state in a store ({@link #newStates}) of two longs a pair, the
 * outcomes known and those fixed at the first attempt, which an accumulator of the pair holds
 * too.
 *
 * <p>Instances are immutable and thread-safe. The serialized form of the accumulator is documented
 * in the {@linkplain dev.chs.kpis package description}.
 *
 * @since 0.1.0
 */
public final class FirstTimeFixRate implements Kpi<FirstTimeFixRate.Accumulator> {
  /** The id of this KPI. */
  public static final String ID = "first_time_fix_rate";

  /** The version of the accumulator's serialized form that this class writes and reads. */
  public static final int STATE_VERSION = 1;

  /** What {@link #countsOf} returns for an outcome known in the window: the store's long 0. */
  private static final int KNOWN = 1;

  /** What {@link #countsOf} adds for an outcome that was a fix at the first attempt: long 1. */
  private static final int FIXED = 2;

  private static final Curve DEFAULT_CURVE = new Curve.Linear(0.5, 0.95);

  /** The values of small counts, made once. */
  private static final CountValues VALUES =
      new CountValues(2, (known, fixed, unused) -> valueOf(known, fixed));

  /** Creates the KPI. Every instance behaves the same. */
  public FirstTimeFixRate() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Share of cases and work orders finished in the window that were fixed at the first"
        + " attempt.";
  }

  @Override
  public Set<Class<? extends Signal>> reads() {
    return Set.of(SupportCase.class, WorkOrder.class);
  }

  @Override
  public Direction direction() {
    return Direction.HIGHER_IS_BETTER;
  }

  /**
   * {@inheritDoc}
   *
   * @return {@link Curve.Linear} from worst 0.5 to best 0.95
   */
  @Override
  public Curve defaultCurve() {
    return DEFAULT_CURVE;
  }

  /**
   * {@inheritDoc}
   *
   * @throws NullPointerException if {@code window} is null
   */
  @Override
  public Accumulator newAccumulator(Window window) {
    return new Accumulator(Checks.requireNonNull("window", window), 0, 0);
  }

  /**
   * {@inheritDoc}
   *
   * @return a store of two longs a pair
   * @throws NullPointerException if {@code window} is null
   */
  @Override
  public Optional<KpiStates<Accumulator>> newStates(Window window) {
    return Optional.of(new States(Checks.requireNonNull("window", window)));
  }

  /**
   * {@inheritDoc}
   *
   * @throws IOException also if a count is negative, or more were fixed than known (possible
   *     corruption)
   */
  @Override
  public Accumulator readAccumulator(DataInput in) throws IOException {
    Window window = KpiState.readHeader(in, ID, STATE_VERSION);
    long known = StateFields.readCount(in, ID, "known");
    long fixed = StateFields.readCount(in, ID, "fixed");
    StateFields.requireAtMost(ID, "fixed", fixed, "known", known);
    return new Accumulator(window, known, fixed);
  }

  /**
   * The state of {@code first_time_fix_rate} for one account and cloud: the cases and work orders
   * finished in the window with a known outcome, and those fixed at the first attempt. Only a
   * {@link SupportCase} closed in the window with a known first-contact resolution, or a {@link
   * WorkOrder} completed in the window with a known first-time fix, changes it. Its result is
   * {@code fixed / known}; not applicable when no outcome in the window is known, whether a source
   * was supplied or not. Not thread-safe.
   *
   * @since 0.1.0
   */
  // The superclass is internal on purpose: every public member it gives this class overrides
  // KpiAccumulator, so a caller never has to name it, and it stays free to change.
  @SuppressWarnings("exports")
  public static final class Accumulator extends TwoCountAccumulator<Accumulator> {
    private Accumulator(Window window, long known, long fixed) {
      super(window, known, fixed);
    }

    @Override
    protected String kpiId() {
      return ID;
    }

    @Override
    protected int stateVersion() {
      return STATE_VERSION;
    }

    @Override
    protected int countsOf(Signal signal) {
      return FirstTimeFixRate.countsOf(window(), signal);
    }

    @Override
    protected KpiValue resultOf(long known, long fixed, boolean sourceSupplied) {
      return FirstTimeFixRate.resultOf(known, fixed);
    }
  }

  /**
   * Returns what a signal adds to the counts: {@link #KNOWN} for a case or work order finished in
   * the window with a known outcome, with {@link #FIXED} as well if it was fixed at the first
   * attempt, and 0 for any other signal. The accumulator and the store both count through this
   * one rule.
   */
  private static int countsOf(Window window, Signal signal) {
    Checks.requireNonNull("signal", signal);
    if (signal instanceof SupportCase c) {
      return countsOf(window, c.closedAt(), c.firstContactResolution());
    } else if (signal instanceof WorkOrder w) {
      return countsOf(window, w.completedAt(), w.firstTimeFix());
    }
    return 0;
  }

  private static int countsOf(
      Window window, @Nullable Instant finishedAt, @Nullable Boolean fixedFirstTime) {
    if (finishedAt == null || fixedFirstTime == null || !WindowMath.contains(window, finishedAt)) {
      return 0;
    }
    return fixedFirstTime ? KNOWN | FIXED : KNOWN;
  }

  private static KpiValue resultOf(long known, long fixed) {
    return VALUES.of(known, fixed);
  }

  private static KpiValue valueOf(long known, long fixed) {
    if (known == 0) {
      return new KpiValue.NotApplicable(
          ID, "no case or work order finished in the window with a known first-time fix");
    }
    return KpiValue.Measured.of(ID, (double) fixed / known, known);
  }

  /** Every pair's counts in one array: pair p's known outcomes at {@code 2p}, its fixed after. */
  private static final class States extends LongRecordStates<Accumulator> {
    States(Window window) {
      super(ID, window, 2);
    }

    @Override
    public void add(int pair, Signal signal) {
      countEach(pair, countsOf(window(), signal));
    }

    @Override
    public void merge(int pair, KpiStates<Accumulator> other, int otherPair) {
      addCounts(pair, other, otherPair);
    }

    @Override
    public Accumulator accumulator(int pair) {
      int at = base(pair);
      return new Accumulator(window(), words[at], words[at + 1]);
    }

    @Override
    public KpiValue result(int pair, boolean sourceSupplied) {
      int at = base(pair);
      return resultOf(words[at], words[at + 1]);
    }
  }
}
