package dev.chs.core.model;

import dev.chs.api.Window;
import dev.chs.api.kpi.Curve;
import dev.chs.api.kpi.Direction;
import dev.chs.api.kpi.Kpi;
import dev.chs.api.kpi.KpiAccumulator;
import dev.chs.api.kpi.KpiState;
import dev.chs.api.kpi.KpiValue;
import dev.chs.api.kpi.MergeableSum;
import dev.chs.api.signal.Metric;
import dev.chs.api.signal.Signal;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A KPI over one numeric column of {@code metrics.csv}: its raw value is the mean of the {@link
 * Metric} signals named after its id, for the account and cloud. Metrics carry no instant, so
 * the window does not filter them; they hold for the window being scored, as their producer
 * decided. An account-wide metric merges into every cloud of its account, so a cloud with both
 * its own value and an account-wide one gets the mean of the two.
 *
 * <p>Evidence: the metrics averaged. Not applicable when there is none.
 *
 * <p>A metric KPI is made per column, by a model file's {@code metric: true} entry (see {@link
 * ModelFile}) or in code, and is never loaded as a service: the {@link Kpi} rule of a public
 * no-argument constructor applies to service-loaded KPIs only, and this record has none. Its
 * default curve is the curve the model scores it with, so that a model file, which holds one
 * curve per KPI, describes it whole.
 *
 * <p>The raw value is the exact sum of the metrics divided by their count, correctly rounded once
 * to a double, so merged and single-pass accumulators agree to the last bit and the mean of equal
 * values is that value (a value below 2<sup>-12</sup> in magnitude is first rounded to a multiple
 * of 2<sup>-64</sup>, as {@link MergeableSum} does).
 *
 * <p>Serialized form of the accumulator, version 2: the {@link KpiState} header, then the count
 * of metrics as a long, then the sum of their values as {@link MergeableSum#writeTo} writes it
 * (three longs, units of 2<sup>-64</sup>). Version 1, which this still reads and never writes, had
 * the sum as {@link MergeableSum#read128From} reads it (two longs, units of 2<sup>-32</sup>).
 *
 * <p>Values must be smaller than 2<sup>63</sup> in magnitude, the limit of {@link MergeableSum};
 * a larger one makes {@link KpiAccumulator#add} throw, which aggregation isolates as a failure
 * of this KPI. Instances are immutable and thread-safe; two are equal when their id, direction
 * and default curve are.
 *
 * @param id the column's name, which is the KPI id: lower-case letters, digits and underscores,
 *     starting with a letter
 * @param direction which way the column's value is better
 * @param defaultCurve the curve that scores the KPI unless the model names another
 * @since 0.1.0
 */
public record MetricKpi(String id, Direction direction, Curve defaultCurve)
    implements Kpi<MetricKpi.Accumulator> {
  /** The version of the accumulator's serialized form that this class writes and reads: 2. */
  public static final int STATE_VERSION = 2;

  /** The oldest version of the form that this class still reads: 1. */
  public static final int OLDEST_STATE_VERSION = 1;

  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*");

  /**
   * Creates a metric KPI.
   *
   * @throws IllegalArgumentException if the id is not lower-case letters, digits and underscores
   *     starting with a letter
   * @throws NullPointerException if an argument is null
   */
  public MetricKpi {
    Objects.requireNonNull(id, "id");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "id: must match [a-z][a-z0-9_]* (a metrics.csv column name), was '" + id + "'");
    }
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(defaultCurve, "defaultCurve");
  }

  @Override
  public String description() {
    return "Mean of the metrics.csv column '" + id + "' for the account and cloud.";
  }

  @Override
  public Set<Class<? extends Signal>> reads() {
    return Set.of(Metric.class);
  }

  /**
   * {@inheritDoc}
   *
   * @throws NullPointerException if {@code window} is null
   */
  @Override
  public Accumulator newAccumulator(Window window) {
    return new Accumulator(id, Objects.requireNonNull(window, "window"), 0, new MergeableSum());
  }

  /**
   * {@inheritDoc}
   *
   * @throws IOException also if the count is negative (possible corruption)
   */
  @Override
  public Accumulator readAccumulator(DataInput in) throws IOException {
    KpiState.Header header = KpiState.readHeader(in, id, OLDEST_STATE_VERSION, STATE_VERSION);
    long count = in.readLong();
    if (count < 0) {
      throw new IOException(
          "accumulator state of '" + id + "': count must be >= 0, was " + count
              + " (possible corruption)");
    }
    MergeableSum sum = header.version() == OLDEST_STATE_VERSION
        ? MergeableSum.read128From(in)
        : MergeableSum.readFrom(in);
    return new Accumulator(id, header.window(), count, sum);
  }

  /**
   * The state of a {@link MetricKpi} for one account and cloud: how many metrics of its column
   * were added, and their exact sum. Not thread-safe.
   *
   * @since 0.1.0
   */
  public static final class Accumulator implements KpiAccumulator<Accumulator> {
    private final String id;
    private final Window window;
    private long count;
    private final MergeableSum sum;

    private Accumulator(String id, Window window, long count, MergeableSum sum) {
      this.id = id;
      this.window = window;
      this.count = count;
      this.sum = sum;
    }

    @Override
    public Window window() {
      return window;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Only a {@link Metric} named after the KPI's id changes the state.
     *
     * @throws IllegalArgumentException if the metric's value is 2<sup>63</sup> or more in
     *     magnitude
     * @throws NullPointerException if {@code signal} is null
     */
    @Override
    public void add(Signal signal) {
      Objects.requireNonNull(signal, "signal");
      if (signal instanceof Metric metric && metric.name().equals(id)) {
        if (!(Math.abs(metric.value()) < MergeableSum.MAX_TERM)) {
          throw new IllegalArgumentException(
              "metric '" + id + "' of account " + metric.account() + ": must be smaller than"
                  + " 2^63 in magnitude, was " + metric.value());
        }
        sum.add(metric.value());
        count++;
      }
    }

    @Override
    public void merge(Accumulator other) {
      KpiState.requireSameWindow(id, window, other.window);
      sum.merge(other.sum);
      count += other.count;
    }

    /**
     * {@inheritDoc}
     *
     * @param sourceSupplied ignored: without a metric there is no value
     * @return the mean of the metrics, with their count as evidence; not applicable when there is
     *     none
     */
    @Override
    public KpiValue result(boolean sourceSupplied) {
      if (count == 0) {
        return new KpiValue.NotApplicable(id, "no value in metrics.csv");
      }
      return KpiValue.Measured.of(id, sum.dividedBy(count), count);
    }

    @Override
    public void writeTo(DataOutput out) throws IOException {
      KpiState.writeHeader(out, id, STATE_VERSION, window);
      out.writeLong(count);
      sum.writeTo(out);
    }
  }
}
