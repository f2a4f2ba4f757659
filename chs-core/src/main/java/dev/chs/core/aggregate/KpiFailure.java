package dev.chs.core.aggregate;

import dev.chs.api.AccountId;
import dev.chs.api.CloudId;
import java.util.Objects;

/**
 * A KPI whose accumulator threw for one account and cloud. Under {@link FailurePolicy#ISOLATE}
 * the KPI is not applicable there, and the rest of the score is computed without it.
 *
 * @param account the account
 * @param cloud the cloud, or {@link CloudId#ACCOUNT_WIDE} for the account's account-wide signals
 * @param kpiId the id of the KPI that failed
 * @param error what the accumulator threw
 * @since 0.1.0
 */
public record KpiFailure(AccountId account, CloudId cloud, String kpiId, RuntimeException error) {
  /**
   * Creates a failure.
   *
   * @throws NullPointerException if an argument is null
   */
  public KpiFailure {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(cloud, "cloud");
    Objects.requireNonNull(kpiId, "kpiId");
    Objects.requireNonNull(error, "error");
  }

  /**
   * Returns a message that names the KPI, the account, the cloud and the error.
   *
   * @return the message
   */
  public String message() {
    String where = cloud.isAccountWide() ? "account-wide signals" : "cloud " + cloud;
    return "KPI '" + kpiId + "' failed for account " + account + ", " + where + ": " + error;
  }
}
