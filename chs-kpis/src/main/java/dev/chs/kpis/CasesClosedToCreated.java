package dev.chs.kpis;

import dev.chs.api.Checks;
import dev.chs.api.Window;
import dev.chs.api.kpi.Curve.Point;
import dev.chs.api.kpi.Curve;
import dev.chs.api.kpi.Direction;
import dev.chs.api.kpi.Kpi;
import dev.chs.api.kpi.KpiAccumulator;
import dev.chs.api.kpi.KpiState;
import dev.chs.api.kpi.KpiStates;
import dev.chs.api.kpi.KpiValue;
import dev.chs.api.signal.Signal;
import dev.chs.api.signal.SupportCase;
import dev.chs.kpis.internal.CountValues;
import dev.chs.kpis.internal.LongRecordStates;
import dev.chs.kpis.internal.StateFields;
import dev.chs.kpis.internal.WindowMath;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;

/**
 * {@code cases_closed_to_created}: whether support keeps up with incoming cases.
 *
 * <p>Raw value: {@code closed / opened}, where {@code closed} counts the cases whose {@code
 * closedAt} lies in the window {@code (T - W, T]} and {@code opened} those whose {@code openedAt}
 * does. A case may count in both, or only in one: a case opened before the window and closed in
 * it adds to {@code closed} alone. The value is at least 0 and may exceed 1 when support works off
 * an older backlog; 1.0 means support is keeping up. Higher is better.
 *
 * <p>Evidence: the cases opened or closed in the window, each counted once.
 *
 * <p>When cases were closed in the window but none was opened, the intake counts as one case, so
 * the value is {@code closed / 1}: support more than keeps up. This departs from the rule that a
 * ratio with a zero denominator is not applicable, for the sake of monotonicity (issue #9): one
 * more case can then never raise the score, since opening the first case leaves the value as it
 * is, where otherwise it would make the KPI applicable at a ratio of 1 or more, which scores 100.
 *
 * <p>{@linkplain KpiValue.NotApplicable Not applicable} when no case was opened or closed in the
 * window; whether a source was supplied does not change that.
 *
 * <p>Default curve: {@link Curve.Piecewise} through (0.4, 0), (0.8, 50) and (1.0, 100). Closing
 * 40% of the intake or less scores 0, and keeping up scores 100.
 *
 * <p>The KPI keeps many pairs' state in a store ({@link #newStates}) of three longs a pair, the
 * cases opened, those closed and those that did either, which an accumulator of the pair holds
 * too.
 *
 * <p>Instances are immutable and thread-safe. The serialized form of the accumulator is documented
 * in the {@linkplain dev.chs.kpis package description}.
 *
 * @since 0.1.0
 */
public final class CasesClosedToCreated implements Kpi<CasesClosedToCreated.Accumulator> {
  /** The id of this KPI. */
  public static final String ID = "cases_closed_to_created";

  /** The version of the accumulator's serialized form that this class writes and reads. */
  public static final int STATE_VERSION = 1;

  /** What {@link #countsOf} returns for a case opened in the window. */
  private static final int OPENED = 1;

  /** What {@link #countsOf} returns for a case closed in the window. */
  private static final int CLOSED = 2;

  /** What {@link #countsOf} adds for a case opened or closed in the window, or both. */
  private static final int CASE = 4;

  private static final Curve DEFAULT_CURVE =
      Curve.Piecewise.of(new Point(0.4, 0), new Point(0.8, 50), new Point(1.0, 100));

  /** The values of small counts, made once. */
  private static final CountValues VALUES = new CountValues(3, CasesClosedToCreated::valueOf);

