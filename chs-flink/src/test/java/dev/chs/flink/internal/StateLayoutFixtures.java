package dev.chs.flink.internal;

import dev.chs.api.signal.Signal;
import dev.chs.core.portfolio.InterventionTracker;
import dev.chs.flink.SignalTimes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** Builds account states for the tests of the public package. */
public final class StateLayoutFixtures {
  private StateLayoutFixtures() {}

  /** An account state holding the signals, two clouds and two trackers. */
  public static AccountState account(List<Signal> signals) {
    List<TimedSignal> retained = new ArrayList<>();
    for (Signal signal : signals) {
      retained.add(new TimedSignal(SignalTimes.eventTime(signal), signal));
    }
    Map<String, Long> clouds = new LinkedHashMap<>();
    clouds.put("sales", 1_777_777_777_000L);
    clouds.put("", SignalTimes.TIMELESS);
    Map<String, InterventionTracker.State> trackers = new LinkedHashMap<>();
    trackers.put("sales", new InterventionTracker.State(
        false, OptionalDouble.of(42.125), Optional.of(Instant.parse("2026-05-04T00:00:00Z"))));
    trackers.put("*", InterventionTracker.State.INITIAL);
    return new AccountState(retained, clouds, trackers, 1_777_852_800_000L);
  }
}
