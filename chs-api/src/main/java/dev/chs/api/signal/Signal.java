package dev.chs.api.signal;

import dev.chs.api.AccountId;
import dev.chs.api.CloudId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Something known about an account that a KPI may read: a support case, a work order, a complaint,
 * a usage or sentiment sample, a contract, a renewal outcome or a pre-aggregated metric.
 *
 * <p>Every signal belongs to one account and one cloud. A signal whose cloud is {@link
 * CloudId#ACCOUNT_WIDE} applies to the whole account and counts in every cloud of it. Signals are
 * immutable values. The interface is open, so that a plugin may define a signal type of its own and
 * a KPI that reads it.
 *
 * @since 0.1.0
 */
public interface Signal {
  /**
   * Returns the account this signal belongs to.
   *
   * @return the account; never null
   */
  AccountId account();

  /**
   * Returns the cloud this signal belongs to, or {@link CloudId#ACCOUNT_WIDE}.
   *
   * @return the cloud; never null
   */
  CloudId cloud();

  /**
   * Returns when the signal came into being: a case's opening, a work order's creation, a
   * complaint's raising, a sample's date. Aggregation as of an instant T ignores a signal that
   * came into being after T, so that it neither counts nor names a cloud that did not exist at T.
   *
   * @return the instant, or null for a signal that carries none, such as a contract or a metric,
   *     which holds at every as-of instant; null unless a signal type overrides it
   * @since 0.1.0
   */
  default @Nullable Instant occurredAt() {
    return null;
  }
}
