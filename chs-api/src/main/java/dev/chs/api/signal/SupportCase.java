package dev.chs.api.signal;

import dev.chs.api.AccountId;
import dev.chs.api.Checks;
import dev.chs.api.CloudId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A support case, a row of {@code cases.csv}.
 *
 * @param caseId the case's id; never empty
 * @param account the account that raised it
 * @param cloud the cloud it concerns, or {@link CloudId#ACCOUNT_WIDE}
 * @param openedAt when it was opened
 * @param closedAt when it was closed, or null while it is open
 * @param firstContactResolution whether the first contact resolved it, or null when unknown
 * @since 0.1.0
 */
public record SupportCase(
    String caseId,
    AccountId account,
    CloudId cloud,
    Instant openedAt,
    @Nullable Instant closedAt,
    @Nullable Boolean firstContactResolution)
    implements Signal {
  /**
   * Creates a support case.
   *
   * @throws IllegalArgumentException if the id is empty, or the case closed before it opened
   * @throws NullPointerException if the id, account, cloud or opening instant is null
   */
  public SupportCase {
    Checks.requireId("case_id", caseId);
    Checks.requireNonNull("account_id", account);
    Checks.requireNonNull("cloud", cloud);
    Checks.requireNonNull("opened_at", openedAt);
    Checks.requireNotBefore("closed_at", closedAt, "opened_at", openedAt);
  }

  /**
   * Tells whether the case is open at {@code instant}: opened at or before it, and not closed by
   * then.
   *
   * @param instant the instant to look at
   * @return true if the case is open at that instant
   */
  public boolean isOpenAt(Instant instant) {
    return !openedAt.isAfter(instant) && (closedAt == null || closedAt.isAfter(instant));
  }

  /**
   * Returns {@link #openedAt()}: a case comes into being when it is opened.
   *
   * @return the instant
   */
  @Override
  public Instant occurredAt() {
    return openedAt;
  }
}
