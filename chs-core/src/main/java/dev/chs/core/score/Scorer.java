package dev.chs.core.score;

import dev.chs.api.AccountId;
import dev.chs.api.Band;
import dev.chs.api.Checks;
import dev.chs.api.CloudId;
import dev.chs.api.Contribution;
import dev.chs.api.HealthScore;
import dev.chs.api.internal.HandedOverList;
import dev.chs.api.kpi.KpiResult;
import dev.chs.api.kpi.KpiValue;
import dev.chs.api.signal.Signal;
import dev.chs.core.aggregate.AccountValues;
import dev.chs.core.aggregate.CloudValues;
import dev.chs.core.aggregate.FailurePolicy;
import dev.chs.core.aggregate.SignalAggregator;
import dev.chs.core.model.CloudRollup;
import dev.chs.core.model.HealthModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.RandomAccess;
import java.util.Set;

/**
 * Scores KPI values with a health model: per account and cloud, and overall per account.
 *
 * <p>The score of an account in a cloud is the weighted mean of the scores of its applicable KPIs,
 * each scored through the model's curve for it and weighted by {@link
 * dev.chs.core.model.WeightedKpi#weightIn}. A KPI is applicable in a cloud when it was measured and
 * its weight there is above zero; a KPI of weight zero is listed in {@link HealthScore#kpis()} but
 * neither counts for coverage nor contributes, nor adds its flags. The coverage is the applicable
 * weight's share of the cloud's total weight. When it falls below the model's minimum coverage,
 * or no applicable KPI carries any weight at all, the result is {@link
 * HealthScore.InsufficientData}.
 *
 * <p>The score is defined as the sum, in the model's order, of the applicable KPIs' points, so the
 * explanation adds up to the score. That sum is clamped to [0, 100], because the rounded shares
 * may add up to 1 plus an ulp; the clamp moves a score by at most a few ulps.
 *
 * <p>The overall score of an account is described at {@link OverallHealth}, and computed by {@link
 * #rollUp}.
 *
 * <p>A scorer is immutable and safe to share between threads. It precomputes the KPIs' curves and
 * the weights of every cloud the model overrides.
 *
 * @since 0.1.0
 */
public final class Scorer {
  /** The reason given to a KPI of the model that has no value among those scored. */
  public static final String NO_VALUE_SUPPLIED = "no value supplied";

  /** The account that {@link #scoreInto} names when it falls back to {@link #score}. */
  private static final AccountId UNNAMED = AccountId.of("unnamed");

  private static final Comparator<CloudHealth> BY_CLOUD = Comparator.comparing(CloudHealth::cloud);

  private final CompiledModel compiled;
  private final HealthModel model;
  /** For each KPI, its result when no value is supplied: immutable, so shared by all results. */
  private final KpiValue.NotApplicable[] noValueSupplied;

  private Scorer(HealthModel model) {
    this.compiled = new CompiledModel(model);
    this.model = model;
    this.noValueSupplied = new KpiValue.NotApplicable[compiled.size()];
    for (int i = 0; i < noValueSupplied.length; i++) {
      noValueSupplied[i] = new KpiValue.NotApplicable(compiled.ids[i], NO_VALUE_SUPPLIED);
    }
  }

  /**
   * Returns a scorer for a model.
   *
   * @param model the model
   * @return the scorer
   * @throws NullPointerException if {@code model} is null
   */
  public static Scorer of(HealthModel model) {
    return new Scorer(Checks.requireNonNull("model", model));
  }

  /**
   * Returns the model this scorer scores with.
   *
   * @return the model
   */
  public HealthModel model() {
    return model;
  }

