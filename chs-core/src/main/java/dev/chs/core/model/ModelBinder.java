package dev.chs.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chs.api.CloudId;
import dev.chs.api.Window;
import dev.chs.api.kpi.Curve;
import dev.chs.api.kpi.Direction;
import dev.chs.api.kpi.Kpi;
import dev.chs.core.plugin.KpiRegistry;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Binds the tree of a model file to a {@link HealthModel}, by hand, collecting every error with its
 * path instead of stopping at the first. {@link ModelFile} documents the format.
 *
 * <p>Range rules live in the records; this class checks the shape of the tree (keys, types,
 * required settings), then builds each record and prefixes the path to its message. It checks a
 * rule itself only where no record can: weights of a KPI whose id is unknown, duplicate ids next
 * to broken entries, and the rules that tie {@code metric: true} to {@code direction}, {@code
 * curve} and the registry. One binder reads one tree; it is not thread-safe.
 */
final class ModelBinder {
  /** The only version of the format that this release reads and writes. */
  static final int VERSION = 1;

  private static final List<String> TOP_KEYS = List.of(
      "version", "window", "min_coverage", "rollup", "bands", "interventions", "watchlist",
      "renewal", "kpis");
  private static final List<String> KPI_KEYS =
      List.of("id", "metric", "direction", "weight", "weights_by_cloud", "curve");
  private static final List<String> CURVE_TYPES = List.of("linear", "piecewise", "steps");
  private static final List<String> RENEWAL_TYPES = List.of("logistic", "isotonic");
  private static final List<String> DIRECTIONS = Arrays.stream(Direction.values())
      .map(ModelBinder::directionName).collect(Collectors.toList());
  private static final int SHOWN_LENGTH = 60;

  private final KpiRegistry registry;
  private final List<String> errors = new ArrayList<>();

  ModelBinder(KpiRegistry registry) {
    this.registry = registry;
  }

  /**
   * Returns the errors found so far, each starting with its path.
   *
   * @return the errors, in the order found
   */
  List<String> errors() {
    return errors;
  }

  /**
   * Binds a whole file.
   *
   * @param root the tree of the file
   * @return the model, or empty if {@link #errors()} holds at least one error
   */
  Optional<HealthModel> bind(JsonNode root) {
    if (!root.isObject()) {
      errors.add("model: must be an object holding at least version and kpis, was "
          + shown(root));
      return Optional.empty();
    }
    requireKnownKeys(root, "", TOP_KEYS);
    if (!versionReadable(root.get("version"))) {
      return Optional.empty();
    }

    Duration window = window(root.get("window"));
    double coverage =
        optionalNumber(root, "", "min_coverage", HealthModel.DEFAULT_MINIMUM_COVERAGE);
    CloudRollup rollup = rollup(root.get("rollup"));
    Bands bands = bands(new Section(root, "bands", "healthy", "watch", "at_risk"));
    InterventionPolicy interventions =
        interventions(new Section(root, "interventions", "threshold", "hysteresis"));
    WatchlistPolicy watchlist = watchlist(new Section(root, "watchlist", "minimum_fall",
        "minimum_distress", "open_cases_score_below", "closed_to_created_below",
        "sentiment_below"));
    RenewalMapping renewal = renewal(root);
    int before = errors.size();
    List<WeightedKpi> kpis = kpis(root.get("kpis"));
    boolean kpisClean = errors.size() == before;

    try {
      HealthModel model = new HealthModel(
          window, coverage, kpis, bands, rollup, interventions, watchlist, renewal);
      return errors.isEmpty() ? Optional.of(model) : Optional.empty();
    } catch (ModelException e) {
      // With broken entries left out, the model's own checks of the KPI list would mislead.
      for (String error : e.errors()) {
        if (kpisClean || !error.startsWith("kpis")) {
          errors.add(error);
        }
      }
      return Optional.empty();
    }
  }

  /** Tells whether the rest of the file can be read: false only for a version other than 1. */
  private boolean versionReadable(JsonNode node) {
    if (node == null) {
      errors.add("version: missing; expected " + VERSION + ", the version of this format");
      return true;
    }
    if (!node.isNumber()) {
      errors.add("version: must be the number " + VERSION + ", was " + shown(node));
      return true;
    }
    if (node.doubleValue() == VERSION) {
      return true;
    }
    errors.add("version: must be " + VERSION + ", the only version this release reads, was "
        + node.asText() + "; the rest of the file is not checked");
    return false;
  }

