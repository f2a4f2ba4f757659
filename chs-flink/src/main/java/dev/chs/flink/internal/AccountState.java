package dev.chs.flink.internal;

import dev.chs.core.portfolio.InterventionTracker;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the operator keeps for one account between emissions: the signals still inside the
 * retention, the first event time at which each cloud was named, the state of each intervention
 * tracker, and the last instant it emitted a score for. {@link StateLayout} documents its bytes.
 *
 * <p>Mutable and confined to the operator's thread, as Flink's keyed state is.
 */
public final class AccountState {
  /** No emission yet. */
  public static final long NEVER = Long.MIN_VALUE;

  final List<TimedSignal> retained;
  /** Cloud name, {@code ""} for account-wide, to the first event time it was named at. */
  final Map<String, Long> clouds;
  /** Tracker key ({@code *} for overall) to its state. */
  final Map<String, InterventionTracker.State> trackers;
  long lastEmitted;

  AccountState() {
    this(new ArrayList<>(), new LinkedHashMap<>(), new LinkedHashMap<>(), NEVER);
  }

  AccountState(
      List<TimedSignal> retained,
      Map<String, Long> clouds,
      Map<String, InterventionTracker.State> trackers,
      long lastEmitted) {
    this.retained = retained;
    this.clouds = clouds;
    this.trackers = trackers;
    this.lastEmitted = lastEmitted;
  }

  AccountState copy() {
    return new AccountState(
        new ArrayList<>(retained), new LinkedHashMap<>(clouds), new LinkedHashMap<>(trackers),
        lastEmitted);
  }

  /**
   * Returns the number of signals retained.
   *
   * @return the count
   */
  public int retainedSignals() {
    return retained.size();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AccountState other
        && retained.equals(other.retained)
        && clouds.equals(other.clouds)
        && trackers.equals(other.trackers)
        && lastEmitted == other.lastEmitted;
  }

  @Override
  public int hashCode() {
    return retained.hashCode() * 31 + clouds.hashCode();
  }

  @Override
  public String toString() {
    return "AccountState[" + retained.size() + " signals, clouds=" + clouds + ", trackers="
        + trackers + ", lastEmitted=" + lastEmitted + "]";
  }
}
