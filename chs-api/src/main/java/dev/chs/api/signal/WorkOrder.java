package dev.chs.api.signal;

import dev.chs.api.AccountId;
import dev.chs.api.Checks;
import dev.chs.api.CloudId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A field-service work order, a row of {@code work_orders.csv}.
 *
 * @param workOrderId the work order's id; never empty
 * @param account the account it serves
 * @param cloud the cloud it concerns, or {@link CloudId#ACCOUNT_WIDE}
 * @param createdAt when it was created
 * @param completedAt when it was completed, or null while it is not
 * @param firstTimeFix whether the first visit fixed the problem, or null when unknown
 * @since 0.1.0
 */
public record WorkOrder(
    String workOrderId,
    AccountId account,
    CloudId cloud,
    Instant createdAt,
    @Nullable Instant completedAt,
    @Nullable Boolean firstTimeFix)
    implements Signal {
  /**
   * Creates a work order.
   *
   * @throws IllegalArgumentException if the id is empty, or it completed before it was created
   * @throws NullPointerException if the id, account, cloud or creation instant is null
   */
  public WorkOrder {
    Checks.requireId("work_order_id", workOrderId);
    Checks.requireNonNull("account_id", account);
    Checks.requireNonNull("cloud", cloud);
    Checks.requireNonNull("created_at", createdAt);
    Checks.requireNotBefore("completed_at", completedAt, "created_at", createdAt);
  }

  /**
   * Returns {@link #createdAt()}: a work order comes into being when it is created.
   *
   * @return the instant
   */
  @Override
  public Instant occurredAt() {
    return createdAt;
  }
}
