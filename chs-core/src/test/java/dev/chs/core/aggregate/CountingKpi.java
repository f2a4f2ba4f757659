package dev.chs.core.aggregate;

import dev.chs.api.Window;
import dev.chs.api.kpi.Curve;
import dev.chs.api.kpi.Direction;
import dev.chs.api.kpi.Kpi;
import dev.chs.api.kpi.KpiAccumulator;
import dev.chs.api.kpi.KpiState;
import dev.chs.api.kpi.KpiStates;
import dev.chs.api.kpi.KpiValue;
import dev.chs.api.signal.Metric;
import dev.chs.api.signal.Signal;
import dev.chs.api.signal.SupportCase;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A test KPI that counts the cases opened in the window, and throws for a case whose id starts
 * with {@code boom}. One made by {@link #withStates} also offers a store of many pairs' counts,
 * and counts what reaches it, so that a test can tell which way the aggregator went; those
 * counters are for tests on one thread.
 */
final class CountingKpi implements Kpi<CountingKpi.Count> {
  private final String id;
  private final boolean hasStates;
  private final int mostPairs;
  /** The KPI id its results name, or null for a KPI whose results are null. */
  private final @Nullable String resultId;
  /** Whether it counts the metrics it is given, of any name, instead of cases. */
  private final boolean countsMetrics;

  /** The accumulators {@link #newAccumulator} made. */
  long accumulatorsMade;

  /** The signals given to a store of this KPI. */
  long storeAdds;

  CountingKpi(String id) {
    this(id, false, Counts.MOST_PAIRS, id, false);
  }

  private CountingKpi(
      String id, boolean hasStates, int mostPairs, @Nullable String resultId,
      boolean countsMetrics) {
    this.id = id;
    this.hasStates = hasStates;
    this.mostPairs = mostPairs;
    this.resultId = resultId;
    this.countsMetrics = countsMetrics;
  }

  /** Returns a KPI that counts as {@code new CountingKpi(id)} does, and offers a store. */
  static CountingKpi withStates(String id) {
    return withStates(id, Counts.MOST_PAIRS);
  }

  /**
   * Returns a KPI that counts as {@code new CountingKpi(id)} does, and offers a store that
   * refuses room for more than {@code mostPairs} pairs.
   */
  static CountingKpi withStates(String id, int mostPairs) {
    return new CountingKpi(id, true, mostPairs, id, false);
  }

  /** Returns a KPI that counts every metric it is given, whatever its name, and no case. */
  static CountingKpi ofMetrics(String id) {
    return new CountingKpi(id, false, Counts.MOST_PAIRS, id, true);
  }

  /**
   * Returns a KPI with the bug of results that are values of KPI {@code resultId}, or null when
   * {@code resultId} is null; with a store if {@code hasStates}.
   */
  static CountingKpi withResultsOf(String id, @Nullable String resultId, boolean hasStates) {
    return new CountingKpi(id, hasStates, Counts.MOST_PAIRS, resultId, false);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String description() {
    return "Cases opened in the window.";
  }

  @Override
  public Set<Class<? extends Signal>> reads() {
    return Set.of(countsMetrics ? Metric.class : SupportCase.class);
  }

  @Override
  public Direction direction() {
    return Direction.LOWER_IS_BETTER;
  }

  @Override
  public Curve defaultCurve() {
    return new Curve.Linear(10, 0);
  }

  @Override
  public Count newAccumulator(Window window) {
    accumulatorsMade++;
    return new Count(window);
  }

  @Override
  public Optional<KpiStates<Count>> newStates(Window window) {
    return hasStates ? Optional.of(new Counts(window)) : Optional.empty();
  }

  @Override
  public Count readAccumulator(DataInput in) throws IOException {
    Count count = new Count(KpiState.readHeader(in, id, 1));
    count.n = in.readLong();
    return count;
  }

  final class Count implements KpiAccumulator<Count> {
    private final Window window;
    private long n;

    Count(Window window) {
      this.window = window;
    }

    @Override
    public Window window() {
      return window;
    }

    @Override
    public void add(Signal signal) {
      if (counts(window, signal)) {
        n++;
      }
    }

    @Override
    public void merge(Count other) {
      KpiState.requireSameWindow(id, window, other.window);
      n += other.n;
    }

    @Override
    public KpiValue result(boolean sourceSupplied) {
      return resultOf(n, sourceSupplied);
    }

    @Override
    public void writeTo(DataOutput out) throws IOException {
      KpiState.writeHeader(out, id, 1, window);
      out.writeLong(n);
    }
  }

  private boolean counts(Window window, Signal signal) {
    if (countsMetrics) {
      return signal instanceof Metric;
    }
    if (signal instanceof SupportCase c && window.contains(c.openedAt())) {
      if (c.caseId().startsWith("boom")) {
        throw new IllegalStateException("cannot count " + c.caseId());
      }
      return true;
    }
    return false;
  }

  private @Nullable KpiValue resultOf(long n, boolean sourceSupplied) {
    if (resultId == null) {
      return null;
    }
    return sourceSupplied
        ? KpiValue.Measured.of(resultId, n, n)
        : new KpiValue.NotApplicable(resultId, "no cases supplied");
  }

  /** Every pair's count in one array. */
  final class Counts implements KpiStates<Count> {
    /** The most pairs a store holds unless told fewer: about what a long[] can. */
    static final int MOST_PAIRS = Integer.MAX_VALUE - 8;

    private final Window window;
    private long[] n = new long[0];

    Counts(Window window) {
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
      if (pairs > mostPairs) {
        // As the built-in stores do, rather than fail to allocate the array.
        throw new IllegalArgumentException(
            "pairs: '" + id() + "' holds at most " + mostPairs + " pairs, was " + pairs);
      }
      if (pairs > n.length) {
        n = Arrays.copyOf(n, pairs);
      }
    }

    @Override
    public void add(int pair, Signal signal) {
      Objects.checkIndex(pair, n.length);
      storeAdds++;
      if (counts(window, signal)) {
        n[pair]++;
      }
    }

    @Override
    public void merge(int pair, KpiStates<Count> other, int otherPair) {
      Counts from = (Counts) other;
      KpiState.requireSameWindow(id, window, from.window);
      n[Objects.checkIndex(pair, n.length)] += from.n[Objects.checkIndex(otherPair, from.n.length)];
    }

    @Override
    public Count accumulator(int pair) {
      Count count = new Count(window);
      count.n = n[Objects.checkIndex(pair, n.length)];
      return count;
    }

    @Override
    public long prefetch(int pair) {
      return n[pair];
    }

    @Override
    public KpiValue result(int pair, boolean sourceSupplied) {
      return resultOf(n[Objects.checkIndex(pair, n.length)], sourceSupplied);
    }
  }
}
