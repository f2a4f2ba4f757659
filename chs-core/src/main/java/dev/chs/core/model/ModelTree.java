package dev.chs.core.model;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chs.api.CloudId;
import dev.chs.api.kpi.Curve;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Turns a {@link HealthModel} into the tree of a model file, with every setting written out, so
 * that a written file describes the model on its own. {@link ModelFile} documents the format.
 */
final class ModelTree {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final long SECONDS_PER_DAY = 86_400;
  /** Integral doubles below this magnitude are written without a fraction; all are exact. */
  private static final double EXACT_LONGS = 0x1p53;

  private ModelTree() {}

  /**
   * Returns the roll-up a file names.
   *
   * @param name {@code arr} or {@code equal}
   * @return the roll-up, or empty for another name
   */
  static Optional<CloudRollup> rollup(String name) {
    return switch (name) {
      case "arr" -> Optional.of(CloudRollup.ARR_WEIGHTED);
      case "equal" -> Optional.of(CloudRollup.EQUAL);
      default -> Optional.empty();
    };
  }

  /**
   * Returns the tree of a model, its keys in the documented order.
   *
   * @param model the model
   * @return the tree
   */
  static ObjectNode of(HealthModel model) {
    ObjectNode root = NODES.objectNode();
    root.put("version", ModelBinder.VERSION);
    root.put("window", duration(model.window()));
    number(root, "min_coverage", model.minimumCoverage());
    root.put("rollup", model.rollup() == CloudRollup.EQUAL ? "equal" : "arr");

    ObjectNode bands = root.putObject("bands");
    number(bands, "healthy", model.bands().healthy());
    number(bands, "watch", model.bands().watch());
    number(bands, "at_risk", model.bands().atRisk());

    ObjectNode interventions = root.putObject("interventions");
    number(interventions, "threshold", model.interventions().threshold());
    number(interventions, "hysteresis", model.interventions().hysteresis());

    WatchlistPolicy policy = model.watchlist();
    ObjectNode watchlist = root.putObject("watchlist");
    number(watchlist, "minimum_fall", policy.minimumFall());
    watchlist.put("minimum_distress", policy.minimumDistress());
    number(watchlist, "open_cases_score_below", policy.openCasesScoreBelow());
    number(watchlist, "closed_to_created_below", policy.closedToCreatedBelow());
    number(watchlist, "sentiment_below", policy.sentimentBelow());

    renewal(root.putObject("renewal"), model.renewal());
    ArrayNode kpis = root.putArray("kpis");
    model.kpis().forEach(kpi -> kpi(kpis.addObject(), kpi));
    return root;
  }

  /** Writes whole days as {@code P90D}, which is how people write windows, else as Java does. */
  private static String duration(Duration duration) {
    boolean wholeDays = duration.getNano() == 0 && duration.getSeconds() % SECONDS_PER_DAY == 0;
    return wholeDays ? "P" + duration.getSeconds() / SECONDS_PER_DAY + "D" : duration.toString();
  }

  private static void renewal(ObjectNode node, RenewalMapping mapping) {
    if (mapping instanceof RenewalMapping.Isotonic isotonic) {
      node.put("type", "isotonic");
      ArrayNode points = node.putArray("points");
      for (RenewalMapping.Point point : isotonic.points()) {
        points.addArray().add(number(point.score())).add(number(point.probability()));
      }
      return;
    }
    RenewalMapping.Logistic logistic = (RenewalMapping.Logistic) mapping;
    node.put("type", "logistic");
    number(node, "midpoint", logistic.midpoint());
    number(node, "scale", logistic.scale());
  }

  private static void kpi(ObjectNode node, WeightedKpi kpi) {
    node.put("id", kpi.id());
    if (kpi.kpi() instanceof MetricKpi metric) {
      // Its curve below is its default curve too, as the binder makes it.
      node.put("metric", true);
      node.put("direction", ModelBinder.directionName(metric.direction()));
    }
    number(node, "weight", kpi.weight());
    if (!kpi.cloudWeights().isEmpty()) {
      ObjectNode byCloud = node.putObject("weights_by_cloud");
      Map<CloudId, Double> sorted = new TreeMap<>(kpi.cloudWeights());
      sorted.forEach((cloud, weight) -> number(byCloud, cloud.value(), weight));
    }
    curve(node.putObject("curve"), kpi.curve());
  }

  private static void curve(ObjectNode node, Curve curve) {
    if (curve instanceof Curve.Linear linear) {
      node.put("type", "linear");
      number(node, "worst", linear.worst());
      number(node, "best", linear.best());
    } else if (curve instanceof Curve.Piecewise piecewise) {
      node.put("type", "piecewise");
      ArrayNode points = node.putArray("points");
      for (Curve.Point point : piecewise.points()) {
        ArrayNode pair = points.addArray();
        pair.add(number(point.x()));
        pair.add(number(point.score()));
      }
    } else {
      Curve.Steps steps = (Curve.Steps) curve;
      node.put("type", "steps");
      number(node, "below", steps.below());
      ArrayNode list = node.putArray("steps");
      for (Curve.Step step : steps.steps()) {
        ObjectNode item = list.addObject();
        number(item, "from", step.from());
        number(item, "score", step.score());
      }
    }
  }

  private static void number(ObjectNode node, String key, double value) {
    node.set(key, number(value));
  }

  /** Writes {@code 70.0} as {@code 70}; keeps {@code -0.0}, which records tell from zero. */
  private static com.fasterxml.jackson.databind.node.ValueNode number(double value) {
    boolean integral = value == Math.rint(value) && Math.abs(value) < EXACT_LONGS
        && Double.doubleToRawLongBits(value) != Double.doubleToRawLongBits(-0.0);
    return integral ? NODES.numberNode((long) value) : NODES.numberNode(value);
  }
}
