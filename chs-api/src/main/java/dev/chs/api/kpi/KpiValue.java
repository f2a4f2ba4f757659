package dev.chs.api.kpi;

import dev.chs.api.Checks;
import java.util.Set;

/**
 * What a KPI measured for one account and cloud over one window, before the model scores it:
 * either {@link Measured}, or {@link NotApplicable} when there was no evidence.
 *
 * @since 0.1.0
 */
public sealed interface KpiValue permits KpiValue.Measured, KpiValue.NotApplicable {
  /**
   * Returns the id of the KPI that produced this value.
   *
   * @return the KPI id
   */
  String kpiId();

  /**
   * A KPI's measured value.
   *
   * @param kpiId the id of the KPI
   * @param raw the raw value, as PRODUCT.md defines it for the KPI; finite
   * @param curveInput the value the scoring curve reads: the raw value for most KPIs, and the
   *     change against the baseline for {@code work_order_volume}; finite
   * @param evidence how many signals the value rests on; at least zero
   * @param flags the flags raised, such as {@code COMPLAINT}; never null
   * @since 0.1.0
   */
  record Measured(String kpiId, double raw, double curveInput, long evidence, Set<String> flags)
      implements KpiValue {
    /**
     * Creates a measured value.
     *
     * @throws IllegalArgumentException if the id is empty, a value is not finite, or the evidence
     *     is negative
     * @throws NullPointerException if the id or flags are null
     */
    public Measured {
      Checks.requireId("kpi_id", kpiId);
      Checks.requireFinite(kpiId, ".raw", raw);
      Checks.requireFinite(kpiId, ".curve_input", curveInput);
      Checks.requireNonNegative(kpiId, ".evidence", evidence);
      flags = Set.copyOf(Checks.requireNonNull("flags", flags));
    }

    /**
     * Returns a measured value whose curve reads the raw value, with no flags.
     *
     * @param kpiId the id of the KPI
     * @param raw the raw value; finite
     * @param evidence how many signals it rests on
     * @return the value
     */
    public static Measured of(String kpiId, double raw, long evidence) {
      return new Measured(kpiId, raw, raw, evidence, Set.of());
    }

    /**
     * Scores this value through {@code curve}.
     *
     * @param curve the model's curve for this KPI
     * @return the scored result
     */
    public KpiResult.Scored scoredBy(Curve curve) {
      return new KpiResult.Scored(kpiId, raw, curve.score(curveInput), evidence, flags);
    }
  }

  /**
   * A KPI that had no evidence. It is left out of the score and lowers its coverage; it is never a
   * silent zero.
   *
   * @param kpiId the id of the KPI
   * @param reason why there is no value, for example {@code "no cases opened in the window"}
   * @since 0.1.0
   */
  record NotApplicable(String kpiId, String reason) implements KpiValue, KpiResult {
    /**
     * Creates a not-applicable value.
     *
     * @throws IllegalArgumentException if the id is empty
     * @throws NullPointerException if an argument is null
     */
    public NotApplicable {
      Checks.requireId("kpi_id", kpiId);
      Checks.requireNonNull("reason", reason);
    }
  }
}
