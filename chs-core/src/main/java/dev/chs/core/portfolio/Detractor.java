package dev.chs.core.portfolio;

import dev.chs.api.Checks;
import dev.chs.api.CloudId;

/**
 * A KPI that dragged a score down, and by how much.
 *
 * <p>For a cloud's score, {@code pointsLost} is the KPI's {@link
 * dev.chs.api.Contribution#pointsLost()} there. For an overall score, it is that times the cloud's
 * share of the overall score, so that the points lost of all (cloud, KPI) pairs add up to {@code
 * 100 - overall score}.
 *
 * @param cloud the cloud the KPI was scored in
 * @param kpiId the KPI's id
 * @param kpiScore the KPI's score in that cloud, in [0, 100]
 * @param pointsLost the points the KPI cost the score against 100, in [0, 100]
 * @since 0.1.0
 */
public record Detractor(CloudId cloud, String kpiId, double kpiScore, double pointsLost) {
  /**
   * Creates a detractor.
   *
   * @throws IllegalArgumentException if the id is empty or a number is out of its range
   * @throws NullPointerException if an argument is null
   */
  public Detractor {
    Checks.requireNonNull("cloud", cloud);
    Checks.requireId("kpi_id", kpiId);
    Checks.requireInRange("kpi_score", kpiScore, 0, 100);
    Checks.requireInRange("points_lost", pointsLost, 0, 100);
  }
}
