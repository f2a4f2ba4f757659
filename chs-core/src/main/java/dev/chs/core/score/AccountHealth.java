package dev.chs.core.score;

import dev.chs.api.AccountId;
import dev.chs.api.Checks;
import dev.chs.api.CloudId;
import dev.chs.api.HealthScore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The health of one account as of one instant: each of its clouds, and its overall score.
 *
 * @param account the account
 * @param asOf the instant T that the scores were computed for
 * @param clouds the account's clouds, in strictly increasing order of cloud id; may be empty
 * @param overall the account's overall score
 * @since 0.1.0
 */
public record AccountHealth(
    AccountId account, Instant asOf, List<CloudHealth> clouds, OverallHealth overall) {
  /**
   * Creates the health of an account.
   *
   * @throws IllegalArgumentException if a cloud's score belongs to another account, or the clouds
   *     are not in strictly increasing order of cloud id
   * @throws NullPointerException if an argument or an element of {@code clouds} is null
   */
  public AccountHealth {
    Checks.requireNonNull("account", account);
    Checks.requireNonNull("as_of", asOf);
    clouds = List.copyOf(clouds);
    Checks.requireNonNull("overall", overall);
    for (int i = 0; i < clouds.size(); i++) {
      HealthScore score = clouds.get(i).score();
      if (!score.account().equals(account)) {
        throw new IllegalArgumentException(
            "clouds[" + i + "].account: must be '" + account + "', was '" + score.account()
                + "'");
      }
      if (i > 0 && clouds.get(i - 1).cloud().compareTo(score.cloud()) >= 0) {
        throw new IllegalArgumentException(
            "clouds[" + i + "].cloud: must come after '" + clouds.get(i - 1).cloud()
                + "' in order of cloud id, was '" + score.cloud() + "'");
      }
    }
  }

  /**
   * Returns the health of one cloud of the account.
   *
   * @param cloud the cloud
   * @return its health, or empty if the account has no such cloud
   */
  public Optional<CloudHealth> cloud(CloudId cloud) {
    for (CloudHealth health : clouds) {
      if (health.cloud().equals(cloud)) {
        return Optional.of(health);
      }
    }
    return Optional.empty();
  }
}
