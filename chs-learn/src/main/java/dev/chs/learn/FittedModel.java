package dev.chs.learn;

import dev.chs.api.kpi.Direction;
import dev.chs.api.kpi.Kpi;
import dev.chs.core.model.HealthModel;
import dev.chs.core.model.MetricKpi;
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
 * <p>The model's renewal mapping is the calibration that {@link FitOptions#calibration()} named:
 * by default the {@link #isotonic} one, as {@link Calibration.Isotonic#toMapping()}, else the
 * {@link #platt} one, as {@link Calibration.Platt#toMapping()}. So {@code Scorer} gives calibrated
 * renewal probabilities and expected losses. Both calibrations are kept here either way.
 *
 * <p>A metric column becomes a {@link MetricKpi}, which a model file declares with {@code metric:
 * true}: the file that {@code ModelFile.write} gives reads back with {@code
 * KpiRegistry.discover()}, or any registry that holds the model's other KPIs.
 *
 * @param model the fitted model; KPIs whose learned curve was flat are left out
 * @param directions the direction of every candidate column, known or learned
 * @param platt the Platt calibration of the held-out scores
 * @param isotonic the isotonic calibration of the same scores, the model's renewal mapping by
 *     default
 * @param trainingRenewalRate the share of training rows that renewed, in [0, 1]: the probability
 *     to use for an account the model cannot score
 * @param rounds the number of boosting rounds, chosen on the inner validation split
 * @param calibrationBlockRows the fewest held-out accounts behind each level of the isotonic
 *     calibration, chosen by cross-validation over the inner folds (see {@link RenewalFitter});
 *     at least 1
 * @since 0.1.0
 */
public record FittedModel(
    HealthModel model,
    Map<String, Direction> directions,
    Calibration.Platt platt,
    Calibration.Isotonic isotonic,
    double trainingRenewalRate,
    int rounds,
    int calibrationBlockRows) {
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
   * Returns a registry of the given KPIs plus this model's metric KPIs.
   *
   * <p>It was needed to read a fitted model's file back while model files could not declare
   * metric KPIs. They now do ({@code metric: true}), and reading with such a registry gives an
   * error for every metric KPI: {@code '...' is a registered KPI; drop metric: true to use it}.
   * Read with a registry of the other KPIs alone, such as {@code KpiRegistry.discover()}.
   *
   * @param others the other KPIs, such as the built-in ones; ids must not clash with the metric
   *     KPIs
   * @return the registry
   * @throws IllegalStateException if two KPIs share an id
   * @deprecated model files declare their metric KPIs; read them with {@code others} alone. To be
   *     removed before the first release.
   */
  @Deprecated(since = "0.1.0", forRemoval = true)
  public KpiRegistry registryWith(List<? extends Kpi<?>> others) {
    List<Kpi<?>> all = new ArrayList<>(others);
    all.addAll(metricKpis());
    return KpiRegistry.of(all);
  }
}
