package dev.chs.api;

import dev.chs.api.internal.HandedOverList;
import dev.chs.api.kpi.KpiResult;
import java.util.List;
import java.util.Set;

/**
 * The health of one account in one cloud as of one instant: {@link Scored}, or {@link
 * InsufficientData} when too little of the model's weight had evidence.
 *
 * @since 0.1.0
 */
public sealed interface HealthScore permits HealthScore.Scored, HealthScore.InsufficientData {
  /**
   * Returns the account scored.
   *
   * @return the account
   */
  AccountId account();

  /**
   * Returns the cloud scored.
   *
   * @return the cloud
   */
  CloudId cloud();

  /**
   * Returns the share of the model's weight whose KPIs were applicable.
   *
   * @return the coverage, in [0, 1]
   */
  double coverage();

  /**
   * Returns every KPI of the model with its result, in the model's order.
   *
   * @return the KPI results, applicable or not
   */
  List<KpiResult> kpis();

  /**
   * A health score with its explanation.
   *
   * @param account the account
   * @param cloud the cloud
   * @param score the weighted mean of the applicable KPIs' scores, in [0, 100]; equal to the sum
   *     of the contributions' points
   * @param band the band the score falls in
   * @param coverage the share of the model's weight whose KPIs were applicable, in [0, 1]
   * @param kpis every KPI of the model with its result, in the model's order
   * @param contributions the applicable KPIs' contributions, in the model's order
   * @param flags the union of the applicable KPIs' flags
   * @since 0.1.0
   */
  record Scored(
      AccountId account,
      CloudId cloud,
      double score,
      Band band,
      double coverage,
      List<KpiResult> kpis,
      List<Contribution> contributions,
      Set<String> flags)
      implements HealthScore {
    /**
     * Creates a health score.
     *
     * @throws IllegalArgumentException if the score or coverage is out of range
     * @throws NullPointerException if an argument is null
     */
    public Scored {
      Checks.requireNonNull("account", account);
      Checks.requireNonNull("cloud", cloud);
      Checks.requireInRange("score", score, 0, 100);
      Checks.requireNonNull("band", band);
      Checks.requireInRange("coverage", coverage, 0, 1);
      kpis = HandedOverList.copyOf(kpis);
      contributions = HandedOverList.copyOf(contributions);
      flags = Set.copyOf(flags);
    }
  }

  /**
   * A health score that was not given, because the applicable KPIs carried less than the model's
   * minimum coverage. It never carries a number that looks real.
   *
   * @param account the account
   * @param cloud the cloud
   * @param coverage the share of the model's weight whose KPIs were applicable, in [0, 1]
   * @param minimumCoverage the model's minimum coverage, which {@code coverage} fell short of
   * @param kpis every KPI of the model with its result, in the model's order
   * @since 0.1.0
   */
  record InsufficientData(
      AccountId account,
      CloudId cloud,
      double coverage,
      double minimumCoverage,
      List<KpiResult> kpis)
      implements HealthScore {
    /**
     * Creates an insufficient-data result.
     *
     * @throws IllegalArgumentException if a coverage is out of range
     * @throws NullPointerException if an argument is null
     */
    public InsufficientData {
      Checks.requireNonNull("account", account);
      Checks.requireNonNull("cloud", cloud);
      Checks.requireInRange("coverage", coverage, 0, 1);
      Checks.requireInRange("minimum_coverage", minimumCoverage, 0, 1);
      kpis = HandedOverList.copyOf(kpis);
    }
  }
}
