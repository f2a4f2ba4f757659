package dev.chs.core.score;

import dev.chs.api.CloudId;
import dev.chs.api.kpi.Curve;
import dev.chs.core.model.HealthModel;
import dev.chs.core.model.WeightedKpi;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@link Scorer} and {@link ColumnarScorer} precompute from a model: the KPIs' ids and curves
 * in the model's order, and their weights in every cloud that overrides one. Immutable once built.
 *
 * <p>Both scorers run the same arithmetic in the same order, through {@link #coverage}, {@link
 * #share} and {@link #weightedScore}, so that they agree to the last bit.
 */
final class CompiledModel {
  final HealthModel model;
  final String[] ids;
  final Curve[] curves;
  private final Map<String, Integer> positions;
  private final CloudWeights defaultWeights;
  private final Map<CloudId, CloudWeights> overridden;

  CompiledModel(HealthModel model) {
    this.model = model;
    List<WeightedKpi> kpis = model.kpis();
    int n = kpis.size();
    ids = new String[n];
    curves = new Curve[n];
    positions = new HashMap<>();
    double[] defaults = new double[n];
    Set<CloudId> clouds = new HashSet<>();
    for (int i = 0; i < n; i++) {
      WeightedKpi kpi = kpis.get(i);
      ids[i] = kpi.id();
      curves[i] = kpi.curve();
      positions.put(kpi.id(), i);
      defaults[i] = kpi.weight();
      clouds.addAll(kpi.cloudWeights().keySet());
    }
    defaultWeights = new CloudWeights(defaults);
    overridden = new HashMap<>();
    for (CloudId cloud : clouds) {
      double[] weights = new double[n];
      for (int i = 0; i < n; i++) {
        weights[i] = kpis.get(i).weightIn(cloud);
      }
      overridden.put(cloud, new CloudWeights(weights));
    }
  }

  int size() {
    return ids.length;
  }

  /** Returns the position of a KPI in the model's order, or -1 if the model has no such KPI. */
  int position(String kpiId) {
    Integer position = positions.get(kpiId);
    return position == null ? -1 : position;
  }

  CloudWeights weightsIn(CloudId cloud) {
    CloudWeights weights = overridden.get(cloud);
    return weights == null ? defaultWeights : weights;
  }

  /** Returns the coverage: the applicable weight's share of the total, or 0 if the total is 0. */
  static double coverage(double applicableWeight, double totalWeight) {
    return totalWeight > 0 ? applicableWeight / totalWeight : 0;
  }

  /** Returns a KPI's share of the applicable weight; its points are this share times its score. */
  static double share(double weight, double applicableWeight) {
    return weight / applicableWeight;
  }

  /**
   * Returns a sum of points clamped to [0, 100]. Each point is at most its share times 100, but
   * the shares' rounded sum may exceed 1 by an ulp or two, so the sum may pass 100 by as much.
   */
  static double weightedScore(double sumOfPoints) {
    return Math.max(0, Math.min(100, sumOfPoints));
  }

  /** The weights of the KPIs in one cloud, in the model's order, and their total. */
  static final class CloudWeights {
    final double[] weights;
    final double total;

    CloudWeights(double[] weights) {
      this.weights = weights;
      double sum = 0;
      for (double weight : weights) {
        sum += weight;
      }
      this.total = sum;
    }
  }
}
