package com.example.chs;

import dev.chs.api.AccountId;
import dev.chs.api.CloudId;
import dev.chs.api.signal.Signal;
import java.time.Instant;
import java.util.Objects;

/**
 * An invoice sent to an account: a signal type of this plugin's own, which {@link
 * InvoiceDaysOverdue} reads.
 *
 * @param invoiceId the invoice's number; never blank
 * @param account the account billed
 * @param cloud the cloud billed, or {@link CloudId#ACCOUNT_WIDE}
 * @param issuedAt when the invoice was issued
 * @param dueAt when payment fell due; not before {@code issuedAt}
 * @param paidAt when it was paid in full, or null while it is unpaid; not before {@code issuedAt}
 */
public record Invoice(
    String invoiceId,
    AccountId account,
    CloudId cloud,
    Instant issuedAt,
    Instant dueAt,
    Instant paidAt)
    implements Signal {
  /**
   * Creates an invoice.
   *
   * @throws IllegalArgumentException if the id is blank, or it fell due or was paid before it
   *     was issued
   * @throws NullPointerException if an argument other than {@code paidAt} is null
   */
  public Invoice {
    Objects.requireNonNull(invoiceId, "invoice_id: must not be null");
    if (invoiceId.isBlank()) {
      throw new IllegalArgumentException("invoice_id: must not be blank, was '" + invoiceId + "'");
    }
    Objects.requireNonNull(account, "account_id: must not be null");
    Objects.requireNonNull(cloud, "cloud: must not be null");
    Objects.requireNonNull(issuedAt, "issued_at: must not be null");
    Objects.requireNonNull(dueAt, "due_at: must not be null");
    requireNotBefore("due_at", dueAt, issuedAt);
    requireNotBefore("paid_at", paidAt, issuedAt);
  }

  private static void requireNotBefore(String field, Instant value, Instant issuedAt) {
    if (value != null && value.isBefore(issuedAt)) {
      throw new IllegalArgumentException(
          field + ": must not be before issued_at (" + issuedAt + "), was " + value);
    }
  }
}
