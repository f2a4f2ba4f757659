package dev.chs.flink.internal;

import dev.chs.api.signal.Signal;
import java.util.Objects;

/**
 * A signal with the event time it arrived under, as the operator keeps it in state.
 *
 * @param eventTime the event time, in epoch milliseconds
 * @param signal the signal; never null
 */
public record TimedSignal(long eventTime, Signal signal) {
  /** Creates a timed signal. */
  public TimedSignal {
    Objects.requireNonNull(signal, "signal");
  }
}
