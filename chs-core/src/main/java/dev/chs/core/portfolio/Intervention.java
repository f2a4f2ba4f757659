package dev.chs.core.portfolio;

import dev.chs.api.Checks;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;

/**
 * An event raised when a score crosses below the model's intervention threshold: which account
 * and cloud, when, how far the score fell and what dragged it down.
 *
 * @param key the account and cloud, or {@value dev.chs.api.CloudId#OVERALL} for the overall score
 * @param asOf the instant T of the score that crossed
 * @param score the score, in [0, 100] and below the threshold
 * @param previousScore the last score observed before it for the same key, in [0, 100]; empty
 *     when this is the first scored observation
 * @param fall how far the score fell, {@code previousScore - score}; empty with {@code
 *     previousScore}
 * @param topDetractors the KPIs that cost the score the most points, most first, at most three
 * @since 0.1.0
 */
public record Intervention(
    ScoreKey key,
    Instant asOf,
    double score,
    OptionalDouble previousScore,
    OptionalDouble fall,
    List<Detractor> topDetractors) {
  /**
   * Creates an intervention.
   *
   * @throws IllegalArgumentException if a score is outside [0, 100], or {@code fall} is present
   *     without {@code previousScore} or the other way round
   * @throws NullPointerException if an argument or a detractor is null
   */
  public Intervention {
    Checks.requireNonNull("key", key);
    Checks.requireNonNull("as_of", asOf);
    Checks.requireInRange("score", score, 0, 100);
    Checks.requireNonNull("previous_score", previousScore);
    Checks.requireNonNull("fall", fall);
    if (previousScore.isPresent() != fall.isPresent()) {
      throw new IllegalArgumentException(
          "fall of " + key + ": must be present exactly with previous_score (" + previousScore
              + "), was " + fall);
    }
    previousScore.ifPresent(p -> Checks.requireInRange("previous_score", p, 0, 100));
    topDetractors = List.copyOf(topDetractors);
  }
}
