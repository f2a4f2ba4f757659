package dev.chs.kpis;

import dev.chs.api.Checks;
import dev.chs.api.Window;
import dev.chs.api.kpi.Curve.Step;
import dev.chs.api.kpi.Curve;
import dev.chs.api.kpi.Direction;
import dev.chs.api.kpi.Kpi;
import dev.chs.api.kpi.KpiAccumulator;
import dev.chs.api.kpi.KpiState;
import dev.chs.api.kpi.KpiStates;
import dev.chs.api.kpi.KpiValue;
import dev.chs.api.signal.Complaint;
import dev.chs.api.signal.Signal;
import dev.chs.kpis.internal.CountValues;
import dev.chs.kpis.internal.StateFields;
import dev.chs.kpis.internal.WindowMath;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code complaints_raised}: formal complaints, a red flag that needs executive attention.
 *
 * <p>Raw value: the number of distinct {@code complaintId}s among the complaints whose {@code
 * raisedAt} lies in the window {@code (T - W, T]}. A complaint reported twice counts once, also
 * when the two reports reach different accumulators that are merged later, so the accumulator
 * keeps the ids themselves. Any complaint raises the flag {@link #COMPLAINT}. Lower is better.
 *
 * <p>Evidence: the distinct complaints counted.
 *
 * <p>The value is a count, so it is a real zero when complaints were supplied and none was raised
 * in the window, and {@linkplain KpiValue.NotApplicable not applicable} only when no source of
 * complaints was supplied and none was seen.
 *
 * <p>Default curve: {@link Curve.Steps} scoring 100 below one complaint, 40 from one, 20 from two
 * and 0 from three.
 *
 * <p>Instances are immutable and thread-safe. The serialized form of the accumulator is documented
 * in the {@linkplain dev.chs.kpis package description}.
 *
 * @since 0.1.0
 */
public final class ComplaintsRaised implements Kpi<ComplaintsRaised.Accumulator> {
  /** The id of this KPI. */
  public static final String ID = "complaints_raised";

  /** The version of the accumulator's serialized form that this class writes and reads. */
  public static final int STATE_VERSION = 1;

  /** The flag raised by any complaint in the window. */
  public static final String COMPLAINT = "COMPLAINT";

  /** The flags of every result with a complaint: one set, shared. */
  private static final Set<String> COMPLAINT_FLAGS = Set.of(COMPLAINT);

  /** The value of every pair when no complaints were supplied: one, shared. */
  private static final KpiValue NOT_SUPPLIED =
      new KpiValue.NotApplicable(ID, "no complaints were supplied");

  /** The values of small counts of complaints, made once. */
  private static final CountValues VALUES = new CountValues(1, (count, unusedSecond, unusedThird) ->
      new KpiValue.Measured(ID, count, count, count, count == 0 ? Set.of() : COMPLAINT_FLAGS));

  private static final Curve DEFAULT_CURVE =
      Curve.Steps.of(100, new Step(1, 40), new Step(2, 20), new Step(3, 0));

  /** Creates the KPI. Every instance behaves the same. */
  public ComplaintsRaised() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Distinct complaints raised in the window.";
  }

  @Override
  public Set<Class<? extends Signal>> reads() {
    return Set.of(Complaint.class);
  }

  @Override
  public Direction direction() {
    return Direction.LOWER_IS_BETTER;
  }

  /**
   * {@inheritDoc}
   *
   * @return {@link Curve.Steps}: 100 below 1, then 40 from 1, 20 from 2 and 0 from 3
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
    return new Accumulator(Checks.requireNonNull("window", window), null);
  }

  /**
   * {@inheritDoc}
   *
   * @return a store that keeps each pair's distinct ids in one slot of an {@code Object[]}: 4
   *     bytes per pair with compressed references (8 without) for a pair with no complaint or
   *     one, plus a sorted {@code String[]} of up to 16 ids, or a tree set beyond, for a pair with
   *     more; the ids themselves are the strings the signals brought
   * @throws NullPointerException if {@code window} is null
   */
  @Override
  public Optional<KpiStates<Accumulator>> newStates(Window window) {
    return Optional.of(new States(Checks.requireNonNull("window", window)));
  }

  /**
   * {@inheritDoc}
   *
   * @throws IOException also if the count of ids is negative, or the ids are not distinct and in
   *     ascending order, or one is blank (possible corruption)
   */
  @Override
  public Accumulator readAccumulator(DataInput in) throws IOException {
    Window window = KpiState.readHeader(in, ID, STATE_VERSION);
    int count = in.readInt();
    if (count < 0) {
      throw StateFields.corrupt(ID, "count of complaint ids must be >= 0, was " + count);
    }
    Object ids = null;
    String previous = null;
    for (int i = 0; i < count; i++) {
      String id = in.readUTF();
      if (id.isBlank()) {
        throw StateFields.corrupt(ID, "complaint id [" + i + "] must not be blank, was '" + id
            + "'");
      }
      if (previous != null && previous.compareTo(id) >= 0) {
        throw StateFields.corrupt(ID, "complaint id [" + i + "] must sort after '" + previous
            + "', was '" + id + "'");
      }
      ids = ComplaintIds.with(ids, id);
      previous = id;
    }
    return new Accumulator(window, ids);
  }

  /** Returns the value of a pair with {@code count} distinct complaints. */
  private static KpiValue resultOf(int count, boolean sourceSupplied) {
    if (!sourceSupplied && count == 0) {
      return NOT_SUPPLIED;
    }
    return VALUES.of(count);
  }

  /** Returns the id of a signal that is a complaint raised in the window, or null for any other. */
  private static @Nullable String countedId(Window window, Signal signal) {
    Checks.requireNonNull("signal", signal);
    return signal instanceof Complaint c && WindowMath.contains(window, c.raisedAt())
        ? c.complaintId()
        : null;
  }

  /**
   * The state of {@code complaints_raised} for one account and cloud: the ids of the complaints
   * raised in the window, in one reference as {@link ComplaintIds} holds them, so that an account
   * with no complaint or one costs no collection. Not thread-safe.
   *
   * @since 0.1.0
   */
  public static final class Accumulator implements KpiAccumulator<Accumulator> {
    private final Window window;
    // A slot of ComplaintIds that this accumulator alone owns: null until the first complaint.
    private @Nullable Object ids;

    private Accumulator(Window window, @Nullable Object ids) {
      this.window = window;
      this.ids = ids;
    }

    @Override
    public Window window() {
      return window;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Only a {@link Complaint} raised in the window changes the state, and only the first time
     * its id is seen.
     *
     * @throws NullPointerException if {@code signal} is null
     */
    @Override
    public void add(Signal signal) {
      String id = countedId(window, signal);
      if (id != null) {
        ids = ComplaintIds.with(ids, id);
      }
    }

    @Override
    public void merge(Accumulator other) {
      KpiState.requireSameWindow(ID, window, other.window);
      ids = ComplaintIds.union(ids, other.ids);
    }

    /**
     * {@inheritDoc}
     *
     * @return the number of distinct complaints, with {@link #COMPLAINT} when there is any; not
     *     applicable when {@code sourceSupplied} is false and no complaint was seen
     */
    @Override
    public KpiValue result(boolean sourceSupplied) {
      return resultOf(ComplaintIds.count(ids), sourceSupplied);
    }

    /**
     * {@inheritDoc}
     *
     * @throws java.io.UTFDataFormatException if a complaint id takes more than 65,535 bytes in
     *     modified UTF-8
     */
    @Override
    public void writeTo(DataOutput out) throws IOException {
      KpiState.writeHeader(out, ID, STATE_VERSION, window);
      out.writeInt(ComplaintIds.count(ids));
      for (String id : ComplaintIds.inOrder(ids)) {
        out.writeUTF(id);
      }
    }
  }

  /**
   * The distinct ids of many pairs, one slot each, in the forms {@link ComplaintIds} describes.
   * Most pairs raise no complaint and many raise one, so a slot holds the one id itself, and an
   * array or a set only from the second distinct id.
   */
  private static final class States implements KpiStates<Accumulator> {
    private final Window window;
    private @Nullable Object[] slots = new Object[0];

    States(Window window) {
      this.window = window;
    }

    @Override
    public Window window() {
      return window;
    }

    @Override
    public void ensureCapacity(int pairs) {
      if (pairs < 0) {
        throw new IllegalArgumentException("pairs: must be >= 0, was " + pairs);
      }
      if (pairs > slots.length) {
        slots = Arrays.copyOf(slots, (int) Math.min(Integer.MAX_VALUE,
            Math.max(pairs, 2L * slots.length)));
      }
    }

    @Override
    public void add(int pair, Signal signal) {
      Objects.checkIndex(pair, slots.length);
      String id = countedId(window, signal);
      if (id != null) {
        slots[pair] = ComplaintIds.with(slots[pair], id);
      }
    }

    @Override
    public void merge(int pair, KpiStates<Accumulator> other, int otherPair) {
      if (!(other instanceof States source)) {
        throw new IllegalArgumentException(
            "merge of '" + ID + "': other store must be a " + States.class.getName()
                + ", was a " + other.getClass().getName());
      }
      KpiState.requireSameWindow(ID, window, source.window);
      Objects.checkIndex(pair, slots.length);
      Objects.checkIndex(otherPair, source.slots.length);
      slots[pair] = ComplaintIds.union(slots[pair], source.slots[otherPair]);
    }

    @Override
    public Accumulator accumulator(int pair) {
      Objects.checkIndex(pair, slots.length);
      return new Accumulator(window, ComplaintIds.copyOf(slots[pair]));
    }

    /**
     * {@inheritDoc}
     *
     * @return 1 if the pair holds a complaint id, else 0
     */
    @Override
    public long prefetch(int pair) {
      Objects.checkIndex(pair, slots.length);
      return slots[pair] == null ? 0 : 1;
    }

    @Override
    public KpiValue result(int pair, boolean sourceSupplied) {
      Objects.checkIndex(pair, slots.length);
      return resultOf(ComplaintIds.count(slots[pair]), sourceSupplied);
    }
  }
}