  private Duration window(JsonNode node) {
    if (node == null) {
      return Window.DEFAULT_LENGTH;
    }
    Optional<String> text = text(node, "window");
    if (text.isEmpty()) {
      return Window.DEFAULT_LENGTH;
    }
    try {
      Duration window = Duration.parse(text.get());
      if (!window.isNegative() && !window.isZero()) {
        return window;
      }
    } catch (DateTimeParseException e) {
      // reported below, with the text the file holds
    }
    errors.add("window: must be a positive ISO-8601 duration such as P90D, was '"
        + text.get() + "'");
    return Window.DEFAULT_LENGTH;
  }

  private CloudRollup rollup(JsonNode node) {
    if (node == null) {
      return CloudRollup.ARR_WEIGHTED;
    }
    Optional<String> text = text(node, "rollup");
    if (text.isEmpty()) {
      return CloudRollup.ARR_WEIGHTED;
    }
    Optional<CloudRollup> rollup = ModelTree.rollup(text.get());
    if (rollup.isEmpty()) {
      errors.add("rollup: must be one of arr, equal, was '" + text.get() + "'");
    }
    return rollup.orElse(CloudRollup.ARR_WEIGHTED);
  }

  private Bands bands(Section section) {
    Bands d = Bands.DEFAULT;
    double healthy = section.number("healthy", d.healthy());
    double watch = section.number("watch", d.watch());
    double atRisk = section.number("at_risk", d.atRisk());
    return section.build(() -> new Bands(healthy, watch, atRisk), d);
  }

  private InterventionPolicy interventions(Section section) {
    InterventionPolicy d = InterventionPolicy.DEFAULT;
    double threshold = section.number("threshold", d.threshold());
    double hysteresis = section.number("hysteresis", d.hysteresis());
    return section.build(() -> new InterventionPolicy(threshold, hysteresis), d);
  }

  private WatchlistPolicy watchlist(Section section) {
    WatchlistPolicy d = WatchlistPolicy.DEFAULT;
    double fall = section.number("minimum_fall", d.minimumFall());
    int distress = section.wholeNumber("minimum_distress", d.minimumDistress());
    double openCases = section.number("open_cases_score_below", d.openCasesScoreBelow());
    double closedToCreated = section.number("closed_to_created_below", d.closedToCreatedBelow());
    double sentiment = section.number("sentiment_below", d.sentimentBelow());
    return section.build(
        () -> new WatchlistPolicy(fall, distress, openCases, closedToCreated, sentiment), d);
  }

  /**
   * Returns the name of a direction in a model file, such as {@code lower_is_better}.
   *
   * @param direction the direction
   * @return its name
   */
  static String directionName(Direction direction) {
    return direction.name().toLowerCase(Locale.ROOT);
  }

  private RenewalMapping renewal(JsonNode root) {
    JsonNode node = root.get("renewal");
    JsonNode type = node == null ? null : node.get("type");
    if (type != null && type.isTextual() && type.textValue().equals("isotonic")) {
      return isotonic(node, "renewal").orElse(RenewalMapping.DEFAULT);
    }
    return logistic(new Section(root, "renewal", "type", "midpoint", "scale"));
  }

  private RenewalMapping logistic(Section section) {
    RenewalMapping.Logistic d = RenewalMapping.DEFAULT;
    String type = section.text("type", "logistic");
    if (!type.equals("logistic")) {
      errors.add(section.path + ".type: must be one of " + String.join(", ", RENEWAL_TYPES)
          + ", was '" + type + "'");
      section.broken = true;
    }
    double midpoint = section.number("midpoint", d.midpoint());
    double scale = section.number("scale", d.scale());
    return section.build(() -> new RenewalMapping.Logistic(midpoint, scale), d);
  }