  /**
   * Scores an account in a cloud.
   *
   * @param account the account
   * @param cloud the cloud, whose weight overrides apply
   * @param values the KPI values, at most one per KPI of the model, in any order; a KPI of the
   *     model without a value is not applicable, with the reason {@value #NO_VALUE_SUPPLIED}
   * @return the score with its explanation, or insufficient data
   * @throws IllegalArgumentException if a value's KPI is not in the model, or two values share a
   *     KPI id
   * @throws NullPointerException if an argument or a value is null
   */
  public HealthScore score(AccountId account, CloudId cloud, List<? extends KpiValue> values) {
    Checks.requireNonNull("account", account);
    Checks.requireNonNull("cloud", cloud);
    KpiResult[] results = resultsOf(cloud, values);
    CompiledModel.CloudWeights cloudWeights = compiled.weightsIn(cloud);
    double[] weights = cloudWeights.weights;

    // Weigh the applicable KPIs, in the model's order.
    double applicableWeight = 0;
    int applicable = 0;
    for (int i = 0; i < results.length; i++) {
      if (results[i] instanceof KpiResult.Scored && weights[i] > 0) {
        applicableWeight += weights[i];
        applicable++;
      }
    }
    double coverage = CompiledModel.coverage(applicableWeight, cloudWeights.total);
    if (applicableWeight == 0 || coverage < model.minimumCoverage()) {
      return new HealthScore.InsufficientData(
          account, cloud, coverage, model.minimumCoverage(), HandedOverList.of(results));
    }
    return explain(account, cloud, weights, applicableWeight, coverage, results, applicable);
  }

  /**
   * Scores an account in a cloud without an explanation, into a holder the caller reuses: the
   * score, coverage and band are exactly, bit for bit, those of {@link #score(AccountId, CloudId,
   * List)} on the same values, and insufficient data reads as a score of {@code NaN} and a band
   * of null.
   *
   * <p>For a model of at most 64 KPIs and a {@link java.util.RandomAccess} list, such as those of
   * {@link CloudValues#values()}, this allocates nothing, so a loop over many pairs makes no
   * garbage. Values in the model's order are found fastest.
   *
   * @param cloud the cloud, whose weight overrides apply
   * @param values the KPI values, at most one per KPI of the model, in any order; a KPI of the
   *     model without a value is not applicable
   * @param into the holder to fill; its previous content is replaced
   * @return {@code into}
   * @throws IllegalArgumentException if a value's KPI is not in the model, or two values share a
   *     KPI id; {@code into} is then left as it was
   * @throws NullPointerException if an argument or a value is null
   * @since 0.1.0
   */
  public MutableScore scoreInto(
      CloudId cloud, List<? extends KpiValue> values, MutableScore into) {
    if (cloud == null || values == null || into == null) {
      throw new NullPointerException(
          (cloud == null ? "cloud" : values == null ? "values" : "into") + ": must not be null");
    }
    int n = compiled.size();
    if (n > Long.SIZE || !(values instanceof RandomAccess)) {
      // Rare shapes take the general path, which allocates.
      HealthScore score = score(UNNAMED, cloud, values);
      into.set(score instanceof HealthScore.Scored scored ? scored.score() : Double.NaN,
          score.coverage(),
          score instanceof HealthScore.Scored scored ? scored.band() : null);
      return into;
    }
    CompiledModel.CloudWeights cloudWeights = compiled.weightsIn(cloud);
    double[] weights = cloudWeights.weights;

    // Find each value's KPI, as resultsOf() does, and which KPIs are applicable.
    long seen = 0;
    long applicable = 0;
    for (int j = 0; j < values.size(); j++) {
      KpiValue value = values.get(j);
      int position = positionOf(cloud, value, j);
      if ((seen & (1L << position)) != 0) {
        throw new IllegalArgumentException(
            "values of cloud '" + cloud + "': at most one value per KPI expected, '"
                + value.kpiId() + "' appears twice");
      }
      seen |= 1L << position;
      if (value instanceof KpiValue.Measured && weights[position] > 0) {
        applicable |= 1L << position;
      }
    }

    // Weigh the applicable KPIs in the model's order, as score() does.
    double applicableWeight = 0;
    for (int k = 0; k < n; k++) {
      if ((applicable & (1L << k)) != 0) {
        applicableWeight += weights[k];
      }
    }
    double coverage = CompiledModel.coverage(applicableWeight, cloudWeights.total);
    if (applicableWeight == 0 || coverage < model.minimumCoverage()) {
      into.set(Double.NaN, coverage, null);
      return into;
    }

    // Add up the points in the model's order, as explain() does.
    double sum = 0;
    for (int k = 0; k < n; k++) {
      if ((applicable & (1L << k)) != 0) {
        KpiValue.Measured measured = (KpiValue.Measured) valueAt(values, k);
        double share = CompiledModel.share(weights[k], applicableWeight);
        sum += share * compiled.curves[k].score(measured.curveInput());
      }
    }
    double score = CompiledModel.weightedScore(sum);
    into.set(score, coverage, model.bands().of(score));
    return into;
  }

