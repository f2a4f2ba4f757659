package dev.chs.api.signal;

import dev.chs.api.AccountId;
import dev.chs.api.Checks;
import dev.chs.api.CloudId;

/**
 * A value aggregated upstream: one cell of {@code metrics.csv}, the column {@code name} of the row
 * for an account and cloud. A KPI that reads metrics takes the column named after its id.
 *
 * <p>A metric carries no instant: it holds for the window that is being scored, as its producer
 * decided.
 *
 * @param account the account measured
 * @param cloud the cloud measured, or {@link CloudId#ACCOUNT_WIDE}
 * @param name the column's name; never empty
 * @param value the value; finite
 * @since 0.1.0
 */
public record Metric(AccountId account, CloudId cloud, String name, double value)
    implements Signal {
  /**
   * Creates a metric.
   *
   * @throws IllegalArgumentException if the name is empty or the value is not finite
   * @throws NullPointerException if the account, cloud or name is null
   */
  public Metric {
    Checks.requireNonNull("account_id", account);
    Checks.requireNonNull("cloud", cloud);
    Checks.requireId("metric name", name);
    Checks.requireFinite(name, value);
  }
}
