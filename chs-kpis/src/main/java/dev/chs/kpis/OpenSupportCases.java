package dev.chs.kpis;

import dev.chs.api.Checks;
import dev.chs.api.Window;
import dev.chs.api.kpi.Curve.Point;
import dev.chs.api.kpi.Curve;
import dev.chs.api.kpi.Direction;
import dev.chs.api.kpi.Kpi;
import dev.chs.api.kpi.KpiState;
import dev.chs.api.kpi.KpiStates;
import dev.chs.api.kpi.KpiValue;
import dev.chs.api.signal.Signal;
import dev.chs.api.signal.SupportCase;
import dev.chs.kpis.internal.CountValues;
import dev.chs.kpis.internal.LongRecordStates;
import dev.chs.kpis.internal.StateFields;
import dev.chs.kpis.internal.TwoCountAccumulator;
import java.io.DataInput;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;

/**
 * {@code open_support_cases}: the support backlog as of the window's end.
 *
 * <p>Raw value: the number of cases with {@code openedAt <= T} and either no {@code closedAt} or
 * {@code closedAt > T}, where T is the window's as-of instant. The KPI is not windowed: a case
 * opened years before T that is still open counts. A case closed after T is still open at T, and a
 * case opened after T is never seen. Lower is better.
 *
 * <p>Evidence: the cases opened at or before T, open or not; each was looked at to decide whether
 * it is open.
 *
 * <p>The value is a count, so it is a real zero when cases were supplied and none is open, and
 * {@linkplain KpiValue.NotApplicable not applicable} only when no source of cases was supplied and
 * none was seen.
 *
 * <p>Default curve: {@link Curve.Piecewise} through (0, 100), (2, 80), (5, 50), (10, 20) and (20,
 * 0). No open case scores 100, five score 50, and twenty or more score 0.
 *
 * <p>The KPI keeps many pairs' state in a store ({@link #newStates}) of two longs a pair, the open
 * and the seen cases, which an accumulator of the pair holds too.
 *
 * <p>Instances are immutable and thread-safe. The serialized form of the accumulator is documented
 * in the {@linkplain dev.chs.kpis package description}.
 *
 * @since 0.1.0
 */
public final class OpenSupportCases implements Kpi<OpenSupportCases.Accumulator> {
  /** The id of this KPI. */
  public static final String ID = "open_support_cases";

  /** The version of the accumulator's serialized form that this class writes and reads. */
  public static final int STATE_VERSION = 1;

  /** What {@link #countsOf} adds for a case that is also still open at T: the store's long 0. */
  private static final int OPEN = 1;

  /** What {@link #countsOf} returns for a case opened at or before T: the store's long 1. */
  private static final int SEEN = 2;

  private static final Curve DEFAULT_CURVE =
      Curve.Piecewise.of(
          new Point(0, 100), new Point(2, 80), new Point(5, 50), new Point(10, 20),
          new Point(20, 0));

  /** The value of every pair when no support cases were supplied: one, shared. */
  private static final KpiValue NOT_SUPPLIED =
      new KpiValue.NotApplicable(ID, "no support cases were supplied");

  /** The values of small counts of open and seen cases, made once. */
  private static final CountValues VALUES = new CountValues(
      2, (open, seen, unused) -> KpiValue.Measured.of(ID, (double) open, seen));

  /** Creates the KPI. Every instance behaves the same. */
  public OpenSupportCases() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Support cases still open at the as-of instant.";
  }

  @Override
  public Set<Class<? extends Signal>> reads() {
    return Set.of(SupportCase.class);
  }

  @Override
  public Direction direction() {
    return Direction.LOWER_IS_BETTER;
  }

  /**
   * {@inheritDoc}
   *
   * @return {@link Curve.Piecewise} through (0, 100), (2, 80), (5, 50), (10, 20) and (20, 0)
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
   * @throws IOException also if a count is negative, or more cases are open than were seen
   *     (possible corruption)
   */
  @Override
  public Accumulator readAccumulator(DataInput in) throws IOException {
    Window window = KpiState.readHeader(in, ID, STATE_VERSION);
    long open = StateFields.readCount(in, ID, "open");
    long seen = StateFields.readCount(in, ID, "seen");
    StateFields.requireAtMost(ID, "open", open, "seen", seen);
    return new Accumulator(window, open, seen);
  }

  /**
   * The state of {@code open_support_cases} for one account and cloud: the cases open at T and
   * the cases seen. Only a {@link SupportCase} opened at or before T changes it. Its result is the
   * number of open cases, with the cases seen as evidence; not applicable when no source of cases
   * was supplied and no case was seen. Not thread-safe.
   *
   * @since 0.1.0
   */
  // The superclass is internal on purpose: every public member it gives this class overrides
  // KpiAccumulator, so a caller never has to name it, and it stays free to change.
  @SuppressWarnings("exports")
  public static final class Accumulator extends TwoCountAccumulator<Accumulator> {
    private Accumulator(Window window, long open, long seen) {
      super(window, open, seen);
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
      return OpenSupportCases.countsOf(window(), signal);
    }

    @Override
    protected KpiValue resultOf(long open, long seen, boolean sourceSupplied) {
      return OpenSupportCases.resultOf(open, seen, sourceSupplied);
    }
  }

  /**
   * Returns what a signal adds to the counts: {@link #SEEN} for a case opened at or before T,
   * with {@link #OPEN} as well if it is still open at T, and 0 for any other signal. The
   * accumulator and the store both count through this one rule.
   */
  private static int countsOf(Window window, Signal signal) {
    Checks.requireNonNull("signal", signal);
    if (signal instanceof SupportCase c && window.hasSeen(c.openedAt())) {
      return c.isOpenAt(window.asOf()) ? SEEN | OPEN : SEEN;
    }
    return 0;
  }

  private static KpiValue resultOf(long open, long seen, boolean sourceSupplied) {
    if (!sourceSupplied && seen == 0) {
      return NOT_SUPPLIED;
    }
    return VALUES.of(open, seen);
  }

  /** Every pair's counts in one array: pair p's open cases at {@code 2p}, its seen ones after. */
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
      return resultOf(words[at], words[at + 1], sourceSupplied);
    }
  }
}