  /** Creates the KPI. Every instance behaves the same. */
  public CasesClosedToCreated() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Support cases closed in the window per case opened in it.";
  }

  @Override
  public Set<Class<? extends Signal>> reads() {
    return Set.of(SupportCase.class);
  }

  @Override
  public Direction direction() {
    return Direction.HIGHER_IS_BETTER;
  }

  /**
   * {@inheritDoc}
   *
   * @return {@link Curve.Piecewise} through (0.4, 0), (0.8, 50) and (1.0, 100)
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
    return new Accumulator(Checks.requireNonNull("window", window), 0, 0, 0);
  }

  /**
   * {@inheritDoc}
   *
   * @return a store of three longs a pair
   * @throws NullPointerException if {@code window} is null
   */
  @Override
  public Optional<KpiStates<Accumulator>> newStates(Window window) {
    return Optional.of(new States(Checks.requireNonNull("window", window)));
  }

  /**
   * {@inheritDoc}
   *
   * @throws IOException also if a count is negative, or the counts contradict each other
   *     (possible corruption)
   */
  @Override
  public Accumulator readAccumulator(DataInput in) throws IOException {
    Window window = KpiState.readHeader(in, ID, STATE_VERSION);
    long opened = StateFields.readCount(in, ID, "opened");
    long closed = StateFields.readCount(in, ID, "closed");
    long cases = StateFields.readCount(in, ID, "cases");
    StateFields.requireAtMost(ID, "opened", opened, "cases", cases);
    StateFields.requireAtMost(ID, "closed", closed, "cases", cases);
    if (cases > opened + closed) {
      throw StateFields.corrupt(
          ID, "cases must be <= opened + closed (" + (opened + closed) + "), was " + cases);
    }
    return new Accumulator(window, opened, closed, cases);
  }

  /**
   * The state of {@code cases_closed_to_created} for one account and cloud: the cases opened in
   * the window, those closed in it, and the cases that did either. Not thread-safe.
   *
   * @since 0.1.0
   */
  public static final class Accumulator implements KpiAccumulator<Accumulator> {
    private final Window window;
    private long opened;
    private long closed;
    private long cases;

    private Accumulator(Window window, long opened, long closed, long cases) {
      this.window = window;
      this.opened = opened;
      this.closed = closed;
      this.cases = cases;
    }

    @Override
    public Window window() {
      return window;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Only a {@link SupportCase} opened or closed in the window changes the state.
     *
     * @throws NullPointerException if {@code signal} is null
     */
    @Override
    public void add(Signal signal) {
      int counts = countsOf(window, signal);
      if ((counts & OPENED) != 0) {
        opened++;
      }
      if ((counts & CLOSED) != 0) {
        closed++;
      }
      if ((counts & CASE) != 0) {
        cases++;
      }
    }

    @Override
    public void merge(Accumulator other) {
      KpiState.requireSameWindow(ID, window, other.window);
      opened += other.opened;
      closed += other.closed;
      cases += other.cases;
    }

    /**
     * {@inheritDoc}
     *
     * @param sourceSupplied ignored: without a case opened or closed in the window there is no
     *     evidence
     * @return {@code closed / max(opened, 1)}; not applicable when no case was opened or closed in
     *     the window
     */
    @Override
    public KpiValue result(boolean sourceSupplied) {
      return resultOf(opened, closed, cases);
    }

    @Override
    public void writeTo(DataOutput out) throws IOException {
      KpiState.writeHeader(out, ID, STATE_VERSION, window);
      out.writeLong(opened);
      out.writeLong(closed);
      out.writeLong(cases);
    }
  }

  /**
   * Returns what a signal adds to the counts: {@link #OPENED} for a case opened in the window,
   * {@link #CLOSED} for one closed in it, both for one that did both, with {@link #CASE} in each
   * of these cases, and 0 for any other signal. Bit k counts the store's long k. The accumulator
   * and the store both count through this one rule.
   */
  private static int countsOf(Window window, Signal signal) {
    Checks.requireNonNull("signal", signal);
    if (!(signal instanceof SupportCase c)) {
      return 0;
    }
    boolean openedIn = WindowMath.contains(window, c.openedAt());
    boolean closedIn = c.closedAt() != null && WindowMath.contains(window, c.closedAt());
    int counts = (openedIn ? OPENED : 0) | (closedIn ? CLOSED : 0);
    return counts == 0 ? 0 : counts | CASE;
  }

  private static KpiValue resultOf(long opened, long closed, long cases) {
    return VALUES.of(opened, closed, cases);
  }

  private static KpiValue valueOf(long opened, long closed, long cases) {
    if (cases == 0) {
      return new KpiValue.NotApplicable(ID, "no support cases were opened or closed in the window");
    }
    return KpiValue.Measured.of(ID, (double) closed / Math.max(opened, 1), cases);
  }

  /**
   * Every pair's counts in one array: pair p's cases opened at {@code 3p}, those closed and those
   * that did either after it.
   */
  private static final class States extends LongRecordStates<Accumulator> {
    States(Window window) {
      super(ID, window, 3);
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
      return new Accumulator(window(), words[at], words[at + 1], words[at + 2]);
    }

    @Override
    public KpiValue result(int pair, boolean sourceSupplied) {
      int at = base(pair);
      return resultOf(words[at], words[at + 1], words[at + 2]);
    }
  }
}
