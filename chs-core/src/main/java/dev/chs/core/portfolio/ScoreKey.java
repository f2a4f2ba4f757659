package dev.chs.core.portfolio;

import dev.chs.api.AccountId;
import dev.chs.api.Checks;
import dev.chs.api.CloudId;
import java.util.Optional;

/**
 * Names one score of an account: the score of one of its clouds, or its overall score, which
 * output writes with the cloud {@value CloudId#OVERALL}.
 *
 * @param account the account
 * @param cloud the cloud's name, or {@value CloudId#OVERALL} for the overall score
 * @since 0.1.0
 */
public record ScoreKey(AccountId account, String cloud) implements Comparable<ScoreKey> {
  /**
   * Creates a key.
   *
   * @throws IllegalArgumentException if {@code cloud} is neither {@value CloudId#OVERALL} nor a
   *     valid cloud name
   * @throws NullPointerException if an argument is null
   */
  public ScoreKey {
    Checks.requireNonNull("account", account);
    Checks.requireNonNull("cloud", cloud);
    if (!cloud.equals(CloudId.OVERALL)) {
      CloudId.of(cloud); // throws for a name that no cloud may have
    }
  }

  /**
   * Returns the key of an account's score in a cloud.
   *
   * @param account the account
   * @param cloud the cloud
   * @return the key
   */
  public static ScoreKey of(AccountId account, CloudId cloud) {
    return new ScoreKey(account, cloud.value());
  }

  /**
   * Returns the key of an account's overall score.
   *
   * @param account the account
   * @return the key, whose cloud is {@value CloudId#OVERALL}
   */
  public static ScoreKey overall(AccountId account) {
    return new ScoreKey(account, CloudId.OVERALL);
  }

  /**
   * Tells whether this key names the overall score.
   *
   * @return true if the cloud is {@value CloudId#OVERALL}
   */
  public boolean isOverall() {
    return cloud.equals(CloudId.OVERALL);
  }

  /**
   * Returns the cloud this key names.
   *
   * @return the cloud, or empty for the overall score
   */
  public Optional<CloudId> cloudId() {
    return isOverall() ? Optional.empty() : Optional.of(CloudId.of(cloud));
  }

  /**
   * Orders keys by account, then puts an account's clouds in order of name before its overall
   * score.
   */
  @Override
  public int compareTo(ScoreKey other) {
    int byAccount = account.compareTo(other.account);
    if (byAccount != 0) {
      return byAccount;
    }
    if (isOverall() || other.isOverall()) {
      return Boolean.compare(isOverall(), other.isOverall());
    }
    return cloud.compareTo(other.cloud);
  }

  @Override
  public String toString() {
    return account + "/" + cloud;
  }
}
