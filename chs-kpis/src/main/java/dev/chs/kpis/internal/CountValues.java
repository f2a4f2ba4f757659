package dev.chs.kpis.internal;

import dev.chs.api.kpi.KpiValue;

/**
 * The values of a KPI that is a function of one to three counts, made once for small counts and
 * then shared. A value is immutable, so all pairs with the same counts may share one; most pairs
 * of a portfolio have a few cases, work orders or complaints, and making a new value for each of
 * them was a large part of the cost of a store's results.
 */
public final class CountValues {
  /** Computes the value of a KPI from its counts. */
  @FunctionalInterface
  public interface Maker {
    /**
     * Returns the value of the given counts; equal counts must give equal values.
     *
     * @param first the first count
     * @param second the second count, 0 for a KPI of one count
     * @param third the third count, 0 for a KPI of one or two counts
     * @return the value
     */
    KpiValue of(long first, long second, long third);
  }

  private final Maker maker;
  private final int firstBelow;
  private final int secondBelow;
  private final int thirdBelow;
  private final KpiValue[] shared;

  /**
   * Makes the shared values of every combination of counts below {@link #sharedBelow}.
   *
   * @param counts how many counts the KPI has: 1, 2 or 3
   * @param maker computes a value from the counts
   * @throws IllegalArgumentException if {@code counts} is not 1, 2 or 3
   */
  public CountValues(int counts, Maker maker) {
    this.maker = maker;
    int below = sharedBelow(counts);
    this.firstBelow = below;
    this.secondBelow = counts >= 2 ? below : 1;
    this.thirdBelow = counts == 3 ? below : 1;
    this.shared = new KpiValue[firstBelow * secondBelow * thirdBelow];
    for (int first = 0; first < firstBelow; first++) {
      for (int second = 0; second < secondBelow; second++) {
        for (int third = 0; third < thirdBelow; third++) {
          shared[(first * secondBelow + second) * thirdBelow + third] =
              maker.of(first, second, third);
        }
      }
    }
  }

  /**
   * Returns the counts below which the values of a KPI of {@code counts} counts are shared: 256
   * for one count, 16 for two and 8 for three, so that no table holds more than 512 values.
   *
   * @param counts how many counts the KPI has: 1, 2 or 3
   * @return the bound, the same for each count
   * @throws IllegalArgumentException if {@code counts} is not 1, 2 or 3
   */
  public static int sharedBelow(int counts) {
    return switch (counts) {
      case 1 -> 256;
      case 2 -> 16;
      case 3 -> 8;
      default -> throw new IllegalArgumentException("counts: must be 1, 2 or 3, was " + counts);
    };
  }

  /**
   * Returns the value of a KPI of one count.
   *
   * @param count the count
   * @return the shared value if the count is below {@link #sharedBelow}, else a new one
   */
  public KpiValue of(long count) {
    return of(count, 0, 0);
  }

  /**
   * Returns the value of a KPI of two counts.
   *
   * @param first the first count
   * @param second the second count
   * @return the shared value if both counts are below {@link #sharedBelow}, else a new one
   */
  public KpiValue of(long first, long second) {
    return of(first, second, 0);
  }

  /**
   * Returns the value of a KPI of three counts.
   *
   * @param first the first count
   * @param second the second count
   * @param third the third count
   * @return the shared value if all counts are below {@link #sharedBelow}, else a new one
   */
  public KpiValue of(long first, long second, long third) {
    if (first >= 0 && first < firstBelow && second >= 0 && second < secondBelow
        && third >= 0 && third < thirdBelow) {
      return shared[((int) first * secondBelow + (int) second) * thirdBelow + (int) third];
    }
    return maker.of(first, second, third);
  }
}
