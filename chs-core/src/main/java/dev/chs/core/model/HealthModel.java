package dev.chs.core.model;

import dev.chs.api.CloudId;
import dev.chs.api.Window;
import dev.chs.api.kpi.Curve;
import dev.chs.api.kpi.Kpi;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A health model: which KPIs make up a score, how much each weighs and how each is scored, and the
 * settings of the views built from scores.
 *
 * <p>Build one in code with {@link #builder()}, or read one from YAML or JSON with {@link
 * ModelFile}. A model is immutable and safe to share between threads.
 *
 * @param window the length W of the window that KPIs look at; longer than zero
 * @param minimumCoverage the least share of the weight that must be applicable for a score, in [0,
 *     1]
 * @param kpis the KPIs, in the order of the output columns; ids unique
 * @param bands the band thresholds
 * @param rollup how clouds combine into an account's overall score
 * @param interventions when interventions fire
 * @param watchlist which accounts go on the watchlist
 * @param renewal how a score maps to a probability of renewal
 * @since 0.1.0
 */
public record HealthModel(
    Duration window,
    double minimumCoverage,
    List<WeightedKpi> kpis,
    Bands bands,
    CloudRollup rollup,
    InterventionPolicy interventions,
    WatchlistPolicy watchlist,
    RenewalMapping renewal) {
  /** The default minimum coverage: half of the model's weight. */
  public static final double DEFAULT_MINIMUM_COVERAGE = 0.5;

  /**
   * Creates a model.
   *
   * @throws ModelException listing every rule the settings break
   * @throws NullPointerException if an argument is null
   */
  public HealthModel {
    kpis = List.copyOf(kpis);
    List<String> errors = new ArrayList<>();
    if (window.isNegative() || window.isZero()) {
      errors.add("window: must be longer than zero, was " + window);
    }
    if (!(minimumCoverage >= 0 && minimumCoverage <= 1)) {
      errors.add("min_coverage: must be in [0, 1], was " + minimumCoverage);
    }
    checkKpis(kpis, errors);
    if (!errors.isEmpty()) {
      throw new ModelException("model", errors);
    }
    Objects.requireNonNull(bands, "bands");
    Objects.requireNonNull(rollup, "rollup");
    Objects.requireNonNull(interventions, "interventions");
    Objects.requireNonNull(watchlist, "watchlist");
    Objects.requireNonNull(renewal, "renewal");
  }

  private static void checkKpis(List<WeightedKpi> kpis, List<String> errors) {
    if (kpis.isEmpty()) {
      errors.add("kpis: must hold at least one KPI, was empty");
      return;
    }
    Set<String> seen = new HashSet<>();
    boolean anyWeight = false;
    for (int i = 0; i < kpis.size(); i++) {
      WeightedKpi kpi = kpis.get(i);
      if (!seen.add(kpi.id())) {
        errors.add("kpis[" + i + "].id: must be unique, '" + kpi.id() + "' appears before");
      }
      anyWeight |= kpi.weight() > 0 || kpi.cloudWeights().values().stream().anyMatch(w -> w > 0);
    }
    if (!anyWeight) {
      errors.add("kpis: at least one weight must be above zero, all were 0");
    }
  }

  /**
   * Returns a builder with the default settings and no KPIs.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder that starts from this model's settings and KPIs.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.window = window;
    builder.minimumCoverage = minimumCoverage;
    for (WeightedKpi kpi : kpis) {
      builder.kpi(kpi.kpi(), kpi.weight(), kpi.curve());
      kpi.cloudWeights().forEach((cloud, weight) -> builder.cloudWeight(kpi.id(), cloud, weight));
    }
    builder.bands = bands;
    builder.rollup = rollup;
    builder.interventions = interventions;
    builder.watchlist = watchlist;
    builder.renewal = renewal;
    return builder;
  }

  /**
   * Returns the window of this model's length that ends at {@code asOf}.
   *
   * @param asOf the instant T
   * @return the window {@code (T - W, T]}
   */
  public Window windowAt(Instant asOf) {
    return new Window(asOf, window);
  }

  /**
   * Returns the KPI with this id.
   *
   * @param id the KPI id
   * @return the weighted KPI, or empty if the model has none with that id
   */
  public Optional<WeightedKpi> kpi(String id) {
    return kpis.stream().filter(k -> k.id().equals(id)).findFirst();
  }

  /**
   * Returns the total weight of the model's KPIs in a cloud.
   *
   * @param cloud the cloud
   * @return the sum of {@link WeightedKpi#weightIn} over the KPIs
   */
  public double totalWeightIn(CloudId cloud) {
    double total = 0;
    for (WeightedKpi kpi : kpis) {
      total += kpi.weightIn(cloud);
    }
    return total;
  }

  /**
   * Builds a {@link HealthModel}. Not thread-safe.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private Duration window = Window.DEFAULT_LENGTH;
    private double minimumCoverage = DEFAULT_MINIMUM_COVERAGE;
    private final Map<String, Entry> kpis = new LinkedHashMap<>();
    private final Map<String, Map<CloudId, Double>> cloudWeights = new HashMap<>();
    private Bands bands = Bands.DEFAULT;
    private CloudRollup rollup = CloudRollup.ARR_WEIGHTED;
    private InterventionPolicy interventions = InterventionPolicy.DEFAULT;
    private WatchlistPolicy watchlist = WatchlistPolicy.DEFAULT;
    private RenewalMapping renewal = RenewalMapping.DEFAULT;

    private Builder() {}

    /**
     * Sets the window length; 90 days unless set.
     *
     * @param length the length; longer than zero
     * @return this builder
     */
    public Builder window(Duration length) {
      this.window = Objects.requireNonNull(length, "window");
      return this;
    }

    /**
     * Sets the minimum coverage; 0.5 unless set.
     *
     * @param coverage the least applicable share of the weight, in [0, 1]
     * @return this builder
     */
    public Builder minimumCoverage(double coverage) {
      this.minimumCoverage = coverage;
      return this;
    }

    /**
     * Adds a KPI scored by its default curve, or replaces the one with the same id.
     *
     * @param kpi the KPI
     * @param weight its weight; at least zero, else {@link #build()} reports it
     * @return this builder
     */
    public Builder kpi(Kpi<?> kpi, double weight) {
      return kpi(kpi, weight, kpi.defaultCurve());
    }

    /**
     * Adds a KPI scored by {@code curve}, or replaces the one with the same id.
     *
     * @param kpi the KPI
     * @param weight its weight; at least zero, else {@link #build()} reports it
     * @param curve the curve that scores it
     * @return this builder
     */
    public Builder kpi(Kpi<?> kpi, double weight, Curve curve) {
      kpis.put(kpi.id(), new Entry(
          Objects.requireNonNull(kpi, "kpi"), weight, Objects.requireNonNull(curve, "curve")));
      return this;
    }

    /**
     * Overrides a KPI's weight in one cloud.
     *
     * @param kpiId the id of a KPI added to this builder
     * @param cloud the cloud
     * @param weight the KPI's weight in that cloud; at least zero
     * @return this builder
     */
    public Builder cloudWeight(String kpiId, CloudId cloud, double weight) {
      cloudWeights.computeIfAbsent(kpiId, id -> new HashMap<>()).put(cloud, weight);
      return this;
    }

    /**
     * Sets the band thresholds; {@link Bands#DEFAULT} unless set.
     *
     * @param bands the thresholds
     * @return this builder
     */
    public Builder bands(Bands bands) {
      this.bands = Objects.requireNonNull(bands, "bands");
      return this;
    }

    /**
     * Sets the cloud roll-up; {@link CloudRollup#ARR_WEIGHTED} unless set.
     *
     * @param rollup the roll-up
     * @return this builder
     */
    public Builder rollup(CloudRollup rollup) {
      this.rollup = Objects.requireNonNull(rollup, "rollup");
      return this;
    }

    /**
     * Sets the intervention policy; {@link InterventionPolicy#DEFAULT} unless set.
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder interventions(InterventionPolicy policy) {
      this.interventions = Objects.requireNonNull(policy, "interventions");
      return this;
    }

    /**
     * Sets the watchlist policy; {@link WatchlistPolicy#DEFAULT} unless set.
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder watchlist(WatchlistPolicy policy) {
      this.watchlist = Objects.requireNonNull(policy, "watchlist");
      return this;
    }

    /**
     * Sets the mapping from score to renewal probability; {@link RenewalMapping#DEFAULT} unless
     * set.
     *
     * @param mapping the mapping
     * @return this builder
     */
    public Builder renewal(RenewalMapping mapping) {
      this.renewal = Objects.requireNonNull(mapping, "renewal");
      return this;
    }

    /**
     * Builds the model.
     *
     * @return the model
     * @throws ModelException listing every rule the settings break
     */
    public HealthModel build() {
      List<String> errors = new ArrayList<>();
      List<WeightedKpi> weighted = new ArrayList<>();
      int index = 0;
      for (Entry kpi : kpis.values()) {
        Map<CloudId, Double> overrides = cloudWeights.getOrDefault(kpi.kpi().id(), Map.of());
        try {
          weighted.add(new WeightedKpi(kpi.kpi(), kpi.weight(), overrides, kpi.curve()));
        } catch (IllegalArgumentException e) {
          errors.add("kpis[" + index + "]." + e.getMessage());
        }
        index++;
      }
      for (String id : cloudWeights.keySet()) {
        if (!kpis.containsKey(id)) {
          errors.add("weights_by_cloud: no KPI '" + id + "' in the model; it has " + kpis.keySet());
        }
      }
      try {
        HealthModel model = new HealthModel(
            window, minimumCoverage, weighted, bands, rollup, interventions, watchlist, renewal);
        if (errors.isEmpty()) {
          return model;
        }
      } catch (ModelException e) {
        // Rules on the list of KPIs would describe a list with the broken entries left out.
        boolean entriesBroken = !errors.isEmpty();
        e.errors().stream()
            .filter(error -> !(entriesBroken && error.startsWith("kpis:")))
            .forEach(errors::add);
      }
      throw new ModelException("model", errors);
    }

    /** A KPI as added, checked only when the model is built, so that every error is reported. */
    private record Entry(Kpi<?> kpi, double weight, Curve curve) {}
  }
}