  /** Returns the model position of {@code value}, the {@code j}th of the cloud's values. */
  private int positionOf(CloudId cloud, KpiValue value, int j) {
    if (value == null) {
      throw new NullPointerException("values of cloud '" + cloud + "': must not hold null");
    }
    String id = value.kpiId();
    if (j < compiled.size() && compiled.ids[j].equals(id)) {
      return j;
    }
    int position = compiled.position(id);
    if (position < 0) {
      throw new IllegalArgumentException(
          "values of cloud '" + cloud + "': KPI '" + id
              + "' is not in the model, whose KPIs are " + Arrays.toString(compiled.ids));
    }
    return position;
  }

  /** Returns the value of the KPI at model position {@code k}, which the values hold once. */
  private KpiValue valueAt(List<? extends KpiValue> values, int k) {
    if (k < values.size() && compiled.ids[k].equals(values.get(k).kpiId())) {
      return values.get(k);
    }
    for (int j = 0; j < values.size(); j++) {
      if (compiled.ids[k].equals(values.get(j).kpiId())) {
        return values.get(j);
      }
    }
    throw new IllegalStateException("no value at position " + k + ", which was seen");
  }

  private HealthScore.Scored explain(
      AccountId account,
      CloudId cloud,
      double[] weights,
      double applicableWeight,
      double coverage,
      KpiResult[] results,
      int applicable) {
    Contribution[] contributions = new Contribution[applicable];
    int next = 0;
    // Most scores raise no flag, or one or two, and the result keeps such a set without a copy.
    Set<String> flags = Set.of();
    double sum = 0;
    for (int i = 0; i < weights.length; i++) {
      if (weights[i] > 0 && results[i] instanceof KpiResult.Scored scored) {
        double share = CompiledModel.share(weights[i], applicableWeight);
        double points = share * scored.score();
        double lost = share * (100 - scored.score());
        contributions[next++] =
            new Contribution(scored.kpiId(), weights[i], share, scored.score(), points, lost);
        flags = union(flags, scored.flags());
        sum += points;
      }
    }
    double score = CompiledModel.weightedScore(sum);
    Band band = model.bands().of(score);
    return new HealthScore.Scored(account, cloud, score, band, coverage,
        HandedOverList.of(results), HandedOverList.of(contributions), flags);
  }

  /** Returns the union of two sets of flags, either of them itself when the other is empty. */
  private static Set<String> union(Set<String> flags, Set<String> more) {
    if (more.isEmpty() || flags.equals(more)) {
      return flags;
    }
    if (flags.isEmpty()) {
      return more;
    }
    if (flags.size() == 1 && more.size() == 1) {
      // Two different flags: the immutable pair needs no set to be built first.
      return Set.of(flags.iterator().next(), more.iterator().next());
    }
    Set<String> union = new HashSet<>(flags);
    union.addAll(more);
    return union;
  }

  /**
   * Returns the results of the model's KPIs, in the model's order: each measured value scored by
   * its curve, each not-applicable value as it is, and for a KPI without a value the shared
   * not-applicable result {@value #NO_VALUE_SUPPLIED}.
   */
  private KpiResult[] resultsOf(CloudId cloud, List<? extends KpiValue> values) {
    Checks.requireNonNull("values", values);
    KpiResult[] results = new KpiResult[compiled.size()];
    if (values instanceof RandomAccess) {
      // Indexed, so that no iterator is allocated.
      for (int j = 0; j < values.size(); j++) {
        place(cloud, values.get(j), j, results);
      }
    } else {
      int j = 0;
      for (KpiValue value : values) {
        place(cloud, value, j++, results);
      }
    }
    for (int i = 0; i < results.length; i++) {
      if (results[i] == null) {
        results[i] = noValueSupplied[i];
      }
    }
    return results;
  }

