package dev.chs.api;


/**
 * The identity of a cloud: a business unit or product line, such as sales, service or revenue.
 *
 * <p>The empty name is reserved for {@link #ACCOUNT_WIDE}: a signal with that cloud applies to the
 * whole account, and counts in every cloud of the account. The name {@code *} is reserved for the
 * overall row of an account in output, and is rejected here.
 *
 * @param value the cloud's name; empty only for {@link #ACCOUNT_WIDE}
 * @since 0.1.0
 */
public record CloudId(String value) implements Comparable<CloudId> {
  /** The cloud of a signal that applies to every cloud of its account. */
  public static final CloudId ACCOUNT_WIDE = new CloudId("");

  /** The name that output uses for an account's overall row. */
  public static final String OVERALL = "*";

  /**
   * Creates a cloud id.
   *
   * @throws IllegalArgumentException if {@code value} is blank but not empty, or is {@code *}
   * @throws NullPointerException if {@code value} is null
   */
  public CloudId {
    Checks.requireNonNull("cloud", value);
    if (!value.isEmpty() && value.isBlank()) {
      throw new IllegalArgumentException(
          "cloud: must be empty (account-wide) or a name, was '" + value + "'");
    }
    if (value.equals(OVERALL)) {
      throw new IllegalArgumentException(
          "cloud: must not be '*', which names an account's overall row in output");
    }
  }

  /**
   * Returns the cloud with this name, or {@link #ACCOUNT_WIDE} for the empty name.
   *
   * @param value the cloud's name
   * @return the cloud id
   * @throws IllegalArgumentException if {@code value} is blank but not empty, or is {@code *}
   */
  public static CloudId of(String value) {
    return value.isEmpty() ? ACCOUNT_WIDE : new CloudId(value);
  }

  /**
   * Tells whether this is {@link #ACCOUNT_WIDE}.
   *
   * @return true for the empty cloud
   */
  public boolean isAccountWide() {
    return value.isEmpty();
  }

  @Override
  public int compareTo(CloudId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
