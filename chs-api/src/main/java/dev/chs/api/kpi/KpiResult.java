package dev.chs.api.kpi;

import dev.chs.api.Checks;
import java.util.Set;

/**
 * A KPI's result for one account and cloud: its raw value, its score from 0 to 100, the evidence
 * it saw and its flags; or {@link KpiValue.NotApplicable} when it had no evidence.
 *
 * @since 0.1.0
 */
public sealed interface KpiResult permits KpiResult.Scored, KpiValue.NotApplicable {
  /**
   * Returns the id of the KPI.
   *
   * @return the KPI id
   */
  String kpiId();

  /**
   * A scored KPI.
   *
   * @param kpiId the id of the KPI
   * @param raw the raw value; finite
   * @param score the score, in [0, 100]
   * @param evidence how many signals the value rests on; at least zero
   * @param flags the flags raised; never null
   * @since 0.1.0
   */
  record Scored(String kpiId, double raw, double score, long evidence, Set<String> flags)
      implements KpiResult {
    /**
     * Creates a scored KPI.
     *
     * @throws IllegalArgumentException if the id is empty, the raw value is not finite, the score
     *     is outside [0, 100], or the evidence is negative
     * @throws NullPointerException if the id or flags are null
     */
    public Scored {
      Checks.requireId("kpi_id", kpiId);
      Checks.requireFinite(kpiId, ".raw", raw);
      Checks.requireInRange(kpiId, ".score", score, 0, 100);
      Checks.requireNonNegative(kpiId, ".evidence", evidence);
      flags = Set.copyOf(Checks.requireNonNull("flags", flags));
    }
  }
}