  /** Reads an isotonic mapping, which has no defaults: its points are given whole. */
  private Optional<RenewalMapping> isotonic(JsonNode node, String path) {
    requireKnownKeys(node, path, List.of("type", "points"));
    JsonNode points = node.get("points");
    if (points == null) {
      errors.add(path + ".points: missing; expected a list of [score, probability] pairs");
      return Optional.empty();
    }
    if (!points.isArray()) {
      errors.add(path + ".points: must be a list of [score, probability] pairs, was "
          + shown(points));
      return Optional.empty();
    }
    List<RenewalMapping.Point> bound = new ArrayList<>();
    int before = errors.size();
    for (int i = 0; i < points.size(); i++) {
      renewalPoint(points.get(i), path + ".points[" + i + "]").ifPresent(bound::add);
    }
    if (errors.size() > before) {
      return Optional.empty();
    }
    return built(path, () -> new RenewalMapping.Isotonic(bound));
  }

  private Optional<RenewalMapping.Point> renewalPoint(JsonNode node, String path) {
    if (!node.isArray() || node.size() != 2) {
      errors.add(path + ": must be a pair [score, probability], was " + shown(node));
      return Optional.empty();
    }
    OptionalDouble score = number(node.get(0), path + "[0]");
    OptionalDouble probability = number(node.get(1), path + "[1]");
    if (score.isEmpty() || probability.isEmpty()) {
      return Optional.empty();
    }
    return built(path,
        () -> new RenewalMapping.Point(score.getAsDouble(), probability.getAsDouble()));
  }

  private List<WeightedKpi> kpis(JsonNode node) {
    if (node == null) {
      errors.add("kpis: missing; expected a list of KPIs, each with an id and a weight");
      return List.of();
    }
    if (!node.isArray()) {
      errors.add("kpis: must be a list, was " + shown(node));
      return List.of();
    }
    List<WeightedKpi> kpis = new ArrayList<>();
    Map<String, Integer> firstIndex = new HashMap<>();
    for (int i = 0; i < node.size(); i++) {
      kpi(node.get(i), "kpis[" + i + "]", i, firstIndex).ifPresent(kpis::add);
    }
    return kpis;
  }

