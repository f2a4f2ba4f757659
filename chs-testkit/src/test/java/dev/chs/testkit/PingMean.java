package dev.chs.testkit;

import dev.chs.api.AccountId;
import dev.chs.api.CloudId;
import dev.chs.api.Window;
import dev.chs.api.kpi.Curve;
import dev.chs.api.kpi.Direction;
import dev.chs.api.kpi.Kpi;
import dev.chs.api.kpi.KpiAccumulator;
import dev.chs.api.kpi.KpiState;
import dev.chs.api.kpi.KpiStates;
import dev.chs.api.kpi.KpiValue;
import dev.chs.api.kpi.MergeableSum;
import dev.chs.api.signal.Signal;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A test double: the mean value of the pings in the window. {@link Flaw} plants one mistake, so
 * that the tests can show the contract catches it.
 */
final class PingMean implements Kpi<PingMean.Accumulator> {
  static final String ID = "ping_mean";

  /** A ping: a value observed at an instant. */
  record Ping(AccountId account, CloudId cloud, Instant at, double value) implements Signal {}

  /** The mistake the KPI makes. */
  enum Flaw {
    NONE,
    /** Counts pings after the as-of instant too. */
    LOOKS_AHEAD,
    /** Sums in plain doubles, whose result depends on the order of the terms. */
    PLAIN_DOUBLE_SUM,
    /** Measures 0 instead of being not applicable when it has no pings. */
    SILENT_ZERO,
    /** Has no store: {@link #newStates} is empty. */
    NO_STATES,
    /** The store forgets every pair's state when it grows. */
    STATES_LOSE_STATE_ON_GROWTH,
    /** The store does nothing when a pair is merged into itself. */
    STATES_SKIP_MERGE_INTO_ITSELF,
    /** The accumulator of a pair shares the store's sum instead of copying it. */
    STATES_SHARE_SUM_WITH_ACCUMULATOR,
    /** The store wraps pair numbers out of range onto the pairs it has. */
    STATES_WRAP_PAIR_NUMBERS,
    /** The store merges from a store of another window. */
    STATES_IGNORE_WINDOW_ON_MERGE,
    /** The store rejects a capacity of zero as if it were negative, as a check of {@code <= 0} does. */
    STATES_REJECT_ZERO_CAPACITY
  }

  private final Flaw flaw;

  PingMean(Flaw flaw) {
    this.flaw = flaw;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Mean value of the pings in the window.";
  }

  @Override
  public Set<Class<? extends Signal>> reads() {
    return Set.of(Ping.class);
  }

  @Override
  public Direction direction() {
    return Direction.HIGHER_IS_BETTER;
  }

  @Override
  public Curve defaultCurve() {
    return new Curve.Linear(0, 10);
  }

  @Override
  public Accumulator newAccumulator(Window window) {
    return new Accumulator(window, 0, new MergeableSum(), 0);
  }

  @Override
  public Optional<KpiStates<Accumulator>> newStates(Window window) {
    boolean hasStore = flaw == Flaw.NONE || flaw.name().startsWith("STATES_");
    return hasStore ? Optional.of(new States(window)) : Optional.empty();
  }

  @Override
  public Accumulator readAccumulator(DataInput in) throws IOException {
    Window window = KpiState.readHeader(in, ID, 1);
    long count = in.readLong();
    MergeableSum sum = MergeableSum.readFrom(in);
    double plain = in.readDouble();
    return new Accumulator(window, count, sum, plain);
  }

  final class Accumulator implements KpiAccumulator<Accumulator> {
    private final Window window;
    private long count;
    private final MergeableSum sum;
    private double plain;

    private Accumulator(Window window, long count, MergeableSum sum, double plain) {
      this.window = window;
      this.count = count;
      this.sum = sum;
      this.plain = plain;
    }

    @Override
    public Window window() {
      return window;
    }

