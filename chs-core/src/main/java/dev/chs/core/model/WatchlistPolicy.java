package dev.chs.core.model;

/**
 * Which accounts go on the watchlist. An account qualifies when its score is falling by at least
 * {@code minimumFall} points since one window earlier, or is already in the {@code AT_RISK} or
 * {@code CRITICAL} band, and it shows at least {@code minimumDistress} distress signals. The
 * distress signals are:
 *
 * <ul>
 *   <li>a heavy support load: {@code open_support_cases} scoring below {@code openCasesScoreBelow},
 *       or {@code cases_closed_to_created} below {@code closedToCreatedBelow};
 *   <li>any complaint;
 *   <li>low sentiment: {@code sentiment} below {@code sentimentBelow}.
 * </ul>
 *
 * @param minimumFall the fall in points that counts as falling; at least zero
 * @param minimumDistress how many distress signals an account must show; at least one
 * @param openCasesScoreBelow the {@code open_support_cases} score below which the load is heavy
 * @param closedToCreatedBelow the {@code cases_closed_to_created} ratio below which the load is
 *     heavy
 * @param sentimentBelow the mean sentiment below which it is low, in [-1, 1]
 * @since 0.1.0
 */
public record WatchlistPolicy(
    double minimumFall,
    int minimumDistress,
    double openCasesScoreBelow,
    double closedToCreatedBelow,
    double sentimentBelow) {
  /** The default policy of PRODUCT.md: a fall of 10, two distress signals, 50, 0.8 and 0. */
  public static final WatchlistPolicy DEFAULT = new WatchlistPolicy(10, 2, 50, 0.8, 0);

  /**
   * Creates a policy.
   *
   * @throws IllegalArgumentException if a number is out of its range
   */
  public WatchlistPolicy {
    if (!(minimumFall >= 0 && minimumFall <= 100)) {
      throw new IllegalArgumentException("minimum_fall: must be in [0, 100], was " + minimumFall);
    }
    if (minimumDistress < 1 || minimumDistress > 3) {
      throw new IllegalArgumentException(
          "minimum_distress: must be in [1, 3], was " + minimumDistress);
    }
    if (!(openCasesScoreBelow >= 0 && openCasesScoreBelow <= 100)) {
      throw new IllegalArgumentException(
          "open_cases_score_below: must be in [0, 100], was " + openCasesScoreBelow);
    }
    if (!(closedToCreatedBelow >= 0 && Double.isFinite(closedToCreatedBelow))) {
      throw new IllegalArgumentException(
          "closed_to_created_below: must be a finite number >= 0, was " + closedToCreatedBelow);
    }
    if (!(sentimentBelow >= -1 && sentimentBelow <= 1)) {
      throw new IllegalArgumentException(
          "sentiment_below: must be in [-1, 1], was " + sentimentBelow);
    }
  }
}
