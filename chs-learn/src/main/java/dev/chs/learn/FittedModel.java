package dev.chs.learn;

import dev.chs.api.kpi.Direction;
import dev.chs.api.kpi.Kpi;
import dev.chs.core.model.HealthModel;
import dev.chs.core.model.WeightedKpi;
import dev.chs.core.plugin.KpiRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The result of {@link RenewalFitter#fit}: a health model that scores like any other, with its
 * calibration.
 *
 * <p>The model's renewal mapping is the {@link #platt} calibration, so {@code Scorer} gives
 * calibrated renewal probabilities and expected losses. The {@link #isotonic} calibration is an
 * alternative that a model file cannot hold yet.
 *
 * @param model the fitted model; KPIs whose learned curve was flat are left out
 * @param directions the direction of every candidate column, known or learned
 * @param platt the Platt calibration, also the model's renewal mapping
 * @param isotonic the isotonic calibration of the same scores
 * @param trainingRenewalRate the share of training rows that renewed, in [0, 1]: the probability
 *     to use for an account the model cannot score
 * @param rounds the number of boosting rounds, chosen on the inner validation split
 * @since 0.1.0
 */
public record FittedModel(
    HealthModel model,
    Map<String, Direction> directions,
    Calibration.Platt platt,
    Calibration.Isotonic isotonic,
    double trainingRenewalRate,
    int rounds) {
  /**
   * Creates a fitted model.
   *
   * @throws NullPointerException if an argument is null
   */
  public FittedModel {
    Objects.requireNonNull(model, "model");
    directions = Map.copyOf(directions);
    Objects.requireNonNull(platt, "platt");
    Objects.requireNonNull(isotonic, "isotonic");
  }

  /**
   * Returns the model's KPIs that the fit created for metric columns.
   *
   * @return the {@link MetricKpi}s of the model, in its order
   */
  public List<MetricKpi> metricKpis() {
    List<MetricKpi> metrics = new ArrayList<>();
    for (WeightedKpi kpi : model.kpis()) {
      if (kpi.kpi() instanceof MetricKpi metric) {
        metrics.add(metric);
      }
    }
    return metrics;
  }

  /**
   * Returns a registry of the given KPIs plus this model's metric KPIs, to read the model's file
   * back with.
   *
   * @param others the other KPIs the file may name, such as the built-in ones; ids must not clash
   *     with the metric KPIs
   * @return the registry
   * @throws IllegalStateException if two KPIs share an id
   */
  public KpiRegistry registryWith(List<? extends Kpi<?>> others) {
    List<Kpi<?>> all = new ArrayList<>(others);
    all.addAll(metricKpis());
    return KpiRegistry.of(all);
  }
}
