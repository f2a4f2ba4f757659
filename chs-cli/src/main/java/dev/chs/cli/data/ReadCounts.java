package dev.chs.cli.data;

/**
 * How many rows were read from a file or a data set, and how many of them were used or rejected.
 * Every row read is one or the other, so {@code used + rejected == read}.
 *
 * @param read the data rows read, not counting the header; at least zero
 * @param used the rows turned into signals or account names
 * @param rejected the rows reported as a {@link Reject}
 * @since 0.1.0
 */
public record ReadCounts(long read, long used, long rejected) {
  /** No rows at all. */
  public static final ReadCounts NONE = new ReadCounts(0, 0, 0);

  /**
   * Creates counts.
   *
   * @throws IllegalArgumentException if a count is negative, or {@code used + rejected != read}
   */
  public ReadCounts {
    if (used < 0 || rejected < 0 || used + rejected != read) {
      throw new IllegalArgumentException(
          "read, used, rejected: must be >= 0 with used + rejected == read, were "
              + read + ", " + used + ", " + rejected);
    }
  }

  /**
   * Adds two sets of counts, as when totalling files.
   *
   * @param other the counts to add
   * @return the sum
   */
  public ReadCounts plus(ReadCounts other) {
    return new ReadCounts(read + other.read, used + other.used, rejected + other.rejected);
  }

  /**
   * Returns the summary line that ends standard error, such as {@code read 120000 rows: 119987
   * used, 13 rejected}.
   *
   * @return the line, without a line break
   */
  public String summaryLine() {
    return "read " + read + " rows: " + used + " used, " + rejected + " rejected";
  }
}