  /** Puts the result of the {@code j}th value at its KPI's position in the model. */
  private void place(CloudId cloud, KpiValue value, int j, KpiResult[] results) {
    int position = positionOf(cloud, value, j);
    if (results[position] != null) {
      throw new IllegalArgumentException(
          "values of cloud '" + cloud + "': at most one value per KPI expected, '"
              + value.kpiId() + "' appears twice");
    }
    results[position] = value instanceof KpiValue.Measured measured
        ? measured.scoredBy(compiled.curves[position])
        : (KpiValue.NotApplicable) value;
  }

  /**
   * Scores an account in one cloud, and prices the revenue it puts at risk: the renewal
   * probability is the model's renewal mapping applied to the score, and the expected loss is
   * {@code arr * (1 - probability)}. Both are empty for insufficient data.
   *
   * @param account the account
   * @param cloud the cloud's values and ARR
   * @return the cloud's health
   * @throws IllegalArgumentException as {@link #score(AccountId, CloudId, List)} does
   * @throws NullPointerException if an argument is null
   */
  public CloudHealth score(AccountId account, CloudValues cloud) {
    HealthScore score = score(account, cloud.cloud(), cloud.values());
    if (score instanceof HealthScore.Scored scored) {
      double p = model.renewal().probability(scored.score());
      return new CloudHealth(
          score, cloud.arr(), OptionalDouble.of(p), OptionalDouble.of(cloud.arr() * (1 - p)));
    }
    return new CloudHealth(score, cloud.arr(), OptionalDouble.empty(), OptionalDouble.empty());
  }

  /**
   * Scores an account in each of its clouds, and overall.
   *
   * @param account the account's values
   * @param asOf the instant T that the values were computed for; recorded in the result
   * @return the account's health, with its clouds in order of cloud id
   * @throws IllegalArgumentException as {@link #score(AccountId, CloudId, List)} does
   * @throws NullPointerException if an argument is null
   */
  public AccountHealth score(AccountValues account, Instant asOf) {
    Checks.requireNonNull("as_of", asOf);
    List<CloudHealth> clouds = new ArrayList<>(account.clouds().size());
    for (CloudValues cloud : account.clouds()) {
      clouds.add(score(account.account(), cloud));
    }
    return rollUp(account.account(), asOf, clouds);
  }

  /**
   * Scores many accounts, one after another.
   *
   * @param accounts the accounts' values
   * @param asOf the instant T that the values were computed for
   * @return the accounts' health, in the order of {@code accounts}
   * @throws IllegalArgumentException as {@link #score(AccountId, CloudId, List)} does
   * @throws NullPointerException if an argument or an account is null
   */
  public List<AccountHealth> scoreAll(Iterable<AccountValues> accounts, Instant asOf) {
    Checks.requireNonNull("accounts", accounts);
    List<AccountHealth> health = new ArrayList<>();
    for (AccountValues account : accounts) {
      health.add(score(Checks.requireNonNull("account", account), asOf));
    }
    return health;
  }

  /**
   * Turns raw signals into the health of every account they name, in one call: the signals go
   * through a {@link SignalAggregator} for the model's window ending at {@code asOf}, and the
   * values it produces are scored. A KPI whose accumulator throws is isolated, as {@link
   * FailurePolicy#ISOLATE} describes; use a {@link SignalAggregator} directly to see the
   * failures, declare sources that held no signal, or fail instead.
   *
   * @param signals the signals, in any order
   * @param asOf the instant T to score at; signals after it never count
   * @return the health of each account, in order of account id
   */
  public List<AccountHealth> scoreSignals(Iterable<? extends Signal> signals, Instant asOf) {
    SignalAggregator aggregator = SignalAggregator.of(model, asOf);
    aggregator.addAll(signals);
    return scoreAll(aggregator.results(), asOf);
  }

