package com.example.chs;

import dev.chs.api.Window;
import dev.chs.api.kpi.Curve;
import dev.chs.api.kpi.Curve.Point;
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
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * {@code invoice_days_overdue}: how late the account pays, as of the window's end T.
 *
 * <p>The invoices that count are those due at or before T that are either still unpaid at T, or
 * were paid in the window {@code (T - W, T]}. An invoice paid before the window is history and
 * does not count; an invoice paid after T is unpaid at T. Each counted invoice is overdue by
 * {@code min(paidAt, T) - dueAt}, in whole seconds rounded down, and by zero when it was paid on
 * time or falls due exactly at T. The raw value is the mean of those, in days of 86,400 seconds.
 * Lower is better.
 *
 * <p>A team that aggregates upstream supplies the value instead, as the column {@code
 * invoice_days_overdue} of {@code metrics.csv}; each cell arrives as a {@link Metric} with that
 * name. When any such metric applies to the account and cloud, the value is the mean of the
 * metrics, and invoices are ignored; when none does, it comes from the invoices. Metrics of other
 * names are ignored.
 *
 * <p>Evidence: the metrics, or else the invoices, that the value rests on. {@linkplain
 * KpiValue.NotApplicable Not applicable} when there is neither: a mean of nothing is not zero.
 *
 * <p>Default curve: {@link Curve.Piecewise} through (0, 100), (7, 80), (30, 40), (60, 10) and (90,
 * 0): paying on time scores 100, a month late 40, and a quarter late 0.
 *
 * <p>The accumulator's serialized form, version {@value #STATE_VERSION}, is the header of {@link
 * KpiState}, then: {@code long invoices}, the invoices counted; {@code long overdueSeconds}, their
 * summed lateness, zero when {@code invoices} is; {@code long metrics}, the metrics seen; and the
 * sum of their values as {@link MergeableSum#writeTo} writes it, zero when {@code metrics} is.
 * Version 1 differed only in that sum, which {@link MergeableSum#read128From} reads; this class
 * still reads version 1 and writes only the current version.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class InvoiceDaysOverdue implements Kpi<InvoiceDaysOverdue.Accumulator> {
  /** The id of this KPI, and the name of the metric it reads. */
  public static final String ID = "invoice_days_overdue";

  /** The version of the accumulator's serialized form that this class writes. */
  public static final int STATE_VERSION = 2;

  /** The oldest version of the form that this class still reads. */
  public static final int OLDEST_STATE_VERSION = 1;

  private static final double SECONDS_PER_DAY = 86_400;

  private static final Curve DEFAULT_CURVE =
      Curve.Piecewise.of(
          new Point(0, 100), new Point(7, 80), new Point(30, 40), new Point(60, 10),
          new Point(90, 0));

  /** Creates the KPI; {@link java.util.ServiceLoader} calls this constructor. */
  public InvoiceDaysOverdue() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Mean days that the account's invoices are overdue as of the as-of instant.";
  }

  @Override
  public Set<Class<? extends Signal>> reads() {
    return Set.of(Invoice.class, Metric.class);
  }

  @Override
  public Direction direction() {
    return Direction.LOWER_IS_BETTER;
  }

  /**
   * {@inheritDoc}
   *
   * @return {@link Curve.Piecewise} through (0, 100), (7, 80), (30, 40), (60, 10) and (90, 0)
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
    Objects.requireNonNull(window, "window: must not be null");
    return new Accumulator(window, 0, 0, 0, new MergeableSum());
  }

  /**
   * {@inheritDoc}
   *
   * @throws IOException also if a count or the lateness is negative, or a sum is not zero beside
   *     a count that is (possible corruption)
   */
  @Override
  public Accumulator readAccumulator(DataInput in) throws IOException {
    KpiState.Header header = KpiState.readHeader(in, ID, OLDEST_STATE_VERSION, STATE_VERSION);
    long invoices = readNonNegative(in, "invoices");
    long overdueSeconds = readNonNegative(in, "overdueSeconds");
    long metrics = readNonNegative(in, "metrics");
    MergeableSum metricSum = header.version() == OLDEST_STATE_VERSION
        ? MergeableSum.read128From(in)
        : MergeableSum.readFrom(in);
    if (invoices == 0 && overdueSeconds != 0) {
      throw corrupt("overdueSeconds must be 0 when invoices is 0, was " + overdueSeconds);
    }
    if (metrics == 0 && !metricSum.isZero()) {
      throw corrupt("metric sum must be 0 when metrics is 0, was " + metricSum);
    }
    return new Accumulator(header.window(), invoices, overdueSeconds, metrics, metricSum);
  }

  private static long readNonNegative(DataInput in, String field) throws IOException {
    long value = in.readLong();
    if (value < 0) {
      throw corrupt(field + " must be >= 0, was " + value);
    }
    return value;
  }

  private static IOException corrupt(String detail) {
    return new IOException(
        "accumulator state of '" + ID + "': " + detail + " (possible corruption)");
  }

  /**
   * The state of {@code invoice_days_overdue} for one account and cloud. Not thread-safe.
   */
  public static final class Accumulator implements KpiAccumulator<Accumulator> {
    private final Window window;
    private long invoices;
    private long overdueSeconds;
    private long metrics;
    private final MergeableSum metricSum;

    private Accumulator(
        Window window, long invoices, long overdueSeconds, long metrics, MergeableSum metricSum) {
      this.window = window;
      this.invoices = invoices;
      this.overdueSeconds = overdueSeconds;
      this.metrics = metrics;
      this.metricSum = metricSum;
    }

    @Override
    public Window window() {
      return window;
    }

    /**
     * {@inheritDoc}
     *
     * <p>An {@link Invoice} changes the state when it is due at or before T and is unpaid at T or
     * was paid in the window; a {@link Metric} when its name is {@value InvoiceDaysOverdue#ID}.
     *
     * @throws IllegalArgumentException if such a metric is negative, or {@link
     *     MergeableSum#MAX_TERM} days or more
     * @throws ArithmeticException if the summed lateness overflows a long, which takes billions of
     *     invoices
     * @throws NullPointerException if {@code signal} is null
     */
    @Override
    public void add(Signal signal) {
      Objects.requireNonNull(signal, "signal: must not be null");
      if (signal instanceof Invoice invoice) {
        addInvoice(invoice);
      } else if (signal instanceof Metric metric && metric.name().equals(ID)) {
        addMetric(metric);
      }
    }

    private void addInvoice(Invoice invoice) {
      Instant asOf = window.asOf();
      Instant paidAt = invoice.paidAt();
      boolean unpaidAtAsOf = paidAt == null || paidAt.isAfter(asOf);
      if (!window.hasSeen(invoice.dueAt()) || !(unpaidAtAsOf || window.contains(paidAt))) {
        return;
      }
      Instant settledAt = unpaidAtAsOf ? asOf : paidAt;
      long late = Math.max(0, Duration.between(invoice.dueAt(), settledAt).toSeconds());
      overdueSeconds = Math.addExact(overdueSeconds, late);
      invoices++;
    }

    private void addMetric(Metric metric) {
      double days = metric.value();
      if (!(days >= 0 && days < MergeableSum.MAX_TERM)) {
        throw new IllegalArgumentException(
            ID + ": metric for account " + metric.account() + " must be in [0, 2^63) days, was "
                + days);
      }
      metricSum.add(days);
      metrics++;
    }

    @Override
    public void merge(Accumulator other) {
      KpiState.requireSameWindow(ID, window, other.window);
      invoices += other.invoices;
      overdueSeconds = Math.addExact(overdueSeconds, other.overdueSeconds);
      metrics += other.metrics;
      metricSum.merge(other.metricSum);
    }

    /**
     * {@inheritDoc}
     *
     * @param sourceSupplied ignored: a mean of no invoice is not zero
     * @return the mean days overdue, from the metrics if any applies and from the invoices
     *     otherwise; not applicable when there is neither
     */
    @Override
    public KpiValue result(boolean sourceSupplied) {
      if (metrics > 0) {
        return KpiValue.Measured.of(ID, metricSum.dividedBy(metrics), metrics);
      }
      if (invoices > 0) {
        return KpiValue.Measured.of(ID, overdueSeconds / (invoices * SECONDS_PER_DAY), invoices);
      }
      return new KpiValue.NotApplicable(
          ID, "no invoice was due by the as-of instant and open or paid in the window, and no "
              + ID + " metric was supplied");
    }

    @Override
    public void writeTo(DataOutput out) throws IOException {
      KpiState.writeHeader(out, ID, STATE_VERSION, window);
      out.writeLong(invoices);
      out.writeLong(overdueSeconds);
      out.writeLong(metrics);
      metricSum.writeTo(out);
    }
  }
}
