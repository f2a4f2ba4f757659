package dev.chs.core.model;

import dev.chs.api.CloudId;
import dev.chs.api.kpi.Curve;
import dev.chs.api.kpi.Kpi;
import java.util.Map;
import java.util.Objects;

/**
 * A KPI as a model uses it: its weight, its weight overrides per cloud, and its curve.
 *
 * @param kpi the KPI
 * @param weight the KPI's weight in clouds without an override; finite and at least zero
 * @param cloudWeights the weight overrides per cloud; each finite and at least zero
 * @param curve the curve that scores the KPI
 * @since 0.1.0
 */
public record WeightedKpi(
    Kpi<?> kpi, double weight, Map<CloudId, Double> cloudWeights, Curve curve) {
  /**
   * Creates a weighted KPI.
   *
   * @throws IllegalArgumentException if a weight is negative or not finite
   * @throws NullPointerException if an argument, or a key or value of {@code cloudWeights}, is null
   */
  public WeightedKpi {
    Objects.requireNonNull(kpi, "kpi");
    requireWeight("weight", weight);
    cloudWeights = Map.copyOf(cloudWeights);
    cloudWeights.forEach((cloud, w) -> requireWeight("weights_by_cloud." + cloud, w));
    Objects.requireNonNull(curve, "curve");
  }

  /**
   * Returns the KPI's id.
   *
   * @return the id
   */
  public String id() {
    return kpi.id();
  }

  /**
   * Returns the KPI's weight in a cloud: its override there, if any, else its weight.
   *
   * @param cloud the cloud
   * @return the weight, at least zero
   */
  public double weightIn(CloudId cloud) {
    Double override = cloudWeights.get(cloud);
    return override == null ? weight : override;
  }

  private static void requireWeight(String field, double weight) {
    if (!(weight >= 0 && Double.isFinite(weight))) {
      throw new IllegalArgumentException(field + ": must be >= 0, was " + weight);
    }
  }
}
