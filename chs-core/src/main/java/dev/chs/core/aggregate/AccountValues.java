package dev.chs.core.aggregate;

import dev.chs.api.AccountId;
import dev.chs.api.internal.HandedOverList;
import java.util.List;
import java.util.Objects;

/**
 * The KPI values of one account, cloud by cloud, ready to be scored.
 *
 * @param account the account; never null
 * @param clouds the account's clouds, each at most once, in any order; may be empty, in which case
 *     the account's overall score is insufficient data
 * @since 0.1.0
 */
public record AccountValues(AccountId account, List<CloudValues> clouds) {
  /**
   * Creates the values of an account.
   *
   * @throws IllegalArgumentException if two entries of {@code clouds} name the same cloud
   * @throws NullPointerException if an argument or an entry of {@code clouds} is null
   */
  public AccountValues {
    Objects.requireNonNull(account, "account: must not be null");
    clouds = HandedOverList.copyOf(Objects.requireNonNull(clouds, "clouds: must not be null"));
    int repeated = Distinct.firstRepeated(clouds, CloudValues::cloud);
    if (repeated >= 0) {
      throw new IllegalArgumentException(
          "clouds of account '" + account + "': each cloud at most once expected, '"
              + clouds.get(repeated).cloud() + "' appears twice");
    }
  }
}