    @Override
    public void add(Signal signal) {
      if (signal instanceof Ping p && counts(p.at())) {
        count++;
        sum.add(p.value());
        plain += p.value();
      }
    }

    private boolean counts(Instant at) {
      return flaw == Flaw.LOOKS_AHEAD ? at.isAfter(window.start()) : window.contains(at);
    }

    @Override
    public void merge(Accumulator other) {
      KpiState.requireSameWindow(ID, window, other.window);
      count += other.count;
      sum.merge(other.sum);
      plain += other.plain;
    }

    @Override
    public KpiValue result(boolean sourceSupplied) {
      if (count == 0) {
        return flaw == Flaw.SILENT_ZERO
            ? KpiValue.Measured.of(ID, 0, 0)
            : new KpiValue.NotApplicable(ID, "no pings in the window");
      }
      double total = flaw == Flaw.PLAIN_DOUBLE_SUM ? plain : sum.value();
      return KpiValue.Measured.of(ID, total / count, count);
    }

    @Override
    public void writeTo(DataOutput out) throws IOException {
      KpiState.writeHeader(out, ID, 1, window);
      out.writeLong(count);
      sum.writeTo(out);
      out.writeDouble(flaw == Flaw.PLAIN_DOUBLE_SUM ? plain : 0);
    }
  }

  /** Many pairs' counts in one array and their sums in another. */
  final class States implements KpiStates<Accumulator> {
    private final Window window;
    private long[] counts = new long[0];
    private MergeableSum[] sums = new MergeableSum[0];

    private States(Window window) {
      this.window = window;
    }

    @Override
    public Window window() {
      return window;
    }

    @Override
    public void ensureCapacity(int pairs) {
      if (pairs < 0 || flaw == Flaw.STATES_REJECT_ZERO_CAPACITY && pairs == 0) {
        throw new IllegalArgumentException("pairs: must be >= 0, was " + pairs);
      }
      if (pairs <= counts.length) {
        return;
      }
      int held = flaw == Flaw.STATES_LOSE_STATE_ON_GROWTH ? 0 : counts.length;
      counts = Arrays.copyOf(Arrays.copyOf(counts, held), pairs);
      sums = Arrays.copyOf(sums, pairs);
      for (int i = held; i < pairs; i++) {
        sums[i] = new MergeableSum();
      }
    }

    private int index(int pair) {
      if (flaw == Flaw.STATES_WRAP_PAIR_NUMBERS && counts.length > 0) {
        return Math.floorMod(pair, counts.length);
      }
      return Objects.checkIndex(pair, counts.length);
    }

    @Override
    public void add(int pair, Signal signal) {
      int i = index(pair);
      if (signal instanceof Ping p && window.contains(p.at())) {
        counts[i]++;
        sums[i].add(p.value());
      }
    }

    @Override
    public void merge(int pair, KpiStates<Accumulator> other, int otherPair) {
      if (!(other instanceof States from)) {
        throw new IllegalArgumentException("other: must be a PingMean store, was " + other);
      }
      if (flaw != Flaw.STATES_IGNORE_WINDOW_ON_MERGE) {
        KpiState.requireSameWindow(ID, window, from.window);
      }
      int i = index(pair);
      int j = from.index(otherPair);
      if (flaw == Flaw.STATES_SKIP_MERGE_INTO_ITSELF && from == this && i == j) {
        return;
      }
      counts[i] += from.counts[j];
      sums[i].merge(from.sums[j]);
    }

    @Override
    public Accumulator accumulator(int pair) {
      int i = index(pair);
      MergeableSum sum = sums[i];
      if (flaw != Flaw.STATES_SHARE_SUM_WITH_ACCUMULATOR) {
        sum = new MergeableSum();
        sum.merge(sums[i]);
      }
      return new Accumulator(window, counts[i], sum, 0);
    }

    @Override
    public KpiValue result(int pair, boolean sourceSupplied) {
      return accumulator(pair).result(sourceSupplied);
    }
  }
}
