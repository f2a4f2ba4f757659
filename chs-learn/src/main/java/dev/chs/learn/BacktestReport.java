package dev.chs.learn;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of a {@link Backtest}: the metrics of every model compared, on the same rows.
 *
 * <h2>JSON form</h2>
 *
 * <p>{@link #toJson()} writes one object on one line, with these keys in this order:
 *
 * <pre>{@code
 * {"version": 1, "data_set": "mlc-churn", "validation": "stratified_k_fold", "folds": 5,
 *  "seed": 7, "method": "...", "rows": 5000, "churned": 707, "label": "churn",
 *  "models": [{"name": "learned", "auc": 0.86, "brier": 0.09, "log_loss": 0.3,
 *              "top_decile_lift": 5.1, "top_decile_churn_captured": 0.51,
 *              "max_calibration_error": 0.02, "calibration_pass_chance": 0.81,
 *              "max_decile_calibration_error": 0.01, "decile_calibration_pass_chance": 0.97,
 *              "unscored": 0,
 *              "reliability": [{"lower": 0.0, "upper": 0.1, "count": 3500,
 *                               "mean_predicted": 0.04, "observed_rate": 0.05}, ...],
 *              "risk_deciles": [{"lower": 0.0, "upper": 0.012, "count": 500, ...}, ...]},
 *             ...]}
 * }</pre>
 *
 * <p>{@code validation} is {@code stratified_k_fold} or {@code time_split} (whose {@code folds}
 * is 0); {@code label} says that every figure is about churn, as {@link ModelMetrics} describes;
 * {@code max_calibration_error} counts bins of at least {@value
 * ModelMetrics#CALIBRATION_MIN_COUNT} accounts, and {@code calibration_pass_chance} is {@link
 * ModelMetrics#calibrationPassChance()}; the two {@code decile} keys are the same figures for
 * {@code risk_deciles}, the bins of {@link ModelMetrics#riskDeciles()}, which have the keys of
 * the {@code reliability} bins. A number that is not defined (such as the AUC when one outcome is
 * absent, or the rate of an empty bin) is {@code null}.
 *
 * @param dataSet the data set's name
 * @param validation {@code stratified_k_fold} or {@code time_split}
 * @param method a sentence that describes the split
 * @param folds the number of folds, or 0 for a time split
 * @param seed the seed of the folds and of fitting
 * @param rows how many renewals were predicted
 * @param churned how many of them churned
 * @param models the metrics of each model, {@code learned} first
 * @since 0.1.0
 */
public record BacktestReport(
    String dataSet,
    String validation,
    String method,
    int folds,
    long seed,
    int rows,
    int churned,
    List<ModelMetrics> models) {
  /** The version of the JSON form. */
  public static final int JSON_VERSION = 1;

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Creates a report.
   *
   * @throws NullPointerException if an argument is null
   */
  public BacktestReport {
    Objects.requireNonNull(dataSet, "dataSet");
    Objects.requireNonNull(validation, "validation");
    Objects.requireNonNull(method, "method");
    models = List.copyOf(models);
  }

  /**
   * Returns the metrics of one model.
   *
   * @param name the model's name, such as {@link Backtest#LEARNED}
   * @return the metrics, or empty if the report has no such model
   */
  public Optional<ModelMetrics> model(String name) {
    return models.stream().filter(m -> m.name().equals(name)).findFirst();
  }

  /**
   * Returns the report as text: a summary table of the models, then each model's reliability
   * table by bins of width 0.1 and by deciles of risk.
   *
   * @return the text, lines ending in {@code \n}
   */
  public String toTable() {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "data set: %s, %d renewals, %d churned (%.3f)%n",
        dataSet, rows, churned, rows == 0 ? 0.0 : churned / (double) rows));
    out.append("validation: ").append(method).append('\n');
    out.append("metrics on the churn probability (1 - renewal probability)\n\n");
    out.append(String.format(Locale.ROOT, "%-17s %6s %7s %8s %9s %13s %14s %8s %13s %8s %9s%n",
        "model", "AUC", "Brier", "log loss", "lift@10%", "captured@10%", "max bin error",
        "if cal.", "decile error", "if cal.", "unscored"));
    for (ModelMetrics m : models) {
      out.append(String.format(Locale.ROOT,
          "%-17s %6.3f %7.4f %8.4f %9.2f %13.3f %14.3f %8.2f %13.3f %8.2f %9d%n", m.name(),
          m.auc(), m.brier(), m.logLoss(), m.topDecileLift(), m.topDecileCaptured(),
          m.maxCalibrationError(), m.calibrationPassChance(), m.maxDecileCalibrationError(),
          m.decileCalibrationPassChance(), m.unscored()));
    }
    out.append("(max bin error, decile error: among bins of width 0.1, and deciles of risk, of at"
            + " least ").append(ModelMetrics.CALIBRATION_MIN_COUNT)
        .append(" accounts; if cal.: the chance that a perfectly calibrated model with those bins"
            + " keeps them all within ").append(ModelMetrics.CALIBRATION_TOLERANCE).append(")\n");
    for (ModelMetrics m : models) {
      out.append('\n').append("reliability of ").append(m.name())
          .append(" (predicted churn probability bins)\n");
      bins(out, "%.1f", m.reliability());
      out.append('\n').append("reliability of ").append(m.name())
          .append(" (deciles of risk)\n");
      bins(out, "%.3f", m.riskDeciles());
    }
    return out.toString();
  }

  private static void bins(StringBuilder out, String edge, List<ReliabilityBin> bins) {
    String bounds = "[" + edge + ", " + edge + "%s";
    int width = String.format(Locale.ROOT, bounds, 0.0, 1.0, "]").length();
    out.append(String.format(Locale.ROOT, "%-" + width + "s %7s %10s %9s %7s%n", "bin", "count",
        "predicted", "observed", "error"));
    for (ReliabilityBin bin : bins) {
      out.append(String.format(Locale.ROOT, bounds, bin.lower(), bin.upper(),
              bin.upper() >= 1 ? "]" : ")"))
          .append(String.format(Locale.ROOT, " %7d %10s %9s %7s%n", bin.count(),
              fixed(bin.meanPredicted()), fixed(bin.observedRate()), fixed(bin.error())));
    }
  }

  private static String fixed(double value) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.3f", value);
  }

  /**
   * Returns the report as one JSON object, in the form the class description documents.
   *
   * @return the JSON text, on one line, without a trailing line break
   */
  public String toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("version", JSON_VERSION);
    root.put("data_set", dataSet);
    root.put("validation", validation);
    root.put("folds", folds);
    root.put("seed", seed);
    root.put("method", method);
    root.put("rows", rows);
    root.put("churned", churned);
    root.put("label", "churn");
    ArrayNode list = root.putArray("models");
    for (ModelMetrics m : models) {
      ObjectNode node = list.addObject();
      node.put("name", m.name());
      number(node, "auc", m.auc());
      number(node, "brier", m.brier());
      number(node, "log_loss", m.logLoss());
      number(node, "top_decile_lift", m.topDecileLift());
      number(node, "top_decile_churn_captured", m.topDecileCaptured());
      number(node, "max_calibration_error", m.maxCalibrationError());
      number(node, "calibration_pass_chance", m.calibrationPassChance());
      number(node, "max_decile_calibration_error", m.maxDecileCalibrationError());
      number(node, "decile_calibration_pass_chance", m.decileCalibrationPassChance());
      node.put("unscored", m.unscored());
      bins(node.putArray("reliability"), m.reliability());
      bins(node.putArray("risk_deciles"), m.riskDeciles());
    }
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("writing a back-test report as JSON failed: " + e, e);
    }
  }

  private static void bins(ArrayNode array, List<ReliabilityBin> bins) {
    for (ReliabilityBin bin : bins) {
      ObjectNode b = array.addObject();
      number(b, "lower", bin.lower());
      number(b, "upper", bin.upper());
      b.put("count", bin.count());
      number(b, "mean_predicted", bin.meanPredicted());
      number(b, "observed_rate", bin.observedRate());
    }
  }

  private static void number(ObjectNode node, String key, double value) {
    if (Double.isFinite(value)) {
      node.put(key, value);
    } else {
      node.putNull(key);
    }
  }
}
