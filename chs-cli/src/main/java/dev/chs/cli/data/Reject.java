package dev.chs.cli.data;

/**
 * A row that was read but not used: a line of {@code rejects.csv}.
 *
 * @param file the name of the file the row came from, such as {@code cases.csv}; never empty
 * @param line the physical line the row starts on, counting from 1 (the header is line 1)
 * @param reason why the row was rejected: the field, the value and what was expected
 * @since 0.1.0
 */
public record Reject(String file, long line, String reason) {
  /**
   * Creates a rejection.
   *
   * @throws IllegalArgumentException if the file or reason is empty, or the line is below 1
   * @throws NullPointerException if the file or reason is null
   */
  public Reject {
    if (file.isEmpty() || reason.isEmpty() || line < 1) {
      throw new IllegalArgumentException(
          "file, line, reason: must be a name, a line >= 1 and a reason, were '"
              + file + "', " + line + ", '" + reason + "'");
    }
  }

  @Override
  public String toString() {
    return file + " line " + line + ": " + reason;
  }
}
