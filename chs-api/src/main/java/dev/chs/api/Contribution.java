package dev.chs.api;


/**
 * What one applicable KPI adds to a health score, and what it costs against a perfect 100.
 *
 * <p>With {@code share} the KPI's weight divided by the total weight of the applicable KPIs,
 * {@code points = share * score} and {@code pointsLost = share * (100 - score)}. The points of a
 * score's contributions add up to the score, and the points lost add up to {@code 100 - score}.
 *
 * @param kpiId the KPI's id
 * @param weight the KPI's weight in the model, for this cloud; at least zero
 * @param share the KPI's share of the applicable weight, in [0, 1]
 * @param score the KPI's score, in [0, 100]
 * @param points the points the KPI adds to the health score, in [0, 100]
 * @param pointsLost the points the KPI costs against 100, in [0, 100]
 * @since 0.1.0
 */
public record Contribution(
    String kpiId, double weight, double share, double score, double points, double pointsLost) {
  /**
   * Creates a contribution.
   *
   * @throws IllegalArgumentException if the id is empty or a number is out of its range
   * @throws NullPointerException if the id is null
   */
  public Contribution {
    Checks.requireId("kpi_id", kpiId);
    Checks.requireNonNegative("weight", weight);
    Checks.requireInRange("share", share, 0, 1);
    Checks.requireInRange("score", score, 0, 100);
    Checks.requireInRange("points", points, 0, 100);
    Checks.requireInRange("points_lost", pointsLost, 0, 100);
  }
}
