package dev.chs.flink;

import dev.chs.api.signal.Complaint;
import dev.chs.api.signal.Contract;
import dev.chs.api.signal.Metric;
import dev.chs.api.signal.RenewalOutcome;
import dev.chs.api.signal.SentimentSample;
import dev.chs.api.signal.Signal;
import dev.chs.api.signal.SupportCase;
import dev.chs.api.signal.UsageSample;
import dev.chs.api.signal.WorkOrder;
import java.time.Duration;
import java.time.Instant;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/**
 * The event time of each signal type, as {@link HealthScoring} reads it, and a watermark
 * strategy built on it.
 *
 * <p>A signal record is an immutable fact, and its event time is the latest instant it carries:
 *
 * <ul>
 *   <li>a support case: {@code closedAt} if it is closed, else {@code openedAt};
 *   <li>a work order: {@code completedAt} if it is completed, else {@code createdAt};
 *   <li>a complaint: {@code raisedAt}; a usage sample: {@code date}; a sentiment sample: {@code
 *       observedAt}; a renewal outcome: {@code renewalDate};
 *   <li>a contract or a metric has none: it is {@link #TIMELESS}.
 * </ul>
 *
 * <p>So a case that a source system sends when it opens, and again when it closes, arrives as two
 * records at the two instants; the second replaces the first from its event time on.
 *
 * <p>Thread-safe: the class holds no state.
 *
 * @since 0.1.0
 */
public final class SignalTimes {
  /**
   * The event time of a signal that has none, {@link Long#MIN_VALUE}: it applies to every score
   * emitted after it arrives, and is never late.
   * @since 0.1.0
   */
  public static final long TIMELESS = Long.MIN_VALUE;

  /** The longest duration that a long of milliseconds holds, the bound of every time setting. */
  static final Duration LONGEST = Duration.ofMillis(Long.MAX_VALUE);

  private SignalTimes() {}

  /**
   * Returns the event time of a signal.
   *
   * @param signal the signal
   * @return the event time in epoch milliseconds, or {@link #TIMELESS} for a contract or a metric
   * @throws IllegalArgumentException if the signal is of a type that chs-api does not define, or
   *     if its instant lies so far from the epoch that a long of milliseconds cannot hold it
   * @throws NullPointerException if {@code signal} is null
   * @since 0.1.0
   */
  public static long eventTime(Signal signal) {
    String field;
    Instant instant;
    if (signal instanceof SupportCase c) {
      field = c.closedAt() != null ? "closed_at" : "opened_at";
      instant = c.closedAt() != null ? c.closedAt() : c.openedAt();
    } else if (signal instanceof WorkOrder w) {
      field = w.completedAt() != null ? "completed_at" : "created_at";
      instant = w.completedAt() != null ? w.completedAt() : w.createdAt();
    } else if (signal instanceof Complaint c) {
      field = "raised_at";
      instant = c.raisedAt();
    } else if (signal instanceof UsageSample u) {
      field = "date";
      instant = u.date();
    } else if (signal instanceof SentimentSample s) {
      field = "observed_at";
      instant = s.observedAt();
    } else if (signal instanceof RenewalOutcome r) {
      field = "renewal_date";
      instant = r.renewalDate();
    } else if (signal instanceof Contract || signal instanceof Metric) {
      return TIMELESS;
    } else {
      throw new IllegalArgumentException(
          "signal: must be one of the signal types of chs-api, was "
              + signal.getClass().getName());
    }
    return epochMillis(field, instant);
  }

  private static long epochMillis(String field, Instant instant) {
    try {
      return instant.toEpochMilli();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(field + ": must be an instant that a long of epoch"
          + " milliseconds holds (about 292 million years either side of 1970), was " + instant,
          e);
    }
  }

  /**
   * Returns a watermark strategy that takes each signal's {@link #eventTime} as its timestamp and
   * lets the watermark trail the largest timestamp seen by {@code outOfOrderness}. It emits a
   * watermark whenever that largest timestamp grows, not only periodically, so that event time
   * moves on between the records of a fast bounded source too, and each account emits at every
   * instant the data covers.
   *
   * @param outOfOrderness how far out of order signals may arrive; zero or more, at most {@link
   *     Long#MAX_VALUE} milliseconds
   * @return the strategy
   * @throws IllegalArgumentException if {@code outOfOrderness} is negative or longer than that
   * @throws NullPointerException if {@code outOfOrderness} is null
   * @since 0.1.0
   */
  public static WatermarkStrategy<Signal> watermarks(Duration outOfOrderness) {
    if (outOfOrderness.isNegative()
        || outOfOrderness.compareTo(LONGEST) > 0) {
      throw new IllegalArgumentException("outOfOrderness: must be zero or more, at most "
          + Long.MAX_VALUE + " milliseconds, was " + outOfOrderness);
    }
    long delay = outOfOrderness.toMillis();
    WatermarkStrategy<Signal> strategy = context -> new TrailingWatermarks(delay);
    return strategy.withTimestampAssigner((signal, previous) -> eventTime(signal));
  }

  /** Emits a watermark each time the largest event time grows; timeless signals move nothing. */
  private static final class TrailingWatermarks implements WatermarkGenerator<Signal> {
    private final long delay;
    private long largest = Long.MIN_VALUE;

    TrailingWatermarks(long delay) {
      this.delay = delay;
    }

    @Override
    public void onEvent(Signal signal, long timestamp, WatermarkOutput output) {
      if (timestamp != TIMELESS && timestamp > largest) {
        largest = timestamp;
        output.emitWatermark(new Watermark(largest - delay - 1));
      }
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
      // Every watermark was emitted as the largest event time grew.
    }
  }
}
