package dev.chs.flink.internal;

import dev.chs.core.aggregate.KpiFailure;
import java.lang.System.Logger.Level;
import java.util.HashSet;
import java.util.Set;

/**
 * Logs a failure that the operator cannot hand back to a caller, once per cause: a KPI and the
 * type of what it threw. A plugin that throws on every record thus writes one line, not millions.
 * Confined to the operator's thread.
 */
final class FailureLog {
  private static final System.Logger LOGGER = System.getLogger("dev.chs.flink");

  private final Set<String> logged = new HashSet<>();

  /** Logs a KPI's failure, unless one of the same cause was logged before. */
  void kpiFailed(KpiFailure failure) {
    String cause = "kpi " + failure.kpiId() + " " + failure.error().getClass().getName();
    if (logged.add(cause)) {
      LOGGER.log(Level.WARNING, failure.message() + "; the KPI is not applicable wherever it"
          + " fails, and further failures of this KPI with this exception type are not logged",
          failure.error());
    }
  }

  /** Logs a signal that aggregation refused, unless one of the same cause was logged before. */
  void signalRefused(String account, String what, IllegalArgumentException error) {
    String cause = "signal " + what;
    if (logged.add(cause)) {
      LOGGER.log(Level.WARNING, "a " + what + " of account " + account + " was left out of its"
          + " score: " + error.getMessage() + "; further refusals of this kind are not logged",
          error);
    }
  }

  /** Returns how many causes were logged. */
  int causes() {
    return logged.size();
  }
}
