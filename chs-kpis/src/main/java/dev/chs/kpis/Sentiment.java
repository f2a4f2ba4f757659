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
import dev.chs.api.signal.SentimentSample;
import dev.chs.api.signal.Signal;
import dev.chs.kpis.internal.MeanAccumulator;
import dev.chs.kpis.internal.MeanState;
import dev.chs.kpis.internal.MeanStates;
import dev.chs.kpis.internal.StateFields;
import dev.chs.kpis.internal.WindowMath;
import java.io.DataInput;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;

/**
 * {@code sentiment}: how the account feels, from surveys, call transcripts and emails.
 *
 * <p>Raw value: the mean {@code score} of the sentiment samples whose {@code observedAt} lies in
 * the window {@code (T - W, T]}, on the samples' scale from -1 (most negative) to 1 (most
 * positive); the mean stays in [-1, 1]. Every sample weighs the same. Higher is better.
 *
 * <p>The scores are summed exactly, as {@link MergeableSum} does (a score below 2<sup>-12</sup>
 * in magnitude is first rounded to a multiple of 2<sup>-64</sup>), and the mean is the exact sum
 * divided by the count, correctly rounded once; so merged and single-pass results are equal to
 * the last bit, and the mean of equal scores is that score.
 *
 * <p>Evidence: the sentiment samples in the window.
 *
 * <p>{@linkplain KpiValue.NotApplicable Not applicable} when no sample lies in the window;
 * whether a source was supplied does not change that.
 *
 * <p>Default curve: {@link Curve.Linear} from worst -0.6 (score 0) to best 0.6 (score 100), so a
 * neutral mean of 0 scores 50.
 *
 * <p>Instances are immutable and thread-safe. The serialized form of the accumulator is documented
 * in the {@linkplain dev.chs.kpis package description}.
 *
 * @since 0.1.0
 */
public final class Sentiment implements Kpi<Sentiment.Accumulator> {
  /** The id of this KPI. */
  public static final String ID = "sentiment";

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
      new KpiValue.NotApplicable(ID, "no sentiment samples in the window");

  private static final Curve DEFAULT_CURVE = new Curve.Linear(-0.6, 0.6);

  /** Creates the KPI. Every instance behaves the same. */
  public Sentiment() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Mean sentiment score, from -1 to 1, of the samples observed in the window.";
  }

  @Override
  public Set<Class<? extends Signal>> reads() {
    return Set.of(SentimentSample.class);
  }

  @Override
  public Direction direction() {
    return Direction.HIGHER_IS_BETTER;
  }

  /**
   * {@inheritDoc}
   *
   * @return {@link Curve.Linear} from worst -0.6 to best 0.6
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
   *     not, or the mean lies outside [-1, 1] (possible corruption)
   */
  @Override
  public Accumulator readAccumulator(DataInput in) throws IOException {
    KpiState.Header header = KpiState.readHeader(in, ID, OLDEST_STATE_VERSION, STATE_VERSION);
    MeanState scores = MeanState.readFrom(in, ID, "samples", header.version());
    if (scores.count() > 0) {
      double mean = MeanState.mean(scores.count(), scores.high(), scores.middle(), scores.low());
      if (!(Math.abs(mean) <= 1)) {
        throw StateFields.corrupt(ID, "mean score must be in [-1, 1], was " + mean);
      }
    }
    return new Accumulator(header.window(), scores);
  }

  /**
   * The state of {@code sentiment} for one account and cloud: the number of sentiment samples in
   * the window and the exact sum of their scores. Not thread-safe.
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
     * <p>Only a {@link SentimentSample} observed in the window changes the state.
     *
     * @throws NullPointerException if {@code signal} is null
     */
    @Override
    public void add(Signal signal) {
      Checks.requireNonNull("signal", signal);
      if (signal instanceof SentimentSample s && WindowMath.contains(window(), s.observedAt())) {
        addTerm(s.score());
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
      if (signal instanceof SentimentSample s && WindowMath.contains(window(), s.observedAt())) {
        addTerm(base, s.score());
      }
    }
  }
}
