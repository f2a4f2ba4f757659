package dev.chs.cli.data;

/**
 * Thrown in strict mode at the first row that cannot be used. The command maps it to exit code 1.
 *
 * @since 0.1.0
 */
public final class BadRowException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Reject reject;
  private final transient DataSetSummary soFar;

  /**
   * Creates the exception.
   *
   * @param reject the bad row: its file, line and reason
   * @param soFar what had been read up to and including the bad row
   */
  public BadRowException(Reject reject, DataSetSummary soFar) {
    super(reject.toString());
    this.reject = reject;
    this.soFar = soFar;
  }

  /**
   * Returns the bad row.
   *
   * @return its file, line and reason
   */
  public Reject reject() {
    return reject;
  }

  /**
   * Returns the counts up to and including the bad row, which counts as read and rejected.
   *
   * @return the partial summary
   */
  public DataSetSummary soFar() {
    return soFar;
  }
}
