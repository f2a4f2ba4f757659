package dev.chs.cli.report;

import dev.chs.api.kpi.KpiResult;
import dev.chs.core.score.AccountHealth;
import dev.chs.core.score.CloudHealth;

/**
 * The portfolio's support view as of T, totalled from the KPI results of every (account, cloud)
 * pair, scored or not. A KPI that was not applicable in a pair adds nothing, and is not counted
 * among the pairs measured.
 *
 * <p>A signal with an empty cloud applies to the whole account and counts in every cloud of the
 * account. So a count summed over pairs counts such a signal once per cloud. Each {@link Count}
 * therefore gives the sum over pairs, an upper bound of the distinct count, beside a lower bound:
 * the sum over accounts of the largest count among the account's clouds, since each cloud's count
 * holds every one of the account-wide signals.
 *
 * @param openCases {@code open_support_cases}: cases open at T
 * @param closedToCreated {@code cases_closed_to_created}: the mean of the pairs' ratios, weighted
 *     by the cases each opened or closed in the window
 * @param closedToCreatedBelow the pairs whose ratio is below the watchlist's bound
 * @param firstTimeFix {@code first_time_fix_rate}: the mean of the pairs' rates weighted by the
 *     cases and work orders whose outcome is known, which is the share fixed the first time over
 *     all of them
 * @param workOrders {@code work_order_volume}: work orders created in the window, in the pairs
 *     where the KPI applies (those with a baseline)
 * @param disengaging the pairs whose work orders carry the flag {@code DISENGAGING}
 * @param surge the pairs whose work orders carry the flag {@code SURGE}
 * @param complaints {@code complaints_raised}: distinct complaints raised in the window
 * @param accountsWithComplaint the accounts with a KPI flagged {@code COMPLAINT} in any cloud
 */
record SupportTotals(
    Count openCases,
    Mean closedToCreated,
    int closedToCreatedBelow,
    Mean firstTimeFix,
    Count workOrders,
    int disengaging,
    int surge,
    Count complaints,
    int accountsWithComplaint) {
  static final String OPEN_CASES = "open_support_cases";
  static final String CLOSED_TO_CREATED = "cases_closed_to_created";
  static final String FIRST_TIME_FIX = "first_time_fix_rate";
  static final String WORK_ORDERS = "work_order_volume";
  static final String COMPLAINTS = "complaints_raised";
  static final String DISENGAGING = "DISENGAGING";
  static final String SURGE = "SURGE";
  static final String COMPLAINT = "COMPLAINT";

  /**
   * A count KPI totalled over pairs.
   *
   * @param perPair the sum of the pairs' counts, which counts an account-wide signal once per
   *     cloud of its account
   * @param atLeast the sum over accounts of the largest count among their clouds; the distinct
   *     count lies in [atLeast, perPair]
   * @param pairs the pairs where the KPI applies
   */
  record Count(long perPair, long atLeast, int pairs) {}

  /**
   * A ratio KPI averaged over pairs.
   *
   * @param value the mean of the pairs' values weighted by their evidence, or NaN without evidence
   * @param evidence the evidence of all the pairs, as the KPI counts it
   * @param pairs the pairs where the KPI applies
   */
  record Mean(double value, long evidence, int pairs) {}

  /**
   * Totals the support view of a portfolio.
   *
   * @param accounts the accounts' health as of T
   * @param closedToCreatedBound the ratio below which a pair's support is not keeping up, as the
   *     watchlist's policy sets it
   * @return the totals
   */
  static SupportTotals of(Iterable<AccountHealth> accounts, double closedToCreatedBound) {
    CountTally open = new CountTally();
    CountTally orders = new CountTally();
    CountTally complaints = new CountTally();
    MeanTally ratio = new MeanTally();
    MeanTally fix = new MeanTally();
    int below = 0;
    int disengaging = 0;
    int surge = 0;
    int flagged = 0;
    for (AccountHealth account : accounts) {
      boolean complaint = false;
      for (CloudHealth cloud : account.clouds()) {
        for (KpiResult result : cloud.score().kpis()) {
          if (!(result instanceof KpiResult.Scored kpi)) {
            continue;
          }
          complaint |= kpi.flags().contains(COMPLAINT);
          switch (kpi.kpiId()) {
            case OPEN_CASES -> open.add(kpi.raw());
            case COMPLAINTS -> complaints.add(kpi.raw());
            case WORK_ORDERS -> {
              orders.add(kpi.raw());
              disengaging += kpi.flags().contains(DISENGAGING) ? 1 : 0;
              surge += kpi.flags().contains(SURGE) ? 1 : 0;
            }
            case CLOSED_TO_CREATED -> {
              ratio.add(kpi.raw(), kpi.evidence());
              below += kpi.raw() < closedToCreatedBound ? 1 : 0;
            }
            case FIRST_TIME_FIX -> fix.add(kpi.raw(), kpi.evidence());
            default -> {
              // Other KPIs are not part of the support view.
            }
          }
        }
      }
      open.endAccount();
      orders.endAccount();
      complaints.endAccount();
      flagged += complaint ? 1 : 0;
    }
    return new SupportTotals(
        open.count(), ratio.mean(), below, fix.mean(), orders.count(), disengaging, surge,
        complaints.count(), flagged);
  }

  /** Sums a count over pairs, and the largest count of each account. */
  private static final class CountTally {
    private long perPair;
    private long atLeast;
    private long largestInAccount;
    private int pairs;

    void add(double raw) {
      long count = Math.round(raw);
      perPair += count;
      largestInAccount = Math.max(largestInAccount, count);
      pairs++;
    }

    void endAccount() {
      atLeast += largestInAccount;
      largestInAccount = 0;
    }

    Count count() {
      return new Count(perPair, atLeast, pairs);
    }
  }

  /** Weighs a value over pairs by its evidence. */
  private static final class MeanTally {
    private double weighted;
    private long evidence;
    private int pairs;

    void add(double raw, long weight) {
      weighted += raw * weight;
      evidence += weight;
      pairs++;
    }

    Mean mean() {
      return new Mean(evidence > 0 ? weighted / evidence : Double.NaN, evidence, pairs);
    }
  }
}
