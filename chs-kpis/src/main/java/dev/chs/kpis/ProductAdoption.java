package dev.chs.kpis;

import dev.chs.api.Checks;
import dev.chs.api.Window;
import dev.chs.api.kpi.Curve;
import dev.chs.api.kpi.Direction;
import dev.chs.api.kpi.Kpi;
import dev.chs.api.kpi.KpiState;
import dev.chs.api.kpi.KpiStates;
import dev.chs.api.kpi.KpiValue;
import dev.chs.api.kpi.MergeableSum;
import dev.chs.api.signal.Signal;
import dev.chs.api.signal.UsageSample;
import dev.chs.kpis.internal.MeanAccumulator;
import dev.chs.kpis.internal.MeanState;
import dev.chs.kpis.internal.MeanStates;
import dev.chs.kpis.internal.WindowMath;
import java.io.DataInput;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;

/**
 * {@code product_adoption}: how much of what the account licensed it actually uses.
 *
 * <p>Raw value: the mean of {@code activeUsers / licensedUsers} over the usage samples whose
 * {@code date} lies in the window {@code (T - W, T]}. Every sample weighs the same, however many
 * users it licenses. The value is at least 0, and exceeds 1 when more users were active than
 * licensed. Higher is better.
 *
 * <p>The terms are summed exactly, as {@link MergeableSum} does (a term below 2<sup>-12</sup> is
 * first rounded to a multiple of 2<sup>-64</sup>), and the mean is the exact sum divided by the
 * count, correctly rounded once; so merged and single-pass results are equal to the last bit.
 *
 * <p>Evidence: the usage samples in the window.
 *
 * <p>{@linkplain KpiValue.NotApplicable Not applicable} when no sample lies in the window;
 * whether a source was supplied does not change that.
 *
 * <p>Default curve: {@link Curve.Linear} from worst 0.1 (score 0) to best 0.8 (score 100).
 *
 * <p>Instances are immutable and thread-safe. The serialized form of the accumulator is documented
 * in the {@linkplain dev.chs.kpis package description}.
 *
 * @since 0.1.0
 */
public final class ProductAdoption implements Kpi<ProductAdoption.Accumulator> {
  /** The id of this KPI. */
  public static final String ID = "product_adoption";

  /**
   * The version of the accumulator's serialized form that this class writes and reads: 2, with
   * the sum in units of 2<sup>-64</sup>.
   */
  public static final int STATE_VERSION = 2;

  /**
   * The oldest version of the form that this class still reads: 1, with the sum in units of
   * 2<sup>-32</sup>, which it converts exactly.
   */
  public static final int OLDEST_STATE_VERSION = 1;

  /** The value of every pair without samples in the window: one, shared. */
  private static final KpiValue.NotApplicable NO_TERMS =
      new KpiValue.NotApplicable(ID, "no usage samples in the window");

  private static final Curve DEFAULT_CURVE = new Curve.Linear(0.1, 0.8);

  /** Creates the KPI. Every instance behaves the same. */
  public ProductAdoption() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Mean share of licensed users that were active, over the window's usage samples.";
  }

  @Override
  public Set<Class<? extends Signal>> reads() {
    return Set.of(UsageSample.class);
  }

  @Override
  public Direction direction() {
    return Direction.HIGHER_IS_BETTER;
  }

  /**
   * {@inheritDoc}
   *
   * @return {@link Curve.Linear} from worst 0.1 to best 0.8
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
    return new Accumulator(Checks.requireNonNull("window", window), MeanState.EMPTY);
  }

  /**
   * {@inheritDoc}
   *
   * @return a store that keeps the count and the exact sum of each pair in four longs of one
   *     array, 32 bytes per pair
   * @throws NullPointerException if {@code window} is null
   */
  @Override
  public Optional<KpiStates<Accumulator>> newStates(Window window) {
    return Optional.of(new States(Checks.requireNonNull("window", window)));
  }

  /**
   * {@inheritDoc}
   *
   * @throws IOException also if the count of samples is negative, or is zero beside a sum that is
   *     not (possible corruption)
   */
  @Override
  public Accumulator readAccumulator(DataInput in) throws IOException {
    KpiState.Header header = KpiState.readHeader(in, ID, OLDEST_STATE_VERSION, STATE_VERSION);
    return new Accumulator(
        header.window(), MeanState.readFrom(in, ID, "samples", header.version()));
  }

  /** Returns a sample's adoption, the term of the mean, after checking that it can be summed. */
  private static double adoption(UsageSample u) {
    double share = u.adoption();
    if (!(share < MergeableSum.MAX_TERM)) {
      throw new IllegalArgumentException(
          "active_users / licensed_users: must be below 2^63, was " + u.activeUsers() + " / "
              + u.licensedUsers());
    }
    return share;
  }

  /**
   * The state of {@code product_adoption} for one account and cloud: the number of usage samples
   * in the window and the exact sum of their adoption. Not thread-safe.
   *
   * @since 0.1.0
   */
  // The superclass is internal on purpose: every public member it gives this class overrides
  // KpiAccumulator, so a caller never has to name it, and it stays free to change.
  @SuppressWarnings("exports")
  public static final class Accumulator extends MeanAccumulator<Accumulator> {
    private Accumulator(Window window, MeanState state) {
      super(window, state);
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
    protected KpiValue.NotApplicable noTerms() {
      return NO_TERMS;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Only a {@link UsageSample} dated in the window changes the state.
     *
     * @throws IllegalArgumentException if a sample's adoption is {@link MergeableSum#MAX_TERM}
     *     (2<sup>63</sup>) or more, which no real account reaches
     * @throws NullPointerException if {@code signal} is null
     */
    @Override
    public void add(Signal signal) {
      Checks.requireNonNull("signal", signal);
      if (signal instanceof UsageSample u && WindowMath.contains(window(), u.date())) {
        addTerm(adoption(u));
      }
    }
  }

  /** The counts and exact sums of many pairs, as {@link MeanStates} lays them out. */
  private static final class States extends MeanStates<Accumulator> {
    States(Window window) {
      super(ID, window, NO_TERMS);
    }

    @Override
    protected Accumulator accumulatorOf(MeanState state) {
      return new Accumulator(window(), state);
    }

    @Override
    public void add(int pair, Signal signal) {
      Checks.requireNonNull("signal", signal);
      int base = base(pair);
      if (signal instanceof UsageSample u && WindowMath.contains(window(), u.date())) {
        addTerm(base, adoption(u));
      }
    }
  }
}
