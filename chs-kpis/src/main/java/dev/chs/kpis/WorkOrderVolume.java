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
import dev.chs.api.signal.WorkOrder;
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
 * {@code work_order_volume}: field-service demand against the account's own baseline.
 *
 * <p>Raw value: {@code current}, the number of work orders whose {@code createdAt} lies in the
 * window {@code (T - W, T]}. The baseline is the mean count over the three windows before this
 * one, {@code window.earlier(1)} to {@code window.earlier(3)}, which together cover {@code (T -
 * 4W, T - W]}:
 *
 * <pre>
 * baseline = (earlier1 + earlier2 + earlier3) / 3
 * change   = (current - baseline) / baseline
 * </pre>
 *
 * <p>The scoring curve reads {@code change}, not the raw count. A stable volume is best
 * ({@link Direction#STABLE_IS_BETTER}). A change of -0.5 or less raises the flag {@link
 * #DISENGAGING}; one of +0.5 or more raises {@link #SURGE} (upsell potential, or strain). Both
 * thresholds are decided in exact integer arithmetic, so a change of exactly -0.5 is flagged.
 *
 * <p>Evidence: the work orders counted in the four windows, {@code current} plus the baseline's.
 *
 * <p>{@linkplain KpiValue.NotApplicable Not applicable} when the baseline is zero, because no work
 * order was created in the three earlier windows: the change is then undefined, whatever the
 * current count, and whether or not a source was supplied. A model that wants to score a first
 * burst of work orders from nothing needs a KPI of its own.
 *
 * <p>Default curve, on the change: {@link Curve.Piecewise} through (-1, 0), (-0.5, 30), (-0.2, 80),
 * (0, 100), (0.5, 70), (1, 40) and (2, 20). No change scores 100, a halving 30, and no work orders
 * at all against a baseline 0.
 *
 * <p>Instances are immutable and thread-safe. The serialized form of the accumulator is documented
 * in the {@linkplain dev.chs.kpis package description}.
 *
 * @since 0.1.0
 */
public final class WorkOrderVolume implements Kpi<WorkOrderVolume.Accumulator> {
  /** The id of this KPI. */
  public static final String ID = "work_order_volume";

  /** The version of the accumulator's serialized form that this class writes and reads. */
  public static final int STATE_VERSION = 1;

  /** The flag raised when the volume fell to half its baseline or less. */
  public static final String DISENGAGING = "DISENGAGING";

  /** The flag raised when the volume rose to one and a half times its baseline or more. */
  public static final String SURGE = "SURGE";

  private static final Set<String> DISENGAGING_FLAGS = Set.of(DISENGAGING);
  private static final Set<String> SURGE_FLAGS = Set.of(SURGE);

  /** How many windows before this one the baseline averages over. */
  public static final int BASELINE_WINDOWS = 3;

  /** The values of small counts of the window and of the baseline's windows, made once. */
  private static final CountValues VALUES =
      new CountValues(2, (current, sum, unused) -> valueOf(current, sum));

  private static final Curve DEFAULT_CURVE =
      Curve.Piecewise.of(
          new Point(-1, 0), new Point(-0.5, 30), new Point(-0.2, 80), new Point(0, 100),
          new Point(0.5, 70), new Point(1, 40), new Point(2, 20));

  /** Creates the KPI. Every instance behaves the same. */
  public WorkOrderVolume() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Change in work orders created in the window against the mean of the three windows"
        + " before it.";
  }

  @Override
  public Set<Class<? extends Signal>> reads() {
    return Set.of(WorkOrder.class);
  }

  @Override
  public Direction direction() {
    return Direction.STABLE_IS_BETTER;
  }

  /**
   * {@inheritDoc}
   *
   * @return {@link Curve.Piecewise} on the change, through (-1, 0), (-0.5, 30), (-0.2, 80), (0,
   *     100), (0.5, 70), (1, 40) and (2, 20)
   */
  @Override
  public Curve defaultCurve() {
    return DEFAULT_CURVE;
  }

  /**
   * {@inheritDoc}
   *
   * @throws NullPointerException if {@code window} is null
   * @throws java.time.DateTimeException if {@code T - 4W} lies before {@link
   *     java.time.Instant#MIN}
   */
  @Override
  public Accumulator newAccumulator(Window window) {
    return new Accumulator(Checks.requireNonNull("window", window), 0, 0, 0, 0);
  }

  /**
   * {@inheritDoc}
   *
   * @return a store that keeps the four counts of each pair in four longs of one array, 32 bytes
   *     per pair
   * @throws NullPointerException if {@code window} is null
   * @throws java.time.DateTimeException if {@code T - 4W} lies before {@link
   *     java.time.Instant#MIN}
   */
  @Override
  public Optional<KpiStates<Accumulator>> newStates(Window window) {
    Checks.requireNonNull("window", window);
    requireEarliestWindow(window);
    return Optional.of(new States(window));
  }

  /**
   * {@inheritDoc}
   *
   * @throws IOException also if a count is negative (possible corruption)
   */
  @Override
  public Accumulator readAccumulator(DataInput in) throws IOException {
    Window window = KpiState.readHeader(in, ID, STATE_VERSION);
    long[] counts = new long[BASELINE_WINDOWS + 1];
    for (int n = 0; n < counts.length; n++) {
      counts[n] = StateFields.readCount(in, ID, "created[" + n + "]");
    }
    return new Accumulator(window, counts[0], counts[1], counts[2], counts[3]);
  }

  /** Fails, as documented, when the earliest window would start before Instant.MIN. */
  private static void requireEarliestWindow(Window window) {
    window.earlier(BASELINE_WINDOWS).start();
  }

  /**
   * Returns the {@code n} of the window {@code window.earlier(n)} that a signal counts in, from 0
   * to {@link #BASELINE_WINDOWS}, or -1 if it counts in none: it is no work order, or was created
   * after T or before the earliest baseline window.
   */
  private static int windowOf(Window window, Signal signal) {
    Checks.requireNonNull("signal", signal);
    if (signal instanceof WorkOrder w) {
      return WindowMath.windowsBack(window, w.createdAt(), BASELINE_WINDOWS + 1);
    }
    return -1;
  }

  /** Returns the value of the counts of {@code window.earlier(0)} to {@code earlier(3)}. */
  private static KpiValue resultOf(long created0, long created1, long created2, long created3) {
    return VALUES.of(created0, created1 + created2 + created3);
  }

  private static KpiValue valueOf(long current, long sum) {
    // The baseline is sum / 3, so change = (3 * current - sum) / sum, with no rounding until the
    // one division.
    if (sum == 0) {
      return new KpiValue.NotApplicable(
          ID, "no work orders were created in the three windows before this one, so there is"
              + " no baseline to compare the " + current + " in the window with");
    }
    long delta = Math.multiplyExact(BASELINE_WINDOWS, current) - sum;
    double change = (double) delta / sum;

    // change <= -1/2 is 2 * delta <= -sum, and change >= 1/2 is 2 * delta >= sum; with sum > 0
    // at most one holds. The sets are shared, since every result would make the same ones.
    long twice = Math.multiplyExact(2, delta);
    Set<String> flags = twice <= -sum ? DISENGAGING_FLAGS : twice >= sum ? SURGE_FLAGS : Set.of();
    return new KpiValue.Measured(ID, current, change, current + sum, flags);
  }

  /**
   * The state of {@code work_order_volume} for one account and cloud: the work orders created in
   * the window and in each of the three windows before it. Not thread-safe.
   *
   * @since 0.1.0
   */
  public static final class Accumulator implements KpiAccumulator<Accumulator> {
    private final Window window;
    // The counts of window.earlier(n) for n = 0 to 3, as fields rather than an array to save an
    // object per account and cloud.
    private long created0;
    private long created1;
    private long created2;
    private long created3;

    private Accumulator(
        Window window, long created0, long created1, long created2, long created3) {
      requireEarliestWindow(window);
      this.window = window;
      this.created0 = created0;
      this.created1 = created1;
      this.created2 = created2;
      this.created3 = created3;
    }

    @Override
    public Window window() {
      return window;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Only a {@link WorkOrder} created in {@code (T - 4W, T]} changes the state.
     *
     * @throws NullPointerException if {@code signal} is null
     */
    @Override
    public void add(Signal signal) {
      switch (windowOf(window, signal)) {
        case 0 -> created0++;
        case 1 -> created1++;
        case 2 -> created2++;
        case 3 -> created3++;
        default -> {
          // Not a work order, or created after T or before the earliest baseline window.
        }
      }
    }

    @Override
    public void merge(Accumulator other) {
      KpiState.requireSameWindow(ID, window, other.window);
      created0 += other.created0;
      created1 += other.created1;
      created2 += other.created2;
      created3 += other.created3;
    }

    /**
     * {@inheritDoc}
     *
     * @param sourceSupplied ignored: without a baseline there is no change to score
     * @return the current count as raw value and the change against the baseline as curve
     *     input, with {@link #DISENGAGING} or {@link #SURGE} when it moved by half or more; not
     *     applicable when the baseline is zero
     */
    @Override
    public KpiValue result(boolean sourceSupplied) {
      return resultOf(created0, created1, created2, created3);
    }

    @Override
    public void writeTo(DataOutput out) throws IOException {
      KpiState.writeHeader(out, ID, STATE_VERSION, window);
      out.writeLong(created0);
      out.writeLong(created1);
      out.writeLong(created2);
      out.writeLong(created3);
    }
  }

  /**
   * The counts of many pairs: pair {@code p}'s count of {@code window.earlier(n)} is {@code
   * words[4 * p + n]}, the order in which the accumulator writes them. Longs rather than ints,
   * since merges add counts without a bound that an int would keep.
   */
  private static final class States extends LongRecordStates<Accumulator> {
    private static final int WIDTH = BASELINE_WINDOWS + 1;

    States(Window window) {
      super(ID, window, WIDTH);
    }

    @Override
    public void add(int pair, Signal signal) {
      int base = base(pair);
      int n = windowOf(window(), signal);
      if (n >= 0) {
        words[base + n]++;
      }
    }

    @Override
    public void merge(int pair, KpiStates<Accumulator> other, int otherPair) {
      addCounts(pair, other, otherPair);
    }

    @Override
    public Accumulator accumulator(int pair) {
      int base = base(pair);
      return new Accumulator(
          window(), words[base], words[base + 1], words[base + 2], words[base + 3]);
    }

    @Override
    public KpiValue result(int pair, boolean sourceSupplied) {
      int base = base(pair);
      return resultOf(words[base], words[base + 1], words[base + 2], words[base + 3]);
    }
  }
}
