package dev.chs.api.signal;

import dev.chs.api.AccountId;
import dev.chs.api.Checks;
import dev.chs.api.CloudId;
import java.time.Instant;

/**
 * A complaint, a row of {@code complaints.csv}. The same complaint may be reported more than once;
 * KPIs count each {@code complaintId} once.
 *
 * @param complaintId the complaint's id; never empty
 * @param account the account that raised it
 * @param cloud the cloud it concerns, or {@link CloudId#ACCOUNT_WIDE}
 * @param raisedAt when it was raised
 * @since 0.1.0
 */
public record Complaint(String complaintId, AccountId account, CloudId cloud, Instant raisedAt)
    implements Signal {
  /**
   * Creates a complaint.
   *
   * @throws IllegalArgumentException if the id is empty
   * @throws NullPointerException if an argument is null
   */
  public Complaint {
    Checks.requireId("complaint_id", complaintId);
    Checks.requireNonNull("account_id", account);
    Checks.requireNonNull("cloud", cloud);
    Checks.requireNonNull("raised_at", raisedAt);
  }

  /**
   * Returns {@link #raisedAt()}: a complaint comes into being when it is raised.
   *
   * @return the instant
   */
  @Override
  public Instant occurredAt() {
    return raisedAt;
  }
}
