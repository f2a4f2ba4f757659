package dev.chs.core.portfolio;

import dev.chs.api.Checks;
import dev.chs.api.Contribution;
import dev.chs.api.HealthScore;
import dev.chs.core.model.InterventionPolicy;
import dev.chs.core.score.AccountHealth;
import dev.chs.core.score.CloudContribution;
import dev.chs.core.score.CloudHealth;
import dev.chs.core.score.OverallHealth;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The intervention state of one score key: it watches a time-ordered series of scores of one
 * account in one cloud, or overall, and fires an {@link Intervention} when the score crosses below
 * the policy's threshold.
 *
 * <p>The tracker starts <em>armed</em>. An armed tracker fires on the first scored observation
 * below {@link InterventionPolicy#threshold()}, and is then disarmed; this includes the very first
 * observation, since a score that is already low when first seen needs attention as much as one
 * that has just fallen. A disarmed tracker fires no more until a score reaches {@link
 * InterventionPolicy#rearmAt()}, which arms it again. So a score that hovers around the threshold
 * fires once, and fires again only after a real recovery. An observation with insufficient data,
 * or in which the key's cloud is missing, changes nothing but the time of the last observation.
 *
 * <p>A streaming job holds one tracker per key, for example in keyed state. A tracker is mutable
 * and not thread-safe: confine it to one thread at a time.
 *
 * @since 0.1.0
 */
public final class InterventionTracker {
  /** How many detractors an intervention names at most. */
  public static final int TOP_DETRACTORS = 3;

  private static final Comparator<Detractor> MOST_LOST_FIRST =
      Comparator.comparingDouble(Detractor::pointsLost).reversed();

  private final ScoreKey key;
  private final InterventionPolicy policy;
  private boolean armed = true;
  private double lastScore = Double.NaN;
  private @Nullable Instant lastAsOf;

  private InterventionTracker(ScoreKey key, InterventionPolicy policy) {
    this.key = key;
    this.policy = policy;
  }

  /**
   * Returns an armed tracker that has observed nothing.
   *
   * @param key the account and cloud, or overall, whose scores it watches
   * @param policy the threshold and hysteresis, usually the model's {@code interventions()}
   * @return the tracker
   * @throws NullPointerException if an argument is null
   */
  public static InterventionTracker of(ScoreKey key, InterventionPolicy policy) {
    return new InterventionTracker(
        Checks.requireNonNull("key", key), Checks.requireNonNull("policy", policy));
  }

  /**
   * Returns a tracker that continues from a state that {@link #state()} returned, for example
   * after a streaming job restored it from a checkpoint.
   *
   * @param key the key whose scores it watches
   * @param policy the threshold and hysteresis
   * @param state the state to continue from
   * @return the tracker
   * @throws NullPointerException if an argument is null
   */
  public static InterventionTracker resume(
      ScoreKey key, InterventionPolicy policy, State state) {
    InterventionTracker tracker = of(key, policy);
    Checks.requireNonNull("state", state);
    tracker.armed = state.armed();
    tracker.lastScore = state.lastScore().orElse(Double.NaN);
    tracker.lastAsOf = state.lastObserved().orElse(null);
    return tracker;
  }

  /**
   * Returns the tracker's state, to checkpoint it.
   *
   * @return the state now; later observations do not change it
   */
  public State state() {
    return new State(armed, lastScore(), Optional.ofNullable(lastAsOf));
  }

  /**
   * Returns the key this tracker watches.
   *
   * @return the key
   */
  public ScoreKey key() {
    return key;
  }

  /**
   * Tells whether the tracker would fire on a score below the threshold.
   *
   * @return true before the first firing, and after each re-arming
   */
  public boolean isArmed() {
    return armed;
  }

  /**
   * Returns the last score observed.
   *
   * @return the score of the last scored observation, or empty if there was none
   */
  public OptionalDouble lastScore() {
    return Double.isNaN(lastScore) ? OptionalDouble.empty() : OptionalDouble.of(lastScore);
  }

  /**
   * Observes the health of the tracker's account: the cloud of its key, or its overall score.
   *
   * @param health the account's health as of an instant after the last one observed
   * @return the intervention, if the score crossed below the threshold while armed
   * @throws IllegalArgumentException if {@code health} is of another account, or not later than
   *     the last observation
   * @throws NullPointerException if {@code health} is null
   */
  public Optional<Intervention> observe(AccountHealth health) {
    requireAccount(health.account().equals(key.account()), health.account());
    if (key.isOverall()) {
      if (health.overall() instanceof OverallHealth.Scored overall) {
        return step(health.asOf(), overall.score(), () -> overallDetractors(health, overall));
      }
      return step(health.asOf(), Double.NaN, List::of);
    }
    Optional<CloudHealth> cloud = health.cloud(key.cloudId().orElseThrow());
    HealthScore score = cloud.isPresent() ? cloud.get().score() : null;
    if (score instanceof HealthScore.Scored scored) {
      return step(health.asOf(), scored.score(), () -> cloudDetractors(scored, 1));
    }
    return step(health.asOf(), Double.NaN, List::of);
  }

  /**
   * Observes a score of the tracker's account in the tracker's cloud.
   *
   * @param asOf the instant T of the score, after the last one observed
   * @param score the score, or insufficient data
   * @return the intervention, if the score crossed below the threshold while armed
   * @throws IllegalArgumentException if the tracker watches an overall score, {@code score} is of
   *     another account or cloud, or {@code asOf} is not later than the last observation
   * @throws NullPointerException if an argument is null
   */
  public Optional<Intervention> observe(Instant asOf, HealthScore score) {
    Checks.requireNonNull("as_of", asOf);
    requireAccount(score.account().equals(key.account()), score.account());
    if (!key.cloud().equals(score.cloud().value())) {
      throw new IllegalArgumentException(
          "score of tracker " + key + ": must be of cloud '" + key.cloud() + "', was of '"
              + score.cloud() + "'");
    }
    if (score instanceof HealthScore.Scored scored) {
      return step(asOf, scored.score(), () -> cloudDetractors(scored, 1));
    }
    return step(asOf, Double.NaN, List::of);
  }

  private void requireAccount(boolean same, Object account) {
    if (!same) {
      throw new IllegalArgumentException(
          "health of tracker " + key + ": must be of account '" + key.account() + "', was of '"
              + account + "'");
    }
  }

  /** Moves the state machine; a NaN score is insufficient data. */
  private Optional<Intervention> step(Instant asOf, double score, Supplier<List<Detractor>> why) {
    if (lastAsOf != null && !asOf.isAfter(lastAsOf)) {
      throw new IllegalArgumentException(
          "as_of of tracker " + key + ": must be after the last observation (" + lastAsOf
              + "), was " + asOf);
    }
    lastAsOf = asOf;
    if (Double.isNaN(score)) {
      return Optional.empty();
    }
    OptionalDouble previous = lastScore();
    lastScore = score;
    if (armed && score < policy.threshold()) {
      armed = false;
      OptionalDouble fall = previous.isPresent()
          ? OptionalDouble.of(previous.getAsDouble() - score)
          : OptionalDouble.empty();
      return Optional.of(new Intervention(key, asOf, score, previous, fall, why.get()));
    }
    if (!armed && score >= policy.rearmAt()) {
      armed = true;
    }
    return Optional.empty();
  }

  private static List<Detractor> overallDetractors(
      AccountHealth health, OverallHealth.Scored overall) {
    List<Detractor> all = new ArrayList<>();
    for (CloudContribution cloud : overall.clouds()) {
      HealthScore score = health.cloud(cloud.cloud()).orElseThrow().score();
      all.addAll(detractors((HealthScore.Scored) score, cloud.share()));
    }
    return top(all);
  }

  private static List<Detractor> cloudDetractors(HealthScore.Scored score, double share) {
    return top(detractors(score, share));
  }

  private static List<Detractor> detractors(HealthScore.Scored score, double share) {
    List<Detractor> detractors = new ArrayList<>();
    for (Contribution kpi : score.contributions()) {
      double lost = Math.min(100, share * kpi.pointsLost());
      if (lost > 0) {
        detractors.add(new Detractor(score.cloud(), kpi.kpiId(), kpi.score(), lost));
      }
    }
    return detractors;
  }

  /**
   * The state of a tracker, as a streaming job checkpoints it.
   *
   * @param armed whether the tracker fires on the next score below the threshold
   * @param lastScore the score of the last scored observation, in [0, 100], or empty if none
   * @param lastObserved the instant of the last observation, scored or not, or empty if none;
   *     the next observation must come after it
   * @since 0.1.0
   */
  public record State(boolean armed, OptionalDouble lastScore, Optional<Instant> lastObserved) {
    /** The state of a tracker that has observed nothing: armed, without a score. */
    public static final State INITIAL = new State(true, OptionalDouble.empty(), Optional.empty());

    /**
     * Creates a state.
     *
     * @throws IllegalArgumentException if {@code lastScore} is outside [0, 100]
     * @throws NullPointerException if an argument is null
     */
    public State {
      Checks.requireNonNull("last_score", lastScore);
      Checks.requireNonNull("last_observed", lastObserved);
      lastScore.ifPresent(score -> Checks.requireInRange("last_score", score, 0, 100));
    }
  }

  /** Keeps the detractors that lost the most, in a stable order: ties stay in cloud, KPI order. */
  private static List<Detractor> top(List<Detractor> detractors) {
    detractors.sort(MOST_LOST_FIRST);
    return List.copyOf(detractors.subList(0, Math.min(TOP_DETRACTORS, detractors.size())));
  }
}
