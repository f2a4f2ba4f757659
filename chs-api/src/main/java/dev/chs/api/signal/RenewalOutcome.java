package dev.chs.api.signal;

import dev.chs.api.AccountId;
import dev.chs.api.Checks;
import dev.chs.api.CloudId;
import java.time.Instant;

/**
 * The outcome of a past renewal, a row of {@code renewals.csv}. Outcomes are what renewal
 * prediction learns from; no KPI reads them.
 *
 * @param account the account that came up for renewal
 * @param cloud the cloud renewed or lost, or {@link CloudId#ACCOUNT_WIDE} for the whole account
 * @param renewalDate when the renewal fell due
 * @param outcome whether the account renewed or churned
 * @since 0.1.0
 */
public record RenewalOutcome(
    AccountId account, CloudId cloud, Instant renewalDate, Outcome outcome) implements Signal {
  /**
   * Creates a renewal outcome.
   *
   * @throws NullPointerException if an argument is null
   */
  public RenewalOutcome {
    Checks.requireNonNull("account_id", account);
    Checks.requireNonNull("cloud", cloud);
    Checks.requireNonNull("renewal_date", renewalDate);
    Checks.requireNonNull("outcome", outcome);
  }

  /**
   * Whether a renewal happened.
   *
   * @since 0.1.0
   */
  public enum Outcome {
    /** The account renewed; written {@code renewed}. */
    RENEWED,
    /** The account did not renew; written {@code churned}. */
    CHURNED
  }

  /**
   * Returns {@link #renewalDate()}: an outcome is known when the renewal falls due.
   *
   * @return the instant
   */
  @Override
  public Instant occurredAt() {
    return renewalDate;
  }
}
