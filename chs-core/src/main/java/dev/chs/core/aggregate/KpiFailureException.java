package dev.chs.core.aggregate;

/**
 * Thrown under {@link FailurePolicy#FAIL} when a KPI's accumulator throws.
 *
 * @since 0.1.0
 */
public final class KpiFailureException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient KpiFailure failure;

  /**
   * Creates the exception for a failure.
   *
   * @param failure the failure; its error becomes the cause
   */
  public KpiFailureException(KpiFailure failure) {
    super(failure.message(), failure.error());
    this.failure = failure;
  }

  /**
   * Returns the failure.
   *
   * @return the KPI, account, cloud and error
   */
  public KpiFailure failure() {
    return failure;
  }
}