  private Optional<WeightedKpi> kpi(
      JsonNode node, String path, int index, Map<String, Integer> firstIndex) {
    if (!node.isObject()) {
      errors.add(path + ": must be an object with an id and a weight, was " + shown(node));
      return Optional.empty();
    }
    int before = errors.size();
    requireKnownKeys(node, path, KPI_KEYS);
    boolean metric = metricFlag(node.get("metric"), path + ".metric");
    Optional<String> id = idOf(node.get("id"), path + ".id", index, firstIndex, metric);
    Optional<Direction> direction = direction(node.get("direction"), path + ".direction", metric);
    Optional<Kpi<?>> registered = metric ? Optional.empty() : id.flatMap(i -> registered(i, path));
    OptionalDouble weight = weight(node.get("weight"), path + ".weight");
    Map<CloudId, Double> cloudWeights = cloudWeights(node.get("weights_by_cloud"), path);
    JsonNode curveNode = node.get("curve");
    Optional<Curve> curve;
    if (curveNode != null) {
      curve = curve(curveNode, path + ".curve");
    } else if (metric) {
      errors.add(path + ".curve: missing; a metric KPI needs a curve, such as {type: linear,"
          + " worst: 0, best: 100}");
      curve = Optional.empty();
    } else {
      curve = registered.map(Kpi::defaultCurve);
    }
    Optional<Kpi<?>> kpi = metric
        ? metricKpi(id, direction, curve, path)
        : registered;
    if (errors.size() > before || kpi.isEmpty() || weight.isEmpty() || curve.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new WeightedKpi(kpi.get(), weight.getAsDouble(), cloudWeights, curve.get()));
    } catch (IllegalArgumentException e) {
      errors.add(path + "." + e.getMessage());
      return Optional.empty();
    }
  }

  /** Reads {@code metric}: absent or {@code false} for a registered KPI, {@code true} else. */
  private boolean metricFlag(JsonNode node, String path) {
    if (node == null) {
      return false;
    }
    if (!node.isBoolean()) {
      errors.add(path + ": must be true or false, was " + shown(node));
      return false;
    }
    return node.booleanValue();
  }

  /** Reads an id, unique in the file; a metric's id must not name a registered KPI. */
  private Optional<String> idOf(JsonNode node, String path, int index,
      Map<String, Integer> firstIndex, boolean metric) {
    if (node == null) {
      if (metric) {
        errors.add(path + ": missing; expected the name of a metrics.csv column");
      } else {
        List<String> ids = registry.all().stream().map(Kpi::id).collect(Collectors.toList());
        errors.add(path + ": missing; expected the id of a KPI; available: "
            + String.join(", ", ids));
      }
      return Optional.empty();
    }
    Optional<String> id = text(node, path);
    if (id.isEmpty()) {
      return Optional.empty();
    }
    Integer first = firstIndex.putIfAbsent(id.get(), index);
    if (first != null) {
      errors.add(path + ": must be unique, '" + id.get() + "' appears before at kpis["
          + first + "]");
      return Optional.empty();
    }
    if (metric && registry.find(id.get()).isPresent()) {
      errors.add(path + ": '" + id.get() + "' is a registered KPI; drop metric: true to use it");
      return Optional.empty();
    }
    return id;
  }

  private Optional<Kpi<?>> registered(String id, String kpiPath) {
    Optional<Kpi<?>> kpi = registry.find(id);
    if (kpi.isEmpty()) {
      errors.add(kpiPath + ".id: " + registry.unknown(id));
    }
    return kpi;
  }

  /** Reads a metric KPI's direction, which only a metric KPI may give and must give. */
  private Optional<Direction> direction(JsonNode node, String path, boolean metric) {
    if (!metric) {
      if (node != null) {
        errors.add(path + ": only allowed with metric: true; a registered KPI has its own"
            + " direction");
      }
      return Optional.empty();
    }
    if (node == null) {
      errors.add(path + ": missing; a metric KPI needs one of " + String.join(", ", DIRECTIONS));
      return Optional.empty();
    }
    Optional<String> name = text(node, path);
    if (name.isEmpty()) {
      return Optional.empty();
    }
    for (Direction direction : Direction.values()) {
      if (directionName(direction).equals(name.get())) {
        return Optional.of(direction);
      }
    }
    errors.add(path + ": must be one of " + String.join(", ", DIRECTIONS) + ", was '"
        + name.get() + "'");
    return Optional.empty();
  }

  private Optional<Kpi<?>> metricKpi(Optional<String> id, Optional<Direction> direction,
      Optional<Curve> curve, String path) {
    if (id.isEmpty() || direction.isEmpty() || curve.isEmpty()) {
      return Optional.empty();
    }
    return built(path, () -> new MetricKpi(id.get(), direction.get(), curve.get()));
  }

  /** Reads a weight; checked here so that it is reported even when the KPI's id is unknown. */
  private OptionalDouble weight(JsonNode node, String path) {
    if (node == null) {
      errors.add(path + ": missing; expected a number >= 0");
      return OptionalDouble.empty();
    }
    OptionalDouble weight = number(node, path);
    if (weight.isPresent() && weight.getAsDouble() < 0) {
      errors.add(path + ": must be >= 0, was " + node.asText());
      return OptionalDouble.empty();
    }
    return weight;
  }

  private Map<CloudId, Double> cloudWeights(JsonNode node, String kpiPath) {
    String path = kpiPath + ".weights_by_cloud";
    if (node == null) {
      return Map.of();
    }
    if (!node.isObject()) {
      errors.add(path + ": must be an object of cloud names and weights, was " + shown(node));
      return Map.of();
    }
    Map<CloudId, Double> weights = new HashMap<>();
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      String cloud = entry.getKey();
      String cloudPath = path + "." + cloud;
      OptionalDouble weight = weight(entry.getValue(), cloudPath);
      if (cloud.isBlank() || cloud.equals(CloudId.OVERALL)) {
        errors.add(path + ": cloud names must not be blank or '" + CloudId.OVERALL + "', was '"
            + cloud + "'");
      } else if (weight.isPresent()) {
        weights.put(CloudId.of(cloud), weight.getAsDouble());
      }
    }
    return weights;
  }

  private Optional<Curve> curve(JsonNode node, String path) {
    if (!node.isObject()) {
      errors.add(path + ": must be an object with a type, was " + shown(node));
      return Optional.empty();
    }
    JsonNode typeNode = node.get("type");
    if (typeNode == null) {
      errors.add(path + ".type: missing; expected one of " + String.join(", ", CURVE_TYPES));
      return Optional.empty();
    }
    Optional<String> type = text(typeNode, path + ".type");
    if (type.isEmpty()) {
      return Optional.empty();
    }
    return switch (type.get()) {
      case "linear" -> linear(node, path);
      case "piecewise" -> piecewise(node, path);
      case "steps" -> steps(node, path);
      default -> {
        errors.add(path + ".type: must be one of " + String.join(", ", CURVE_TYPES) + ", was '"
            + type.get() + "'");
        yield Optional.empty();
      }
    };
  }

  private Optional<Curve> linear(JsonNode node, String path) {
    requireKnownKeys(node, path, List.of("type", "worst", "best"));
    OptionalDouble worst = requiredNumber(node, path, "worst");
    OptionalDouble best = requiredNumber(node, path, "best");
    if (worst.isEmpty() || best.isEmpty()) {
      return Optional.empty();
    }
    return built(path, () -> new Curve.Linear(worst.getAsDouble(), best.getAsDouble()));
  }

  private Optional<Curve> piecewise(JsonNode node, String path) {
    requireKnownKeys(node, path, List.of("type", "points"));
    JsonNode points = node.get("points");
    if (points == null) {
      errors.add(path + ".points: missing; expected a list of [x, score] pairs");
      return Optional.empty();
    }
    if (!points.isArray()) {
      errors.add(path + ".points: must be a list of [x, score] pairs, was " + shown(points));
      return Optional.empty();
    }
    List<Curve.Point> bound = new ArrayList<>();
    int before = errors.size();
    for (int i = 0; i < points.size(); i++) {
      point(points.get(i), path + ".points[" + i + "]").ifPresent(bound::add);
    }
    if (errors.size() > before) {
      return Optional.empty();
    }
    return built(path, () -> new Curve.Piecewise(bound));
  }

  private Optional<Curve.Point> point(JsonNode node, String path) {
    if (!node.isArray() || node.size() != 2) {
      errors.add(path + ": must be a pair [x, score], was " + shown(node));
      return Optional.empty();
    }
    OptionalDouble x = number(node.get(0), path + "[0]");
    OptionalDouble score = number(node.get(1), path + "[1]");
    if (x.isEmpty() || score.isEmpty()) {
      return Optional.empty();
    }
    return built(path, () -> new Curve.Point(x.getAsDouble(), score.getAsDouble()));
  }

  private Optional<Curve> steps(JsonNode node, String path) {
    requireKnownKeys(node, path, List.of("type", "below", "steps"));
    OptionalDouble below = requiredNumber(node, path, "below");
    JsonNode steps = node.get("steps");
    if (steps == null) {
      errors.add(path + ".steps: missing; expected a list of {from, score} objects");
      return Optional.empty();
    }
    if (!steps.isArray()) {
      errors.add(path + ".steps: must be a list of {from, score} objects, was " + shown(steps));
      return Optional.empty();
    }
    List<Curve.Step> bound = new ArrayList<>();
    int before = errors.size();
    for (int i = 0; i < steps.size(); i++) {
      step(steps.get(i), path + ".steps[" + i + "]").ifPresent(bound::add);
    }
    if (errors.size() > before || below.isEmpty()) {
      return Optional.empty();
    }
    return built(path, () -> new Curve.Steps(below.getAsDouble(), bound));
  }

  private Optional<Curve.Step> step(JsonNode node, String path) {
    if (!node.isObject()) {
      errors.add(path + ": must be an object {from, score}, was " + shown(node));
      return Optional.empty();
    }
    requireKnownKeys(node, path, List.of("from", "score"));
    OptionalDouble from = requiredNumber(node, path, "from");
    OptionalDouble score = requiredNumber(node, path, "score");
    if (from.isEmpty() || score.isEmpty()) {
      return Optional.empty();
    }
    return built(path, () -> new Curve.Step(from.getAsDouble(), score.getAsDouble()));
  }

  /** Builds a value whose constructor checks its own rules, and prefixes its message with path. */
  private <T> Optional<T> built(String path, Supplier<? extends T> constructor) {
    try {
      return Optional.of(constructor.get());
    } catch (IllegalArgumentException e) {
      errors.add(path + "." + e.getMessage());
      return Optional.empty();
    }
  }

  private void requireKnownKeys(JsonNode node, String path, List<String> expected) {
    for (Map.Entry<String, JsonNode> property : node.properties()) {
      String key = property.getKey();
      if (!expected.contains(key)) {
        errors.add(child(path, key) + ": unknown property; expected one of "
            + String.join(", ", expected));
      }
    }
  }

  private double optionalNumber(JsonNode parent, String path, String key, double fallback) {
    JsonNode node = parent.get(key);
    return node == null ? fallback : number(node, child(path, key)).orElse(fallback);
  }

  private OptionalDouble requiredNumber(JsonNode parent, String path, String key) {
    JsonNode node = parent.get(key);
    if (node == null) {
      errors.add(child(path, key) + ": missing; expected a number");
      return OptionalDouble.empty();
    }
    return number(node, child(path, key));
  }

  private OptionalDouble number(JsonNode node, String path) {
    if (!node.isNumber()) {
      errors.add(path + ": must be a number, was " + shown(node));
      return OptionalDouble.empty();
    }
    double value = node.asDouble();
    if (!Double.isFinite(value)) {
      errors.add(path + ": must be a finite number, was " + shown(node));
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(value);
  }

  private OptionalInt wholeNumber(JsonNode node, String path) {
    if (!node.isIntegralNumber() || !node.canConvertToInt()) {
      errors.add(path + ": must be a whole number, was " + shown(node));
      return OptionalInt.empty();
    }
    return OptionalInt.of(node.intValue());
  }

  private Optional<String> text(JsonNode node, String path) {
    if (!node.isTextual()) {
      errors.add(path + ": must be a string, was " + shown(node));
      return Optional.empty();
    }
    return Optional.of(node.textValue());
  }

  private static String child(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /** Shows a value as the file might have written it, cut short if long. */
  static String shown(JsonNode node) {
    String text = node.isNumber() ? node.asText() : node.toString();
    return text.length() <= SHOWN_LENGTH ? text : text.substring(0, SHOWN_LENGTH) + "...";
  }

  /**
   * An optional section of scalar settings, such as {@code bands}. A missing section, or a missing
   * key in it, takes the value of the record's default.
   */
  private final class Section {
    private final String path;
    private final @Nullable JsonNode node;
    private boolean broken;

    Section(JsonNode root, String key, String... keys) {
      this.path = key;
      JsonNode found = root.get(key);
      if (found != null && !found.isObject()) {
        errors.add(key + ": must be an object, was " + shown(found));
        broken = true;
        found = null;
      }
      this.node = found;
      if (found != null) {
        requireKnownKeys(found, key, List.of(keys));
      }
    }

    double number(String key, double fallback) {
      JsonNode value = node == null ? null : node.get(key);
      if (value == null) {
        return fallback;
      }
      OptionalDouble number = ModelBinder.this.number(value, path + "." + key);
      broken |= number.isEmpty();
      return number.orElse(fallback);
    }

    int wholeNumber(String key, int fallback) {
      JsonNode value = node == null ? null : node.get(key);
      if (value == null) {
        return fallback;
      }
      OptionalInt number = ModelBinder.this.wholeNumber(value, path + "." + key);
      broken |= number.isEmpty();
      return number.orElse(fallback);
    }

    String text(String key, String fallback) {
      JsonNode value = node == null ? null : node.get(key);
      if (value == null) {
        return fallback;
      }
      Optional<String> text = ModelBinder.this.text(value, path + "." + key);
      broken |= text.isEmpty();
      return text.orElse(fallback);
    }

    /**
     * Builds the section's record, or returns the default if a value could not be read or the
     * record rejects them. A rejected value the file did not give is marked as a default.
     */
    <T> T build(Supplier<T> constructor, T fallback) {
      if (broken) {
        return fallback;
      }
      try {
        return constructor.get();
      } catch (IllegalArgumentException e) {
        String message = String.valueOf(e.getMessage());
        String field = message.substring(0, Math.max(0, message.indexOf(':')));
        boolean given = node != null && node.has(field);
        errors.add(path + "." + message + (given ? "" : " (not given, so the default applies)"));
        return fallback;
      }
    }
  }
}
