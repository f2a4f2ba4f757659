package dev.chs.api.signal;

import dev.chs.api.AccountId;
import dev.chs.api.Checks;
import dev.chs.api.CloudId;
import java.time.Instant;

/**
 * A product-usage sample, a row of {@code usage.csv}.
 *
 * @param account the account measured
 * @param cloud the cloud measured, or {@link CloudId#ACCOUNT_WIDE}
 * @param date the instant of the sample; a date without a time means 00:00 UTC
 * @param activeUsers the users active on that date; at least zero
 * @param licensedUsers the users licensed on that date; at least one
 * @since 0.1.0
 */
public record UsageSample(
    AccountId account, CloudId cloud, Instant date, long activeUsers, long licensedUsers)
    implements Signal {
  /**
   * Creates a usage sample.
   *
   * @throws IllegalArgumentException if a count is negative, or no user is licensed
   * @throws NullPointerException if the account, cloud or date is null
   */
  public UsageSample {
    Checks.requireNonNull("account_id", account);
    Checks.requireNonNull("cloud", cloud);
    Checks.requireNonNull("date", date);
    Checks.requireNonNegative("active_users", activeUsers);
    if (licensedUsers < 1) {
      throw new IllegalArgumentException("licensed_users: must be >= 1, was " + licensedUsers);
    }
  }

  /**
   * Returns the share of licensed users that were active.
   *
   * @return {@code activeUsers / licensedUsers}; above 1 when more users were active than licensed
   */
  public double adoption() {
    return (double) activeUsers / licensedUsers;
  }

  /**
   * Returns {@link #date()}: the day the usage was measured.
   *
   * @return the instant
   */
  @Override
  public Instant occurredAt() {
    return date;
  }
}
