package dev.chs.core.model;

/**
 * How the scores of an account's clouds combine into its overall score.
 *
 * @since 0.1.0
 */
public enum CloudRollup {
  /**
   * Each cloud weighs as much as its ARR. When the scored clouds carry no ARR at all, they weigh
   * equally.
   */
  ARR_WEIGHTED,
  /** Every scored cloud weighs the same. */
  EQUAL
}