  /**
   * Combines the health of an account's clouds into its health, as {@link OverallHealth}
   * describes. Spark and Flink jobs that score clouds apart call this to assemble accounts.
   *
   * @param account the account
   * @param asOf the instant T of the scores
   * @param clouds the health of the account's clouds, each at most once, in any order
   * @return the account's health, with its clouds in order of cloud id
   * @throws IllegalArgumentException if a cloud's score belongs to another account, or two share a
   *     cloud
   * @throws NullPointerException if an argument or an element of {@code clouds} is null
   */
  public AccountHealth rollUp(AccountId account, Instant asOf, Collection<CloudHealth> clouds) {
    List<CloudHealth> sorted = new ArrayList<>(clouds);
    for (CloudHealth cloud : sorted) {
      AccountId owner = cloud.score().account();
      if (!owner.equals(account)) {
        throw new IllegalArgumentException("clouds of account '" + account + "': each must be a"
            + " score of that account, was one of account '" + owner + "' for cloud '"
            + cloud.cloud() + "'");
      }
    }
    sorted.sort(BY_CLOUD);
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).cloud().equals(sorted.get(i - 1).cloud())) {
        throw new IllegalArgumentException(
            "clouds of account '" + account + "': each cloud at most once expected, '"
                + sorted.get(i).cloud() + "' appears twice");
      }
    }
    return new AccountHealth(account, asOf, sorted, overall(sorted));
  }

  private OverallHealth overall(List<CloudHealth> clouds) {
    // Coverage: every cloud counts, scored or not.
    double[] allWeights = rollupWeights(clouds);
    double arr = 0;
    double weightedCoverage = 0;
    double totalWeight = 0;
    for (int i = 0; i < clouds.size(); i++) {
      arr += clouds.get(i).arr();
      weightedCoverage += allWeights[i] * clouds.get(i).score().coverage();
      totalWeight += allWeights[i];
    }
    double coverage =
        totalWeight > 0 ? Math.max(0, Math.min(1, weightedCoverage / totalWeight)) : 0;

    // Score: only scored clouds count.
    List<CloudHealth> scored = new ArrayList<>(clouds.size());
    for (CloudHealth cloud : clouds) {
      if (cloud.score() instanceof HealthScore.Scored) {
        scored.add(cloud);
      }
    }
    if (scored.isEmpty()) {
      return new OverallHealth.InsufficientData(coverage, arr);
    }
    return scoredOverall(scored, coverage, arr);
  }

  private OverallHealth.Scored scoredOverall(
      List<CloudHealth> scored, double coverage, double arr) {
    double[] weights = rollupWeights(scored);
    double totalWeight = 0;
    for (double weight : weights) {
      totalWeight += weight;
    }

    List<CloudContribution> contributions = new ArrayList<>(scored.size());
    double sum = 0;
    double scoredArr = 0;
    double expectedLoss = 0;
    CloudHealth weakest = scored.get(0);
    for (int i = 0; i < scored.size(); i++) {
      CloudHealth cloud = scored.get(i);
      double cloudScore = cloud.value().getAsDouble();
      double share = weights[i] / totalWeight;
      double points = share * cloudScore;
      contributions.add(
          new CloudContribution(cloud.cloud(), weights[i], share, cloudScore, points));
      sum += points;
      scoredArr += cloud.arr();
      expectedLoss += cloud.expectedLoss().getAsDouble();
      if (cloudScore < weakest.value().getAsDouble()) {
        weakest = cloud;
      }
    }

    double score = CompiledModel.weightedScore(sum);
    double probability = scoredArr > 0
        ? Math.max(0, Math.min(1, 1 - expectedLoss / scoredArr))
        : model.renewal().probability(score);
    return new OverallHealth.Scored(
        score, model.bands().of(score), coverage, contributions, weakest.cloud(),
        weakest.value().getAsDouble(), arr, Math.min(scoredArr, arr), probability, expectedLoss);
  }

  /** Returns the roll-up weight of each cloud: its ARR, or 1 if equal or if no cloud has ARR. */
  private double[] rollupWeights(List<CloudHealth> clouds) {
    double[] weights = new double[clouds.size()];
    double arr = 0;
    for (CloudHealth cloud : clouds) {
      arr += cloud.arr();
    }
    boolean byArr = model.rollup() == CloudRollup.ARR_WEIGHTED && arr > 0;
    for (int i = 0; i < weights.length; i++) {
      weights[i] = byArr ? clouds.get(i).arr() : 1;
    }
    return weights;
  }
}
