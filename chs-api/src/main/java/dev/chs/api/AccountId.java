package dev.chs.api;


/**
 * The identity of a customer account.
 *
 * @param value the account's id as the source systems write it; never empty
 * @since 0.1.0
 */
public record AccountId(String value) implements Comparable<AccountId> {
  /**
   * Creates an account id.
   *
   * @throws IllegalArgumentException if {@code value} is empty or blank
   * @throws NullPointerException if {@code value} is null
   */
  public AccountId {
    Checks.requireId("account_id", value);
  }

  /**
   * Returns the account id with this value.
   *
   * @param value the id; never empty
   * @return the account id
   * @throws IllegalArgumentException if {@code value} is empty or blank
   */
  public static AccountId of(String value) {
    return new AccountId(value);
  }

  @Override
  public int compareTo(AccountId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
