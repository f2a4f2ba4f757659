package dev.chs.api.signal;

import dev.chs.api.AccountId;
import dev.chs.api.Checks;
import dev.chs.api.CloudId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A contract, a row of {@code contracts.csv}: the annual recurring revenue (ARR) of one cloud of an
 * account. Contracts name an account's clouds and weight the overall score.
 *
 * @param account the account under contract
 * @param cloud the cloud under contract; never {@link CloudId#ACCOUNT_WIDE}
 * @param arr the annual recurring revenue, in the portfolio's currency; finite and at least zero
 * @param renewalDate when the contract comes up for renewal, or null when unknown
 * @since 0.1.0
 */
public record Contract(AccountId account, CloudId cloud, double arr, @Nullable Instant renewalDate)
    implements Signal {
  /**
   * Creates a contract.
   *
   * @throws IllegalArgumentException if the ARR is negative or not finite, or the cloud is empty
   * @throws NullPointerException if the account or cloud is null
   */
  public Contract {
    Checks.requireNonNull("account_id", account);
    Checks.requireNonNull("cloud", cloud);
    if (cloud.isAccountWide()) {
      throw new IllegalArgumentException("cloud: a contract must name its cloud, was empty");
    }
    Checks.requireNonNegative("arr", arr);
  }
}
